package io.stride.authoring.web;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.CourseStandards;
import io.stride.authoring.QuestionKind;
import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.standards.CourseTemplate;
import io.stride.standards.Templates;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The course builder: one document-like page holding the course, its lessons and its quiz. Structural buttons
 * (add, remove, move) change the page without saving; "Save" and "Publish" save the whole document at once.
 */
@Controller
class CourseBuilderController {

	private final Authoring authoring;

	private final Organization organization;

	private final io.stride.authoring.QuestionRegenerator regenerator;

	private final io.stride.drafting.StyleTerms styleTerms;

	private final Templates templates;

	private final CourseStandards standards;

	CourseBuilderController(Authoring authoring, Organization organization,
			io.stride.authoring.QuestionRegenerator regenerator, io.stride.drafting.StyleTerms styleTerms,
			Templates templates, CourseStandards standards) {
		this.authoring = authoring;
		this.organization = organization;
		this.regenerator = regenerator;
		this.styleTerms = styleTerms;
		this.templates = templates;
		this.standards = standards;
	}

	@GetMapping("/courses")
	String myCourses(Model model) {
		Viewer me = organization.currentViewer();
		model.addAttribute("courses", authoring.authoredBy(me));
		return "courses/list";
	}

	@GetMapping("/courses/new")
	String newCourse(Model model) {
		organization.currentViewer();
		CourseForm form = CourseForm.blank();
		form.setNewId(io.stride.shared.Ids.newId());
		form.setTemplateId(templates.defaultTemplate().id());
		return builder(model, form, null, Map.of());
	}

	@PostMapping("/courses")
	@CourseTextCheckedByItsRules
	String create(@ModelAttribute("form") CourseForm form, BindingResult binding,
			@RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Viewer me = organization.currentViewer();
		if (binding.hasErrors()) {
			response.setStatus(422);
			return builder(model, form, null, bindingErrors(binding));
		}
		if (restructure(form, action)) {
			model.addAttribute("notice", "Not saved yet: press Save to keep your changes.");
			model.addAttribute("focus", focusAfter(form, action));
			return builder(model, form, null, Map.of());
		}
		try {
			CourseTemplate template = chosenTemplate(form);
			Course course = createOrSave(me, form, form.toContent());
			authoring.setTopic(me, course.id(), form.getTopic());
			if (template != null) {
				standards.choose(me, course.id(), template.id());
			}
			return afterSave(me, course, action, redirect);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("problem", e.getMessage() + " Check the fields marked below.");
			return builder(model, form, null, form.onPage(e.fieldErrors()));
		}
	}

	@GetMapping("/courses/{id}/edit")
	String edit(@PathVariable String id, Model model, RedirectAttributes redirect) {
		Viewer me = organization.currentViewer();
		Course course = authoring.editable(me, new CourseId(id));
		if (course.status() != io.stride.authoring.CourseStatus.DRAFT) {
			redirect.addFlashAttribute("notice", course.isPublished()
					? "This version is published and never changes. Choose \"Edit as a new version\" to change the course."
					: course.status() == io.stride.authoring.CourseStatus.IN_REVIEW
							? "This course is in review; it can be edited again when a reviewer asks for changes."
							: "This course is retired.");
			return "redirect:/courses/" + id + "/assign";
		}
		CourseForm form = CourseForm.of(course);
		form.setTopic(authoring.topicOf(course.id()));
		form.setTemplateId(templates.templateFor(id).id());
		form.padOptions();
		return builder(model, form, course, Map.of());
	}

