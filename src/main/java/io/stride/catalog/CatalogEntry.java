package io.stride.catalog;

import java.time.Instant;
import java.util.List;

import io.stride.authoring.CourseId;

/**
 * A published course as the catalogue shows it (its live version).
 * @param minutes estimated from the words of the published version at 200 words a minute
 * @param reactionScore null until the course has enough reactions for its score to be shown
 */
public record CatalogEntry(CourseId id, String title, String description, String authorName, List<String> authorTeams,
		int lessons, int minutes, Integer reactionScore, int reactions, List<String> capabilities, int learners,
		Instant publishedAt) {
}
