package io.stride.drafting.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.stride.drafting.CourseDraft;
import io.stride.drafting.DraftBriefs;
import io.stride.drafting.Drafting;
import io.stride.drafting.QualityPanel;
import io.stride.drafting.Recordings;
import io.stride.drafting.SourceRejected;
import io.stride.drafting.StyleTerms;
import io.stride.drafting.internal.recording.TranscriptionClient;
import io.stride.identity.Viewer;
import io.stride.shared.ChecksControlCharacters;
import io.stride.shared.InvalidInputException;
import io.stride.shared.Markdown;
import io.stride.shared.NotFoundException;
import io.stride.standards.CourseTemplate;
import io.stride.standards.CourseToCheck;
import io.stride.standards.Templates;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Drafting in the browser: drop in files or paste text, review the draft with its citations and quality panel.
 */
@Controller
class DraftController {

	private static final int MAX_TEXT = 600_000;

	private final Drafting drafting;

	private final StyleTerms styleTerms;

	private final Templates templates;

	private final Recordings recordings;

	private final YourRecordings yourRecordings;

	private final TranscriptionClient transcription;

	private final List<DraftBriefs> briefs;

	DraftController(Drafting drafting, StyleTerms styleTerms, Templates templates,
			Recordings recordings, YourRecordings yourRecordings, TranscriptionClient transcription,
			List<DraftBriefs> briefs) {
		this.briefs = briefs;
		this.drafting = drafting;
		this.styleTerms = styleTerms;
		this.templates = templates;
		this.recordings = recordings;
		this.yourRecordings = yourRecordings;
		this.transcription = transcription;
	}

	/** What the form says about recordings: whether they can be transcribed here, how large, and the author's. */
	private void recordingsOnForm(Viewer me, boolean keep, Model model) {
		model.addAttribute("keep", keep);
		model.addAttribute("transcriptionEnabled", transcription.enabled());
		model.addAttribute("recordingMaxMb", recordings.maxBytes() / (1024 * 1024));
		model.addAttribute("recordingAccept", Recordings.EXTENSIONS.stream().sorted().map(e -> "." + e)
			.collect(Collectors.joining(",")));
		model.addAttribute("yourRecordings", yourRecordings.of(me));
	}

	@GetMapping("/drafts/new")
	String form(Viewer me, @RequestParam(required = false) String commission, Model model) {
		model.addAttribute("text", "");
		if (commission != null && !commission.isBlank()) {
			// a commission's brief the viewer may read starts the text; one they may not read is like none
			briefs.stream()
				.map(b -> b.commission(me, commission.strip()))
				.flatMap(Optional::stream)
				.findFirst()
				.ifPresent(brief -> {
					model.addAttribute("text", brief.text());
					model.addAttribute("brief", brief);
					// the form carries the commission on, so that the draft made from it answers it
					model.addAttribute("commissionId", commission.strip());
				});
		}
		model.addAttribute("drafts", drafting.keptBy(me));
		model.addAttribute("llmEnabled", drafting.usesLanguageModel());
		model.addAttribute("templates", templates.all());
		model.addAttribute("templateId", templates.defaultTemplate().id());
		recordingsOnForm(me, false, model);
		return "drafts/new";
	}

	@PostMapping("/drafts")
	@ChecksControlCharacters("text")
	String draft(Viewer me, @RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(name = "text", required = false) String text,
			@RequestParam(name = "template", required = false) String templateId,
			@RequestParam(name = "keep", defaultValue = "false") boolean keep,
			@RequestParam(name = "commission", required = false) String commission, Model model,
			HttpServletResponse response) throws IOException {
		if (commission != null && !commission.isBlank()) {
			model.addAttribute("commissionId", commission.strip());
		}
		try {
			MultipartFile recording = RecordingApi.recording(files, text);
			if (recording != null) {
				Recordings.Status started = recordings.start(me, RecordingApi.upload(recording, recordings), keep);
				return "redirect:/drafts/recordings/" + started.recordingId();
			}
		}
		catch (SourceRejected e) {
			if (e.retryAfterSeconds() > 0) {
				response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
			}
			// the refusal is about the file chosen: the file input points to it
			model.addAttribute("recordingProblem", true);
			return formAgain(me, text, templateId, keep, "Nothing was transcribed: " + e.getMessage(), e.status(), model,
					response);
		}
		CourseTemplate template;
		try {
			template = templateId == null || templateId.isBlank() ? templates.defaultTemplate() : templates.find(templateId);
		}
		catch (NotFoundException e) {
			// a template deleted while the form was open
			return formAgain(me, text, null, keep, "Nothing was drafted: that template no longer exists; choose another.",
					422, model, response);
		}
		try {
			// lessons longer than the template allows are condensed; without a limit, to the quality panel's
			int wordsPerLesson = template.maxLessonWords() != null ? template.maxLessonWords() : QualityPanel.MAX_LESSON_WORDS;
			String job = drafting.startDraft(me, () -> DraftApi.sources(files, drafting), text, wordsPerLesson,
					draftId -> {
						templates.chooseForDraft(draftId, template.id());
						// "Draft from this commission": the courses made from this draft answer it
						briefKept(me, commission, draftId, briefs);
					});
			return "redirect:/drafts/jobs/" + job;
		}
		catch (SourceRejected e) {
			if (e.retryAfterSeconds() > 0) {
				response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
			}
			return formAgain(me, text, template.id(), keep, "Nothing was drafted: " + e.getMessage(), e.status(), model,
					response);
		}
	}