	@PostMapping("/courses/{id}")
	@CourseTextCheckedByItsRules
	String update(@PathVariable String id, @ModelAttribute("form") CourseForm form, BindingResult binding,
			@RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Viewer me = organization.currentViewer();
		CourseId courseId = new CourseId(id);
		Course current = authoring.editable(me, courseId);
		if (action.startsWith("regenerate-module:")) {
			try {
				int first = parseIndex(action.substring(action.indexOf(':') + 1));
				String module = first >= 0 && first < form.getLessons().size() ? form.getLessons().get(first).getModule() : "";
				regenerator.regenerateModule(me, courseId, form.getRevision(), form.toContent(), module == null ? "" : module.strip());
				redirect.addFlashAttribute("notice", "The questions of module \"" + module
						+ "\" were drafted again from its lessons and saved. Undo brings the old ones back.");
			}
			catch (InvalidInputException e) {
				redirect.addFlashAttribute("problem", "Not regenerated: " + String.join(" ", e.fieldErrors().values()));
			}
			catch (ConflictException | io.stride.drafting.SourceRejected e) {
				redirect.addFlashAttribute("problem", "Not regenerated: " + e.getMessage());
			}
			return "redirect:/courses/" + id + "/edit";
		}
		if (action.startsWith("regenerate-question:")) {
			try {
				int index = parseIndex(action.substring(action.indexOf(':') + 1));
				if (form.quizIndex(index) < 0) {
					throw new InvalidInputException("questions", "Only final-quiz questions can be drafted again; "
							+ "edit a knowledge check by hand.");
				}
				regenerator.regenerate(me, courseId, form.getRevision(), form.toContent(), form.quizIndex(index));
				redirect.addFlashAttribute("notice", "Question " + (index + 1)
						+ " was drafted again from its passage and saved. Undo brings the old one back.");
			}
			catch (InvalidInputException e) {
				redirect.addFlashAttribute("problem", "Not regenerated: " + String.join(" ", e.fieldErrors().values()));
			}
			catch (ConflictException | io.stride.drafting.SourceRejected e) {
				redirect.addFlashAttribute("problem", "Not regenerated: " + e.getMessage());
			}
			return "redirect:/courses/" + id + "/edit";
		}
		if ("undo".equals(action)) {
			try {
				authoring.undo(me, courseId, form.getRevision());
				redirect.addFlashAttribute("notice", "Your last change was undone.");
			}
			catch (InvalidInputException | ConflictException e) {
				redirect.addFlashAttribute("problem", e.getMessage() + (e instanceof InvalidInputException invalid
						? " " + String.join(" ", invalid.fieldErrors().values()) : ""));
			}
			return "redirect:/courses/" + id + "/edit";
		}
		if (binding.hasErrors()) {
			response.setStatus(422);
			return builder(model, form, current, bindingErrors(binding));
		}
		if (restructure(form, action)) {
			model.addAttribute("notice", "Not saved yet: press Save to keep your changes.");
			model.addAttribute("focus", focusAfter(form, action));
			return builder(model, form, current, Map.of());
		}
		try {
			CourseTemplate template = chosenTemplate(form);
			authoring.setTopic(me, courseId, form.getTopic());
			Course saved = authoring.update(me, courseId, form.getRevision(), form.toContent());
			if (template != null) {
				standards.choose(me, courseId, template.id());
			}
			return afterSave(me, saved, action, redirect);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("problem", e.getMessage() + " Check the fields marked below.");
			return builder(model, form, current, form.onPage(e.fieldErrors()));
		}
		catch (ConflictException e) {
			// keep what this tab typed on screen so nothing is lost, but never write it over the other save
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			model.addAttribute("conflict", true);
			return builder(model, form, current, Map.of());
		}
	}

	@PostMapping("/courses/{id}/new-version")
	String newVersion(@PathVariable String id, @RequestParam(defaultValue = "0") int revision, RedirectAttributes redirect) {
		try {
			Course draft = authoring.startVersion(organization.currentViewer(), new CourseId(id), revision);
			redirect.addFlashAttribute("notice", "Version " + draft.version() + " is a draft. Learners keep version "
					+ draft.liveVersion() + " until this one is published.");
			return "redirect:/courses/" + id + "/edit";
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			return "redirect:/courses/" + id + "/assign";
		}
	}

