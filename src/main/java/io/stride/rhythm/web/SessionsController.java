package io.stride.rhythm.web;

import io.stride.rhythm.RitualSchedule;
import io.stride.rhythm.RitualTimes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.PersonRef;
import io.stride.identity.Viewer;
import io.stride.rhythm.Gap;
import io.stride.rhythm.Intervention;
import io.stride.rhythm.InterventionDraft;
import io.stride.rhythm.InterventionId;
import io.stride.rhythm.InterventionKind;
import io.stride.rhythm.InterventionOptions;
import io.stride.rhythm.Interventions;
import io.stride.rhythm.SessionId;
import io.stride.rhythm.SessionRecord;
import io.stride.rhythm.Sessions;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import io.stride.shared.web.FormNumbers;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A session's page: its notes and status, a link to its pre-read, the skill gaps it records and its (at most three)
 * interventions, with the forms to record, close and delete them.
 */
@Controller
class SessionsController {

	/** Holders of a gap's capability offered to pair with. */
	static final int HOLDERS_OFFERED = 10;

	private final Sessions sessions;

	private final Interventions interventions;

	private final Capabilities capabilities;

	private final RitualSchedule schedule;

	SessionsController(Sessions sessions, Interventions interventions, Capabilities capabilities,
			RitualSchedule schedule) {
		this.schedule = schedule;
		this.sessions = sessions;
		this.interventions = interventions;
		this.capabilities = capabilities;
	}

	record GapForm(String capabilityId, String note, List<String> personIds) {

		GapForm {
			personIds = personIds == null ? List.of() : List.copyOf(personIds);
		}
	}

	record InterventionForm(String kind, String capabilityId, String ownerId, String dueOn, String metricId,
			String description, String courseId, String personId, String hours, String taskId) {

		InterventionDraft draft() {
			return new InterventionDraft(kind, capabilityId, ownerId, dueOn, metricId, description, courseId, personId,
					hours, taskId);
		}
	}

	/** An observed task a capability's level asks for, offered for practice on real work. */
	record TaskOption(String taskId, String label) {
	}

	/** People who hold a gap's capability, offered to pair with. */
	record Holders(String capabilityName, List<PersonRef> people) {
	}

	@GetMapping("/sessions/{id}")
	String session(Viewer me, @PathVariable String id, Model model) {
		SessionRecord record = sessions.get(me, new SessionId(id));
		return page(model, me, record, new GapForm(null, null, List.of()),
				new InterventionForm(null, null, me.id().value(), null, null, null, null, null, null, null), Map.of(),
				Map.of());
	}

