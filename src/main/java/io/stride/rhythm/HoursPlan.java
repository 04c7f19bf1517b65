package io.stride.rhythm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.stride.identity.PersonId;
import io.stride.identity.Team;

/**
 * A team's learning hours in a period: per person of the team tree, the hours given, the time their learning asks
 * for (committed) and the time they spent (used). {@code period} is null when the team has no period yet.
 */
public record HoursPlan(Team team, LearningPeriod period, List<LearningPeriod> periods, List<PersonHours> people) {

	public HoursPlan {
		periods = List.copyOf(periods);
		people = List.copyOf(people);
	}

	/**
	 * One person's figures, in minutes but {@code allocatedHours} (null: none given). Committed: the estimated time of
	 * their assigned courses not done yet that are due in or before the period (or have no due date), and of the
	 * courses of their active contract's goals not done yet (a course counted once). Used: time in lessons and
	 * quizzes from the learning record in the period, and minutes logged on goals in check-ins in the period.
	 */
	public record PersonHours(PersonId person, String name, String email, BigDecimal allocatedHours,
			int assignedMinutes, int assignedCourses, int goalMinutes, int goalCourses, int lessonMinutes,
			int quizMinutes, int loggedMinutes) {

		public int committedMinutes() {
			return assignedMinutes + goalMinutes;
		}

		public int usedMinutes() {
			return lessonMinutes + quizMinutes + loggedMinutes;
		}

		/** Hours to one decimal, for pages: committed, used, and used in lessons, quizzes and logged. */
		public BigDecimal committedHours() {
			return Hours.of(committedMinutes());
		}

		public BigDecimal usedHours() {
			return Hours.of(usedMinutes());
		}

		public String usedParts() {
			return "Lessons " + Hours.of(lessonMinutes) + " h, quizzes " + Hours.of(quizMinutes) + " h, logged on goals "
					+ Hours.of(loggedMinutes) + " h";
		}

		/** Their learning asks for more time than they were given (none given counts as zero). */
		public boolean overCommitted() {
			int given = allocatedHours == null ? 0 : allocatedHours.multiply(BigDecimal.valueOf(60)).intValue();
			return committedMinutes() > given;
		}

		/** The warning to show, or null. */
		public String warning() {
			if (!overCommitted()) {
				return null;
			}
			return allocatedHours == null ? "No hours given for " + Hours.of(committedMinutes()) + " h of learning"
					: "Over-committed by " + Hours.of(committedMinutes() - allocatedHours.multiply(BigDecimal.valueOf(60))
						.intValue()) + " h";
		}
	}

	public int overCommitted() {
		return (int) people.stream().filter(PersonHours::overCommitted).count();
	}

	public BigDecimal allocatedHours() {
		return people.stream().map(p -> p.allocatedHours() == null ? BigDecimal.ZERO : p.allocatedHours())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public int committedMinutes() {
		return people.stream().mapToInt(PersonHours::committedMinutes).sum();
	}

	public int usedMinutes() {
		return people.stream().mapToInt(PersonHours::usedMinutes).sum();
	}

	public BigDecimal committedHours() {
		return Hours.of(committedMinutes());
	}

	public BigDecimal usedHours() {
		return Hours.of(usedMinutes());
	}

	/** Minutes as hours to one decimal, for pages and exports. */
	public static final class Hours {

		private Hours() {
		}

		public static BigDecimal of(int minutes) {
			return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
		}
	}
}
