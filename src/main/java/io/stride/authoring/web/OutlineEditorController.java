package io.stride.authoring.web;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.stride.authoring.AnswersShown;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.CourseStandards;
import io.stride.authoring.Lesson;
import io.stride.authoring.Outline;
import io.stride.authoring.OutlineEditing;
import io.stride.authoring.OutlineElement;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.QuestionRegenerator;
import io.stride.authoring.QuizSettings;
import io.stride.authoring.ReviewPolicies;
import io.stride.authoring.RiskSuggestion;
import io.stride.authoring.RiskTier;
import io.stride.drafting.QualityPanel;
import io.stride.drafting.SourceRejected;
import io.stride.drafting.StyleTerms;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.Markdown;
import io.stride.shared.NotFoundException;
import io.stride.standards.CourseTemplate;
import io.stride.standards.Templates;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The outline editor: the course's outline in a side panel, one element edited at a time in the main area (saved
 * a moment after typing, under the element's own revision), the course's settings in their own panel, and Publish
 * in a header that stays in view. Structural changes (add, remove, restore, move, rename a module, undo) are plain
 * forms that come back to the page, so they work without the script; the script adds autosave, arrow keys in the
 * outline, drag and drop, and the conflict view.
 */
@Controller
class OutlineEditorController {

	private final Authoring authoring;

	private final OutlineEditing editing;

	private final Templates templates;

	private final CourseStandards standards;

	private final StyleTerms styleTerms;

	private final QuestionRegenerator regenerator;

	private final ReviewPolicies policies;

	/** Slice 6's media dialog script, included when it is there. */
	private final boolean mediaScript = new ClassPathResource("static/js/media.js").exists();

	OutlineEditorController(Authoring authoring, OutlineEditing editing, Templates templates,
			CourseStandards standards, StyleTerms styleTerms,
			QuestionRegenerator regenerator, ReviewPolicies policies) {
		this.policies = policies;
		this.authoring = authoring;
		this.editing = editing;
		this.templates = templates;
		this.standards = standards;
		this.styleTerms = styleTerms;
		this.regenerator = regenerator;
	}

