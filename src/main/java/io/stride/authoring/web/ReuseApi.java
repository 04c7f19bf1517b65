package io.stride.authoring.web;

import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.authoring.ElementOrigin;
import io.stride.authoring.Reuse;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/courses/{courseId}")
@Tag(name = "Components", description = "The component library: every lesson, module and question of a published "
		+ "course, found and reused in another course linked (updates offered) or copied (your own fork)")
@SecurityRequirement(name = "bearer")
class ReuseApi {

	private final Reuse reuse;

	ReuseApi(Reuse reuse) {
		this.reuse = reuse;
	}

	/**
	 * {@code diff} is a unified diff from the copy (fromVersion) to the source's newest text (toVersion); for a lesson
	 * it covers its knowledge checks, for a module its lessons. {@code changes} lists what the update adds, removes,
	 * changes or reorders; {@code module} names the module when the update is for lessons reused as one.
	 */
	record UpdateView(String elementId,
			@Schema(description = "LESSON, MODULE (lessons reused together; elementId is its first lesson), QUESTION or "
					+ "KNOWLEDGE_CHECK") String elementKind,
			String title, String sourceCourseId, String sourceCourseTitle, int fromVersion, int toVersion, String diff,
			String module, List<ChangeView> changes) {

		static UpdateView of(Reuse.Update u) {
			return new UpdateView(u.elementId(), u.module() != null ? "MODULE" : u.elementKind().name(), u.title(),
					u.sourceCourseId().value(), u.sourceTitle(), u.fromVersion(), u.toVersion(), u.diff(), u.module(),
					u.changes().stream().map(ChangeView::of).toList());
		}
	}

	/** One change in an update: "Adds a knowledge check: “…”", "Removes the lesson “…”", "Lesson order changed". */
	record ChangeView(@Schema(description = "ADDED, REMOVED, CHANGED or REORDERED") String change,
			@Schema(description = "LESSON or KNOWLEDGE_CHECK") String elementKind, String title, String text) {

		static ChangeView of(Reuse.Change c) {
			return new ChangeView(c.what().name(), c.elementKind().name(), c.title(), c.text());
		}
	}

	/** Where a reused element of the course came from. */
	record OriginView(String elementId, String elementKind, String sourceCourseId, String sourceElementId,
			int sourceVersion, String mode, Integer keptVersion, String provenance) {

		static OriginView of(Reuse.Provenance p) {
			ElementOrigin o = p.origin();
			return new OriginView(o.elementId(), o.elementKind().name(), o.sourceCourseId().value(), o.sourceElementId(),
					o.sourceVersion(), o.mode().name(), o.keptVersion(), p.text());
		}
	}

	/** {@code mode} REMOVED when taking the update removed the element (its source dropped it). */
	record Done(String elementId, String mode, int sourceVersion, Integer keptVersion) {

		static Done of(ElementOrigin o) {
			return new Done(o.elementId(), o.mode().name(), o.sourceVersion(), o.keptVersion());
		}
	}

	@GetMapping("/component-updates")
	@Operation(summary = "Updates the sources of the course's linked elements published since they were taken (or "
			+ "kept out), each with a diff and its changes in words (knowledge checks added, removed or changed under a "
			+ "linked lesson; lessons added, removed or reordered in a linked module); for the course's author and "
			+ "admins (404/403 otherwise)")
	List<UpdateView> updates(Viewer me, @PathVariable String courseId) {
		return reuse.updates(me, new CourseId(courseId)).stream().map(UpdateView::of).toList();
	}

	@GetMapping("/element-origins")
	@Operation(summary = "Where the course's reused lessons and questions came from (provenance), for its author and "
			+ "admins")
	List<OriginView> origins(Viewer me, @PathVariable String courseId) {
		// the access check alone: no updates (and their diffs) are worked out to answer where parts came from
		return reuse.provenance(me, new CourseId(courseId)).values().stream()
			.map(OriginView::of)
			.toList();
	}

	@PostMapping("/component-updates/{elementId}/accept")
	@Operation(summary = "Take the source's newest version of the linked part into the draft: its text and its "
			+ "shape (new elements get ids and origins, dropped ones leave the draft); 409 when there is no update, "
			+ "422 at courseId when the course is not a draft (start a new version), 404 for an element not reused")
	Done accept(Viewer me, @PathVariable String courseId, @PathVariable String elementId) {
		CourseId id = new CourseId(courseId);
		Reuse.Update taken = reuse.take(me, id, elementId);
		ElementOrigin origin = reuse.origins(id).get(elementId);
		return origin != null ? Done.of(origin) : new Done(elementId, "REMOVED", taken.toVersion(), null);
	}

	@PostMapping("/component-updates/{elementId}/keep")
	@Operation(summary = "Keep the copy as it is; the update is offered again only for a newer source version; 409 "
			+ "when there is no update")
	Done keep(Viewer me, @PathVariable String courseId, @PathVariable String elementId) {
		CourseId id = new CourseId(courseId);
		reuse.keep(me, id, elementId);
		return Done.of(reuse.origins(id).get(elementId));
	}

	@PostMapping("/elements/{elementId}/detach")
	@Operation(summary = "Turn a linked element into your own copy (COPIED), which you may edit and which remembers its "
			+ "source; 409 when it is a copy already, 404 for an element not reused")
	Done detach(Viewer me, @PathVariable String courseId, @PathVariable String elementId) {
		CourseId id = new CourseId(courseId);
		reuse.detach(me, id, elementId);
		return Done.of(reuse.origins(id).get(elementId));
	}
}
