package io.stride.analytics.libraryhealth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.stride.analytics.lifecycle.LifecycleProposal;
import io.stride.authoring.CourseId;

/**
 * The library's health: how many courses are in each state, of each age, with each review-by status and in use or
 * idle, and how many proposals are open; with a filter, the courses that match it.
 * @param everything whether the counts cover every course (admins) or the viewer's own
 * @param courses the courses matching the filter, by title; empty without a filter
 */
public record LibraryHealthReport(boolean everything, int idleDays, int total, Map<State, Integer> byState,
		Map<Age, Integer> byAge, Map<ReviewBy, Integer> byReviewBy, Map<Use, Integer> byUse,
		Map<LifecycleProposal.Kind, Integer> openProposals, LibraryHealthFilter filter, List<Entry> courses) {

	/** Where a course is in its life; a published course with a new version in progress counts as published. */
	public enum State {
		DRAFT("Draft"), IN_REVIEW("In review"), PUBLISHED("Published"), RETIRED("Archived (retired)");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** Time since the first publication, or since creation for a course never published. */
	public enum Age {
		UNDER_3_MONTHS("Under 3 months"), UNDER_1_YEAR("3 to 12 months"), OVER_1_YEAR("Over a year");

		private final String label;

		Age(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** The review-by date of a published course, from today. */
	public enum ReviewBy {
		OVERDUE("Overdue"), DUE_SOON("Due within 30 days"), LATER("Later"), NONE("No date set");

		private final String label;

		ReviewBy(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** Whether learners opened a published course in the idle period. */
	public enum Use {
		OPENED("Opened in the period"), IDLE("Not opened in the period");

		private final String label;

		Use(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * One course of a filtered list.
	 * @param since first publication, or creation for a course never published
	 * @param reviewBy and use are null for courses that are not published
	 */
	public record Entry(CourseId courseId, String title, State state, Age age, Instant since, LocalDate reviewByDate,
			ReviewBy reviewBy, Use use, Instant lastOpenedAt) {
	}

	/** Published courses: those with review-by and use figures. */
	public int published() {
		return byState.get(State.PUBLISHED);
	}
}
