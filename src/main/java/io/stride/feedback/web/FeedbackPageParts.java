package io.stride.feedback.web;

import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.feedback.Feedback;
import io.stride.feedback.ReactionKind;
import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds the reaction form's data to the lesson page and the reaction score to the course's assign page. Those pages
 * belong to delivery, which must not depend on this module; their templates include this module's fragments, and
 * this interceptor fills in what the fragments show. A page without the data shows nothing of them.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackPageParts implements WebMvcConfigurer {

	static final String LESSON_VIEW = "learning/lesson";

	static final String ASSIGN_VIEW = "courses/assign";

	private final Feedback feedback;

	private final Organization organization;

	FeedbackPageParts(Feedback feedback, Organization organization) {
		this.feedback = feedback;
		this.organization = organization;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView page) {
				if (page != null && page.getViewName() != null) {
					fillIn(page);
				}
			}
		}).addPathPatterns("/learning/courses/*/lessons/*", "/courses/*/assign", "/courses/*/assignments");
	}

	private void fillIn(ModelAndView page) {
		var model = page.getModel();
		if (LESSON_VIEW.equals(page.getViewName()) && model.get("course") instanceof Course course
				&& model.get("lesson") instanceof Lesson lesson) {
			Viewer me = organization.currentViewer();
			model.put("lessonFeedback", feedback.onLesson(me, course.id(), lesson.id()));
			model.put("reactionKinds", ReactionKind.values());
		}
		else if (ASSIGN_VIEW.equals(page.getViewName()) && model.get("course") instanceof Course course) {
			feedback.summaryFor(organization.currentViewer(), course).ifPresent(summary -> model.put("courseFeedback", summary));
		}
	}
}