	@PostMapping("/courses/{id}/retire")
	String retire(@PathVariable String id, RedirectAttributes redirect) {
		try {
			authoring.retire(organization.currentViewer(), new CourseId(id));
			redirect.addFlashAttribute("notice", "Retired: kept for the records and for people who started it, hidden from everyone else.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/courses/" + id + "/assign";
	}

	/**
	 * The first autosave of a new course creates it, so that nothing typed is lost before the first "Save"; the
	 * page then goes on autosaving to the course's own address.
	 */
	@PostMapping(path = "/courses/autosave", produces = "application/json")
	@CourseTextCheckedByItsRules
	@org.springframework.web.bind.annotation.ResponseBody
	org.springframework.http.ResponseEntity<Map<String, Object>> autosaveNew(@ModelAttribute("form") CourseForm form,
			BindingResult binding) {
		Viewer me = organization.currentViewer();
		if (binding.hasErrors()) {
			return notANumber();
		}
		try {
			CourseTemplate template = chosenTemplate(form);
			Course course = createOrSave(me, form, form.toStartedContent());
			authoring.setTopic(me, course.id(), form.getTopic());
			if (template != null) {
				standards.choose(me, course.id(), template.id());
			}
			String base = "/courses/" + course.id().value();
			return org.springframework.http.ResponseEntity.ok(Map.of("id", course.id().value(), "revision", course.revision(),
					"savedAt", java.time.LocalTime.now().withNano(0).toString(), "editUrl", base + "/edit", "action", base,
					"autosaveUrl", base + "/autosave"));
		}
		catch (InvalidInputException e) {
			return notSaved(form, e);
		}
	}

	/** Saves what the author typed a moment ago, for the page's autosave; answers in JSON. */
	@PostMapping(path = "/courses/{id}/autosave", produces = "application/json")
	@CourseTextCheckedByItsRules
	@org.springframework.web.bind.annotation.ResponseBody
	org.springframework.http.ResponseEntity<Map<String, Object>> autosave(@PathVariable String id,
			@ModelAttribute("form") CourseForm form, BindingResult binding) {
		Viewer me = organization.currentViewer();
		if (binding.hasErrors()) {
			return notANumber();
		}
		try {
			CourseTemplate template = chosenTemplate(form);
			Course saved = authoring.update(me, new CourseId(id), form.getRevision(), form.toStartedContent());
			if (template != null) {
				standards.choose(me, saved.id(), template.id());
			}
			return org.springframework.http.ResponseEntity.ok(Map.of("revision", saved.revision(), "savedAt",
					java.time.LocalTime.now().withNano(0).toString()));
		}
		catch (InvalidInputException e) {
			return notSaved(form, e);
		}
		catch (ConflictException e) {
			return org.springframework.http.ResponseEntity.status(409).body(Map.of("detail", e.getMessage()));
		}
	}

	private static org.springframework.http.ResponseEntity<Map<String, Object>> notANumber() {
		return org.springframework.http.ResponseEntity.unprocessableContent()
			.body(Map.of("detail", "A number field holds something else than a number."));
	}

	/** An autosave refused: the first reason for the page's status line, each at its field on the page. */
	private static org.springframework.http.ResponseEntity<Map<String, Object>> notSaved(CourseForm form,
			InvalidInputException e) {
		return org.springframework.http.ResponseEntity.unprocessableContent()
			.body(Map.of("detail", e.fieldErrors().values().stream().findFirst().orElse(e.getMessage()), "errors",
					form.onPage(e.fieldErrors())));
	}

	private String afterSave(Viewer me, Course course, String action, RedirectAttributes redirect) {
		if ("publish".equals(action)) {
			Course result;
			try {
				result = authoring.requestPublication(me, course.id(), course.revision());
			}
			catch (InvalidInputException e) {
				redirect.addFlashAttribute("problem", "Saved, but not published: " + String.join(" ", e.fieldErrors().values()));
				return "redirect:/courses/" + course.id().value() + "/edit";
			}
			redirect.addFlashAttribute("notice", result.isPublished() ? "Published. Now assign it to a team."
					: "Sent for review (" + result.riskTier().name().toLowerCase(java.util.Locale.ROOT)
							+ " risk). It is published when the review is approved.");
			return "redirect:/courses/" + course.id().value() + "/assign";
		}
		redirect.addFlashAttribute("notice", "Saved.");
		return "redirect:/courses/" + course.id().value() + "/edit";
	}

	/** A new course from the page: under the page's id when it sent one, so that a second save finds the first. */
	private Course createOrSave(Viewer me, CourseForm form, io.stride.authoring.CourseContent content) {
		io.stride.authoring.CourseId id = form.newCourseId();
		if (id == null) {
			return authoring.create(me, content);
		}
		try {
			return authoring.createOrSave(me, id, content);
		}
		catch (org.springframework.dao.DuplicateKeyException createdMeanwhile) {
			// the page's other request (its first autosave and a Save at once) created the course a moment ago;
			// in a transaction of its own, this one now saves over it
			return authoring.createOrSave(me, id, content);
		}
	}

	private CourseTemplate chosenTemplate(CourseForm form) {
		String id = form.getTemplateId();
		if (id == null || id.isBlank()) {
			return null;
		}
		try {
			return templates.find(id);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("The course was not saved.",
					Map.of("templateId", "That template no longer exists; choose another."));
		}
	}

	/** The template the page checks against: the one chosen on the page, else the course's, else the default. */
	private CourseTemplate shownTemplate(CourseForm form, Course course) {
		String id = form.getTemplateId();
		if (id != null && !id.isBlank()) {
			try {
				return templates.find(id);
			}
			catch (NotFoundException e) {
				// falls through: the field error says so
			}
		}
		return course == null ? templates.defaultTemplate() : templates.templateFor(course.id().value());
	}

	/**
	 * Applies an add/remove/move button; answers whether the action was one. Knowledge checks stay with their lesson
	 * when lessons move, and join the final quiz when their lesson is removed.
	 */
	private static boolean restructure(CourseForm form, String action) {
		Map<CourseForm.QuestionForm, CourseForm.LessonForm> anchors = new java.util.IdentityHashMap<>();
		for (CourseForm.QuestionForm question : form.getQuestions()) {
			Integer lesson = question.getAfterLesson();
			if (lesson != null && lesson >= 1 && lesson <= form.getLessons().size()) {
				anchors.put(question, form.getLessons().get(lesson - 1));
			}
		}
		boolean restructured = applyStructure(form, action);
		anchors.forEach((question, lesson) -> {
			int index = form.getLessons().indexOf(lesson);
			question.setAfterLesson(index < 0 ? null : index + 1);
		});
		return restructured;
	}

	private static boolean applyStructure(CourseForm form, String action) {
		String[] parts = action.split(":");
		int index = parts.length > 1 ? parseIndex(parts[1]) : -1;
		var lessons = form.getLessons();
		var questions = form.getQuestions();
		switch (parts[0]) {
			case "add-lesson" -> lessons.add(new CourseForm.LessonForm());
			case "remove-lesson" -> {
				if (index >= 0 && index < lessons.size()) {
					lessons.remove(index);
				}
			}
			case "lesson-up" -> {
				if (index > 0 && index < lessons.size()) {
					Collections.swap(lessons, index, index - 1);
				}
			}
			case "lesson-down" -> {
				if (index >= 0 && index < lessons.size() - 1) {
					Collections.swap(lessons, index, index + 1);
				}
			}
			case "question-up" -> {
				if (index > 0 && index < questions.size()) {
					Collections.swap(questions, index, index - 1);
				}
			}
			case "question-down" -> {
				if (index >= 0 && index < questions.size() - 1) {
					Collections.swap(questions, index, index + 1);
				}
			}
			case "module-up", "module-down", "remove-module" -> moveOrRemoveModule(lessons, index, parts[0]);
			case "add-module" -> {
				CourseForm.LessonForm lesson = new CourseForm.LessonForm();
				lesson.setModule("Module " + (form.getModuleNames().size() + 1));
				lessons.add(lesson);
			}
			case "add-question" -> questions.add(CourseForm.QuestionForm.blank());
			case "remove-question" -> {
				if (index >= 0 && index < questions.size()) {
					questions.remove(index);
				}
			}
			case "more-options" -> {
				if (index >= 0 && index < questions.size()) {
					questions.get(index).pad();
				}
			}
			default -> {
				return false;
			}
		}
		form.padOptions();
		return true;
	}

	/** Keyboard users continue where they acted: on the new or moved element, or the one after a removal. */
	private static String focusAfter(CourseForm form, String action) {
		String[] parts = action.split(":");
		int index = parts.length > 1 ? parseIndex(parts[1]) : -1;
		int lessons = form.getLessons().size();
		int questions = form.getQuestions().size();
		return switch (parts[0]) {
			case "add-lesson", "add-module" -> "lesson-" + (lessons - 1) + "-title";
			case "lesson-up" -> "lesson-" + Math.max(0, index - 1) + "-title";
			case "lesson-down" -> "lesson-" + Math.min(lessons - 1, index + 1) + "-title";
			case "remove-lesson" -> lessons == 0 ? null : "lesson-" + Math.min(index, lessons - 1) + "-title";
			case "add-question" -> "question-" + (questions - 1) + "-prompt";
			case "question-up" -> "question-" + Math.max(0, index - 1) + "-prompt";
			case "question-down" -> "question-" + Math.min(questions - 1, index + 1) + "-prompt";
			case "remove-question" -> questions == 0 ? null : "question-" + Math.min(index, questions - 1) + "-prompt";
			case "more-options" -> "question-" + index + "-prompt";
			default -> null;
		};
	}

	private static Map<String, String> bindingErrors(BindingResult binding) {
		Map<String, String> errors = new java.util.HashMap<>();
		binding.getFieldErrors().forEach(error -> errors.put(error.getField(), "answersShown".equals(error.getField())
				? "Choose when learners see the right answers." : "Enter a whole number."));
		return errors;
	}

	/**
	 * A module is the run of consecutive lessons that share a module name, starting at lesson {@code first}; it
	 * moves past the neighbouring run, or goes as a whole.
	 */
	private static void moveOrRemoveModule(List<CourseForm.LessonForm> lessons, int first, String action) {
		if (first < 0 || first >= lessons.size()) {
			return;
		}
		int end = runEnd(lessons, first);
		List<CourseForm.LessonForm> run = new java.util.ArrayList<>(lessons.subList(first, end));
		switch (action) {
			case "remove-module" -> lessons.subList(first, end).clear();
			case "module-up" -> {
				if (first > 0) {
					int previousStart = runStart(lessons, first - 1);
					lessons.subList(first, end).clear();
					lessons.addAll(previousStart, run);
				}
			}
			default -> {
				if (end < lessons.size()) {
					int nextEnd = runEnd(lessons, end);
					lessons.subList(first, end).clear();
					lessons.addAll(nextEnd - run.size(), run);
				}
			}
		}
	}

	private static int runEnd(List<CourseForm.LessonForm> lessons, int from) {
		String module = lessons.get(from).getModule();
		int end = from + 1;
		while (end < lessons.size() && java.util.Objects.equals(lessons.get(end).getModule(), module)) {
			end++;
		}
		return end;
	}

	private static int runStart(List<CourseForm.LessonForm> lessons, int from) {
		String module = lessons.get(from).getModule();
		int start = from;
		while (start > 0 && java.util.Objects.equals(lessons.get(start - 1).getModule(), module)) {
			start--;
		}
		return start;
	}

	private static int parseIndex(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private String builder(Model model, CourseForm form, Course course, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("course", course);
		model.addAttribute("pageTitle", course == null ? "New course" : "Edit " + course.title());
		model.addAttribute("kinds", QuestionKind.values());
		model.addAttribute("scorings", io.stride.authoring.Scoring.values());
		model.addAttribute("answerRules", io.stride.authoring.AnswersShown.values());
		model.addAttribute("errors", errors);
		model.addAttribute("tiers", io.stride.authoring.RiskTier.values());
		model.addAttribute("suggestion", io.stride.authoring.RiskSuggestion.of(form.toContent()));
		var terms = styleTerms.all();
		var quality = form.getLessons()
			.stream()
			.map(lesson -> io.stride.drafting.QualityPanel.check(lesson.getTitle(), lesson.getMarkdown(), terms))
			.toList();
		model.addAttribute("quality", quality);
		CourseTemplate template = shownTemplate(form, course);
		var templateFindings = templates.findings(template, CourseStandards.toCheck(form.toContent()));
		model.addAttribute("templates", templates.all());
		model.addAttribute("template", template);
		model.addAttribute("templateFindings", templateFindings);
		model.addAttribute("qualityFindings",
				quality.stream().mapToInt(q -> q.findings().size()).sum() + templateFindings.size());
		model.addAttribute("canUndo", course != null && !course.isPublished()
				&& authoring.canUndo(organization.currentViewer(), course.id()));
		return "courses/builder";
	}
}
