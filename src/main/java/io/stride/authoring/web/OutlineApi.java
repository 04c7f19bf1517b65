package io.stride.authoring.web;

import java.math.BigDecimal;
import java.util.List;

import io.stride.authoring.AnswersShown;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.authoring.Outline;
import io.stride.authoring.OutlineEditing;
import io.stride.authoring.OutlineElement;
import io.stride.authoring.Question;
import io.stride.authoring.QuizSettings;
import io.stride.authoring.RiskTier;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outline editor's API: a course's outline, and its elements (lessons, final-quiz questions, knowledge checks)
 * read and saved one at a time, each guarded by its own revision. A save on an element someone else saved since
 * gets 409 with both texts ({@code yours}, {@code theirs}, {@code theirRevision}, {@code savedBy}, {@code savedAt}).
 * Only drafts are changed (422 at {@code status} otherwise: start a new version); linked reused elements are
 * read-only (422 at {@code origin}). For the course's author and admins, as the builder.
 */
@RestController
@RequestMapping("/api/v1/courses/{id}")
@Tag(name = "Course outline", description = "Editing a draft course element by element")
@SecurityRequirement(name = "bearer")
class OutlineApi {

	private final OutlineEditing editing;

	OutlineApi(OutlineEditing editing) {
		this.editing = editing;
	}

	record ItemView(String id, String prompt, String kind, int revision, String origin) {

		static ItemView of(Outline.Item i) {
			return new ItemView(i.id(), i.prompt(), i.kind().name(), i.revision(), i.origin());
		}
	}

	record LessonItemView(String id, String title, int revision, String origin, List<ItemView> knowledgeChecks) {
	}

	record ModuleView(@Schema(description = "null for lessons in no module") String name, List<LessonItemView> lessons) {
	}

	record OutlineView(String courseId, String title, String status, int revision, int outlineRevision,
			int settingsRevision, List<ModuleView> modules, List<ItemView> quiz) {

		static OutlineView of(Outline o) {
			return new OutlineView(o.courseId().value(), o.title(), o.status().name(), o.revision(), o.outlineRevision(),
					o.settingsRevision(),
					o.modules().stream().map(m -> new ModuleView(m.name(), m.lessons().stream()
						.map(l -> new LessonItemView(l.id(), l.title(), l.revision(), l.origin(),
								l.knowledgeChecks().stream().map(ItemView::of).toList()))
						.toList())).toList(),
					o.quiz().stream().map(ItemView::of).toList());
		}
	}

	/**
	 * An element: {@code type} LESSON (title, markdown, module, citations) or QUESTION / KNOWLEDGE_CHECK (the
	 * question's fields as in the course API; {@code lessonId} the lesson a check follows).
	 */
	record ElementView(String id, String type, int revision, String origin, boolean canUndo, String lessonId,
			String title, String markdown, String module, List<CourseApi.CitationBody> citations,
			CourseApi.QuestionBody question) {

		static ElementView of(OutlineElement e) {
			Lesson l = e.lesson();
			return new ElementView(e.id(), e.kind(), e.revision(), e.origin(), e.canUndo(), e.lessonId(),
					l == null ? null : l.title(), l == null ? null : l.markdown(), l == null ? null : l.module(),
					l == null ? null : l.sources().stream().map(CourseApi.CitationBody::of).toList(),
					e.question() == null ? null : CourseApi.QuestionBody.of(e.question(), true));
		}
	}

	/**
	 * A save: {@code revision} the element's revision last read; a lesson's {@code title}, {@code markdown} and
	 * optionally {@code module} (null keeps it); a question's fields ({@code kind}, {@code prompt}, {@code options},
	 * {@code correct}, ...) as in the course API.
	 */
	record ElementBody(Integer revision, String title, String markdown, String module, String kind, String prompt,
			List<String> options, List<Integer> correct, String explanation, String scoring, List<String> accepted,
			Double similarity, BigDecimal value, BigDecimal tolerance, String unit, List<String> matches) {

		Question question() {
			return new CourseApi.QuestionBody(null, kind, prompt, options, correct, explanation, null, scoring, accepted,
					similarity, value, tolerance, unit, matches).toQuestion();
		}

		boolean hasQuestion() {
			return kind != null || prompt != null || options != null;
		}
	}

	record SavedView(String id, int revision, String savedAt) {

		static SavedView of(OutlineEditing.Saved s) {
			return new SavedView(s.elementId(), s.revision(), s.savedAt().toString());
		}
	}

	@GetMapping("/outline")
	@Operation(summary = "The course's outline: modules with their lessons and knowledge checks, then the final quiz, "
			+ "each element with its revision and origin (LINKED/COPIED when reused)")
	OutlineView outline(Viewer me, @PathVariable String id) {
		return OutlineView.of(editing.outline(me, new CourseId(id)));
	}

	@GetMapping("/elements/{elementId}")
	@Operation(summary = "One lesson, quiz question or knowledge check of the draft, with its revision")
	ElementView element(Viewer me, @PathVariable String id, @PathVariable String elementId) {
		return ElementView.of(editing.element(me, new CourseId(id), elementId));
	}

