package io.stride.capability.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityDraft;
import io.stride.capability.CapabilityId;
import io.stride.capability.EvidenceRule;
import io.stride.capability.Level;
import io.stride.capability.RuleKind;
import io.stride.mastery.Checklists;
import io.stride.shared.ControlCharacters;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Checks a capability as a keeper wrote it and puts it in the form it is stored in: texts stripped, the default
 * levels when none are named, each rule with only the fields its kind uses. Who may write it is the caller's check.
 */
@Component
public class DraftCheck {

	public static final int MAX_NAME = 200;

	public static final int MAX_DESCRIPTION = 2000;

	public static final int MAX_CATEGORY = 100;

	public static final int MAX_LEVEL_NAME = 60;

	public static final int MAX_VALIDITY_MONTHS = 120;

	public static final int MAX_RULES_PER_LEVEL = 10;

	public static final int MAX_REVIEWS = 100;

	public static final int MAX_VALIDATIONS = 20;

	private final CatalogueStore store;

	private final Authoring authoring;

	private final RuleLabels labels;

	/** As long as an activity IRI a rule may name (the LRS keeps longer ones, but no rule needs them). */
	static final int MAX_ACTIVITY_IRI = 500;

	DraftCheck(CatalogueStore store, Authoring authoring, RuleLabels labels) {
		this.store = store;
		this.authoring = authoring;
		this.labels = labels;
	}

	/** A draft as it will be stored. */
	public record Checked(CatalogueStore.Header header, List<Level> levels, List<EvidenceRule> rules) {
	}

