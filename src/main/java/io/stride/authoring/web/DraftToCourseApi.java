package io.stride.authoring.web;

import java.util.List;

import io.stride.authoring.DraftCourses;
import io.stride.identity.Viewer;
import io.stride.standards.Templates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Drafting", description = "Notes, documents and transcripts to a course draft")
@SecurityRequirement(name = "bearer")
class DraftToCourseApi {

	private final DraftCourses courses;

	private final Templates templates;

	DraftToCourseApi(DraftCourses courses, Templates templates) {
		this.courses = courses;
		this.templates = templates;
	}

	record CreatedCourse(String id, int version, String title, int lessons, int questions) {
	}

	/** The courses made, in order, and what the author should know: what was split, what was left out and why. */
	record Created(List<CreatedCourse> courses, List<String> notes) {
	}

	@PostMapping("/api/v1/drafts/{id}/courses")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create the course a kept draft becomes, with the template chosen when drafting unless "
			+ "'template' names another; a draft too big for one course becomes several, split by module, and "
			+ "'notes' say so, as they name any question a course could not hold")
	Created create(Viewer me, @PathVariable String id,
			@RequestParam(name = "template", required = false) String templateId) {
		String template = templateId == null || templateId.isBlank() ? templates.templateForDraft(id).id()
				: templates.find(templateId).id();
		DraftCourses.Created created = courses.create(me, id, template);
		return new Created(created.courses().stream()
			.map(c -> new CreatedCourse(c.id().value(), c.version(), c.title(), c.lessons().size(),
					c.quiz().questions().size() + c.lessons().stream().mapToInt(l -> l.knowledgeChecks().size()).sum()))
			.toList(), created.notes());
	}
}
