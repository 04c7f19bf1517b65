package io.stride.tracks.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.stride.authoring.Authoring;
import io.stride.capability.Capabilities;
import io.stride.identity.Organization;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import io.stride.shared.web.FormNumbers;
import io.stride.tracks.Confirmation;
import io.stride.tracks.Pacing;
import io.stride.tracks.PacingRule;
import io.stride.tracks.StepDraft;
import io.stride.tracks.StepKind;
import io.stride.tracks.TeamOverrides;
import io.stride.tracks.TeamVersion;
import io.stride.tracks.Track;
import io.stride.tracks.TrackDefinitions;
import io.stride.tracks.TrackDraft;
import io.stride.tracks.TrackId;
import io.stride.tracks.TrackProgressRules;
import io.stride.tracks.TrackStatus;
import io.stride.tracks.TrackSequence;
import io.stride.tracks.TrackStep;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The track editor: a new track, a track's fields and steps (add per kind, move by buttons or drag, prerequisites,
 * pacing, publish, archive), and a team's version of a published track (the team's order and pacing beside the
 * organization's).
 */
@Controller
class TrackEditorController {

	private final TrackDefinitions definitions;

	private final TeamOverrides overrides;

	private final Organization organization;

	private final Authoring authoring;

	private final Capabilities capabilities;

	TrackEditorController(TrackDefinitions definitions, TeamOverrides overrides, Organization organization,
			Authoring authoring, Capabilities capabilities) {
		this.definitions = definitions;
		this.overrides = overrides;
		this.organization = organization;
		this.authoring = authoring;
		this.capabilities = capabilities;
	}

	/** A track's fields as typed; {@code ownerTeamId} blank: the organization's. */
	record TrackForm(String title, String description, String roleFamily, String capabilityId, String highInvestment,
			String investmentNote, String ownerTeamId, String revision) {

		static TrackForm of(Track t) {
			return new TrackForm(t.title(), t.description(), t.roleFamily(), t.capabilityId(),
					t.highInvestment() ? "true" : null, t.investmentNote(),
					t.ownerTeam() == null ? null : t.ownerTeam().value(), String.valueOf(t.revision()));
		}

		TrackDraft draft() {
			return new TrackDraft(title, description, roleFamily, capabilityId, "true".equals(highInvestment),
					investmentNote, ownerTeamId == null || ownerTeamId.isBlank() ? null : new TeamId(ownerTeamId.strip()));
		}
	}

	/** A step as typed (days as text so that what was typed comes back with its error). */
	record StepForm(String kind, String title, String description, String courseId, String componentId,
			String checklistTaskId, String capabilityId, String goalText, String externalUrl, String confirmation,
			String pacingRule, String pacingDays, String releaseOn, List<String> prerequisites, String highInvestment,
			String revision) {

		StepForm {
			prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
		}

		static StepForm blank() {
			return new StepForm("COURSE", null, null, null, null, null, null, null, null, "MANAGER", "ON_ENROLMENT",
					null, null, List.of(), null, null);
		}

		static StepForm of(TrackStep s) {
			return new StepForm(s.kind().name(), s.title(), s.description(),
					s.courseId() == null ? null : s.courseId().value(), s.componentId(), s.checklistTaskId(),
					s.capabilityId(), s.goalText(), s.externalUrl(),
					s.confirmation() == null ? "MANAGER" : s.confirmation().name(), s.pacing().rule().name(),
					s.pacing().days() == null ? null : String.valueOf(s.pacing().days()),
					s.pacing().releaseOn() == null ? null : s.pacing().releaseOn().toString(),
					s.prerequisites().stream().sorted().toList(), s.highInvestment() ? "true" : null, null);
		}

		StepDraft draft() {
			return new StepDraft(TrackApi.kind(kind), title, description, courseId, componentId, checklistTaskId,
					capabilityId, goalText, externalUrl, TrackApi.confirmation(confirmation),
					TrackEditorController.pacing(pacingRule, pacingDays, releaseOn, "pacing"),
					new LinkedHashSet<>(prerequisites), "true".equals(highInvestment), null);
		}
	}

	// --- a new track ---

	@GetMapping("/tracks/new")
	String newTrack(Viewer me, Model model) {
		requireCreator(me);
		String owner = definitions.keepsOrganizationTracks(me) ? null
				: organization.teamsManagedBy(me).stream().findFirst().map(t -> t.id().value()).orElse(null);
		return newPage(model, me, new TrackForm(null, null, null, null, null, null, owner, null), Map.of());
	}

