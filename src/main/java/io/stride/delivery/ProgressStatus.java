package io.stride.delivery;

public enum ProgressStatus {

	NOT_STARTED("Not started"), IN_PROGRESS("In progress"), COMPLETED("Completed"), PASSED("Passed");

	private final String label;

	ProgressStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** A course with a quiz is done when passed; one without, when completed. */
	public boolean isDone(boolean hasQuiz) {
		return this == PASSED || this == COMPLETED && !hasQuiz;
	}
}
