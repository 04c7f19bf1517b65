package io.stride.capability.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.stride.capability.Capability;
import io.stride.capability.EvidenceRule;
import io.stride.capability.Level;
import io.stride.capability.MissingEvidence;
import io.stride.capability.RuleKind;

/**
 * A person's level of a capability from their evidence, on a day. A level holds when it has rules and every rule
 * holds; the person's level is the highest level that holds. Evidence counts from the day it was given until it
 * expires (the capability's validity in months after that day, or a certificate's own expiry date), and stops
 * counting on the day it expires. A level holds until the first of its rules stops holding.
 */
public final class LevelEvaluator {

	/** "Expires in N days" is shown from this many days ahead. */
	public static final int EXPIRY_NOTICE_DAYS = 60;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private LevelEvaluator() {
	}

	/** One rule on the day: met or not, why in words, until when it holds (null: no expiry), and what is missing. */
	public record RuleResult(EvidenceRule rule, boolean met, String description, LocalDate validUntil,
			MissingEvidence missing) {
	}

	public record LevelResult(Level level, boolean holds, LocalDate validUntil, List<RuleResult> rules) {
	}

	/** Every level's result, lowest first, and the level held (null when none holds). */
	public record Evaluation(List<LevelResult> levels, LevelResult held) {

		public Integer heldRank() {
			return held == null ? null : held.level().rank();
		}

		/** The levels that hold on the day, each with the day it stops holding: what capability_holdings keeps. */
		public List<LevelResult> holding() {
			return levels.stream().filter(LevelResult::holds).toList();
		}
	}

	public static Evaluation evaluate(Capability capability, Facts facts, LocalDate today) {
		List<LevelResult> levels = new ArrayList<>();
		LevelResult held = null;
		for (Level level : capability.levels()) {
			LevelResult result = level(capability, level, facts, today);
			levels.add(result);
			if (result.holds()) {
				held = result;
			}
		}
		return new Evaluation(levels, held);
	}

	/** The rules of one level, for showing what someone lacks to reach it. */
	public static LevelResult level(Capability capability, Level level, Facts facts, LocalDate today) {
		List<RuleResult> rules = new ArrayList<>();
		for (EvidenceRule rule : capability.rulesOf(level.rank())) {
			rules.add(rule(capability, rule, facts, today));
		}
		boolean holds = !rules.isEmpty() && rules.stream().allMatch(RuleResult::met);
		LocalDate until = null;
		if (holds) {
			until = rules.stream()
				.map(RuleResult::validUntil)
				.filter(Objects::nonNull)
				.min(Comparator.naturalOrder())
				.orElse(null);
		}
		return new LevelResult(level, holds, until, rules);
	}

	static RuleResult rule(Capability capability, EvidenceRule rule, Facts facts, LocalDate today) {
		Integer months = capability.validityMonths();
		return switch (rule.kind()) {
			case COURSE_MASTERED -> mastered(rule, facts, months, today);
			case TASK_SIGNED_OFF -> signedOff(rule, facts, months, today);
			case SPACED_REVIEWS -> reviews(rule, facts, months, today);
			case CERTIFICATE -> certificate(capability, rule, facts, months, today);
			case VALIDATIONS -> validations(capability, rule, facts, months, today);
			case OUTSIDE_ACTIVITY -> outside(rule, facts, months, today);
		};
	}

