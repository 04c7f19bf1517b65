package io.stride.standards;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A course template: the parts a course must have, length limits (null: no limit), tone terms and accessibility
 * rules. {@code revision} counts saves and guards against two admins overwriting each other.
 */
public record CourseTemplate(String id, String name, String description, Set<RequiredPart> requiredParts,
		Integer maxLessonWords, Integer maxCourseWords, int minQuestions, Integer maxQuestions, List<ToneTerm> toneTerms,
		Set<AccessibilityRule> accessibilityRules, boolean isDefault, int revision, Instant updatedAt) {

	public CourseTemplate {
		requiredParts = TemplateContent.ordered(requiredParts, RequiredPart.class);
		toneTerms = List.copyOf(toneTerms);
		accessibilityRules = TemplateContent.ordered(accessibilityRules, AccessibilityRule.class);
	}

	public boolean requires(RequiredPart part) {
		return requiredParts.contains(part);
	}

	public boolean applies(AccessibilityRule rule) {
		return accessibilityRules.contains(rule);
	}

	public TemplateContent content() {
		return new TemplateContent(name, description, requiredParts, maxLessonWords, maxCourseWords, minQuestions,
				maxQuestions, toneTerms, accessibilityRules);
	}
}
