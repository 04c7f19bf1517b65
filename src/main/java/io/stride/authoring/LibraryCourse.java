package io.stride.authoring;

import java.time.Instant;
import java.time.LocalDate;

import io.stride.identity.PersonId;

/**
 * A course as the library sees it, without its content: for counts across many courses.
 * @param version the version the working copy is
 * @param firstPublishedAt when its first version was published; null while it never was
 * @param liveVersion the newest published version, or null
 */
public record LibraryCourse(CourseId id, String title, CourseStatus status, int version, PersonId authorId,
		Instant createdAt, Instant firstPublishedAt, LocalDate reviewBy, Integer liveVersion) {

	/** Where the course stands, and what that allows (see {@link CourseState}). */
	public CourseState state() {
		return new CourseState(status, version, liveVersion);
	}

	/** Learners can be given it: some version is published and the course is not retired. */
	public boolean isLive() {
		return state().isLive();
	}
}
