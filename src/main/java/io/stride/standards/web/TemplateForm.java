package io.stride.standards.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormNumbers;
import io.stride.standards.AccessibilityRule;
import io.stride.standards.CourseTemplate;
import io.stride.standards.RequiredPart;
import io.stride.standards.TemplateContent;
import io.stride.standards.ToneTerm;

/**
 * The admin page's template form. Numbers are kept as typed, so that "12a" comes back with a message instead of
 * being lost; tone terms are one per line, "banned = preferred".
 */
public class TemplateForm {

	private static final Pattern ARROW = Pattern.compile("\\s*(?:=|->|→)\\s*");

	private int revision;

	private String name = "";

	private String description = "";

	private Set<RequiredPart> requiredParts = EnumSet.noneOf(RequiredPart.class);

	private String minQuestions = "";

	private String maxQuestions = "";

	private String maxLessonWords = "";

	private String maxCourseWords = "";

	private String toneTerms = "";

	private Set<AccessibilityRule> accessibilityRules = EnumSet.noneOf(AccessibilityRule.class);

	static TemplateForm of(CourseTemplate template) {
		TemplateForm form = of(template.content());
		form.revision = template.revision();
		return form;
	}

	static TemplateForm of(TemplateContent content) {
		TemplateForm form = new TemplateForm();
		form.name = content.name();
		form.description = content.description();
		form.requiredParts = EnumSet.noneOf(RequiredPart.class);
		form.requiredParts.addAll(content.requiredParts());
		form.minQuestions = String.valueOf(content.minQuestions());
		form.maxQuestions = text(content.maxQuestions());
		form.maxLessonWords = text(content.maxLessonWords());
		form.maxCourseWords = text(content.maxCourseWords());
		form.toneTerms = content.toneTerms()
			.stream()
			.map(t -> t.preferred().isEmpty() ? t.term() : t.term() + " = " + t.preferred())
			.collect(Collectors.joining("\n"));
		form.accessibilityRules = EnumSet.noneOf(AccessibilityRule.class);
		form.accessibilityRules.addAll(content.accessibilityRules());
		return form;
	}

	/** The content, or every field that is not a number where one is expected. */
	TemplateContent toContent() {
		Map<String, String> errors = new LinkedHashMap<>();
		Integer min = number(minQuestions, "minQuestions", errors);
		TemplateContent content = new TemplateContent(name, description, requiredParts, number(maxLessonWords,
				"maxLessonWords", errors), number(maxCourseWords, "maxCourseWords", errors), min == null ? 0 : min,
				number(maxQuestions, "maxQuestions", errors), terms(), accessibilityRules);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The template was not saved.", errors);
		}
		return content;
	}

	private List<ToneTerm> terms() {
		List<ToneTerm> terms = new ArrayList<>();
		for (String line : (toneTerms == null ? "" : toneTerms).split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = ARROW.split(line.strip(), 2);
			terms.add(new ToneTerm(parts[0], parts.length > 1 ? parts[1] : ""));
		}
		return terms;
	}

	private static Integer number(String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Optional<Integer> number = FormNumbers.wholeNumber(value);
		if (number.isEmpty()) {
			errors.put(field, "Enter a whole number, or leave it empty.");
		}
		return number.orElse(null);
	}

	private static String text(Integer value) {
		return value == null ? "" : value.toString();
	}

	public int getRevision() {
		return revision;
	}

	public void setRevision(int revision) {
		this.revision = revision;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Set<RequiredPart> getRequiredParts() {
		return requiredParts;
	}

	public void setRequiredParts(Set<RequiredPart> requiredParts) {
		this.requiredParts = requiredParts == null ? EnumSet.noneOf(RequiredPart.class) : requiredParts;
	}

	public String getMinQuestions() {
		return minQuestions;
	}

	public void setMinQuestions(String minQuestions) {
		this.minQuestions = minQuestions;
	}

	public String getMaxQuestions() {
		return maxQuestions;
	}

	public void setMaxQuestions(String maxQuestions) {
		this.maxQuestions = maxQuestions;
	}

	public String getMaxLessonWords() {
		return maxLessonWords;
	}

	public void setMaxLessonWords(String maxLessonWords) {
		this.maxLessonWords = maxLessonWords;
	}

	public String getMaxCourseWords() {
		return maxCourseWords;
	}

	public void setMaxCourseWords(String maxCourseWords) {
		this.maxCourseWords = maxCourseWords;
	}

	public String getToneTerms() {
		return toneTerms;
	}

	public void setToneTerms(String toneTerms) {
		this.toneTerms = toneTerms;
	}

	public Set<AccessibilityRule> getAccessibilityRules() {
		return accessibilityRules;
	}

	public void setAccessibilityRules(Set<AccessibilityRule> accessibilityRules) {
		this.accessibilityRules = accessibilityRules == null ? EnumSet.noneOf(AccessibilityRule.class) : accessibilityRules;
	}
}
