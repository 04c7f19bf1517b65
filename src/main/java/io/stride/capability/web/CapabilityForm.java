package io.stride.capability.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityDraft;
import io.stride.capability.EvidenceRule;
import io.stride.capability.Level;
import io.stride.capability.RuleKind;
import io.stride.identity.TeamId;
import io.stride.shared.web.FormNumbers;
import org.springframework.util.MultiValueMap;

/**
 * The capability form as typed: five level inputs and rule rows, some of them left empty. Numbers stay text so that
 * what was typed comes back with the error.
 */
record CapabilityForm(String name, String description, String category, String ownerTeamId, String validityMonths,
		List<String> levels, List<Row> rules, Integer revision) {

	static final int EMPTY_ROWS = 2;

	static final int MAX_ROWS = Capability.MAX_LEVELS * 10;

	/** One rule row; a row without a kind and without anything chosen is an unused row. */
	record Row(String level, String kind, String courseId, boolean currentVersion, String taskId, String count,
			String certificateName, String activityIri, String activityName, String minScore) {

		static Row empty() {
			return new Row("1", "", "", false, "", "", "", "", "", "");
		}

		boolean unused() {
			return blank(kind) && blank(courseId) && blank(taskId) && blank(count) && blank(certificateName)
					&& blank(activityIri) && blank(activityName) && blank(minScore);
		}
	}

	static CapabilityForm blank(TeamId ownerTeamId) {
		List<String> levels = new ArrayList<>(Capability.DEFAULT_LEVELS);
		while (levels.size() < Capability.MAX_LEVELS) {
			levels.add("");
		}
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < EMPTY_ROWS + 1; i++) {
			rows.add(Row.empty());
		}
		return new CapabilityForm("", "", "", ownerTeamId == null ? "" : ownerTeamId.value(), "", levels, rows, null);
	}

	static CapabilityForm of(Capability c) {
		List<String> levels = new ArrayList<>(c.levels().stream().map(Level::name).toList());
		while (levels.size() < Capability.MAX_LEVELS) {
			levels.add("");
		}
		List<Row> rows = new ArrayList<>();
		for (EvidenceRule r : c.rules()) {
			rows.add(new Row(String.valueOf(r.level()), r.kind().name(), r.courseId() == null ? "" : r.courseId().value(),
					r.currentVersion(), r.taskId() == null ? "" : r.taskId(), r.count() == null ? "" : String.valueOf(r.count()),
					r.certificateName() == null ? "" : r.certificateName(), r.activityIri() == null ? "" : r.activityIri(),
					r.activityName() == null ? "" : r.activityName(),
					r.minScore() == null ? "" : new BigDecimal(String.valueOf(r.minScore() * 100))
						.stripTrailingZeros().toPlainString()));
		}
		for (int i = 0; i < EMPTY_ROWS; i++) {
			rows.add(Row.empty());
		}
		return new CapabilityForm(c.name(), c.description(), c.category(),
				c.ownerTeamId() == null ? "" : c.ownerTeamId().value(),
				c.validityMonths() == null ? "" : String.valueOf(c.validityMonths()), levels, rows, c.revision());
	}

	static CapabilityForm read(MultiValueMap<String, String> params) {
		List<String> levels = new ArrayList<>(params.getOrDefault("levels", List.of()));
		while (levels.size() < Capability.MAX_LEVELS) {
			levels.add("");
		}
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < MAX_ROWS && params.containsKey("rules[" + i + "].kind"); i++) {
			String p = "rules[" + i + "].";
			rows.add(new Row(value(params, p + "level"), value(params, p + "kind"), value(params, p + "courseId"),
					"true".equals(params.getFirst(p + "currentVersion")), value(params, p + "taskId"),
					value(params, p + "count"), value(params, p + "certificateName"), value(params, p + "activityIri"),
					value(params, p + "activityName"), value(params, p + "minScore")));
		}
		String revision = params.getFirst("revision");
		Integer rev = null;
		if (revision != null && !revision.isBlank()) {
			rev = FormNumbers.wholeNumber(revision).orElse(-1);
		}
		return new CapabilityForm(value(params, "name"), value(params, "description"), value(params, "category"),
				value(params, "ownerTeamId"), value(params, "validityMonths"), levels.subList(0, Math.min(levels.size(),
						Capability.MAX_LEVELS)), rows, rev);
	}

	CapabilityForm withAnotherRow() {
		List<Row> rows = new ArrayList<>(rules);
		if (rows.size() < MAX_ROWS) {
			rows.add(Row.empty());
		}
		return new CapabilityForm(name, description, category, ownerTeamId, validityMonths, levels, rows, revision);
	}

	/** What the form says as a draft, with where each draft rule came from (its row) for errors. */
	record Parsed(CapabilityDraft draft, List<Integer> rowOfRule) {
	}

	/**
	 * Numbers that aren't numbers become values the catalogue refuses with the message the field needs (an
	 * unreadable count is a missing count), so that every error of the form is shown at once.
	 */
	Parsed parse() {
		Integer months = null;
		if (!blank(validityMonths)) {
			months = FormNumbers.wholeNumber(validityMonths).orElse(-1);
		}
		List<CapabilityDraft.RuleDraft> drafts = new ArrayList<>();
		List<Integer> rowOfRule = new ArrayList<>();
		for (int i = 0; i < rules.size(); i++) {
			Row row = rules.get(i);
			if (row.unused()) {
				continue;
			}
			RuleKind kind = null;
			try {
				kind = blank(row.kind()) ? null : RuleKind.valueOf(row.kind());
			}
			catch (IllegalArgumentException e) {
				// an unknown kind is asked again like a missing one
			}
			Integer count = null;
			boolean counted = kind == RuleKind.SPACED_REVIEWS || kind == RuleKind.VALIDATIONS;
			if (counted && !blank(row.count())) {
				count = FormNumbers.wholeNumber(row.count()).orElse(null);
			}
			int level;
			try {
				level = Integer.parseInt(row.level());
			}
			catch (NumberFormatException e) {
				level = 0;
			}
			boolean course = kind == RuleKind.COURSE_MASTERED || kind == RuleKind.SPACED_REVIEWS;
			boolean outside = kind == RuleKind.OUTSIDE_ACTIVITY;
			drafts.add(new CapabilityDraft.RuleDraft(level, kind, course && !blank(row.courseId()) ? new CourseId(row.courseId()) : null,
					kind == RuleKind.COURSE_MASTERED && row.currentVersion(),
					kind == RuleKind.TASK_SIGNED_OFF ? row.taskId() : null, count,
					kind == RuleKind.CERTIFICATE ? row.certificateName() : null, outside ? row.activityIri() : null,
					outside ? row.activityName() : null, outside ? percentAsScaled(row.minScore()) : null));
			rowOfRule.add(i);
		}
		return new Parsed(new CapabilityDraft(name, description, category,
				blank(ownerTeamId) ? null : new TeamId(ownerTeamId), months, levels, drafts), rowOfRule);
	}

	/**
	 * The form asks for the lowest score in percent (people think of 80 %, statements send 0.8); what isn't a number
	 * becomes a score the catalogue refuses, so the error shows at the rule with the others.
	 */
	static Double percentAsScaled(String percent) {
		if (blank(percent)) {
			return null;
		}
		return FormNumbers.decimal(percent.strip().replace("%", "")).map(p -> p / 100).orElse(Double.NaN);
	}

	private static String value(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
