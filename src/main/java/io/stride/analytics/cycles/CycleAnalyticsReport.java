package io.stride.analytics.cycles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.stride.identity.TeamId;

/**
 * Learning-cycle figures for managers and L&D: per team and per month, how many people had an active cycle, what
 * their goals serve, validations given and how long validating took, and help asked for and answered.
 * @param teamId the team filtered by, or null for every team the viewer may see
 * @param everyone whether the viewer sees every team (admins and L&D)
 * @param activeOn the day the share with an active cycle is counted on for the whole period (its last day, or today)
 * @param minimumGroup the fewest people a group's figures are shown for
 * @param totalWithheld whether everyone in scope are fewer than {@code minimumGroup}: {@code total} then holds only
 * the number of people and {@code trend} is empty
 * @param total everyone in scope over the whole period
 * @param trend everyone in scope, month by month
 * @param teams each team in scope (its sub-teams' people included), teams above their sub-teams
 */
public record CycleAnalyticsReport(TeamId teamId, String teamName, boolean everyone, LocalDate from, LocalDate to,
		LocalDate activeOn, int minimumGroup, boolean totalWithheld, Figures total, List<Month> trend,
		List<TeamFigures> teams) {

	/**
	 * The figures of a group of people over some days.
	 * @param people active people of the group (as of today)
	 * @param withActiveCycle of them, those with a cycle active on the counting day
	 * @param hadCycle of them, those with a cycle active on at least one day of the period
	 * @param goals goals of cycles that ran in the period, with what they serve (a goal may serve several)
	 * @param validationsGiven VALIDATED or NOT_YET answers the group's people gave in the period
	 * @param validationsReceived such answers on the group's goals in the period
	 * @param medianDaysToValidate median days from request to answer of those received, one decimal; null without any
	 * @param helpRequests goals of the period's cycles looking for help or offered it
	 * @param helpAnswered of them, those with at least one offer by the end of the period
	 */
	public record Figures(int people, int withActiveCycle, int hadCycle, int goals, int servesOrganization,
			int servesTeam, int servesSelf, int validationsGiven, int validationsReceived, Double medianDaysToValidate,
			int helpRequests, int helpAnswered) {

		/** Share of people with an active cycle, 0 to 1; null for a group without people. */
		public Double shareActive() {
			return people == 0 ? null : round(withActiveCycle / (double) people);
		}

		/** Share of help requests answered, 0 to 1; null without requests. */
		public Double shareHelpAnswered() {
			return helpRequests == 0 ? null : round(helpAnswered / (double) helpRequests);
		}

		private static double round(double value) {
			return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
		}

		/** The figures of a group too small to show: only its number of people. */
		public static Figures withheld(int people) {
			return new Figures(people, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0);
		}

		public boolean hasActivity() {
			return hadCycle > 0 || validationsGiven > 0 || validationsReceived > 0;
		}
	}

	/** One calendar month, cut to the period: {@code activeOn} is its last day counted (or today). */
	public record Month(YearMonth month, LocalDate from, LocalDate to, LocalDate activeOn, Figures figures) {
	}

	/**
	 * A team's figures over the period and month by month; {@code depth} 0 for the top teams shown. A team of fewer
	 * than the minimum people is {@code withheld}: {@code period} holds only its number of people, {@code months} is
	 * empty.
	 */
	public record TeamFigures(TeamId id, String name, int depth, boolean withheld, Figures period, List<Month> months) {
	}

	/** Whether nobody in scope had a cycle or a validation in the period (false when the figures are withheld). */
	public boolean isEmpty() {
		return !totalWithheld && !total.hasActivity();
	}

	/** What a reader is told instead of the figures of a group too small to show. */
	public String withheldNote() {
		return "fewer than " + minimumGroup + " people: not shown";
	}
}
