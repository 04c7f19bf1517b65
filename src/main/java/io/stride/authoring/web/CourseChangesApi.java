package io.stride.authoring.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stride.authoring.Authoring;
import io.stride.authoring.ChangedParts;
import io.stride.authoring.Course;
import io.stride.authoring.CourseChanges;
import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Read only: what the version being written changes, part by part, before it goes to review. */
@RestController
@Tag(name = "Courses")
@SecurityRequirement(name = "bearer")
class CourseChangesApi {

	private final Authoring authoring;

	private final ChangedParts changedParts;

	CourseChangesApi(Authoring authoring, ChangedParts changedParts) {
		this.authoring = authoring;
		this.changedParts = changedParts;
	}

	/** Schema names in the OpenAPI document are simple class names: these are prefixed so as not to clash. */
	record CourseChangedLine(String change, String text) {
	}

	record CourseChangedSource(String courseId, String title, int version, String elementId, String mode,
			String authorId) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CourseChangedPart(String kind, String elementId, String title, String state, List<CourseChangedLine> diff,
			CourseChangedSource source) {
	}

	record CourseChangesView(String courseId, int version, Integer comparedWith, int total, int newOrChanged,
			List<CourseChangedPart> parts) {
	}

	@GetMapping("/api/v1/courses/{id}/changes")
	@Operation(summary = "The working copy's parts (settings, lessons, knowledge checks, quiz questions, and parts "
			+ "removed) against the last published version and, for reused parts, their source: NEW, CHANGED (with a "
			+ "line diff), UNCHANGED, REUSED or REMOVED; 'comparedWith' is null for a first version. For the course's "
			+ "editors and reviewers; 404 for anyone else and for an unknown course")
	CourseChangesView changes(Viewer me, @PathVariable String id) {
		Course course = authoring.editableOrReviewable(me, new CourseId(id));
		CourseChanges c = changedParts.ofWorkingCopy(course.id());
		return new CourseChangesView(c.courseId().value(), c.version(), c.comparedWith(), c.total(), c.newOrChanged(),
				c.parts().stream().map(CourseChangesApi::view).toList());
	}

	private static CourseChangedPart view(CourseChanges.Part p) {
		CourseChanges.Source s = p.source();
		return new CourseChangedPart(p.kind().name(), p.elementId(), p.title(), p.state().name(),
				p.toRead() ? p.diff().stream().map(l -> new CourseChangedLine(l.change().name(), l.text())).toList() : null,
				s == null ? null : new CourseChangedSource(s.courseId().value(), s.title(), s.version(), s.elementId(),
						s.mode(), s.authorId() == null ? null : s.authorId().value()));
	}
}
