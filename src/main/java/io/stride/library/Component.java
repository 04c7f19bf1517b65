package io.stride.library;

import java.time.Instant;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * A lesson, module or question of a course's live version, as the library shows it. {@code id} is the element's id in
 * its source course (a module's is generated from its course and name); {@code reactionScore} is null under five
 * reactions; {@code reuseCount} counts the other courses that took it.
 */
public record Component(String id, ComponentKind kind, String title, String excerpt, CourseId sourceCourseId,
		String sourceCourseTitle, int sourceVersion, String moduleName, PersonId authorId, String authorName,
		List<String> authorTeams, List<String> capabilities, Integer reactionScore, int reactions, int reuseCount,
		Instant publishedAt) {

	/** "from Running an EBR v3 by Maya Chen". */
	public String provenance() {
		return "from " + sourceCourseTitle + " v" + sourceVersion + (authorName.isEmpty() ? "" : " by " + authorName);
	}
}