	/**
	 * The newest completion with enough score decides, like a mastery: it counts from its day for the capability's
	 * validity. Statements with success false or voided never reach here.
	 */
	private static RuleResult outside(EvidenceRule rule, Facts facts, Integer months, LocalDate today) {
		String activity = "“" + (rule.activityName() == null || rule.activityName().isBlank() ? rule.activityIri()
				: rule.activityName()) + "”";
		String enough = rule.minScore() == null ? "" : " with a score of at least " + percent(rule.minScore());
		MissingEvidence missing = new MissingEvidence(rule.id(), RuleKind.OUTSIDE_ACTIVITY,
				"Complete " + activity + " in the outside tool" + enough, "OUTSIDE_ACTIVITY", null, null);
		List<Facts.OutsideCompletion> all = facts.outside().getOrDefault(rule.activityIri(), List.of());
		LocalDate newest = null;
		Double bestBelow = null;
		for (Facts.OutsideCompletion c : all) {
			if (rule.minScore() != null && (c.score() == null || c.score() < rule.minScore())) {
				if (c.score() != null && (bestBelow == null || c.score() > bestBelow)) {
					bestBelow = c.score();
				}
				continue;
			}
			if (newest == null || c.on().isAfter(newest)) {
				newest = c.on();
			}
		}
		if (newest == null) {
			return new RuleResult(rule, false, all.isEmpty() ? activity + " not completed in an outside tool yet"
					: "Completed " + activity + " with " + (bestBelow == null ? "no score" : percent(bestBelow))
							+ "; it takes " + percent(rule.minScore()), null, missing);
		}
		LocalDate until = plus(newest, months);
		if (until != null && !today.isBefore(until)) {
			return new RuleResult(rule, false, "Completed " + activity + " in an outside tool on " + day(newest)
					+ "; expired on " + day(until), until, missing);
		}
		return new RuleResult(rule, true, "Completed " + activity + " in an outside tool on " + day(newest)
				+ validity(until), until, null);
	}

	/** A scaled score in percent, e.g. 0.8 is "80 %". */
	static String percent(double scaled) {
		return Math.round(scaled * 100) + " %";
	}

	private static RuleResult mastered(EvidenceRule rule, Facts facts, Integer months, LocalDate today) {
		String course = facts.names().course(rule.courseId());
		MissingEvidence missing = new MissingEvidence(rule.id(), RuleKind.COURSE_MASTERED,
				"Master " + course + (rule.currentVersion() ? " (current version)" : ""), "ASSIGN_COURSE", rule.courseId(),
				null);
		Facts.Mastered m = facts.mastered().get(rule.courseId());
		if (m == null) {
			return new RuleResult(rule, false, course + " not mastered yet", null, missing);
		}
		if (rule.currentVersion() && !m.onCurrentVersion()) {
			return new RuleResult(rule, false, "Mastered an earlier version of " + course + " on " + day(m.on())
					+ "; the current version is not mastered yet", null, missing);
		}
		LocalDate until = plus(m.on(), months);
		if (until != null && !today.isBefore(until)) {
			return new RuleResult(rule, false, "Mastered " + course + " on " + day(m.on()) + "; expired on " + day(until),
					until, missing);
		}
		return new RuleResult(rule, true, "Mastered " + course + " on " + day(m.on()) + validity(until), until, null);
	}

	private static RuleResult signedOff(EvidenceRule rule, Facts facts, Integer months, LocalDate today) {
		String task = facts.names().task(rule.taskId());
		MissingEvidence missing = new MissingEvidence(rule.id(), RuleKind.TASK_SIGNED_OFF, "Get " + task + " signed off",
				"REQUEST_SIGN_OFF", null, rule.taskId());
		Facts.SignedOff s = facts.signOffs().get(rule.taskId());
		if (s == null) {
			return new RuleResult(rule, false, task + " not signed off yet", null, missing);
		}
		LocalDate until = plus(s.observedOn(), months);
		String what = task + " signed off by " + s.signerName() + " (observed " + day(s.observedOn()) + ")";
		if (until != null && !today.isBefore(until)) {
			return new RuleResult(rule, false, what + "; expired on " + day(until), until, missing);
		}
		return new RuleResult(rule, true, what + validity(until), until, null);
	}

	private static RuleResult reviews(EvidenceRule rule, Facts facts, Integer months, LocalDate today) {
		int required = rule.count() == null ? 1 : rule.count();
		String course = facts.names().course(rule.courseId());
		MissingEvidence missing = new MissingEvidence(rule.id(), RuleKind.SPACED_REVIEWS,
				"Answer " + required + " spaced reviews of " + course + " right", "PRACTICE", rule.courseId(), null);
		List<LocalDate> days = facts.reviewDays().getOrDefault(rule.courseId(), List.of());
		// the Nth newest successful review decides: the newest N are all within their validity until it expires
		List<LocalDate> counting = days.stream()
			.filter(d -> plus(d, months) == null || today.isBefore(plus(d, months)))
			.toList();
		if (counting.size() < required) {
			return new RuleResult(rule, false, counting.size() + " of " + required + " successful spaced reviews of " + course
					+ (counting.size() < days.size() ? " (older ones expired)" : ""), null, missing);
		}
		LocalDate until = plus(counting.get(required - 1), months);
		return new RuleResult(rule, true, required + " of " + required + " successful spaced reviews of " + course
				+ validity(until), until, null);
	}