	@PutMapping("/elements/{elementId}")
	@Operation(summary = "Save one element if its 'revision' is still the one read: 200 with the new revision; 409 with "
			+ "'yours', 'theirs', 'theirRevision', 'savedBy', 'savedAt' when someone saved it since; 422 at the field")
	SavedView save(Viewer me, @PathVariable String id, @PathVariable String elementId, @RequestBody ElementBody body) {
		CourseId course = new CourseId(id);
		if (body == null) {
			throw new InvalidInputException("revision", "Send the element's revision and its fields.");
		}
		// a lesson is sent with its title or text, a question with its kind or prompt; the service refuses a mix-up
		OutlineEditing.Edit edit = body.hasQuestion() ? new OutlineEditing.QuestionEdit(body.question())
				: new OutlineEditing.LessonEdit(body.title(), body.markdown(), body.module());
		return SavedView.of(editing.save(me, course, elementId, body.revision(), edit));
	}

	/**
	 * What to add: {@code type} LESSON (in {@code module}, after {@code afterId}), QUESTION (final quiz, after
	 * {@code afterId}) or KNOWLEDGE_CHECK (of {@code lessonId}); optional content as in a save.
	 */
	record AddBody(String type, String module, String lessonId, String afterId, String title, String markdown,
			String kind, String prompt, List<String> options, List<Integer> correct, String explanation, String scoring,
			List<String> accepted, Double similarity, BigDecimal value, BigDecimal tolerance, String unit,
			List<String> matches) {
	}

	@PostMapping("/elements")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a lesson, a final-quiz question or a knowledge check to the draft's outline")
	ElementView add(Viewer me, @PathVariable String id, @RequestBody AddBody body) {
		if (body == null) {
			throw new InvalidInputException("type", "Say what to add: LESSON, QUESTION or KNOWLEDGE_CHECK.");
		}
		ElementBody content = new ElementBody(null, body.title(), body.markdown(), body.module(), body.kind(),
				body.prompt(), body.options(), body.correct(), body.explanation(), body.scoring(), body.accepted(),
				body.similarity(), body.value(), body.tolerance(), body.unit(), body.matches());
		Lesson lesson = new Lesson(null, body.title(), body.markdown());
		Question question = content.hasQuestion() ? content.question() : null;
		return ElementView.of(editing.add(me, new CourseId(id), body.type(), body.module(),
				body.lessonId(), body.afterId(), lesson, question));
	}

	@DeleteMapping("/elements/{elementId}")
	@Operation(summary = "Remove an element (a lesson with its knowledge checks); restorable; answers the outline")
	OutlineView remove(Viewer me, @PathVariable String id, @PathVariable String elementId) {
		return OutlineView.of(editing.remove(me, new CourseId(id), elementId));
	}

	@PostMapping("/elements/{elementId}/restore")
	@Operation(summary = "Put a removed element back where it was; answers the outline")
	OutlineView restore(Viewer me, @PathVariable String id, @PathVariable String elementId) {
		return OutlineView.of(editing.restore(me, new CourseId(id), elementId));
	}

	record UndoBody(Integer revision) {
	}

	@PostMapping("/elements/{elementId}/undo")
	@Operation(summary = "Put back the element's previous text as a new revision (repeat to go further back); "
			+ "'revision', when sent, must be the current one (409 otherwise); 422 at 'undo' when there is none")
	ElementView undo(Viewer me, @PathVariable String id, @PathVariable String elementId,
			@RequestBody(required = false) UndoBody body) {
		return ElementView.of(editing.undo(me, new CourseId(id), elementId,
				body == null ? null : body.revision()));
	}

	/**
	 * A move: a lesson to {@code position} (0 first) among the lessons of {@code module} (its own when absent; blank
	 * for no module); a question to {@code position} in the final quiz or among the checks of {@code lessonId}.
	 */
	record MoveBody(String elementId, String module, String lessonId, Integer position, Integer outlineRevision) {
	}

	record MovedView(OutlineView outline, boolean reapplied) {
	}

	@PostMapping("/outline/moves")
	@Operation(summary = "Move an element in the outline; with a stale 'outlineRevision' the move is made on the "
			+ "current outline and 'reapplied' is true (a move never loses an element), unless someone moved the same "
			+ "element since: 409 with the current 'outlineRevision'")
	MovedView move(Viewer me, @PathVariable String id, @RequestBody MoveBody body) {
		if (body == null || body.elementId() == null) {
			throw new InvalidInputException("elementId", "Say which element to move.");
		}
		var moved = editing.move(me, new CourseId(id), body.elementId(), body.module(),
				body.lessonId(), body.position(), body.outlineRevision());
		return new MovedView(OutlineView.of(moved.outline()), moved.reapplied());
	}

	record RenameBody(String name, String newName, Integer outlineRevision) {
	}

	@PostMapping("/outline/modules/rename")
	@Operation(summary = "Rename a module (every lesson under 'name' goes under 'newName'); 409 on a stale "
			+ "'outlineRevision'")
	OutlineView rename(Viewer me, @PathVariable String id, @RequestBody RenameBody body) {
		if (body == null) {
			throw new InvalidInputException("name", "Say which module to rename.");
		}
		return OutlineView.of(editing.renameModule(me, new CourseId(id), body.name(),
				body.newName(), body.outlineRevision()));
	}

