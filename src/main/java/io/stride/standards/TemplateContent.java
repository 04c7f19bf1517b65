package io.stride.standards;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an admin writes when creating or changing a template. Null limits mean "no limit".
 */
public record TemplateContent(String name, String description, Set<RequiredPart> requiredParts, Integer maxLessonWords,
		Integer maxCourseWords, int minQuestions, Integer maxQuestions, List<ToneTerm> toneTerms,
		Set<AccessibilityRule> accessibilityRules) {

	public TemplateContent {
		name = name == null ? "" : name.strip();
		description = description == null ? "" : description.strip();
		requiredParts = ordered(requiredParts, RequiredPart.class);
		toneTerms = toneTerms == null ? List.of() : toneTerms.stream().map(t -> t == null ? new ToneTerm("", "") : t).toList();
		accessibilityRules = ordered(accessibilityRules, AccessibilityRule.class);
	}

	/** In declaration order, so that lists and JSON read the same every time. */
	static <E extends Enum<E>> Set<E> ordered(Set<E> values, Class<E> type) {
		EnumSet<E> set = EnumSet.noneOf(type);
		if (values != null) {
			values.stream().filter(Objects::nonNull).forEach(set::add);
		}
		return Collections.unmodifiableSet(set);
	}
}
