package io.stride.drafting;

import java.util.List;

/**
 * What the course model makes of a draft, told to the author before they create the course: a draft too big for one
 * course, a question a course can't hold. The module that makes courses from drafts answers; drafting only asks, so
 * that it needs to know nothing of courses.
 */
@FunctionalInterface
public interface CourseFit {

	/** Sentences for the draft's warnings; empty when the draft becomes one course with everything in it. */
	List<String> warnings(CourseDraft draft);
}
