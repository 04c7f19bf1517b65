package io.stride.authoring;

import java.util.List;

import io.stride.identity.PersonId;

/**
 * Every part of one version of a course (its settings as one part, each lesson, each knowledge check, each quiz
 * question) with what became of it against the course's last published version before it and, for reused parts,
 * against the source they were taken from; so that a reviewer reads what is new or changed and only glances at the
 * rest. Parts removed since the last published version are listed too.
 * @param comparedWith the published version compared with; null for a first version (everything is new)
 * @param newOrChanged parts that are new, changed or removed: the ones to read
 */
public record CourseChanges(CourseId courseId, int version, Integer comparedWith, List<Part> parts, int newOrChanged,
		int total) {

	public CourseChanges {
		parts = List.copyOf(parts);
	}

	public CourseChanges(CourseId courseId, int version, Integer comparedWith, List<Part> parts) {
		this(courseId, version, comparedWith, parts, (int) parts.stream().filter(Part::toRead).count(), parts.size());
	}

	/** A first version: nothing was published before it, so every part is new. */
	public boolean firstVersion() {
		return comparedWith == null;
	}

	public List<Part> toRead() {
		return parts.stream().filter(Part::toRead).toList();
	}

	public List<Part> alreadyReviewed() {
		return parts.stream().filter(p -> !p.toRead()).toList();
	}

	public enum State {
		/** Not in the last published version and not reused. */
		NEW,
		/** Different from the last published version, or a reused part edited after it was taken. */
		CHANGED,
		/** The same as in the last published version. */
		UNCHANGED,
		/** The same as in its source's published version. */
		REUSED,
		/**
		 * The same as in the last published version or as its source's, but that version was published without review
		 * or reviewed under a lower risk tier than this course's: to read in full (its diff is its whole text).
		 */
		NOT_REVIEWED,
		/** In the last published version, gone from this one. */
		REMOVED
	}

	public enum Kind {
		SETTINGS, LESSON, KNOWLEDGE_CHECK, QUESTION
	}

	/** One line of a part's text: kept, added or removed. */
	public record Line(Change change, String text) {
	}

	public enum Change {
		SAME, ADDED, REMOVED
	}

	/**
	 * Where a reused part came from.
	 * @param version the source's published version it was taken from (or last updated to)
	 * @param mode LINKED or COPIED
	 */
	public record Source(CourseId courseId, String title, int version, String elementId, String mode,
			PersonId authorId) {
	}

	/**
	 * One part.
	 * @param elementId the lesson or question id; null for the settings
	 * @param diff the part's text with what was added and removed: against the last published version for a
	 *     changed part, against the source for a reused part edited after it was taken, every line added for a new
	 *     part, every line removed for a removed one; empty for unchanged and reused parts
	 * @param source where a reused part came from, or null
	 */
	public record Part(Kind kind, String elementId, String title, State state, List<Line> diff, Source source) {

		public Part {
			diff = diff == null ? List.of() : List.copyOf(diff);
		}

		/** New, changed, removed and never reviewed parts are the ones a reviewer reads. */
		public boolean toRead() {
			return state == State.NEW || state == State.CHANGED || state == State.REMOVED || state == State.NOT_REVIEWED;
		}
	}
}
