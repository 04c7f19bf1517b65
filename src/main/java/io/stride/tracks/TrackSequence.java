package io.stride.tracks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules a sequence of steps keeps, for the organization's order and a team's alike: prerequisites form no cycle,
 * no step comes before a step it requires, and no step opens on a fixed date before a prerequisite's fixed date.
 * Each check answers the message a person reads next to the field.
 */
public final class TrackSequence {

	private TrackSequence() {
	}

	/** A circular prerequisite, named by the steps' titles ("A → B → A"), when there is one. */
	static Optional<String> cycle(List<TrackStep> steps) {
		Map<String, TrackStep> byId = byId(steps);
		Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
		for (TrackStep step : steps) {
			List<String> path = new ArrayList<>();
			if (visit(step.id(), byId, state, path)) {
				int start = path.indexOf(path.get(path.size() - 1));
				List<String> titles = path.subList(start, path.size())
					.stream()
					.map(id -> "“" + byId.get(id).title() + "”")
					.toList();
				return Optional.of("These steps require each other in a circle: " + String.join(" → ", titles)
						+ ". Remove one of these prerequisites.");
			}
		}
		return Optional.empty();
	}

	private static boolean visit(String id, Map<String, TrackStep> byId, Map<String, Integer> state, List<String> path) {
		Integer seen = state.get(id);
		if (seen != null && seen == 2) {
			return false;
		}
		path.add(id);
		if (seen != null && seen == 1) {
			return true;
		}
		state.put(id, 1);
		TrackStep step = byId.get(id);
		if (step != null) {
			for (String requires : step.prerequisites().stream().sorted().toList()) {
				if (byId.containsKey(requires) && visit(requires, byId, state, path)) {
					return true;
				}
			}
		}
		state.put(id, 2);
		path.remove(path.size() - 1);
		return false;
	}

	/** The first step, in this order, that comes before a step it requires, with what it requires. */
	static Optional<String> outOfOrder(List<TrackStep> ordered) {
		Map<String, Integer> place = new HashMap<>();
		for (int i = 0; i < ordered.size(); i++) {
			place.put(ordered.get(i).id(), i);
		}
		Map<String, TrackStep> byId = byId(ordered);
		for (int i = 0; i < ordered.size(); i++) {
			TrackStep step = ordered.get(i);
			for (String requires : step.prerequisites().stream().sorted().toList()) {
				Integer at = place.get(requires);
				if (at != null && at > i) {
					return Optional.of("A step cannot come before what it requires: “" + step.title() + "” (step "
							+ (i + 1) + ") requires “" + byId.get(requires).title() + "” (step " + (at + 1) + ").");
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Steps released on a fixed date before the fixed date of one of their prerequisites: step id to the message.
	 */
	static Map<String, String> releasedBeforePrerequisite(List<TrackStep> steps) {
		Map<String, TrackStep> byId = byId(steps);
		Map<String, String> found = new LinkedHashMap<>();
		for (TrackStep step : steps) {
			if (step.pacing().rule() != PacingRule.FIXED_DATE || step.pacing().releaseOn() == null) {
				continue;
			}
			for (String requires : step.prerequisites().stream().sorted().toList()) {
				TrackStep before = byId.get(requires);
				if (before != null && before.pacing().rule() == PacingRule.FIXED_DATE && before.pacing().releaseOn() != null
						&& step.pacing().releaseOn().isBefore(before.pacing().releaseOn())) {
					found.put(step.id(), "“" + step.title() + "” would be released before its prerequisite “"
							+ before.title() + "” (released on " + TrackProgressRules.day(before.pacing().releaseOn())
							+ "); choose " + TrackProgressRules.day(before.pacing().releaseOn()) + " or later.");
					break;
				}
			}
		}
		return found;
	}

	/** How a person reads a step's pacing ("14 days after the previous step"). */
	public static String describe(Pacing pacing) {
		return switch (pacing.rule()) {
			case ON_ENROLMENT -> "on enrolment";
			case AFTER_PREVIOUS -> days(pacing.days()) + " after the previous step";
			case AFTER_ENROLMENT -> days(pacing.days()) + " after enrolment";
			case FIXED_DATE -> "on " + TrackProgressRules.day(pacing.releaseOn());
		};
	}

	private static String days(Integer days) {
		int n = days == null ? 0 : days;
		return n == 1 ? "1 day" : n + " days";
	}

	private static Map<String, TrackStep> byId(List<TrackStep> steps) {
		Map<String, TrackStep> byId = new LinkedHashMap<>();
		steps.forEach(step -> byId.put(step.id(), step));
		return byId;
	}
}