	private static RuleResult certificate(Capability capability, EvidenceRule rule, Facts facts, Integer months,
			LocalDate today) {
		String kind = rule.certificateName() == null || rule.certificateName().isBlank() ? "an external certificate"
				: "the certificate “" + rule.certificateName() + "”";
		MissingEvidence missing = new MissingEvidence(rule.id(), RuleKind.CERTIFICATE,
				"Upload " + kind + " for a manager to confirm", "CERTIFICATE", null, null);
		Facts.Certificate best = null;
		LocalDate bestUntil = null;
		boolean expired = false;
		for (Facts.Certificate c : facts.certificates().getOrDefault(capability.id(), List.of())) {
			if (rule.certificateName() != null && !rule.certificateName().isBlank()
					&& !c.name().toLowerCase(Locale.ROOT).contains(rule.certificateName().toLowerCase(Locale.ROOT))) {
				continue;
			}
			LocalDate until = c.expiresOn() != null ? c.expiresOn() : plus(c.issuedOn(), months);
			if (until != null && !today.isBefore(until)) {
				expired = true;
				continue;
			}
			if (best == null || bestUntil != null && (until == null || until.isAfter(bestUntil))) {
				best = c;
				bestUntil = until;
			}
		}
		if (best == null) {
			return new RuleResult(rule, false, expired ? "The confirmed certificate has expired" : "No confirmed certificate yet",
					null, missing);
		}
		return new RuleResult(rule, true, "Certificate “" + best.name() + "” from " + best.issuer() + ", issued "
				+ day(best.issuedOn()) + validity(bestUntil), bestUntil, null);
	}

	private static RuleResult validations(Capability capability, EvidenceRule rule, Facts facts, Integer months,
			LocalDate today) {
		int required = rule.count() == null ? 1 : rule.count();
		MissingEvidence missing = new MissingEvidence(rule.id(), RuleKind.VALIDATIONS, "Be validated by " + required
				+ (required == 1 ? " person" : " people") + " who hold the level", "VALIDATION", null, null);
		List<LocalDate> untils = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (Facts.Validation v : facts.validations().getOrDefault(capability.id(), List.of())) {
			if (v.levelRank() < rule.level()) {
				continue;
			}
			LocalDate until = plus(v.validatedOn(), months);
			if (until == null || today.isBefore(until)) {
				untils.add(until == null ? LocalDate.MAX : until);
				names.add(v.validatorName());
			}
		}
		if (untils.size() < required) {
			return new RuleResult(rule, false, untils.size() + " of " + required + " validations"
					+ (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")"), null, missing);
		}
		untils.sort(Comparator.reverseOrder());
		LocalDate until = untils.get(required - 1).equals(LocalDate.MAX) ? null : untils.get(required - 1);
		return new RuleResult(rule, true, "Validated by " + String.join(", ", names) + validity(until), until, null);
	}

	/** Days from today until the evidence stops counting, when that is within the notice period; else null. */
	public static Long expiresInDays(LocalDate until, LocalDate today) {
		if (until == null) {
			return null;
		}
		long days = ChronoUnit.DAYS.between(today, until);
		return days >= 0 && days <= EXPIRY_NOTICE_DAYS ? days : null;
	}

	static LocalDate plus(LocalDate day, Integer months) {
		return months == null ? null : day.plusMonths(months);
	}

	static String day(LocalDate day) {
		return DAY.format(day);
	}

	private static String validity(LocalDate until) {
		return until == null ? "" : "; counts until " + day(until.minusDays(1));
	}
}
