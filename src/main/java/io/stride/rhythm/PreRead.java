package io.stride.rhythm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.stride.identity.TeamId;

/**
 * What a session's pre-read holds, assembled from what Stride already knows, over the time since the ritual's
 * previous session ({@code since}; 30 days before the session for the first one).
 * @param previousSession the ritual's previous session, whose interventions are reviewed; null for the first
 * @param indicatorsShown false when the viewer may not read the team's outcome indicators (L&D outside the team)
 */
public record PreRead(SessionId session, RitualId ritual, String ritualName, RitualKind kind, TeamId team,
		String teamName, Instant startsAt, Instant since, SessionId previousSession, Instant previousStartsAt,
		LocalDate expiringUntil, Instant preparedAt, List<CoverageLine> coverage, List<ExpiringLine> expiring,
		boolean indicatorsShown, List<IndicatorLine> indicators, List<AttentionLine> needsAttention,
		CycleGoals cycleGoals, List<InterventionReview> interventions) {

	public PreRead {
		coverage = List.copyOf(coverage);
		expiring = List.copyOf(expiring);
		indicators = List.copyOf(indicators);
		needsAttention = List.copyOf(needsAttention);
		interventions = List.copyOf(interventions);
	}

	/**
	 * A capability short, at risk or forecast short, or whose coverage changed since the last session.
	 * @param qualified the people qualified and available today (not away), as coverage's status and the snapshots
	 * count them
	 * @param target the people the target asks for, null without one
	 * @param qualifiedBefore qualified at the last snapshot on or before {@code since}, null when none was taken
	 * @param shortFrom the first day of the first shortfall in the 90-day forecast, null when none
	 */
	public record CoverageLine(String capabilityId, String name, String status, int qualified, Integer target,
			Integer qualifiedBefore, LocalDate shortFrom, String summary) {

		/** The change in qualified and available people since the last session, null when not known. */
		public Integer change() {
			return qualifiedBefore == null ? null : qualified - qualifiedBefore;
		}
	}

	/** A level someone holds that stops holding before the next session and 30 days more. */
	public record ExpiringLine(String person, String capability, String level, LocalDate expiresOn) {
	}

	/**
	 * An outcome indicator with its values since the last session.
	 * @param before the last value before {@code since}, null when none
	 * @param latest the latest value, null when none
	 * @param trend "up", "down", "flat" or "unknown"
	 * @param better whether the move is the good way (null when flat or unknown)
	 */
	public record IndicatorLine(String metricId, String name, String unit, String direction, List<Value> values,
			Double before, Double latest, String trend, Boolean better, String sentence) {

		public IndicatorLine {
			values = List.copyOf(values);
		}
	}

	/** A period's value of an indicator, named by its first day. */
	public record Value(LocalDate period, double value) {

		/** "2026-11-02: 42". */
		public String text() {
			return period + ": " + PreReadMarkdown.number(value);
		}
	}

	/** Something learners of the team struggle with in a course they take. */
	public record AttentionLine(String courseId, String courseTitle, String what) {
	}

	/**
	 * Active learning cycles' goals that serve a team priority: counted for everyone, and named only for the cycles
	 * the reader may read.
	 * @param named the cycles the reader may read, with their owner
	 * @param namesHidden true when nobody is named (the version sent by email, or a reader who reads no cycles)
	 */
	public record CycleGoals(int goals, int cycles, List<NamedCycle> named, boolean namesHidden) {

		public CycleGoals {
			named = List.copyOf(named);
		}
	}

	/** A cycle the reader may read, whose goals serve the team's priorities. */
	public record NamedCycle(String cycleId, String owner, String title, List<String> priorities) {

		public NamedCycle {
			priorities = List.copyOf(priorities);
		}
	}

	/**
	 * One of the previous session's interventions, reviewed: done or not, and coverage and the linked indicator then
	 * and now; {@code effect} says it in words, as correlation and not proof.
	 */
	public record InterventionReview(String id, int position, InterventionKind kind, String description,
			String capability, String owner, LocalDate dueOn, String status, Integer holdersBefore, Integer holdersNow,
			String metric, Double metricBefore, Double metricNow, String effect) {

		public boolean done() {
			return "DONE".equals(status);
		}

		public boolean overdue(LocalDate today) {
			return "OPEN".equals(status) && dueOn != null && dueOn.isBefore(today);
		}
	}
}
