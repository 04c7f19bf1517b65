package io.stride.delivery;

import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;

/**
 * Lessons whose completion someone else reports: a lesson that plays a SCORM package is done when the package says
 * so, not when its page is opened. Implemented by the modules that own such lessons, so that delivery depends on none
 * of them; they report completion through {@link Delivery#completeLesson}.
 */
public interface LessonsCompletedElsewhere {

	/** Whether this lesson of the course counts as read only once its owner reports it completed. */
	boolean completesElsewhere(CourseId courseId, Lesson lesson);
}
