package io.stride.library.web;

import java.time.Instant;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.stride.library.Component;
import io.stride.library.ComponentKind;
import io.stride.library.ComponentPage;
import io.stride.library.ComponentQuery;
import io.stride.library.Library;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Components", description = "The component library: every lesson, module and question of a published "
		+ "course, found and reused in another course linked (updates offered) or copied (your own fork)")
@SecurityRequirement(name = "bearer")
class ComponentApi {

	private final Library library;

	ComponentApi(Library library) {
		this.library = library;
	}

	/** {@code reactionScore} is null until five reactions; {@code kind} LESSON, MODULE, QUESTION or KNOWLEDGE_CHECK. */
	record ComponentView(String id, String kind, String title, String excerpt, String sourceCourseId,
			String sourceCourseTitle, int sourceVersion, String module, String authorId, String authorName,
			List<String> capabilities, Integer reactionScore, int reuseCount, Instant publishedAt, String provenance) {

		static ComponentView of(Component c) {
			return new ComponentView(c.id(), c.kind().name(), c.title(), c.excerpt(), c.sourceCourseId().value(),
					c.sourceCourseTitle(), c.sourceVersion(), c.moduleName(), c.authorId().value(), c.authorName(),
					c.capabilities(), c.reactionScore(), c.reuseCount(), c.publishedAt(), c.provenance());
		}
	}

	record PageView(List<ComponentView> items, int page, int size, int total) {
	}

	/** {@code mode} LINKED or COPIED; {@code position} from 1 among the lessons (or the quiz's questions). */
	record ReuseBody(String componentId, String mode, String module, Integer position) {
	}

	record Reused(List<String> elementIds) {
	}

	@GetMapping("/components")
	@Operation(summary = "Search the component library (every lesson, module, quiz question and knowledge check of a "
			+ "published course's live version; questions and knowledge checks only for people who author a course, "
			+ "reviewers and admins); a page past the last answers the last page; 422 with the field for a "
			+ "page below 1, a size outside 1–100, an unknown kind or a minimum score outside −100 to 100")
	PageView search(Viewer me,
			@Parameter(description = "words that must all appear in the component's title or text or its course's title (on PostgreSQL a word "
					+ "finds the words that start with it)") @RequestParam(required = false) String q,
			@Parameter(description = "LESSON, MODULE, QUESTION or KNOWLEDGE_CHECK") @RequestParam(required = false) String kind,
			@Parameter(description = "a capability id: components of courses its evidence rules name") @RequestParam(required = false) String capabilityId,
			@Parameter(description = "a person id: components they wrote") @RequestParam(required = false) String authorId,
			@Parameter(description = "a team id: components written by people in it or its sub-teams") @RequestParam(required = false) String teamId,
			@Parameter(description = "lowest reaction score, −100 to 100; components without a score are left out") @RequestParam(required = false) String minReactionScore,
			@Parameter(description = "relevance (default), most-reused, newest or title") @RequestParam(required = false) String sort,
			@Parameter(description = "from 1") @RequestParam(required = false) String page,
			@Parameter(description = "1 to 100, default 20") @RequestParam(required = false) String size) {
		ComponentPage result = library.search(me,
				LibraryParams.query(q, kind, capabilityId, authorId, teamId, minReactionScore, sort, page, size));
		return new PageView(result.items().stream().map(ComponentView::of).toList(), result.page(), result.size(),
				result.total());
	}

	@GetMapping("/components/{id}")
	@Operation(summary = "One component; 404 when the library has none with this id, or when it is a question and the "
			+ "viewer neither authors a course nor reviews")
	ComponentView component(Viewer me, @PathVariable String id) {
		return ComponentView.of(library.component(me, id));
	}

	@PostMapping("/courses/{courseId}/components")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Reuse a component in your draft, LINKED (shown as its source has it; updates offered when the "
			+ "source publishes; read-only until detached) or COPIED (your own copy that remembers its source). "
			+ "Citations and knowledge checks come along; a module brings its lessons under its name. Answers the new "
			+ "elements' ids. 404/403 when the course is not yours to change; 422 at componentId for a component you "
			+ "may not read (or none), at courseId when the course is not a draft (start a new version), at mode, "
			+ "module or position")
	Reused reuse(Viewer me, @PathVariable String courseId, @RequestBody(required = false) ReuseBody body) {
		if (body == null) {
			throw new InvalidInputException("componentId", "Name the component to reuse.");
		}
		return new Reused(library.reuse(me, new CourseId(courseId), body.componentId(),
				body.mode(), body.module(), body.position()));
	}

	static ComponentKind kind(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		ComponentKind parsed = ComponentKind.parse(kind);
		if (parsed == null) {
			throw new InvalidInputException("kind", "Choose one of: LESSON, MODULE, QUESTION, KNOWLEDGE_CHECK.");
		}
		return parsed;
	}
}
