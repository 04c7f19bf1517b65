package io.stride.authoring.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.stride.shared.ChecksControlCharacters;

/**
 * The course fields whose control characters the course rules refuse at the field, with the form kept (a new
 * course's title; the editor's elements are checked by the rules themselves); hidden ids, the topic and the template
 * are left to the general check.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ChecksControlCharacters({ "title", "description", "objectives", "tierReason", "lessons[*].title",
		"lessons[*].markdown", "lessons[*].module", "questions[*].prompt", "questions[*].explanation",
		"questions[*].options[*].text", "questions[*].options[*].match", "questions[*].accepted",
		"questions[*].unit" })
@interface CourseTextCheckedByItsRules {
}
