package io.stride.delivery;

import java.util.Map;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * Courses a person chose for themselves somewhere else in Stride (a learning contract names them), for "my learning".
 * Implemented by the modules that know of such choices, so that delivery depends on none of them. They show as
 * self-chosen, never as assigned and never with a due date set by others.
 */
public interface SelfChosenCourses {

	/** The courses this person chose, each with where it came from in words, e.g. "from your learning contract". */
	Map<CourseId, String> chosenBy(PersonId person);
}