	/** {@code existing}: the capability being changed (its own name is no clash), null for a new one. */
	public Checked check(CapabilityDraft draft, CapabilityId existing, String notSaved) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = text(draft.name(), "name", MAX_NAME, true, errors,
				"Give the capability a name, e.g. “Run an executive business review”.");
		if (name != null && !errors.containsKey("name") && store.nameTaken(name, existing)) {
			errors.put("name", "Another active capability is already called “" + name + "”; choose another name or merge the two.");
		}
		String description = text(draft.description(), "description", MAX_DESCRIPTION, false, errors, null);
		String category = text(draft.category(), "category", MAX_CATEGORY, true, errors,
				"Give a category, such as the role family: “Customer Success”.");
		if (category != null && !errors.containsKey("category")) {
			// one spelling per category, so that filters and groups don't split on capitals
			String typed = category;
			category = store.categories().stream().filter(c -> c.equalsIgnoreCase(typed)).findFirst().orElse(typed);
		}
		Integer months = draft.validityMonths();
		if (months != null && (months < 1 || months > MAX_VALIDITY_MONTHS)) {
			errors.put("validityMonths", "Evidence counts for 1 to " + MAX_VALIDITY_MONTHS + " months; leave it empty if it never expires.");
		}
		List<Level> levels = levels(draft.levels(), errors);
		if (existing != null && !errors.containsKey("levels")) {
			int targeted = store.highestTargetLevel(existing);
			if (targeted > levels.size()) {
				errors.put("levels", "A team target asks for level " + targeted + "; keep at least " + targeted + " levels.");
			}
		}
		List<EvidenceRule> rules = rules(draft.rules() == null ? List.of() : draft.rules(), levels, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(notSaved, errors);
		}
		return new Checked(new CatalogueStore.Header(name, description == null ? "" : description, category,
				draft.ownerTeamId(), months), levels, rules);
	}

	private static List<Level> levels(List<String> names, Map<String, String> errors) {
		List<String> given = new ArrayList<>(names == null ? List.of() : names.stream().map(n -> n == null ? "" : n.strip()).toList());
		// a form has five inputs: the empty ones at the end are levels not wanted
		while (!given.isEmpty() && given.get(given.size() - 1).isEmpty()) {
			given.remove(given.size() - 1);
		}
		if (given.isEmpty()) {
			given.addAll(Capability.DEFAULT_LEVELS);
		}
		Set<String> seen = new HashSet<>();
		String problem = null;
		if (given.size() > Capability.MAX_LEVELS) {
			problem = "A capability has at most " + Capability.MAX_LEVELS + " levels.";
		}
		for (String name : given) {
			if (problem != null) {
				break;
			}
			if (name.isEmpty()) {
				problem = "Name every level from the lowest up; only the last ones may stay empty.";
			}
			else if (name.length() > MAX_LEVEL_NAME) {
				problem = "Keep each level's name to " + MAX_LEVEL_NAME + " characters.";
			}
			else if (ControlCharacters.in(name)) {
				problem = ControlCharacters.MESSAGE;
			}
			else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
				problem = "Two levels are called “" + name + "”; give each level its own name.";
			}
		}
		if (problem != null) {
			errors.put("levels", problem);
			return List.of();
		}
		List<Level> levels = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			levels.add(new Level(i + 1, given.get(i)));
		}
		return levels;
	}

	private List<EvidenceRule> rules(List<CapabilityDraft.RuleDraft> drafts, List<Level> levels, Map<String, String> errors) {
		Set<CourseId> courses = new HashSet<>();
		Set<String> tasks = new HashSet<>();
		for (CapabilityDraft.RuleDraft r : drafts) {
			if (r != null && RuleLabels.needsCourse(r.kind()) && r.courseId() != null) {
				courses.add(r.courseId());
			}
			if (r != null && r.kind() == RuleKind.TASK_SIGNED_OFF && r.taskId() != null && !r.taskId().isBlank()) {
				tasks.add(r.taskId().strip());
			}
		}
		Set<CourseId> published = courses.isEmpty() ? Set.of() : authoring.published(courses).keySet();
		Set<String> existingTasks = labels.tasks(tasks).keySet();
		List<EvidenceRule> rules = new ArrayList<>();
		Map<Integer, Integer> perLevel = new HashMap<>();
		Set<List<Object>> seen = new HashSet<>();
		for (int i = 0; i < drafts.size(); i++) {
			String field = "rules[" + i + "]";
			CapabilityDraft.RuleDraft r = drafts.get(i);
			if (r == null || r.kind() == null) {
				errors.put(field, "Choose what kind of evidence the rule asks for.");
				continue;
			}
			String problem = null;
			if (!levels.isEmpty() && (r.level() < 1 || r.level() > levels.size())) {
				problem = "Choose one of the capability's levels (1 to " + levels.size() + ").";
			}
			EvidenceRule rule = null;
			if (problem == null) {
				switch (r.kind()) {
					case COURSE_MASTERED, SPACED_REVIEWS -> {
						if (r.courseId() == null || !published.contains(r.courseId())) {
							problem = "Choose a published course.";
						}
						else if (r.kind() == RuleKind.SPACED_REVIEWS && (r.count() == null || r.count() < 1 || r.count() > MAX_REVIEWS)) {
							problem = "Ask for 1 to " + MAX_REVIEWS + " successful spaced reviews.";
						}
						else {
							boolean spaced = r.kind() == RuleKind.SPACED_REVIEWS;
							rule = new EvidenceRule(Ids.newId(), r.level(), r.kind(), r.courseId(), !spaced && r.currentVersion(),
									null, spaced ? r.count() : null, null, null);
						}
					}
					case TASK_SIGNED_OFF -> {
						String task = r.taskId() == null ? "" : r.taskId().strip();
						if (!existingTasks.contains(task)) {
							problem = "Choose a task of an observed checklist.";
						}
						else {
							rule = new EvidenceRule(Ids.newId(), r.level(), r.kind(), null, false, task, null, null, null);
						}
					}
					case CERTIFICATE -> {
						String certificate = r.certificateName() == null || r.certificateName().isBlank() ? null
								: r.certificateName().strip();
						if (certificate != null && certificate.length() > MAX_NAME) {
							problem = "Keep the certificate's name to " + MAX_NAME + " characters.";
						}
						else if (ControlCharacters.in(certificate)) {
							problem = ControlCharacters.MESSAGE;
						}
						else {
							rule = new EvidenceRule(Ids.newId(), r.level(), r.kind(), null, false, null, null, certificate, null);
						}
					}
					case VALIDATIONS -> {
						if (r.count() == null || r.count() < 1 || r.count() > MAX_VALIDATIONS) {
							problem = "Ask for validation by 1 to " + MAX_VALIDATIONS + " people.";
						}
						else {
							rule = new EvidenceRule(Ids.newId(), r.level(), r.kind(), null, false, null, r.count(), null, null);
						}
					}
					case OUTSIDE_ACTIVITY -> {
						String iri = r.activityIri() == null ? "" : r.activityIri().strip();
						String name = r.activityName() == null || r.activityName().isBlank() ? null : r.activityName().strip();
						problem = outsideActivityProblem(iri, name, r.minScore());
						if (problem == null) {
							rule = new EvidenceRule(Ids.newId(), r.level(), r.kind(), null, false, null, null, null, null, iri,
									name, r.minScore());
						}
					}
				}
			}
			if (rule != null) {
				List<Object> key = Arrays.asList(rule.level(), rule.kind(), rule.courseId(), rule.currentVersion(),
						rule.taskId(), rule.count(), rule.certificateName() == null ? null
								: rule.certificateName().toLowerCase(Locale.ROOT), rule.activityIri());
				if (!seen.add(key)) {
					problem = "This rule is already on level " + rule.level() + ".";
				}
				else if (perLevel.merge(rule.level(), 1, Integer::sum) > MAX_RULES_PER_LEVEL) {
					problem = "A level has at most " + MAX_RULES_PER_LEVEL + " rules.";
				}
			}
			if (problem != null) {
				errors.put(field, problem);
			}
			else if (rule != null) {
				rules.add(rule);
			}
		}
		// stored per level in the order written, so that a level's rules read together
		rules.sort(Comparator.comparingInt(EvidenceRule::level));
		return rules;
	}

	/**
	 * What is wrong with an outside activity rule, or null. Statements name activities by IRI and the LRS matches them
	 * exactly, so the rule's IRI must be absolute, as statements' are (a relative one could never match).
	 */
	static String outsideActivityProblem(String iri, String name, Double minScore) {
		if (iri.isEmpty()) {
			return "Give the outside activity's IRI, e.g. https://mooc.example/courses/negotiation.";
		}
		if (iri.length() > MAX_ACTIVITY_IRI) {
			return "Keep the activity's IRI to " + MAX_ACTIVITY_IRI + " characters.";
		}
		if (!absoluteIri(iri)) {
			return "The activity's IRI must be absolute, with a scheme, e.g. https://mooc.example/courses/negotiation.";
		}
		if (name != null && name.length() > MAX_NAME) {
			return "Keep the activity's name to " + MAX_NAME + " characters.";
		}
		if (ControlCharacters.in(name)) {
			return ControlCharacters.MESSAGE;
		}
		if (minScore != null && (minScore.isNaN() || minScore < 0 || minScore > 1)) {
			return "The lowest score that counts is from 0 % to 100 % (a scaled score from 0 to 1).";
		}
		return null;
	}

	private static boolean absoluteIri(String iri) {
		if (iri.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			return false;
		}
		try {
			URI uri = new URI(iri);
			return uri.isAbsolute() && (uri.getRawSchemeSpecificPart() != null && !uri.getRawSchemeSpecificPart().isEmpty());
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	private static String text(String value, String field, int max, boolean required, Map<String, String> errors,
			String missing) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			if (required) {
				errors.put(field, missing);
			}
			return required ? null : "";
		}
		if (text.length() > max) {
			errors.put(field, "Keep it to " + max + " characters.");
		}
		else if (ControlCharacters.in(text)) {
			errors.put(field, ControlCharacters.MESSAGE);
		}
		return text;
	}
}
