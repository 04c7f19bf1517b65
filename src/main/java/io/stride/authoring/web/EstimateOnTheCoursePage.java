package io.stride.authoring.web;

import java.util.List;

import io.stride.authoring.Course;
import io.stride.authoring.CourseEstimates;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the course's estimated time on its page for those who may edit it. That page belongs to delivery, which knows
 * nothing of estimates: its template includes this module's fragment ({@code courses/estimate}), filled in here.
 */
@Configuration(proxyBeanMethods = false)
class EstimateOnTheCoursePage implements WebMvcConfigurer {

	private static final String COURSE_PAGE = "courses/assign";

	private final CourseEstimates estimates;

	EstimateOnTheCoursePage(CourseEstimates estimates) {
		this.estimates = estimates;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView page) {
				if (page != null && COURSE_PAGE.equals(page.getViewName())
						&& page.getModel().get("course") instanceof Course course
						&& Boolean.TRUE.equals(page.getModel().get("editable"))) {
					page.getModel().put("estimate", estimates.of(List.of(course.id())).get(course.id()));
				}
			}
		}).addPathPatterns("/courses/*/assign", "/courses/*/assignments");
	}
}
