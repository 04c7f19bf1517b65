package io.stride.mastery;

import java.time.Instant;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * Whether a learner has mastered a course, and why: mastered when at least one criterion applies and every one
 * is met. {@code masteredAt} is when it was reached (null while not mastered).
 */
public record CourseMastery(PersonId personId, String personName, CourseId courseId, String courseTitle,
		boolean mastered, Instant masteredAt, List<Evidence> evidence) {

	public CourseMastery {
		evidence = List.copyOf(evidence);
	}

	public long metCount() {
		return evidence.stream().filter(Evidence::met).count();
	}

	/** In words, for tables: "Mastered", "2 of 3 criteria met", or why nothing applies. */
	public String summary() {
		if (mastered) {
			return "Mastered";
		}
		if (evidence.isEmpty()) {
			return "No criterion applies";
		}
		return "Not mastered: " + metCount() + " of " + evidence.size() + " criteria met";
	}
}
