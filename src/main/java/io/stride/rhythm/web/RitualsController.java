package io.stride.rhythm.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.Cadence;
import io.stride.rhythm.Ritual;
import io.stride.rhythm.RitualDetail;
import io.stride.rhythm.RitualDraft;
import io.stride.rhythm.RitualId;
import io.stride.rhythm.RitualKind;
import io.stride.rhythm.Rituals;
import io.stride.rhythm.Session;
import io.stride.rhythm.Sessions;
import io.stride.rhythm.TeamRituals;
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

/** A team's rituals with the form to declare one; a ritual's page with its meetings, sessions, edit and retire. */
@Controller
class RitualsController {

	private final Rituals rituals;

	private final Sessions sessions;

	RitualsController(Rituals rituals, Sessions sessions) {
		this.rituals = rituals;
		this.sessions = sessions;
	}

	/** The ritual form as typed; {@code revision} only when editing. */
	record RitualForm(String kind, String name, String cadence, String firstDate, String firstTime, String timeZone,
			String durationMinutes, String agendaMinutes, String agendaNote, String preReadHours, String revision) {

		RitualDraft draft() {
			return new RitualDraft(kind, name, cadence, firstDate, firstTime, timeZone, durationMinutes, agendaMinutes,
					agendaNote, preReadHours);
		}

		static RitualForm blank() {
			return new RitualForm(null, null, null, null, "09:00", "UTC", "60", "15", null, "24", null);
		}

		static RitualForm of(Ritual r) {
			var local = r.firstStartsAt().atZone(ZoneId.of(r.timeZone()));
			return new RitualForm(r.kind().name(), r.name(), r.cadence().name(), local.toLocalDate().toString(),
					local.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")), r.timeZone(),
					String.valueOf(r.durationMinutes()), String.valueOf(r.agendaMinutes()), r.agendaNote(),
					String.valueOf(r.preReadHours()), String.valueOf(r.revision()));
		}
	}

	@GetMapping("/teams/{id}/rituals")
	String teamRituals(Viewer me, @PathVariable String id, Model model) {
		return listPage(model, rituals.ofTeam(me, new TeamId(id)), RitualForm.blank(), Map.of());
	}

	@PostMapping("/teams/{id}/rituals")
	String declare(Viewer me, @PathVariable String id, RitualForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		TeamRituals team = rituals.ofTeam(me, new TeamId(id));
		try {
			Ritual ritual = rituals.declare(me, team.team().id(), form.draft());
			redirect.addFlashAttribute("notice", "Declared “" + ritual.name() + "”.");
			return "redirect:/rituals/" + ritual.id().value();
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return listPage(model, team, form, e.fieldErrors());
		}
	}

	@GetMapping("/rituals/{id}")
	String ritual(Viewer me, @PathVariable String id, Model model) {
		RitualDetail detail = rituals.get(me, new RitualId(id));
		return ritualPage(model, detail, RitualForm.of(detail.ritual()), Map.of());
	}

	@PostMapping("/rituals/{id}/edit")
	String edit(Viewer me, @PathVariable String id, RitualForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		RitualDetail detail = rituals.get(me, new RitualId(id));
		try {
			int revision = FormNumbers.wholeNumber(form.revision())
				.orElseThrow(() -> new InvalidInputException("name",
						"The form lost the revision it was opened at; reload the page."));
			Ritual saved = rituals.edit(me, detail.ritual().id(), revision, form.draft());
			redirect.addFlashAttribute("notice", "Saved “" + saved.name() + "”.");
			return "redirect:/rituals/" + saved.id().value();
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return ritualPage(model, detail, form, e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			return ritualPage(model, detail, form, Map.of());
		}
	}

	@PostMapping("/rituals/{id}/retire")
	String retire(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		Ritual retired = rituals.retire(me, new RitualId(id));
		redirect.addFlashAttribute("notice", "Retired “" + retired.name() + "”: it meets no more; its sessions are kept.");
		return "redirect:/rituals/" + retired.id().value();
	}

	@PostMapping("/rituals/{id}/sessions")
	String open(Viewer me, @PathVariable String id, @RequestParam(required = false) String startsAt,
			RedirectAttributes redirect) {
		Session session = sessions.open(me, new RitualId(id), RitualsApi.instant(startsAt));
		return "redirect:/sessions/" + session.id().value();
	}

	private String listPage(Model model, TeamRituals team, RitualForm form, Map<String, String> errors) {
		model.addAttribute("team", team);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", RitualKind.values());
		model.addAttribute("cadences", Cadence.values());
		return "rhythm/rituals";
	}

	private String ritualPage(Model model, RitualDetail detail, RitualForm form, Map<String, String> errors) {
		model.addAttribute("detail", detail);
		model.addAttribute("ritual", detail.ritual());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", RitualKind.values());
		model.addAttribute("cadences", Cadence.values());
		return "rhythm/ritual";
	}
}
