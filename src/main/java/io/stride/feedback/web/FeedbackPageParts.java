package io.stride.feedback.web;

import java.util.Map;
import java.util.Set;

import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.feedback.Feedback;
import io.stride.feedback.ReactionKind;
import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import io.stride.shared.web.PagePart;
import org.springframework.stereotype.Component;

/**
 * Adds the reaction form's data to the lesson page and the reaction score to the course's assign page. Those pages
 * belong to delivery, which must not depend on this module; their templates include this module's fragments, filled
 * in here. A page without the data shows nothing of them.
 */
@Component
class FeedbackPageParts implements PagePart {

	static final String LESSON_VIEW = "learning/lesson";

	static final String ASSIGN_VIEW = "courses/assign";

	private final Feedback feedback;

	private final Organization organization;

	FeedbackPageParts(Feedback feedback, Organization organization) {
		this.feedback = feedback;
		this.organization = organization;
	}

	@Override
	public Set<String> views() {
		return Set.of(LESSON_VIEW, ASSIGN_VIEW);
	}

	@Override
	public void fillIn(String view, Map<String, Object> model) {
		if (LESSON_VIEW.equals(view) && model.get("course") instanceof Course course
				&& model.get("lesson") instanceof Lesson lesson) {
			Viewer me = organization.currentViewer();
			model.put("lessonFeedback", feedback.onLesson(me, course.id(), lesson.id()));
			model.put("reactionKinds", ReactionKind.values());
		}
		else if (ASSIGN_VIEW.equals(view) && model.get("course") instanceof Course course) {
			feedback.summaryFor(organization.currentViewer(), course).ifPresent(summary -> model.put("courseFeedback", summary));
		}
	}
}
