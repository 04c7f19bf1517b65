package io.stride.review.web;

import java.util.Map;
import java.util.Set;

import io.stride.authoring.Course;
import io.stride.review.Reviews;
import io.stride.shared.web.PagePart;
import org.springframework.stereotype.Component;

/**
 * Tells the author, on the page "Save and publish" leads to, who reviews the course next and by when. That page
 * belongs to delivery, which must not depend on this module: its template includes this module's fragment, filled in
 * here for those who may edit the course.
 */
@Component
class NextReviewOnTheCoursePage implements PagePart {

	private final Reviews reviews;

	NextReviewOnTheCoursePage(Reviews reviews) {
		this.reviews = reviews;
	}

	@Override
	public Set<String> views() {
		return Set.of("courses/assign");
	}

	@Override
	public void fillIn(String view, Map<String, Object> model) {
		if (model.get("course") instanceof Course course && Boolean.TRUE.equals(model.get("editable"))) {
			reviews.nextReview(course.id()).ifPresent(next -> model.put("nextReview", next));
		}
	}

}