	/** Tells the module that keeps the brief named on the form that a draft was kept from it. */
	static void briefKept(Viewer me, String commission, String draftId, List<DraftBriefs> briefs) {
		if (commission != null && !commission.isBlank()) {
			briefs.forEach(b -> b.draftKept(me, commission.strip(), draftId));
		}
	}

	private String formAgain(Viewer me, String text, String templateId, boolean keep, String problem, int status,
			Model model, HttpServletResponse response) {
		response.setStatus(status);
		model.addAttribute("problem", problem);
		model.addAttribute("text", text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
		model.addAttribute("drafts", drafting.keptBy(me));
		model.addAttribute("llmEnabled", drafting.usesLanguageModel());
		model.addAttribute("templates", templates.all());
		boolean known = templateId != null && templates.all().stream().anyMatch(t -> t.id().equals(templateId));
		model.addAttribute("templateId", known ? templateId : templates.defaultTemplate().id());
		recordingsOnForm(me, keep, model);
		return "drafts/new";
	}

	@GetMapping("/drafts/jobs/{id}")
	String progress(Viewer me, @PathVariable String id, Model model) {
		Drafting.Progress progress = drafting.progress(me, id);
		if (progress.done()) {
			return "redirect:/drafts/" + progress.draftId();
		}
		model.addAttribute("progress", progress);
		model.addAttribute("jobId", id);
		return "drafts/progress";
	}

	@GetMapping(path = "/drafts/jobs/{id}/progress", produces = "application/json")
	@ResponseBody
	Drafting.Progress progressJson(Viewer me, @PathVariable String id) {
		return drafting.progress(me, id);
	}

	@GetMapping("/drafts/{id}")
	String show(Viewer me, @PathVariable String id, Model model) {
		Drafting.SavedDraft saved = drafting.kept(me, id);
		model.addAttribute("saved", saved);
		model.addAttribute("draft", saved.draft());
		// once the courses are created, what the page lists under them is not repeated among the warnings
		Object told = model.getAttribute("creationNotes");
		model.addAttribute("warnings", saved.draft().warnings().stream()
			.filter(w -> !(told instanceof List<?> notes && notes.contains(w)))
			.toList());
		model.addAttribute("quality", QualityPanel.check(saved.draft(), styleTerms.all()));
		CourseTemplate template = templates.templateForDraft(saved.id());
		model.addAttribute("template", template);
		model.addAttribute("templates", templates.all());
		model.addAttribute("templateFindings", templates.findings(template, toCheck(saved.draft())));
		Map<String, String> lessonHtml = new HashMap<>();
		var modules = saved.draft().modules();
		for (int m = 0; m < modules.size(); m++) {
			for (int l = 0; l < modules.get(m).lessons().size(); l++) {
				lessonHtml.put(m + "/" + l, Markdown.toSafeHtml(modules.get(m).lessons().get(l).markdown()));
			}
		}
		model.addAttribute("lessonHtml", lessonHtml);
		model.addAttribute("playback", playback(me, id));
		return "drafts/show";
	}

	/** The recording the draft was made from; none once it is deleted (the draft itself stays readable). */
	private Playback playback(Viewer me, String draftId) {
		try {
			return recordings.recordingOf(me, draftId)
				.map(recordingId -> new Playback(RecordingController.page(recordings, me, recordingId)))
				.orElse(null);
		}
		catch (NotFoundException deletedMeanwhile) {
			return null;
		}
	}

	/** The recording a draft was made from, to read its transcript beside the draft and play the cited moments. */
	record Playback(RecordingController.Page recording) {

		/** The second a citation's moment starts at, or -1 for a locator that is not a moment. */
		public long startOf(String locator) {
			return Moments.startSecond(locator);
		}
	}

	/** The draft as the course it becomes, for the template check. */
	private static CourseToCheck toCheck(CourseDraft draft) {
		List<CourseToCheck.Lesson> lessons = draft.modules()
			.stream()
			.flatMap(module -> module.lessons().stream())
			.map(lesson -> new CourseToCheck.Lesson(lesson.title(), lesson.markdown()))
			.toList();
		return new CourseToCheck(draft.title(), draft.summary(), draft.objectives(), lessons, draft.quiz().size(),
				draft.modules().stream().mapToInt(module -> module.knowledgeCheck().size()).sum());
	}

	@GetMapping("/drafts/{id}/source")
	String source(Viewer me, @PathVariable String id, @RequestParam String name,
			@RequestParam(defaultValue = "0") int start, @RequestParam(defaultValue = "0") int end, Model model) {
		model.addAttribute("source", drafting.source(me, id, name, start, end));
		model.addAttribute("draftId", id);
		return "drafts/source";
	}

	@GetMapping("/admin/terms")
	String terms(Viewer signedIn, Model model) {
		model.addAttribute("terms", styleTerms.all());
		model.addAttribute("errors", Map.of());
		return "admin/terms";
	}

	@PostMapping("/admin/terms")
	String addTerm(Viewer me, @RequestParam String term, @RequestParam(defaultValue = "") String preferred, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			styleTerms.add(me, term, preferred);
			redirect.addFlashAttribute("notice", "Added \"" + term.strip() + "\".");
			return "redirect:/admin/terms";
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("terms", styleTerms.all());
			model.addAttribute("errors", e.fieldErrors());
			model.addAttribute("term", term);
			model.addAttribute("preferred", preferred);
			return "admin/terms";
		}
	}

	@PostMapping("/admin/terms/{id}/delete")
	String removeTerm(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		styleTerms.remove(me, id);
		redirect.addFlashAttribute("notice", "Removed from the list.");
		return "redirect:/admin/terms";
	}
}
