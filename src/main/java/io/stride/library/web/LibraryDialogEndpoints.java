package io.stride.library.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.stride.library.Component;
import io.stride.library.ComponentQuery;
import io.stride.library.Library;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The course editor's "Insert from library" dialog: a search and a reuse for the signed-in page (session and CSRF
 * token), answering JSON. The same services as {@code /api/v1/components}, which take bearer tokens only. They live
 * here and not in authoring's web package because the library reads authoring, not the other way round.
 */
@Controller
class LibraryDialogEndpoints {

	private final Library library;

	LibraryDialogEndpoints(Library library) {
		this.library = library;
	}

	/** Published components matching the words, first 20, as the dialog lists them. */
	@GetMapping(path = "/library/dialog/components", produces = "application/json")
	@ResponseBody
	ResponseEntity<Map<String, Object>> search(Viewer me, @RequestParam(defaultValue = "") String q) {
		try {
			var found = library.search(me, new ComponentQuery(q.isBlank() ? null : q, null, null, null, null, null,
					ComponentQuery.Sort.RELEVANCE, 1, ComponentQuery.PAGE_SIZE));
			List<Map<String, Object>> items = found.items().stream().map(LibraryDialogEndpoints::item).toList();
			return ResponseEntity.ok(Map.of("items", items, "total", found.total()));
		}
		catch (InvalidInputException e) {
			return refused(e);
		}
	}

	private static Map<String, Object> item(Component c) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", c.id());
		item.put("kind", c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
		item.put("title", c.title());
		item.put("sourceCourseTitle", c.sourceCourseTitle() + " v" + c.sourceVersion()
				+ (c.authorName().isEmpty() ? "" : " by " + c.authorName()));
		return item;
	}

	/** What the dialog posts: the component and how it is reused; the module and position are optional. */
	record Insert(String componentId, String mode, String module, Integer position) {
	}

	/** Reuses the component in the course's draft; answers the first element it added, which the editor opens. */
	@PostMapping(path = "/courses/{id}/library-insert", produces = "application/json")
	@ResponseBody
	ResponseEntity<Map<String, Object>> insert(Viewer me, @PathVariable String id,
			@RequestBody(required = false) Insert insert) {
		Insert asked = insert == null ? new Insert(null, null, null, null) : insert;
		try {
			List<String> added = library.reuse(me, new CourseId(id), asked.componentId(), asked.mode(), asked.module(),
					asked.position());
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("elementIds", added);
			if (!added.isEmpty()) {
				body.put("elementId", added.getFirst());
			}
			return ResponseEntity.status(201).body(body);
		}
		catch (InvalidInputException e) {
			return refused(e);
		}
		catch (ConflictException e) {
			return ResponseEntity.status(409).body(Map.of("detail", e.getMessage()));
		}
		catch (ForbiddenException e) {
			return ResponseEntity.status(403).body(Map.of("detail", e.getMessage()));
		}
		catch (NotFoundException e) {
			return ResponseEntity.status(404).body(Map.of("detail", "There is no such course you may change."));
		}
	}

	private static ResponseEntity<Map<String, Object>> refused(InvalidInputException e) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("detail", e.fieldErrors().values().stream().findFirst().orElse(e.getMessage()));
		body.put("errors", e.fieldErrors());
		return ResponseEntity.unprocessableContent().body(body);
	}
}
