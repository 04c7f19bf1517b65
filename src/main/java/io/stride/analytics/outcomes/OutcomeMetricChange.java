package io.stride.analytics.outcomes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.shared.InvalidInputException;

/**
 * What a manager sends to define or change an outcome metric, as typed; {@link #errors()} names each field that
 * can't be saved.
 * @param direction LOWER_IS_BETTER or HIGHER_IS_BETTER
 * @param granularity WEEK or MONTH
 * @param revision the revision read before editing; ignored when defining a new metric
 */
public record OutcomeMetricChange(String name, String unit, String direction, String granularity, String description,
		List<String> courseIds, Integer revision) {

	public static final int MAX_NAME = 120;

	public static final int MAX_UNIT = 60;

	public static final int MAX_DESCRIPTION = 2000;

	public static final int MAX_COURSES = 20;

	/** Field errors that need no lookup (linked courses are checked against the catalog by the service). */
	public Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (blank(name)) {
			errors.put("name", "Give the metric a name, for example “Escalations per week”.");
		}
		else if (name.strip().length() > MAX_NAME) {
			errors.put("name", "Keep the name to " + MAX_NAME + " characters.");
		}
		if (blank(unit)) {
			errors.put("unit", "Say what a value counts, for example “escalations” or “errors per 1,000 orders”.");
		}
		else if (unit.strip().length() > MAX_UNIT) {
			errors.put("unit", "Keep the unit to " + MAX_UNIT + " characters.");
		}
		if (parsedDirection() == null) {
			errors.put("direction", "Say whether lower or higher values are better.");
		}
		if (parsedGranularity() == null) {
			errors.put("granularity", "Choose week or month.");
		}
		if (description != null && description.strip().length() > MAX_DESCRIPTION) {
			errors.put("description", "Keep the description to " + MAX_DESCRIPTION + " characters.");
		}
		List<String> courses = courses();
		if (courses.isEmpty()) {
			errors.put("courseIds", "Link at least one course whose rollout should move this metric.");
		}
		else if (courses.size() > MAX_COURSES) {
			errors.put("courseIds", "Link at most " + MAX_COURSES + " courses.");
		}
		return errors;
	}

	public OutcomeMetric.Direction parsedDirection() {
		return parse(OutcomeMetric.Direction.class, direction);
	}

	public OutcomeMetric.Granularity parsedGranularity() {
		return parse(OutcomeMetric.Granularity.class, granularity);
	}

	/** The linked course ids, trimmed, blanks and repeats dropped. */
	public List<String> courses() {
		return courseIds == null ? List.of()
				: courseIds.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct().toList();
	}

	public String cleanName() {
		return name.strip();
	}

	public String cleanUnit() {
		return unit.strip();
	}

	public String cleanDescription() {
		return description == null ? "" : description.strip();
	}

	void check() {
		Map<String, String> errors = errors();
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The metric was not saved.", errors);
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
