package io.stride.authoring;

import java.time.Instant;

import io.stride.identity.PersonId;

/**
 * Where a lesson or question of a course came from when it was reused from another course's published version.
 * {@code LINKED} elements show their source as it is and are offered its updates; {@code COPIED} ones are the
 * author's own and only remember their source. {@code keptVersion} is the newest source version whose update the
 * author chose not to take (null when none). {@code sourceModule} is the source's module a lesson was reused with
 * (null for a part reused on its own): the lessons reused together follow that module as its source reshapes it.
 */
public record ElementOrigin(CourseId courseId, String elementId, Kind elementKind, CourseId sourceCourseId,
		String sourceElementId, int sourceVersion, Mode mode, Integer keptVersion, PersonId reusedBy,
		Instant reusedAt, String sourceModule) {

	public ElementOrigin(CourseId courseId, String elementId, Kind elementKind, CourseId sourceCourseId,
			String sourceElementId, int sourceVersion, Mode mode, Integer keptVersion, PersonId reusedBy,
			Instant reusedAt) {
		this(courseId, elementId, elementKind, sourceCourseId, sourceElementId, sourceVersion, mode, keptVersion,
				reusedBy, reusedAt, null);
	}

	/** What the element is in the reusing course. */
	public enum Kind {
		LESSON, QUESTION, KNOWLEDGE_CHECK
	}

	public enum Mode {
		LINKED, COPIED
	}

	public boolean linked() {
		return mode == Mode.LINKED;
	}
}