	@PostMapping("/tracks/new")
	String create(Viewer me, TrackForm form, Model model, HttpServletResponse response) {
		requireCreator(me);
		try {
			Track track = definitions.create(me, form.draft());
			return "redirect:/tracks/" + track.id().value() + "/edit";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return newPage(model, me, form, e.fieldErrors());
		}
	}

	private String newPage(Model model, Viewer me, TrackForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("owners", owners(me));
		model.addAttribute("organizationOwner", definitions.keepsOrganizationTracks(me));
		model.addAttribute("capabilities", capabilities.catalogue(me, null, null, false));
		return "tracks/new";
	}

	private void requireCreator(Viewer me) {
		if (!definitions.mayCreate(me)) {
			throw new ForbiddenException("Only L&D, admins and managers create tracks.");
		}
	}

	private List<Team> owners(Viewer me) {
		return (definitions.keepsOrganizationTracks(me) ? organization.allTeams() : organization.teamsManagedBy(me))
			.stream()
			.sorted(Comparator.comparing(Team::name))
			.toList();
	}

	// --- the definition editor ---

	@GetMapping("/tracks/{id}/edit")
	String edit(Viewer me, @PathVariable String id, Model model) {
		Track track = definitions.editable(me, new TrackId(id));
		return editPage(model, me, track, TrackForm.of(track), null, null, Map.of());
	}

	@PostMapping("/tracks/{id}/edit")
	String save(Viewer me, @PathVariable String id, TrackForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Track track = definitions.editable(me, new TrackId(id));
		try {
			Track saved = definitions.update(me, track.id(), revision(form.revision(), "title"), form.draft());
			redirect.addFlashAttribute("notice", "Saved “" + saved.title() + "”.");
			return "redirect:/tracks/" + id + "/edit";
		}
		catch (InvalidInputException e) {
			return failed(model, response, me, track, form, null, null, e);
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			return editPage(model, me, definitions.editable(me, track.id()), form, null, null, Map.of());
		}
	}

	@PostMapping("/tracks/{id}/steps")
	String addStep(Viewer me, @PathVariable String id, StepForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Track track = definitions.editable(me, new TrackId(id));
		try {
			TrackStep step = definitions.addStep(me, track.id(), optionalRevision(form.revision()), form.draft());
			redirect.addFlashAttribute("notice", "Added “" + step.title() + "”.");
			return "redirect:/tracks/" + id + "/edit#step-" + step.id();
		}
		catch (InvalidInputException e) {
			return failed(model, response, me, track, TrackForm.of(track), "new", form, e);
		}
		catch (ConflictException e) {
			return conflict(model, response, me, track, "new", form, e);
		}
	}

	@PostMapping("/tracks/{id}/steps/{stepId}")
	String editStep(Viewer me, @PathVariable String id, @PathVariable String stepId, StepForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Track track = definitions.editable(me, new TrackId(id));
		try {
			TrackStep step = definitions.editStep(me, track.id(), stepId, optionalRevision(form.revision()), form.draft());
			redirect.addFlashAttribute("notice", "Saved “" + step.title() + "”.");
			return "redirect:/tracks/" + id + "/edit#step-" + step.id();
		}
		catch (InvalidInputException e) {
			return failed(model, response, me, track, TrackForm.of(track), stepId, form, e);
		}
		catch (ConflictException e) {
			return conflict(model, response, me, track, stepId, form, e);
		}
	}

	@PostMapping("/tracks/{id}/steps/{stepId}/remove")
	String removeStep(Viewer me, @PathVariable String id, @PathVariable String stepId,
			@RequestParam(required = false) String revision, RedirectAttributes redirect) {
		try {
			definitions.removeStep(me, new TrackId(id), stepId, optionalRevision(revision));
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", e.getMessage() + " " + String.join(" ", e.fieldErrors().values()));
			return "redirect:/tracks/" + id + "/edit#steps";
		}
		redirect.addFlashAttribute("notice", "The step was removed.");
		return "redirect:/tracks/" + id + "/edit#steps";
	}

