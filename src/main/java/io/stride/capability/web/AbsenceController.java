package io.stride.capability.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.capability.Absence;
import io.stride.capability.AbsenceKind;
import io.stride.capability.Absences;
import io.stride.capability.internal.AbsenceFiles;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's absences (their own, or a team member's for a manager) and the admins' import of absence files. */
@Controller
class AbsenceController {

	private final Absences absences;

	private final Organization organization;

	private final Clock clock;

	AbsenceController(Absences absences, Organization organization, Clock clock) {
		this.absences = absences;
		this.organization = organization;
		this.clock = clock;
	}

	/** The add form as typed: dates as text, so that a bad one comes back as it was. */
	record AbsenceForm(String startsOn, String endsOn, String kind) {

		static AbsenceForm empty() {
			return new AbsenceForm("", "", "LEAVE");
		}
	}

	@GetMapping("/profile/absences")
	String mine(Viewer me, Model model) {
		return page(model, me, me.id(), AbsenceForm.empty(), Map.of());
	}

	@GetMapping("/people/{id}/absences")
	String ofPerson(Viewer me, @PathVariable String id, Model model) {
		return page(model, me, new PersonId(id), AbsenceForm.empty(), Map.of());
	}

	@PostMapping({ "/profile/absences", "/people/{id}/absences" })
	String add(Viewer me, @PathVariable(required = false) String id, AbsenceForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		PersonId person = id == null ? me.id() : new PersonId(id);
		try {
			Map<String, String> errors = new LinkedHashMap<>();
			LocalDate start = date(form.startsOn(), "startsOn", errors);
			LocalDate end = date(form.endsOn(), "endsOn", errors);
			AbsenceKind kind = null;
			try {
				kind = AbsenceApi.kind(form.kind());
			}
			catch (InvalidInputException e) {
				errors.putAll(e.fieldErrors());
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException("The absence was not saved.", errors);
			}
			Absence added = absences.add(me, person, start, end, kind);
			redirect.addFlashAttribute("notice", "Saved: away from " + added.startsOn() + " to " + added.endsOn() + ".");
			return "redirect:" + listUrl(me, person);
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Correct the fields marked below.");
			return page(model, me, person, form, e.fieldErrors());
		}
	}

	@GetMapping("/people/{id}/absences/{absenceId}/remove")
	String confirmRemove(Viewer me, @PathVariable String id, @PathVariable String absenceId, Model model) {
		PersonId person = new PersonId(id);
		model.addAttribute("absence", find(me, person, absenceId));
		model.addAttribute("person", organization.person(me, person));
		model.addAttribute("own", me.is(person));
		model.addAttribute("back", listUrl(me, person));
		return "capabilities/absence-remove";
	}

	@PostMapping("/people/{id}/absences/{absenceId}/remove")
	String remove(Viewer me, @PathVariable String id, @PathVariable String absenceId, RedirectAttributes redirect) {
		PersonId person = new PersonId(id);
		Absence absence = find(me, person, absenceId);
		absences.remove(me, absence.id());
		redirect.addFlashAttribute("notice", "Removed the absence from " + absence.startsOn() + " to " + absence.endsOn()
				+ ".");
		return "redirect:" + listUrl(me, person);
	}

	@GetMapping("/admin/absences")
	String importPage(Viewer me, Model model) {
		requireAdmin(me);
		model.addAttribute("errors", Map.of());
		model.addAttribute("lines", List.of());
		return "capabilities/absences-import";
	}

	@PostMapping("/admin/absences/import")
	String importFile(Viewer me, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		requireAdmin(me);
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "Choose a CSV or iCalendar (.ics) file.");
			}
			if (file.getSize() > AbsenceFiles.MAX_BYTES) {
				throw new InvalidInputException("file", "The file is larger than 2 MB; split it into smaller files.");
			}
			byte[] content = file.getBytes();
			Absences.ImportResult result = AbsenceApi.isCalendar(file.getOriginalFilename(), file.getContentType(),
					content) ? absences.importCalendar(me, content) : absences.importCsv(me, content);
			redirect.addFlashAttribute("notice", "Imported " + result.added() + " absences of " + result.people()
					+ (result.people() == 1 ? " person." : " people."));
			return "redirect:/admin/absences";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage());
			Map<String, String> errors = new LinkedHashMap<>(e.fieldErrors());
			String fileError = errors.remove("file");
			model.addAttribute("errors", fileError == null ? Map.of() : Map.of("file", fileError));
			// "line 3", "event 12": in the file's order, not the map's
			model.addAttribute("lines", errors.entrySet()
				.stream()
				.sorted(Comparator.comparingInt((Map.Entry<String, String> line) -> number(line.getKey())))
				.toList());
			return "capabilities/absences-import";
		}
	}

	private String page(Model model, Viewer me, PersonId person, AbsenceForm form, Map<String, String> errors) {
		Person who = organization.person(me, person);
		LocalDate today = LocalDate.now(clock);
		List<Absence> all = absences.of(me, person, null);
		model.addAttribute("person", who);
		model.addAttribute("own", me.is(person));
		model.addAttribute("upcoming", all.stream().filter(a -> !a.endsOn().isBefore(today)).toList());
		model.addAttribute("past", all.stream().filter(a -> a.endsOn().isBefore(today)).sorted(
				Comparator.comparing(Absence::startsOn).reversed()).toList());
		model.addAttribute("kinds", AbsenceKind.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("action", me.is(person) ? "/profile/absences" : "/people/" + person.value() + "/absences");
		return "capabilities/absences";
	}

	private Absence find(Viewer me, PersonId person, String absenceId) {
		return absences.of(me, person, null)
			.stream()
			.filter(a -> a.id().equals(absenceId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Absence"));
	}

	private static String listUrl(Viewer me, PersonId person) {
		return me.is(person) ? "/profile/absences" : "/people/" + person.value() + "/absences";
	}

	private static LocalDate date(String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			errors.put(field, "Give a date like 2027-01-14.");
			return null;
		}
	}

	private static int number(String label) {
		try {
			return Integer.parseInt(label.substring(label.lastIndexOf(' ') + 1));
		}
		catch (RuntimeException e) {
			return Integer.MAX_VALUE;
		}
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new NotFoundException("Page");
		}
	}
}
