package io.stride.authoring.web;

import io.stride.authoring.CourseId;
import io.stride.authoring.CourseStandards;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Courses", description = "Writing and publishing courses")
@SecurityRequirement(name = "bearer")
class TemplateCheckApi {

	private final CourseStandards standards;

	TemplateCheckApi(CourseStandards standards) {
		this.standards = standards;
	}

	@GetMapping("/api/v1/courses/{id}/template-check")
	@Operation(summary = "A course checked against its template (the default when none was chosen): "
			+ "the template and what does not meet it; for those who may see the course")
	CourseStandards.Check check(Viewer me, @PathVariable String id) {
		return standards.check(me, new CourseId(id));
	}
}