	/** Move up or down by one (the buttons), or to a whole new order (drag and drop sends {@code stepIds}). */
	@PostMapping("/tracks/{id}/steps/order")
	String reorder(Viewer me, @PathVariable String id, @RequestParam(required = false) List<String> stepIds,
			@RequestParam(required = false) String move, @RequestParam(required = false) String direction,
			@RequestParam(required = false) String revision, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Track track = definitions.editable(me, new TrackId(id));
		List<String> order = new ArrayList<>(stepIds == null ? List.of() : stepIds);
		if (move != null) {
			order = new ArrayList<>(definitions.steps(track.id()).stream().map(TrackStep::id).toList());
			int at = order.indexOf(move);
			int to = "up".equals(direction) ? at - 1 : at + 1;
			if (at < 0 || to < 0 || to >= order.size()) {
				return "redirect:/tracks/" + id + "/edit#steps";
			}
			order.add(to, order.remove(at));
		}
		try {
			definitions.reorder(me, track.id(), revision(revision, "stepIds"), order);
			redirect.addFlashAttribute("notice", "The order was saved.");
			if (move != null) {
				redirect.addFlashAttribute("focus", "move-" + direction + "-" + move);
			}
			return "redirect:/tracks/" + id + "/edit#steps";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, String.join(" ", e.fieldErrors().values()));
			return editPage(model, me, track, TrackForm.of(track), null, null, e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			return editPage(model, me, definitions.editable(me, track.id()), TrackForm.of(track), null, null, Map.of());
		}
	}

	@PostMapping("/tracks/{id}/publish")
	String publish(Viewer me, @PathVariable String id, @RequestParam(required = false) String revision, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Track track = definitions.editable(me, new TrackId(id));
		try {
			definitions.publish(me, track.id(), revision(revision, "steps"));
			redirect.addFlashAttribute("notice", "Published “" + track.title() + "”: people can now see it.");
			return "redirect:/tracks/" + id + "/edit";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, String.join(" ", e.fieldErrors().values()));
			return editPage(model, me, track, TrackForm.of(track), null, null, e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			return editPage(model, me, definitions.editable(me, track.id()), TrackForm.of(track), null, null, Map.of());
		}
	}

	@PostMapping("/tracks/{id}/archive")
	String archive(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		Track track = definitions.archive(me, new TrackId(id));
		redirect.addFlashAttribute("notice", "Archived “" + track.title() + "”.");
		return "redirect:/tracks/" + id + "/edit";
	}

	private String failed(Model model, HttpServletResponse response, Viewer me, Track track, TrackForm form,
			String formFor, StepForm stepForm, InvalidInputException e) {
		FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
		return editPage(model, me, track, form, formFor, stepForm, e.fieldErrors());
	}

	private String conflict(Model model, HttpServletResponse response, Viewer me, Track track, String formFor,
			StepForm stepForm, ConflictException e) {
		response.setStatus(409);
		model.addAttribute("problem", e.getMessage() + " What you typed is kept below.");
		Track now = definitions.editable(me, track.id());
		return editPage(model, me, now, TrackForm.of(now), formFor, stepForm, Map.of());
	}

	private String editPage(Model model, Viewer me, Track track, TrackForm form, String formFor, StepForm stepForm,
			Map<String, String> errors) {
		List<TrackStep> steps = definitions.steps(track.id());
		Map<String, StepForm> stepForms = new LinkedHashMap<>();
		steps.forEach(step -> stepForms.put(step.id(), step.id().equals(formFor) ? stepForm : StepForm.of(step)));
		model.addAttribute("track", track);
		model.addAttribute("form", form);
		model.addAttribute("steps", steps);
		model.addAttribute("titles", titles(steps));
		Map<String, List<TrackStep>> others = new LinkedHashMap<>();
		Map<String, String> pacingText = new LinkedHashMap<>();
		for (TrackStep step : steps) {
			others.put(step.id(), steps.stream().filter(other -> !other.id().equals(step.id())).toList());
			pacingText.put(step.id(), TrackSequence.describe(step.pacing()));
		}
		model.addAttribute("others", others);
		model.addAttribute("pacingText", pacingText);
		model.addAttribute("noErrors", Map.of());
		model.addAttribute("stepForms", stepForms);
		model.addAttribute("newStep", "new".equals(formFor) ? stepForm : StepForm.blank());
		model.addAttribute("formFor", formFor);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", StepKind.values());
		model.addAttribute("rules", PacingRule.values());
		model.addAttribute("confirmations", Confirmation.values());
		model.addAttribute("courses", authoring.publishedCourses());
		model.addAttribute("capabilities", capabilities.catalogue(me, null, null, false));
		model.addAttribute("editable", track.status() != TrackStatus.ARCHIVED);
		model.addAttribute("teams", track.status() == TrackStatus.PUBLISHED ? owners(me).stream()
			.filter(team -> overrides.mayEdit(me, team.id()))
			.toList() : List.of());
		model.addAttribute("ownerName", track.ownerTeam() == null ? null : organization.allTeams()
			.stream()
			.filter(t -> t.id().equals(track.ownerTeam()))
			.map(Team::name)
			.findAny()
			.orElse(null));
		return "tracks/edit";
	}