	/** The editor's earlier address: kept for bookmarks, it leads to the same element at {@code /edit}. */
	@GetMapping("/courses/{id}/outline")
	String earlierAddress(@PathVariable String id, @RequestParam(required = false) String element,
			@RequestParam(required = false) String panel) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/courses/{id}/edit");
		if (element != null && !element.isBlank()) {
			url.queryParam("element", element);
		}
		if (panel != null && !panel.isBlank()) {
			url.queryParam("panel", panel);
		}
		return "redirect:" + url.buildAndExpand(id).encode().toUriString();
	}

	@GetMapping("/courses/{id}/edit")
	String page(Viewer me, @PathVariable String id, @RequestParam(required = false) String element,
			@RequestParam(required = false) String panel, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Course course = authoring.editable(me, new CourseId(id));
		if (!course.isEditable()) {
			// the page names its own button; a retired course is not offered for editing at all
			redirect.addFlashAttribute("notice", course.isPublished()
					? "This version is published and never changes. Choose \"Edit as a new version\" to change the course."
					: course.isInReview() ? course.state().editRefusal().orElseThrow() : "This course is retired.");
			return "redirect:/courses/" + id + "/assign";
		}
		return render(model, me, course, element, panel, settingsForm(course), Map.of());
	}

	private CourseForm settingsForm(Course course) {
		CourseForm settings = CourseForm.of(course);
		settings.setTopic(authoring.topicOf(course.id()));
		settings.setTemplateId(templates.templateFor(course.id().value()).id());
		return settings;
	}

	private String render(Model model, Viewer me, Course course, String element, String panel, CourseForm settings,
			Map<String, String> errors) {
		Outline outline = editing.outline(me, course.id());
		String selected = element;
		if (selected == null || course.lesson(selected).isEmpty() && course.question(selected).isEmpty()
				&& course.knowledgeCheck(selected).isEmpty()) {
			selected = !course.lessons().isEmpty() ? course.lessons().get(0).id()
					: course.quiz().questions().isEmpty() ? null : course.quiz().questions().get(0).id();
		}
		model.addAttribute("course", course);
		model.addAttribute("outline", outline);
		model.addAttribute("pageTitle", "Edit " + course.title());
		model.addAttribute("form", settings);
		model.addAttribute("errors", errors);
		model.addAttribute("elementErrors", Map.of());
		model.addAttribute("panel", panel);
		model.addAttribute("settingsUrl", to(course.id().value(), selected, null).substring("redirect:".length())
				+ (selected == null ? "?" : "&") + "panel=settings#settings-panel");
		model.addAttribute("mediaScript", mediaScript);
		model.addAttribute("publishesAtOnce", publishesAtOnce(course));
		model.addAttribute("kinds", QuestionKind.values());
		model.addAttribute("tiers", RiskTier.values());
		model.addAttribute("answerRules", AnswersShown.values());
		model.addAttribute("suggestion", RiskSuggestion.of(course.content()));
		CourseTemplate template = templates.templateFor(course.id().value());
		model.addAttribute("templates", templates.all());
		model.addAttribute("template", template);
		model.addAttribute("templateFindings", templates.findings(template, CourseStandards.toCheck(course.content())));
		model.addAttribute("moduleNames", course.lessons().stream().map(Lesson::module).filter(Objects::nonNull).distinct().toList());
		if (selected != null) {
			OutlineElement chosen = editing.element(me, course.id(), selected);
			model.addAttribute("element", chosen);
			if (chosen.lesson() != null) {
				model.addAttribute("lesson", chosen.lesson());
				model.addAttribute("checks", course.lesson(selected).map(Lesson::knowledgeChecks).orElse(List.of()));
				model.addAttribute("quality", QualityPanel.check(chosen.lesson().title(),
						chosen.lesson().markdown(), styleTerms.all()));
			}
			else {
				CourseForm.QuestionForm q = CourseForm.QuestionForm.of(chosen.question());
				q.pad();
				model.addAttribute("q", q);
				model.addAttribute("checkOf", chosen.lessonId() == null ? null
						: course.lesson(chosen.lessonId()).orElse(null));
			}
		}
		return "courses/editor";
	}

	// ---- saving the element: autosave (JSON), or the plain form without the script ----

	/**
	 * Saves the element being edited, for the script's autosave: its new revision, or 409 with both texts, or 422 at
	 * the fields. A browser without the script asks for HTML and gets {@link #saveWithoutScript} instead.
	 */
	@PostMapping("/courses/{id}/outline/elements/{elementId}")
	@ResponseBody
	ResponseEntity<Map<String, Object>> save(Viewer me, @PathVariable String id, @PathVariable String elementId,
			@RequestParam(required = false) Integer revision, @RequestParam(defaultValue = "lesson") String type,
			@RequestParam(required = false) String title, @RequestParam(required = false) String markdown,
			@ModelAttribute("q") CourseForm.QuestionForm question, BindingResult binding) {
		return json(() -> {
			OutlineEditing.Saved saved = saveElement(me, new CourseId(id), elementId, revision, type, title, markdown,
					question, binding);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("revision", saved.revision());
			body.put("savedAt", LocalTime.now().withNano(0).toString());
			return body;
		});
	}

	/**
	 * The element form's Save without the script (a plain form post, asking for HTML): back to the editor at the
	 * element with "Saved", or the page again with what was typed and the errors at the fields, or with both texts on
	 * a conflict (what was typed stays in the form, under their revision: saving again keeps it over theirs).
	 */
	@PostMapping(path = "/courses/{id}/outline/elements/{elementId}", produces = MediaType.TEXT_HTML_VALUE)
	String saveWithoutScript(Viewer me, @PathVariable String id, @PathVariable String elementId,
			@RequestParam(required = false) Integer revision, @RequestParam(defaultValue = "lesson") String type,
			@RequestParam(required = false) String title, @RequestParam(required = false) String markdown,
			@ModelAttribute("q") CourseForm.QuestionForm question, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CourseId course = new CourseId(id);
		try {
			saveElement(me, course, elementId, revision, type, title, markdown, question, binding);
			redirect.addFlashAttribute("notice", "Saved.");
			return to(id, elementId, null);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			Map<String, String> errors = new LinkedHashMap<>();
			e.fieldErrors().forEach((field, message) -> errors.putIfAbsent(field.replaceAll("\\[.*$", ""), message));
			model.addAttribute("problem", "Not saved: " + String.join(" ", new LinkedHashSet<>(errors.values())));
			return renderTyped(model, me, course, elementId, revision, title, markdown, question, errors, null);
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			Object theirRevision = e.state().get("theirRevision");
			ConflictShown shown = new ConflictShown(who(e.state()), text(e.state().get("theirs")),
					text(e.state().get("yours")));
			return renderTyped(model, me, course, elementId,
					theirRevision instanceof Integer r ? r : revision, title, markdown, question, Map.of(), shown);
		}
	}

	private OutlineEditing.Saved saveElement(Viewer me, CourseId course, String elementId, Integer revision, String type,
			String title, String markdown, CourseForm.QuestionForm question, BindingResult binding) {
		if (binding.hasErrors()) {
			throw new InvalidInputException("Not saved.", Map.of(binding.getFieldErrors().get(0).getField(),
					"Enter a whole number."));
		}
		return editing.save(me, course, elementId, revision, "question".equals(type)
				? new OutlineEditing.QuestionEdit(question.toQuestion()) : new OutlineEditing.LessonEdit(title, markdown, null));
	}

	/** Both texts of a conflict as the page shows them without the script. */
	record ConflictShown(String who, String theirs, String yours) {
	}

	/** The editor at the element, with what the author typed in place of what is saved. */
	private String renderTyped(Model model, Viewer me, CourseId id, String elementId, Integer revision, String title,
			String markdown, CourseForm.QuestionForm typed, Map<String, String> errors, ConflictShown conflict) {
		Course course = authoring.editable(me, id);
		render(model, me, course, elementId, null, settingsForm(course), Map.of());
		OutlineElement element = (OutlineElement) model.getAttribute("element");
		if (element == null || !element.id().equals(elementId)) {
			throw new NotFoundException("Element");
		}
		if (element.lesson() != null) {
			// the request's question fields were bound as "q" too; a lesson's page has none
			model.asMap().remove("q");
			Lesson saved = element.lesson();
			model.addAttribute("lesson", new Lesson(elementId, title == null ? saved.title() : title,
					markdown == null ? saved.markdown() : markdown, saved.sources(), saved.module()));
		}
		else {
			typed.keepSource(element.question().source());
			typed.pad();
			model.addAttribute("q", typed);
		}
		model.addAttribute("formRevision", revision);
		model.addAttribute("elementErrors", errors);
		model.addAttribute("conflict", conflict);
		return "courses/editor";
	}

	private String who(Map<String, Object> state) {
		String savedAt = "";
		if (state.get("savedAt") instanceof String at) {
			savedAt = " at " + LocalTime.ofInstant(Instant.parse(at), ZoneId.systemDefault())
				.withSecond(0).withNano(0);
		}
		return (state.get("savedBy") instanceof String by ? by : "Someone") + " saved it" + savedAt
				+ ". Nothing of yours was written over theirs.";
	}

	/** A lesson's title and text, or a question's prompt, options (✓ the right ones) and explanation. */
	private static String text(Object value) {
		if (value instanceof Map<?, ?> lesson) {
			return Objects.toString(lesson.get("title"), "") + "\n\n" + Objects.toString(lesson.get("markdown"), "");
		}
		if (value instanceof Question q) {
			StringBuilder text = new StringBuilder(Objects.toString(q.prompt(), ""));
			for (int i = 0; i < q.options().size(); i++) {
				text.append('\n').append(q.correct().contains(i) ? "\u2713 " : "\u00b7 ").append(q.options().get(i));
			}
			q.accepted().forEach(a -> text.append("\n= ").append(a));
			if (q.explanation() != null && !q.explanation().isBlank()) {
				text.append("\n\n").append(q.explanation());
			}
			return text.toString();
		}
		return value == null ? "" : value.toString();
	}

	/** The lesson text as learners will see it (sanitized), for the live preview. */
	@PostMapping(path = "/courses/{id}/outline/preview", produces = "application/json")
	@ResponseBody
	ResponseEntity<Map<String, Object>> preview(Viewer me, @PathVariable String id,
			@RequestParam(defaultValue = "") String markdown) {
		return json(() -> {
			editing.outline(me, new CourseId(id));
			return Map.of("html", Markdown.toSafeHtml(markdown));
		});
	}

	private static ResponseEntity<Map<String, Object>> json(Supplier<Map<String, Object>> action) {
		try {
			return ResponseEntity.ok(action.get());
		}
		catch (InvalidInputException e) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("detail", e.fieldErrors().values().stream().findFirst().orElse(e.getMessage()));
			body.put("errors", e.fieldErrors());
			return ResponseEntity.unprocessableContent().body(body);
		}
		catch (ConflictException e) {
			Map<String, Object> body = new LinkedHashMap<>(e.state());
			body.put("detail", e.getMessage());
			return ResponseEntity.status(409).body(body);
		}
		catch (ForbiddenException e) {
			return ResponseEntity.status(403).body(Map.of("detail", e.getMessage()));
		}
		catch (NotFoundException e) {
			return ResponseEntity.status(404).body(Map.of("detail", "This element is no longer in the course."));
		}
	}

	// ---- the outline: plain forms that come back to the page ----

	@PostMapping("/courses/{id}/outline/add")
	String add(Viewer me, @PathVariable String id, @RequestParam String type,
			@RequestParam(required = false) String module, @RequestParam(required = false) String lessonId,
			@RequestParam(required = false) String afterId, RedirectAttributes redirect) {
		CourseId course = new CourseId(id);
		try {
			String newModule = module;
			if ("MODULE".equals(type)) {
				Outline outline = editing.outline(me, course);
				// lessons outside any module are no module: the first one added is "Module 1"
				int n = (int) outline.modules().stream().filter(m -> m.name() != null && !m.name().isBlank()).count() + 1;
				while (taken(outline, "Module " + n)) {
					n++;
				}
				newModule = "Module " + n;
			}
			OutlineElement added = editing.add(me, course, "MODULE".equals(type) ? "LESSON" : type, newModule, lessonId,
					afterId, null, null);
			redirect.addFlashAttribute("notice", switch (added.kind()) {
				case "LESSON" -> "MODULE".equals(type) ? "Added module \u201c" + newModule + "\u201d with a new lesson. Rename it from the outline."
						: "Added a lesson. Give it a title and text.";
				case "KNOWLEDGE_CHECK" -> "Added a knowledge check after the lesson.";
				default -> "Added a question to the final quiz.";
			});
			return to(id, added.id(), "title");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", "Not added: " + String.join(" ", e.fieldErrors().values()));
			return to(id, afterId != null ? afterId : lessonId, null);
		}
	}

	private static boolean taken(Outline outline, String name) {
		return outline.modules().stream().anyMatch(m -> Objects.equals(m.name(), name));
	}

	@PostMapping("/courses/{id}/outline/elements/{elementId}/remove")
	String remove(Viewer me, @PathVariable String id, @PathVariable String elementId, RedirectAttributes redirect) {
		OutlineElement element = editing.element(me, new CourseId(id), elementId);
		editing.remove(me, new CourseId(id), elementId);
		redirect.addFlashAttribute("notice", (element.lesson() != null
				? "Removed the lesson \u201c" + element.lesson().title() + "\u201d and its knowledge checks."
				: "Removed the question \u201c" + element.question().prompt() + "\u201d."));
		redirect.addFlashAttribute("restorable", elementId);
		return to(id, null, "restore");
	}

	@PostMapping("/courses/{id}/outline/elements/{elementId}/restore")
	String restore(Viewer me, @PathVariable String id, @PathVariable String elementId, RedirectAttributes redirect) {
		try {
			editing.restore(me, new CourseId(id), elementId);
			redirect.addFlashAttribute("notice", "Restored where it was.");
		}
		catch (InvalidInputException | ConflictException e) {
			redirect.addFlashAttribute("problem", "Not restored: " + e.getMessage());
		}
		return to(id, elementId, "title");
	}

	/**
	 * Moves an element one place up or down (a lesson at the edge of its module goes into the neighbouring module), or
	 * a lesson to the end of another module ({@code module}).
	 */
	@PostMapping("/courses/{id}/outline/move")
	String move(Viewer me, @PathVariable String id, @RequestParam String elementId,
			@RequestParam(required = false) String direction, @RequestParam(required = false) String module,
			@RequestParam(required = false) String newModule, @RequestParam(required = false) Integer position,
			@RequestParam(required = false) String lessonId, @RequestParam(defaultValue = "0") int outlineRevision,
			@RequestParam(required = false) String current, RedirectAttributes redirect) {
		CourseId course = new CourseId(id);
		Outline outline = editing.outline(me, course);
		String focus = "up".equals(direction) || "down".equals(direction) ? "move-" + direction + "-" + elementId : null;
		try {
			// the drag and drop script names the dropped-on lesson's module: a script error must not create a module
			// called "undefined" or "null"
			if ("undefined".equals(module) || "null".equals(module)) {
				module = "";
			}
			Place place = place(outline, elementId, direction, newModule != null && !newModule.isBlank() ? newModule : module,
					position, lessonId);
			if (place == null) {
				redirect.addFlashAttribute("notice", "It is already there.");
				return to(id, current == null ? elementId : current, focus);
			}
			OutlineEditing.Moved moved = editing.move(me, course, elementId, place.module(), place.lessonId(),
					place.position(), outlineRevision);
			redirect.addFlashAttribute("announce", describe(moved.outline(), elementId)
					+ (moved.reapplied() ? " (the outline had changed meanwhile; it is shown as it is now)" : ""));
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", "Not moved: " + String.join(" ", e.fieldErrors().values()));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", "Not moved: " + e.getMessage());
		}
		return to(id, current == null ? elementId : current, focus);
	}

	private record Place(String module, String lessonId, int position) {
	}

	/** Where "up", "down" or "to module" takes an element; null when it is at the edge already. */
	private static Place place(Outline outline, String elementId, String direction, String module, Integer position,
			String lessonId) {
		List<Outline.Module> modules = outline.modules();
		for (int m = 0; m < modules.size(); m++) {
			List<Outline.LessonItem> lessons = modules.get(m).lessons();
			for (int i = 0; i < lessons.size(); i++) {
				if (!lessons.get(i).id().equals(elementId)) {
					continue;
				}
				String name = modules.get(m).name();
				if (direction == null) {
					String target = module == null ? name : module;
					return new Place(target == null ? "" : target, null, position == null ? Integer.MAX_VALUE / 2 : position);
				}
				if ("up".equals(direction)) {
					if (i > 0) {
						return new Place(blank(name), null, i - 1);
					}
					return m == 0 ? null : new Place(blank(modules.get(m - 1).name()), null, Integer.MAX_VALUE / 2);
				}
				if (i < lessons.size() - 1) {
					return new Place(blank(name), null, i + 1);
				}
				return m == modules.size() - 1 ? null : new Place(blank(modules.get(m + 1).name()), null, 0);
			}
		}
		List<List<Outline.Item>> containers = new ArrayList<>();
		containers.add(outline.quiz());
		outline.lessons().forEach(l -> containers.add(l.knowledgeChecks()));
		for (List<Outline.Item> items : containers) {
			for (int i = 0; i < items.size(); i++) {
				if (!items.get(i).id().equals(elementId)) {
					continue;
				}
				if (direction == null) {
					return new Place(null, lessonId, position == null ? Integer.MAX_VALUE / 2 : position);
				}
				int to = "up".equals(direction) ? i - 1 : i + 1;
				return to < 0 || to >= items.size() ? null : new Place(null, null, to);
			}
		}
		throw new NotFoundException("Element");
	}

	private static String blank(String module) {
		return module == null ? "" : module;
	}

	/** "Moved “Spot it” to place 2 of 3 in module “Basics”", for the live region. */
	private static String describe(Outline outline, String elementId) {
		for (Outline.Module module : outline.modules()) {
			for (int i = 0; i < module.lessons().size(); i++) {
				Outline.LessonItem lesson = module.lessons().get(i);
				if (lesson.id().equals(elementId)) {
					return "Moved \u201c" + lesson.title() + "\u201d to place " + (i + 1) + " of " + module.lessons().size()
							+ (module.name() == null ? " (no module)" : " in module \u201c" + module.name() + "\u201d") + ".";
				}
				for (int k = 0; k < lesson.knowledgeChecks().size(); k++) {
					if (lesson.knowledgeChecks().get(k).id().equals(elementId)) {
						return "Moved the knowledge check to place " + (k + 1) + " after \u201c" + lesson.title() + "\u201d.";
					}
				}
			}
		}
		for (int i = 0; i < outline.quiz().size(); i++) {
			if (outline.quiz().get(i).id().equals(elementId)) {
				return "Moved the question to place " + (i + 1) + " of " + outline.quiz().size() + " in the final quiz.";
			}
		}
		return "Moved.";
	}

	@PostMapping("/courses/{id}/outline/rename-module")
	String renameModule(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String newName, @RequestParam(defaultValue = "0") int outlineRevision,
			@RequestParam(required = false) String current, RedirectAttributes redirect) {
		try {
			editing.renameModule(me, new CourseId(id), name, newName, outlineRevision);
			redirect.addFlashAttribute("notice", "Renamed the module.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", "Not renamed: " + String.join(" ", e.fieldErrors().values()));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", "Not renamed: " + e.getMessage());
		}
		return to(id, current, null);
	}

	/** Moves a whole module one place up or down among the modules; the focus stays on the button pressed. */
	@PostMapping("/courses/{id}/outline/modules/move")
	String moveModule(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "down") String direction, @RequestParam(defaultValue = "0") int outlineRevision,
			@RequestParam(required = false) String current, RedirectAttributes redirect) {
		CourseId course = new CourseId(id);
		String module = name.isBlank() ? null : name.strip();
		List<String> names = editing.outline(me, course).modules().stream().map(Outline.Module::name).toList();
		int from = names.indexOf(module);
		int to = "up".equals(direction) ? from - 1 : from + 1;
		String label = module == null ? "the lessons in no module" : "module \u201c" + module + "\u201d";
		if (from < 0) {
			redirect.addFlashAttribute("problem", "Not moved: there is no such module in this course any more.");
			return to(id, current, null);
		}
		if (to < 0 || to >= names.size()) {
			redirect.addFlashAttribute("notice", "It is already there.");
			return to(id, current, "module-" + direction + "-" + from);
		}
		try {
			editing.moveModule(me, course, module, to, outlineRevision);
			redirect.addFlashAttribute("announce", "Moved " + label + " to place " + (to + 1) + " of " + names.size() + ".");
			return to(id, current, "module-" + direction + "-" + to);
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", "Not moved: " + String.join(" ", e.fieldErrors().values()));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", "Not moved: " + e.getMessage());
		}
		return to(id, current, null);
	}

	/** Removes a whole module with its lessons and their knowledge checks; "Restore it" puts it all back. */
	@PostMapping("/courses/{id}/outline/modules/remove")
	String removeModule(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "0") int outlineRevision, @RequestParam(required = false) String current,
			RedirectAttributes redirect) {
		try {
			OutlineEditing.ModuleRemoved removed = editing.removeModule(me, new CourseId(id),
					name, outlineRevision);
			redirect.addFlashAttribute("notice", "Removed " + (removed.name() == null ? "the lessons in no module"
					: "module \u201c" + removed.name() + "\u201d") + " with its " + removed.lessons()
					+ (removed.lessons() == 1 ? " lesson" : " lessons") + " and their knowledge checks.");
			redirect.addFlashAttribute("restorableModule", removed.removalId());
			return to(id, current, "restore");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", "Not removed: " + String.join(" ", e.fieldErrors().values()));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", "Not removed: " + e.getMessage());
		}
		return to(id, current, null);
	}

	@PostMapping("/courses/{id}/outline/modules/restore")
	String restoreModule(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "") String removalId,
			@RequestParam(required = false) String current, RedirectAttributes redirect) {
		try {
			editing.restoreModule(me, new CourseId(id), removalId);
			redirect.addFlashAttribute("notice", "Restored the module where it was, with its lessons and knowledge checks.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", "Not restored: " + String.join(" ", e.fieldErrors().values()));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", "Not restored: " + e.getMessage());
		}
		return to(id, current, null);
	}

	@PostMapping("/courses/{id}/outline/elements/{elementId}/undo")
	String undo(Viewer me, @PathVariable String id, @PathVariable String elementId,
			@RequestParam(required = false) Integer revision, RedirectAttributes redirect) {
		try {
			editing.undo(me, new CourseId(id), elementId, revision);
			redirect.addFlashAttribute("notice", "Your last change to this element was undone.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", String.join(" ", e.fieldErrors().values()));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", "Not undone: someone saved this element meanwhile; it is shown as it is now.");
		}
		return to(id, elementId, "undo");
	}

	@PostMapping("/courses/{id}/outline/elements/{elementId}/regenerate")
	String regenerate(Viewer me, @PathVariable String id, @PathVariable String elementId, RedirectAttributes redirect) {
		CourseId courseId = new CourseId(id);
		Course course = authoring.editable(me, courseId);
		int index = course.quiz().questions().stream().map(q -> q.id()).toList().indexOf(elementId);
		try {
			if (index < 0) {
				throw new InvalidInputException("questions", "Only final-quiz questions can be drafted again; edit a "
						+ "knowledge check by hand.");
			}
			Course saved = regenerator.regenerate(me, courseId, course.revision(), course.content(), index);
			redirect.addFlashAttribute("notice", "The question was drafted again from its passage and saved. Undo brings the old one back.");
			redirect.addFlashAttribute("courseUndoRevision", saved.revision());
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", "Not regenerated: " + String.join(" ", e.fieldErrors().values()));
		}
		catch (ConflictException | SourceRejected e) {
			redirect.addFlashAttribute("problem", "Not regenerated: " + e.getMessage());
		}
		return to(id, elementId, null);
	}

	@PostMapping("/courses/{id}/outline/regenerate-module")
	String regenerateModule(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "") String module,
			@RequestParam(required = false) String current, RedirectAttributes redirect) {
		CourseId courseId = new CourseId(id);
		Course course = authoring.editable(me, courseId);
		try {
			Course saved = regenerator.regenerateModule(me, courseId, course.revision(), course.content(), module.strip());
			redirect.addFlashAttribute("courseUndoRevision", saved.revision());
			redirect.addFlashAttribute("notice", "The questions of module \u201c" + module
					+ "\u201d were drafted again from its lessons and saved. Undo brings the old ones back.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", "Not regenerated: " + String.join(" ", e.fieldErrors().values()));
		}
		catch (ConflictException | SourceRejected e) {
			redirect.addFlashAttribute("problem", "Not regenerated: " + e.getMessage());
		}
		return to(id, current, null);
	}

	/**
	 * Undoes a whole-course change made for the author (questions drafted again): the course goes back to its content
	 * before that change, if nobody saved since ({@code revision} is the course's revision right after it).
	 */
	@PostMapping("/courses/{id}/outline/undo-save")
	String undoSave(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "0") int revision,
			@RequestParam(required = false) String current, RedirectAttributes redirect) {
		try {
			authoring.undo(me, new CourseId(id), revision);
			redirect.addFlashAttribute("notice", "Undone: the questions are back as they were.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", "Not undone: " + String.join(" ", e.fieldErrors().values()));
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", "Not undone: " + e.getMessage());
		}
		return to(id, current, null);
	}

	// ---- settings and publishing ----

	/**
	 * Saves the course's settings from the panel's form (its Save button, with or without the script): back to the
	 * editor, or the panel again with what was typed and the errors at the fields.
	 */
	@PostMapping("/courses/{id}/outline/settings")
	String settings(Viewer me, @PathVariable String id, @ModelAttribute("form") CourseForm form, BindingResult binding,
			@RequestParam(defaultValue = "0") int settingsRevision, @RequestParam(required = false) String current,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		CourseId courseId = new CourseId(id);
		Course course = authoring.editable(me, courseId);
		try {
			saveSettings(me, courseId, form, binding, settingsRevision);
			redirect.addFlashAttribute("notice", "Settings saved.");
			return to(id, current, null);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("problem", "The settings were not saved. Check the fields marked.");
			return render(model, me, course, current, "settings", form, e.fieldErrors());
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage() + " The settings below are the saved ones; make your change again.");
			return to(id, current, null) ;
		}
	}

	/**
	 * The settings panel's autosave (the script asks for JSON): the new settings revision and when, 422 at the fields,
	 * or 409 with both values ({@code theirs}, {@code yours}) when someone saved them since; nothing is overwritten.
	 */
	@PostMapping(path = "/courses/{id}/outline/settings", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> autosaveSettings(Viewer me, @PathVariable String id,
			@ModelAttribute("form") CourseForm form, BindingResult binding,
			@RequestParam(defaultValue = "0") int settingsRevision) {
		CourseId courseId = new CourseId(id);
		return json(() -> {
			try {
				saveSettings(me, courseId, form, binding, settingsRevision);
			}
			catch (ConflictException e) {
				Map<String, Object> state = new LinkedHashMap<>(e.state());
				state.put("yours", typedSettings(form));
				throw new ConflictException(e.getMessage(), state);
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("settingsRevision", editing.outline(me, courseId).settingsRevision());
			body.put("savedAt", LocalTime.now().withNano(0).toString());
			// the header's button says what publishing does at the tier just saved
			body.put("publishLabel", publishesAtOnce(authoring.editable(me, courseId)) ? "Publish" : "Submit for review");
			return body;
		});
	}

	/** Saves the settings panel's fields, its template and topic; refuses bad values at their fields (422). */
	private void saveSettings(Viewer me, CourseId courseId, CourseForm form, BindingResult binding, int settingsRevision) {
		if (binding.hasErrors()) {
			Map<String, String> errors = new LinkedHashMap<>();
			binding.getFieldErrors().forEach(e -> errors.put(e.getField(), "Enter a whole number."));
			throw new InvalidInputException("The settings were not saved.", errors);
		}
		CourseTemplate template;
		try {
			template = form.getTemplateId() == null || form.getTemplateId().isBlank() ? null
					: templates.find(form.getTemplateId());
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("templateId", "That template no longer exists; choose another.");
		}
		RiskTier tier;
		try {
			tier = form.getRiskTier() == null || form.getRiskTier().isBlank() ? null : RiskTier.valueOf(form.getRiskTier());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("riskTier", "Choose one of the risk tiers.");
		}
		editing.saveSettings(me, courseId, settingsRevision, new OutlineEditing.Settings(form.getTitle(),
				form.getDescription(), form.getObjectives() == null ? List.of() : List.of(form.getObjectives().split("\\R")),
				tier, form.getTierReason(), form.getPassMark(), new QuizSettings(form.getAttemptLimit(),
						form.getTimeLimitMinutes(), form.getDrawCount(), form.isShuffleOptions(), form.getAnswersShown())));
		authoring.setTopic(me, courseId, form.getTopic());
		if (template != null) {
			standards.choose(me, courseId, template.id());
		}
	}

	/** The settings as typed, shown beside the saved ones in a conflict. */
	private static Map<String, Object> typedSettings(CourseForm form) {
		Map<String, Object> yours = new LinkedHashMap<>();
		yours.put("title", form.getTitle());
		yours.put("description", form.getDescription());
		yours.put("objectives", form.getObjectives() == null ? List.of()
				: Arrays.stream(form.getObjectives().split("\\R")).filter(o -> !o.isBlank()).toList());
		yours.put("riskTier", form.getRiskTier());
		yours.put("tierReason", form.getTierReason());
		yours.put("passMark", form.getPassMark());
		return yours;
	}

	@PostMapping("/courses/{id}/outline/publish")
	String publish(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		try {
			Course result = editing.publish(me, new CourseId(id));
			redirect.addFlashAttribute("notice", result.isPublished() ? "Published. Now assign it to a team."
					: "Sent for review (" + result.riskTier().name().toLowerCase(Locale.ROOT)
							+ " risk). It is published when the review is approved.");
			return "redirect:/courses/" + id + "/assign";
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", "Not published: " + String.join(" ", e.fieldErrors().values()));
			return "redirect:/courses/" + id + "/edit";
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", "Not published: " + e.getMessage());
			return "redirect:/courses/" + id + "/edit";
		}
	}

	/** Whether the header's button publishes at once or sends the course to review, at the tier publishing would use. */
	private boolean publishesAtOnce(Course course) {
		return policies.policy(course.tierAtPublication()).publishesAtOnce();
	}

	private static String to(String id, String element, String focus) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/courses/{id}/edit");
		if (element != null && !element.isBlank()) {
			url.queryParam("element", element);
		}
		if (focus != null) {
			url.queryParam("focus", focus);
		}
		return "redirect:" + url.buildAndExpand(id).toUriString();
	}
}
