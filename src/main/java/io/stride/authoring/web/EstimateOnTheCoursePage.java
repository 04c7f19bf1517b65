package io.stride.authoring.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.authoring.Course;
import io.stride.authoring.CourseEstimates;
import io.stride.shared.web.PagePart;
import org.springframework.stereotype.Component;

/**
 * Puts the course's estimated time on its page for those who may edit it. That page belongs to delivery, which knows
 * nothing of estimates: its template includes this module's fragment ({@code courses/estimate}), filled in here.
 */
@Component
class EstimateOnTheCoursePage implements PagePart {

	private final CourseEstimates estimates;

	EstimateOnTheCoursePage(CourseEstimates estimates) {
		this.estimates = estimates;
	}

	@Override
	public Set<String> views() {
		return Set.of("courses/assign");
	}

	@Override
	public void fillIn(String view, Map<String, Object> model) {
		if (model.get("course") instanceof Course course && Boolean.TRUE.equals(model.get("editable"))) {
			model.put("estimate", estimates.of(List.of(course.id())).get(course.id()));
		}
	}

}