	private static Map<String, String> titles(List<TrackStep> steps) {
		Map<String, String> titles = new LinkedHashMap<>();
		steps.forEach(step -> titles.put(step.id(), step.title()));
		return titles;
	}

	// --- a team's version ---

	@GetMapping("/tracks/{id}/teams/{teamId}")
	String team(Viewer me, @PathVariable String id, @PathVariable String teamId, Model model) {
		TeamVersion version = overrides.view(me, new TrackId(id), new TeamId(teamId));
		return teamPage(model, version, null, Map.of());
	}

	@PostMapping("/tracks/{id}/teams/{teamId}")
	String saveTeam(Viewer me, @PathVariable String id, @PathVariable String teamId,
			@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		TrackId trackId = new TrackId(id);
		TeamId team = new TeamId(teamId);
		TeamVersion before = overrides.view(me, trackId, team);
		TeamForm typed = TeamForm.read(form, before);
		try {
			Map<String, Pacing> pacing = new LinkedHashMap<>();
			for (String stepId : typed.order()) {
				TeamForm.Row row = typed.rows().get(stepId);
				pacing.put(stepId, pacing(row.rule(), row.days(), row.releaseOn(), "pacing." + stepId));
			}
			overrides.save(me, trackId, team, optionalRevision(typed.revision()), typed.order(), pacing, typed.note());
			redirect.addFlashAttribute("notice", "Saved the team's version.");
			return "redirect:/tracks/" + id + "/teams/" + teamId;
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			// each message once: at its field when the page has one, else in the summary at the top
			String elsewhere = e.fieldErrors().entrySet().stream().filter(f -> !shownAtField(f.getKey()))
				.map(Map.Entry::getValue).collect(Collectors.joining(" "));
			model.addAttribute("problem", e.getMessage() + (elsewhere.isEmpty()
					? " Correct the field marked below." : " " + elsewhere));
			return teamPage(model, before, typed, e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage() + " What you chose is kept below.");
			return teamPage(model, overrides.view(me, trackId, team), typed, Map.of());
		}
	}

	@PostMapping("/tracks/{id}/teams/{teamId}/keep")
	String keep(Viewer me, @PathVariable String id, @PathVariable String teamId,
			@RequestParam(required = false) String revision, RedirectAttributes redirect) {
		overrides.keep(me, new TrackId(id), new TeamId(teamId), revision(revision, "revision"));
		redirect.addFlashAttribute("notice", "Kept the team's version on the organization's current track.");
		return "redirect:/tracks/" + id + "/teams/" + teamId;
	}

	@PostMapping("/tracks/{id}/teams/{teamId}/reset")
	String reset(Viewer me, @PathVariable String id, @PathVariable String teamId, RedirectAttributes redirect) {
		overrides.reset(me, new TrackId(id), new TeamId(teamId));
		redirect.addFlashAttribute("notice", "The team follows the organization's track again.");
		return "redirect:/tracks/" + id + "/teams/" + teamId;
	}

	/** Whether the team page shows this field's error where it belongs (see tracks/team.html). */
	private static boolean shownAtField(String field) {
		return field.equals("stepOrder") || field.equals("pacing") || field.equals("note")
				|| field.startsWith("pacing.") && (field.endsWith(".days") || field.endsWith(".releaseOn"));
	}

