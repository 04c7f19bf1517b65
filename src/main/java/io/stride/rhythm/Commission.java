package io.stride.rhythm;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * A module a manager commissioned, as a viewer reads it. {@code cost} is {@code internalHours × hourRate} for
 * internal work or the external price; {@code spend} is its charge to the team's budget: counted, waiting for
 * L&D (over what is left, or on a day no budget period held), declined or released; null for a commission without a
 * cost. {@code course} is the course that answers it, once known.
 */
public record Commission(CommissionId id, TeamId teamId, String teamName, PersonId commissionedBy,
		String commissionedByName, PersonId authorId, String authorName, String problem, String audience,
		LocalDate dueOn, CourseId extendsCourse, String extendsTitle, InterventionId intervention, LearningNeedId need,
		CostKind costKind, BigDecimal internalHours, BigDecimal hourRate, BigDecimal cost, String currency,
		Status status, CourseId course, String courseTitle, Instant createdAt, Instant publishedAt,
		Instant cancelledAt, Budgets.Spend spend) {

	public enum Status {
		OPEN("Open"), PUBLISHED("Published"), CANCELLED("Cancelled");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** Who makes the module: the organization's own people (hours at the internal rate) or someone paid a price. */
	public enum CostKind {
		INTERNAL, EXTERNAL
	}

	/** The time from commission to the publication of its course; null while it is not published. */
	public Duration took() {
		return publishedAt == null ? null : Duration.between(createdAt, publishedAt);
	}

	/** {@link #took()} in days, rounded up to whole days for people to read. */
	public Long tookDays() {
		Duration took = took();
		return took == null ? null : (took.toHours() + 23) / 24;
	}

	public boolean isOpen() {
		return status == Status.OPEN;
	}

	/** The state of its spend from the budget; null when nothing was charged. */
	public Budgets.SpendStatus funding() {
		return spend == null ? null : spend.status();
	}

	/** Open and waiting for L&D to fund it: its author does not have it as a task yet. */
	public boolean waitingForFunding() {
		return isOpen() && funding() == Budgets.SpendStatus.WAITING;
	}

	/** Its spend waits without a budget: no budget period of the team held the day it was made. */
	public boolean withoutBudget() {
		return spend != null && spend.budgetId() == null;
	}
}