	/**
	 * A whole module to move: {@code name} (null or blank for the lessons in no module) to {@code position} among the
	 * modules (0 first; past the end: last).
	 */
	record ModuleMoveBody(String name, Integer position, Integer outlineRevision) {
	}

	@PostMapping("/outline/modules/moves")
	@Operation(summary = "Move a whole module (its lessons in order, with their knowledge checks) to 'position' among "
			+ "the modules; answers the outline. 409 with the current 'outlineRevision' when the outline changed since "
			+ "'outlineRevision'; 422 at 'name' for a module the course does not have")
	OutlineView moveModule(Viewer me, @PathVariable String id, @RequestBody ModuleMoveBody body) {
		if (body == null) {
			throw new InvalidInputException("name", "Say which module to move.");
		}
		return OutlineView.of(editing.moveModule(me, new CourseId(id), body.name(),
				body.position(), body.outlineRevision()));
	}

	/** A whole module to remove: {@code name} (null or blank for the lessons in no module). */
	record ModuleRemoveBody(String name, Integer outlineRevision) {
	}

	record ModuleRemovedView(OutlineView outline,
			@Schema(description = "send it to /outline/modules/restore to put the module back") String removalId,
			String name, int lessons) {
	}

	@PostMapping("/outline/modules/remove")
	@Operation(summary = "Remove a whole module with its lessons and their knowledge checks (linked ones too); answers "
			+ "the outline and a 'removalId' that restores it all in place. 409 with the current 'outlineRevision' "
			+ "when the outline changed since 'outlineRevision'; 422 at 'name' for a module the course does not have")
	ModuleRemovedView removeModule(Viewer me, @PathVariable String id, @RequestBody ModuleRemoveBody body) {
		if (body == null) {
			throw new InvalidInputException("name", "Say which module to remove.");
		}
		var removed = editing.removeModule(me, new CourseId(id), body.name(),
				body.outlineRevision());
		return new ModuleRemovedView(OutlineView.of(removed.outline()), removed.removalId(), removed.name(),
				removed.lessons());
	}

	record ModuleRestoreBody(String removalId) {
	}

	@PostMapping("/outline/modules/restore")
	@Operation(summary = "Put a removed module back in its place among the modules, with its lessons, knowledge "
			+ "checks and links; answers the outline. 422 at 'removalId' when there is no such removal to restore; 409 "
			+ "when its lessons are in the course already")
	OutlineView restoreModule(Viewer me, @PathVariable String id, @RequestBody ModuleRestoreBody body) {
		return OutlineView.of(editing.restoreModule(me, new CourseId(id),
				body == null ? null : body.removalId()));
	}

	/**
	 * The course's own fields: {@code revision} is the outline's {@code settingsRevision}; a null {@code riskTier}
	 * takes Stride's suggestion, one below it needs a {@code tierReason}.
	 */
	record SettingsBody(Integer revision, String title, String description, List<String> objectives, String riskTier,
			String tierReason, @Schema(type = "integer", minimum = "0", maximum = "100") BigDecimal passMark,
			Integer attemptLimit, Integer timeLimitMinutes, Integer drawCount, Boolean shuffleOptions,
			String answersShown) {

		OutlineEditing.Settings toSettings() {
			RiskTier tier = null;
			if (riskTier != null && !riskTier.isBlank()) {
				try {
					tier = RiskTier.valueOf(riskTier.strip());
				}
				catch (IllegalArgumentException e) {
					throw new InvalidInputException("riskTier", "The risk tier is LOW, MEDIUM or HIGH.");
				}
			}
			int mark = passMark == null ? 80 : wholePercent(passMark);
			return new OutlineEditing.Settings(title, description, objectives, tier, tierReason, mark,
					new QuizSettings(attemptLimit, timeLimitMinutes, drawCount, Boolean.TRUE.equals(shuffleOptions),
							AnswersShown.parse(answersShown)));
		}

		private static int wholePercent(BigDecimal value) {
			BigDecimal whole = value.stripTrailingZeros();
			return whole.scale() <= 0 && whole.abs().compareTo(BigDecimal.valueOf(1000)) <= 0 ? whole.intValueExact() : -1;
		}
	}

	record SettingsSaved(int revision, int settingsRevision, String riskTier) {
	}

	@PutMapping("/settings")
	@Operation(summary = "Save the course's title, description, objectives, risk tier and quiz settings if nobody "
			+ "saved them since 'revision' (the outline's settingsRevision; 409 otherwise); 422 at the field")
	SettingsSaved settings(Viewer me, @PathVariable String id, @RequestBody SettingsBody body) {
		if (body == null) {
			throw new InvalidInputException("revision", "Send the settings revision you last read.");
		}
		Course saved = editing.saveSettings(me, new CourseId(id), body.revision(), body.toSettings());
		Outline outline = editing.outline(me, saved.id());
		return new SettingsSaved(saved.revision(), outline.settingsRevision(), saved.riskTier().name());
	}
}
