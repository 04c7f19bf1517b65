package io.stride.review.web;

import io.stride.authoring.Course;
import io.stride.review.Reviews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Tells the author, on the page "Save and publish" leads to, who reviews the course next and by when. That page
 * belongs to delivery, which must not depend on this module: its template includes this module's fragment, and this
 * interceptor fills in what the fragment shows, for those who may edit the course.
 */
@Configuration(proxyBeanMethods = false)
class NextReviewOnTheCoursePage implements WebMvcConfigurer {

	private static final String ASSIGN_VIEW = "courses/assign";

	private final Reviews reviews;

	NextReviewOnTheCoursePage(Reviews reviews) {
		this.reviews = reviews;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView page) {
				if (page != null && ASSIGN_VIEW.equals(page.getViewName())
						&& page.getModel().get("course") instanceof Course course
						&& Boolean.TRUE.equals(page.getModel().get("editable"))) {
					reviews.nextReview(course.id()).ifPresent(next -> page.getModel().put("nextReview", next));
				}
			}
		}).addPathPatterns("/courses/*/assign", "/courses/*/assignments");
	}
}
