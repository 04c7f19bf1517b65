package io.stride.analytics.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stride.analytics.course.ComponentAnalytics;
import io.stride.analytics.course.ComponentFigures;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Component analytics", description = "A reused lesson's reach and drop-off, and a reused question's item "
		+ "statistics, in every course that uses it and pooled")
@SecurityRequirement(name = "bearer")
class ComponentAnalyticsApi {

	private final ComponentAnalytics analytics;

	ComponentAnalyticsApi(ComponentAnalytics analytics) {
		this.analytics = analytics;
	}

	/**
	 * A lesson's row carries reached, continued and dropOff; a question's attempts, facility and discriminationIndex.
	 * Schema names are simple class names in the OpenAPI document: these are prefixed so as not to clash.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ComponentCourseFigures(String courseId, String title, String mode, String elementId, Boolean published,
			Integer reached, Integer continued, Double dropOff, Integer attempts, Double facility,
			Double discriminationIndex) {

		static ComponentCourseFigures of(ComponentFigures.Row row, boolean lesson) {
			return new ComponentCourseFigures(row.courseId() == null ? null : row.courseId().value(),
					row.courseId() == null ? null : row.title(), row.mode(), row.elementId(),
					row.courseId() == null ? null : row.live(), lesson ? row.reached() : null,
					lesson ? row.continued() : null, lesson ? row.dropOff() : null, lesson ? null : row.attempts(),
					lesson ? null : row.facility(), lesson ? null : row.discriminationIndex());
		}
	}

	record ComponentFiguresView(String componentId, String kind, String title, int minimumAttempts,
			List<ComponentCourseFigures> courses, ComponentCourseFigures pooled) {
	}

	@GetMapping("/api/v1/components/{id}/analytics")
	@Operation(summary = "A component's figures in every course that uses it (its source, then each course that reused "
			+ "it, LINKED or COPIED, and copies of copies) and pooled. A lesson (kind LESSON): learners who reached it, who "
			+ "went on (reached the next lesson, or completed the course after the last one) and the drop-off, as in the "
			+ "course funnel. A question (QUESTION, or KNOWLEDGE_CHECK): attempts, facility and discrimination index as "
			+ "in item analysis (first attempts; a knowledge check has no discrimination index); pooled facility over every "
			+ "attempt, pooled discrimination weighted by attempts. Rows only for courses whose figures the caller may see "
			+ "(their editors, admins, L&D); 404 when there is none, and for an unknown id")
	ComponentFiguresView figures(Viewer me, @PathVariable String id) {
		ComponentFigures f = analytics.of(me, id);
		return new ComponentFiguresView(f.componentId(), f.kind(), f.title(), f.minimumAttempts(),
				f.courses().stream().map(r -> ComponentCourseFigures.of(r, f.lesson())).toList(),
				ComponentCourseFigures.of(f.pooled(), f.lesson()));
	}
}