	@PostMapping("/sessions/{id}")
	String update(Viewer me, @PathVariable String id, @RequestParam(required = false) String notes,
			@RequestParam(required = false) String notesBefore, @RequestParam(required = false) String status,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			sessions.update(me, new SessionId(id), notes, notesBefore, status);
			redirect.addFlashAttribute("notice", "Saved the session.");
			return "redirect:/sessions/" + id;
		}
		catch (ConflictException e) {
			// someone saved other notes meanwhile: show theirs, keep what this manager wrote in the box, and let the
			// next save (made after reading theirs) go through
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			model.addAttribute("theirNotes", e.state().get("notes"));
			model.addAttribute("notesText", notes);
			model.addAttribute("notesBefore", e.state().get("notes"));
			SessionRecord record = sessions.get(me, new SessionId(id));
			return page(model, me, record, new GapForm(null, null, List.of()),
					new InterventionForm(null, null, me.id().value(), null, null, null, null, null, null, null), Map.of(),
					Map.of());
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " " + String.join(" ", e.fieldErrors().values()));
			if (notes != null) {
				// what was typed stays in the box
				model.addAttribute("notesText", notes);
				model.addAttribute("notesBefore", notesBefore);
			}
			SessionRecord record = sessions.get(me, new SessionId(id));
			return page(model, me, record, new GapForm(null, null, List.of()),
					new InterventionForm(null, null, me.id().value(), null, null, null, null, null, null, null), Map.of(),
					Map.of());
		}
	}

	@PostMapping("/sessions/{id}/gaps")
	String recordGap(Viewer me, @PathVariable String id, GapForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Gap gap = sessions.recordGap(me, new SessionId(id), form.capabilityId(), form.note(), form.personIds());
			redirect.addFlashAttribute("notice", "Recorded the gap in “" + gap.capabilityName() + "”.");
			return "redirect:/sessions/" + id + "#gaps-heading";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return page(model, me, sessions.get(me, new SessionId(id)), form,
					new InterventionForm(null, null, me.id().value(), null, null, null, null, null, null, null),
					e.fieldErrors(), Map.of());
		}
	}

	@PostMapping("/sessions/{id}/gaps/{gapId}/remove")
	String removeGap(Viewer me, @PathVariable String id, @PathVariable String gapId, RedirectAttributes redirect) {
		sessions.removeGap(me, new SessionId(id), gapId);
		redirect.addFlashAttribute("notice", "Removed the gap.");
		return "redirect:/sessions/" + id + "#gaps-heading";
	}

	@PostMapping("/sessions/{id}/interventions")
	String record(Viewer me, @PathVariable String id, InterventionForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Intervention saved = interventions.record(me, new SessionId(id), form.draft());
			redirect.addFlashAttribute("notice", "Recorded: " + saved.kind().label() + " for “" + saved.capabilityName()
					+ "”.");
			return "redirect:/sessions/" + id + "#intervention-" + saved.id().value();
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.fieldErrors().containsKey("kind")
					&& e.getMessage().equals(Interventions.AT_MOST_THREE) ? e.getMessage()
							: e.getMessage() + " Check the fields marked below.");
			return page(model, me, sessions.get(me, new SessionId(id)), new GapForm(null, null, List.of()), form,
					Map.of(), e.fieldErrors());
		}
	}

	@PostMapping("/interventions/{id}/close")
	String close(Viewer me, @PathVariable String id, @RequestParam(required = false) String revision,
			@RequestParam(required = false) String status, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		Intervention current = interventions.get(me, new InterventionId(id));
		String where = "mine".equals(back) ? "/interventions" : "/sessions/" + current.sessionId().value();
		try {
			int read = Integer.parseInt(revision == null ? "" : revision.strip());
			Intervention closed = interventions.close(me, current.id(), read, status);
			redirect.addFlashAttribute("notice", "Marked “" + closed.description() + "” "
					+ closed.status().toLowerCase(Locale.ROOT) + ".");
		}
		catch (NumberFormatException e) {
			redirect.addFlashAttribute("problem", "The form lost the revision it was opened at; reload the page.");
		}
		catch (ConflictException | InvalidInputException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:" + where;
	}

	@GetMapping("/interventions/{id}/edit")
	String editIntervention(Viewer me, @PathVariable String id, Model model) {
		Intervention current = interventions.forEdit(me, new InterventionId(id));
		InterventionForm form = new InterventionForm(current.kind().name(), current.capabilityId().value(),
				current.ownerId().value(), current.dueOn().toString(), current.metricId(), current.description(),
				current.courseId(), current.personId() == null ? null : current.personId().value(),
				current.hours() == null ? null : current.hours().toPlainString(), current.taskId());
		return editPage(model, me, current, form, String.valueOf(current.revision()), Map.of());
	}

	@PostMapping("/interventions/{id}/edit")
	String saveIntervention(Viewer me, @PathVariable String id, InterventionForm form,
			@RequestParam(required = false) String revision, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Intervention current = interventions.forEdit(me, new InterventionId(id));
		try {
			int read = FormNumbers.wholeNumber(revision)
				.orElseThrow(() -> new InvalidInputException("description",
						"The form lost the revision it was opened at; reload the page."));
			Intervention saved = interventions.edit(me, current.id(), read, form.draft());
			redirect.addFlashAttribute("notice", "Saved “" + saved.description() + "”.");
			return "redirect:/sessions/" + saved.sessionId().value() + "#intervention-" + saved.id().value();
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return editPage(model, me, current, form, revision, e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			return editPage(model, me, current, form, revision, Map.of());
		}
	}

	@PostMapping("/interventions/{id}/delete")
	String delete(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		Intervention current = interventions.get(me, new InterventionId(id));
		interventions.delete(me, current.id());
		redirect.addFlashAttribute("notice", "Deleted “" + current.description() + "”; its place among the three is free.");
		return "redirect:/sessions/" + current.sessionId().value();
	}

	private String editPage(Model model, Viewer me, Intervention current, InterventionForm form, String revision,
			Map<String, String> errors) {
		model.addAttribute("intervention", current);
		model.addAttribute("options", interventions.options(me, current.sessionId()));
		model.addAttribute("form", form);
		model.addAttribute("revision", revision);
		model.addAttribute("errors", errors);
		return "rhythm/intervention-edit";
	}

	private String page(Model model, Viewer me, SessionRecord record, GapForm gapForm, InterventionForm form,
			Map<String, String> gapErrors, Map<String, String> errors) {
		InterventionOptions options = interventions.options(me, record.session().id());
		List<Capability> active = capabilities.catalogue(me, null, null, false)
			.stream()
			.sorted(Comparator.comparing((Capability c) -> c.name().toLowerCase(Locale.ROOT)))
			.toList();
		List<TaskOption> tasks = new ArrayList<>();
		for (Capability c : active) {
			c.rules().stream().filter(r -> r.taskId() != null).forEach(r -> tasks.add(new TaskOption(r.taskId(),
					c.name() + ": " + r.label())));
		}
		// who may be paired with in the capabilities the session found short: those recording accepts (the team's
		// people holding the level its coverage counts, then holders elsewhere), read with one coverage read
		Set<CapabilityId> gapCapabilities = new LinkedHashSet<>();
		record.gaps().forEach(g -> gapCapabilities.add(g.capabilityId()));
		List<Holders> holders = new ArrayList<>();
		for (Interventions.Partners p : interventions.partners(me, record.session().id(), gapCapabilities,
				HOLDERS_OFFERED)) {
			if (!p.people().isEmpty()) {
				holders.add(new Holders(p.capabilityName() + " at " + p.levelName(), p.people()));
			}
		}
		model.addAttribute("record", record);
		model.addAttribute("meeting", record.session());
		if (!model.containsAttribute("notesText")) {
			model.addAttribute("notesText", record.session().notes());
			model.addAttribute("notesBefore", record.session().notes() == null ? "" : record.session().notes());
		}
		// the meeting's time as the team meets: in the ritual's zone
		model.addAttribute("zoned", RitualTimes.formatter(schedule.zoneOf(record.session().ritualId())));
		model.addAttribute("options", options);
		model.addAttribute("capabilities", active);
		model.addAttribute("tasks", tasks);
		model.addAttribute("holders", holders);
		model.addAttribute("kinds", InterventionKind.values());
		model.addAttribute("gapForm", gapForm);
		model.addAttribute("gapErrors", gapErrors);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("maxInterventions", Interventions.MAX_PER_SESSION);
		return "rhythm/session";
	}
}
