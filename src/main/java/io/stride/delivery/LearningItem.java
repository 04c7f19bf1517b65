package io.stride.delivery;

import java.time.LocalDate;

import io.stride.authoring.CourseId;

/**
 * A course on someone's "my learning" list; {@code reason} says why it was assigned to them alone (null when it came
 * with a team or was not assigned); {@code chosenFrom} says where the person chose it themselves (e.g. "from your
 * learning contract"), null when they did not or when it is assigned.
 */
public record LearningItem(CourseId courseId, String title, ProgressStatus status, LocalDate dueDate, Integer bestScore,
		boolean assigned, boolean hasQuiz, String recertifyReason, String reason, String chosenFrom) {

	public LearningItem(CourseId courseId, String title, ProgressStatus status, LocalDate dueDate, Integer bestScore,
			boolean assigned, boolean hasQuiz, String recertifyReason, String reason) {
		this(courseId, title, status, dueDate, bestScore, assigned, hasQuiz, recertifyReason, reason, null);
	}

	public LearningItem(CourseId courseId, String title, ProgressStatus status, LocalDate dueDate, Integer bestScore,
			boolean assigned, boolean hasQuiz) {
		this(courseId, title, status, dueDate, bestScore, assigned, hasQuiz, null, null);
	}

	public LearningItem(CourseId courseId, String title, ProgressStatus status, LocalDate dueDate, Integer bestScore,
			boolean assigned, boolean hasQuiz, String recertifyReason) {
		this(courseId, title, status, dueDate, bestScore, assigned, hasQuiz, recertifyReason, null);
	}

	/** The learner must take the course again (its newest version). */
	public boolean recertify() {
		return recertifyReason != null;
	}

	public boolean overdue() {
		return overdueOn(LocalDate.now());
	}

	/** Past its due date on {@code today} and not finished. */
	public boolean overdueOn(LocalDate today) {
		return dueDate != null && dueDate.isBefore(today) && !done();
	}

	/** Where "my learning" lists the course. */
	public Section section() {
		if (done()) {
			return Section.COMPLETED;
		}
		if (!recertify() && status == ProgressStatus.NOT_STARTED && selfChosen()) {
			return Section.SELF_CHOSEN;
		}
		return recertify() || status == ProgressStatus.NOT_STARTED ? Section.ASSIGNED : Section.IN_PROGRESS;
	}

	/** Chosen by the person (not assigned), e.g. named in their learning contract. */
	public boolean selfChosen() {
		return chosenFrom != null && !assigned;
	}

	/**
	 * The parts of "my learning": to start (or take again), chosen by the person and not started yet, under way,
	 * finished.
	 */
	public enum Section {
		ASSIGNED, SELF_CHOSEN, IN_PROGRESS, COMPLETED
	}

	/** Finished: the quiz is passed, or every lesson is read in a course without a quiz. */
	public boolean done() {
		return status.isDone(hasQuiz) && recertifyReason == null;
	}
}