	private String teamPage(Model model, TeamVersion version, TeamForm typed, Map<String, String> errors) {
		model.addAttribute("version", version);
		model.addAttribute("track", version.track());
		model.addAttribute("form", typed == null ? TeamForm.of(version) : typed);
		model.addAttribute("errors", errors);
		model.addAttribute("rules", PacingRule.values());
		Map<String, Integer> basePlace = new LinkedHashMap<>();
		Map<String, TrackStep> byId = new LinkedHashMap<>();
		for (TrackStep step : version.base()) {
			basePlace.put(step.id(), step.position() + 1);
			byId.put(step.id(), step);
		}
		Map<String, String> pacingText = new LinkedHashMap<>();
		version.base().forEach(step -> pacingText.put(step.id(), TrackSequence.describe(step.pacing())));
		model.addAttribute("pacingText", pacingText);
		model.addAttribute("basePlace", basePlace);
		model.addAttribute("stepsById", byId);
		model.addAttribute("titles", titles(version.base()));
		return "tracks/team";
	}

	/** The team form as typed: steps in the order chosen (by their place numbers), pacing per step, note. */
	record TeamForm(List<String> order, Map<String, Row> rows, String note, String revision) {

		record Row(String place, String rule, String days, String releaseOn) {

			/** The date as the rest of Stride writes it ("1 February 2027"); empty when none or not a date. */
			public String releaseOnInWords() {
				try {
					return releaseOn == null || releaseOn.isBlank() ? ""
							: TrackProgressRules.day(LocalDate.parse(releaseOn.strip()));
				}
				catch (DateTimeException notADate) {
					return "";
				}
			}
		}

		static TeamForm of(TeamVersion version) {
			Map<String, Row> rows = new LinkedHashMap<>();
			List<String> order = new ArrayList<>();
			for (TrackStep step : version.effective().steps()) {
				order.add(step.id());
				Pacing p = step.pacing();
				rows.put(step.id(), new Row(String.valueOf(step.position() + 1), p.rule().name(),
						p.days() == null ? null : String.valueOf(p.days()),
						p.releaseOn() == null ? null : p.releaseOn().toString()));
			}
			return new TeamForm(order, rows, version.note(), String.valueOf(version.revision()));
		}

		/** Reads {@code place.<id>}, {@code rule.<id>}, {@code days.<id>}, {@code releaseOn.<id>} for each step. */
		static TeamForm read(MultiValueMap<String, String> form, TeamVersion version) {
			Map<String, Row> rows = new LinkedHashMap<>();
			List<String> current = version.effective().steps().stream().map(TrackStep::id).toList();
			for (String stepId : current) {
				rows.put(stepId, new Row(form.getFirst("place." + stepId), form.getFirst("rule." + stepId),
						form.getFirst("days." + stepId), form.getFirst("releaseOn." + stepId)));
			}
			List<String> order = new ArrayList<>(current);
			// a place typed as a number moves the step; ties and blanks keep the current order
			order.sort(Comparator.comparingDouble(stepId -> placeOf(rows.get(stepId).place(), current.indexOf(stepId))));
			return new TeamForm(order, rows, form.getFirst("note"), form.getFirst("revision"));
		}

		private static double placeOf(String typed, int current) {
			int now = current + 1;
			int wanted = FormNumbers.wholeNumber(typed).orElse(now);
			// a step given another place goes just before (moving up) or after (moving down) the step there
			return wanted == now ? now : wanted < now ? wanted - 0.5 : wanted + 0.5;
		}
	}

	// --- parsing ---

	static Pacing pacing(String rule, String days, String releaseOn, String field) {
		Integer parsedDays = null;
		if (days != null && !days.isBlank()) {
			try {
				parsedDays = Integer.parseInt(days.strip());
			}
			catch (NumberFormatException e) {
				// text where a number belongs matters only when the rule counts days
				PacingRule chosen = TrackApi.pacing(rule, null, null, field).rule();
				if (chosen == PacingRule.AFTER_PREVIOUS || chosen == PacingRule.AFTER_ENROLMENT) {
					throw new InvalidInputException(field + ".days", "Give a whole number of days from 0 to 365.");
				}
			}
		}
		return TrackApi.pacing(rule, parsedDays, releaseOn, field);
	}

	private static int revision(String revision, String field) {
		Integer parsed = optionalRevision(revision);
		if (parsed == null) {
			throw new InvalidInputException(field, "The form lost the revision it was opened at; reload the page.");
		}
		return parsed;
	}

	private static Integer optionalRevision(String revision) {
		try {
			return revision == null || revision.isBlank() ? null : Integer.valueOf(revision.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
