package io.stride.tracks.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.shared.web.FormErrors;
import io.stride.tracks.EffectiveTrack;
import io.stride.tracks.Enrolment;
import io.stride.tracks.EnrolmentStatus;
import io.stride.tracks.StepActions;
import io.stride.tracks.Enrolments;
import io.stride.tracks.TrackDefinitions;
import io.stride.tracks.TrackId;
import io.stride.tracks.TrackProgress;
import io.stride.tracks.TrackProgressRules;
import io.stride.tracks.TrackStatus;
import io.stride.tracks.TrackStep;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The track pages people use: the published tracks, one track as the viewer's team follows it (with their progress),
 * the learner's tracks, a track's people for their managers, and the managers' inbox of entry requests.
 */
@Controller
class TrackPagesController {

	private final Enrolments enrolments;

	private final TrackProgress progress;

	private final TrackDefinitions definitions;

	private final Organization organization;

	private final StepActions actions;

	TrackPagesController(Enrolments enrolments, TrackProgress progress, TrackDefinitions definitions,
			Organization organization, StepActions actions) {
		this.actions = actions;
		this.enrolments = enrolments;
		this.progress = progress;
		this.definitions = definitions;
		this.organization = organization;
	}

	@GetMapping("/tracks")
	String list(Viewer me, Model model) {
		model.addAttribute("cards", enrolments.published(me));
		model.addAttribute("mayCreate", enrolments.managesPeople(me));
		return "tracks/list";
	}

	@GetMapping("/tracks/{id}")
	String show(Viewer me, @PathVariable String id, Model model) {
		// a team's track is not shown outside its tree (404), as through the API
		definitions.readable(me, new TrackId(id));
		Optional<Enrolment> mine = enrolments.mineIn(me, new TrackId(id));
		return show(model, me, new TrackId(id), mine.orElse(null), "", Map.of());
	}

	@GetMapping("/enrolments/{id}")
	String enrolment(Viewer me, @PathVariable String id, Model model) {
		Enrolment enrolment = enrolments.enrolment(me, id);
		return show(model, me, enrolment.trackId(), enrolment, "", Map.of());
	}

	@PostMapping("/tracks/{id}/enrolments")
	String enrol(Viewer me, @PathVariable String id, @RequestParam(required = false) String note,
			@RequestParam(required = false) String teamId, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Enrolment e = enrolments.enrol(me, new TrackId(id), null, note,
					teamId == null || teamId.isBlank() ? null : new TeamId(teamId));
			redirect.addFlashAttribute("notice", e.status() == EnrolmentStatus.REQUESTED
					? "Asked. Your manager decides; you are told either way."
					: "Enrolled. What opens today is open now.");
			return "redirect:/tracks/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Nothing was saved; correct the field marked below.");
			return show(model, me, new TrackId(id), enrolments.mineIn(me, new TrackId(id)).orElse(null),
					note == null ? "" : note, e.fieldErrors());
		}
	}

	/** A manager proposes someone of their tree for a high-investment track (or enrols them in an open one). */
	@PostMapping("/tracks/{id}/proposals")
	String propose(Viewer me, @PathVariable String id, @RequestParam(required = false) String personId,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		TrackId track = new TrackId(id);
		Map<String, String> errors = Map.of();
		String problem;
		try {
			if (personId == null || personId.isBlank()) {
				throw new InvalidInputException("personId", "Choose someone in your teams.");
			}
			PersonId person = new PersonId(personId.strip());
			if (me.is(person) || enrolments.candidates(me, track).stream().noneMatch(c -> c.id().equals(person))) {
				// someone outside the viewer's tree, or who already asked, follows or finished it
				definitions.find(track).orElseThrow(() -> new NotFoundException("Track"));
				throw new InvalidInputException("personId", "Choose someone in your teams who has not asked for, "
						+ "followed or finished this track.");
			}
			Enrolment e = enrolments.enrol(me, track, person, note, null);
			redirect.addFlashAttribute("notice", e.status() == EnrolmentStatus.REQUESTED
					? "Proposed. " + nameOf(e) + " is told; the request waits in the entry requests."
					: e.requestedAt() != null && e.decidedBy() != null
							? "Proposed and approved by you: " + nameOf(e) + " is enrolled and told."
							: nameOf(e) + " is enrolled and told.");
			return "redirect:/tracks/" + id;
		}
		catch (InvalidInputException e) {
			errors = e.fieldErrors().entrySet().stream()
				.collect(Collectors.toMap(f -> "note".equals(f.getKey()) ? "proposalNote" : f.getKey(),
						Map.Entry::getValue));
			problem = "Nobody was proposed. Nothing was saved; correct the field marked below.";
			response.setStatus(422);
		}
		catch (IllegalArgumentException e) {
			errors = Map.of("personId", "Choose someone in your teams.");
			problem = "Nobody was proposed. Nothing was saved; correct the field marked below.";
			response.setStatus(422);
		}
		model.addAttribute("problem", problem);
		model.addAttribute("proposalPersonId", personId == null ? "" : personId);
		model.addAttribute("proposalNote", note == null ? "" : note);
		return show(model, me, track, enrolments.mineIn(me, track).orElse(null), "", errors);
	}

	@PostMapping("/enrolments/{id}/withdraw")
	String withdraw(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		Enrolment e = enrolments.withdraw(me, id);
		redirect.addFlashAttribute("notice", me.is(e.personId()) ? "You left the track. You can enrol again any time."
				: "Withdrawn.");
		return me.is(e.personId()) ? "redirect:/tracks/" + e.trackId().value() : "redirect:/enrolments/" + id;
	}

	@PostMapping("/enrolments/{id}/steps/{stepId}/done")
	String done(Viewer me, @PathVariable String id, @PathVariable String stepId, RedirectAttributes redirect) {
		TrackProgress.Progress p = progress.markDone(me, id, stepId);
		redirect.addFlashAttribute("notice", "Marked done." + (p.done() == p.total() ? " Every step is done." : ""));
		return me.is(p.enrolment().personId()) ? "redirect:/tracks/" + p.track().id().value() : "redirect:/enrolments/" + id;
	}

	@PostMapping("/enrolments/{id}/steps/{stepId}/release")
	String release(Viewer me, @PathVariable String id, @PathVariable String stepId, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return onStep(me, id, stepId, viewer -> progress.releaseEarly(viewer, id, stepId),
				(p) -> "Opened now. The person is told.", model, redirect, response);
	}

	@PostMapping("/enrolments/{id}/steps/{stepId}/approve")
	String approveStep(Viewer me, @PathVariable String id, @PathVariable String stepId, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return onStep(me, id, stepId, viewer -> progress.approveStep(viewer, id, stepId), (p) -> p.steps().stream()
			.anyMatch(s -> s.step().id().equals(stepId) && s.state() == TrackProgress.State.OPEN)
					? "Approved. It is open now; the person is told."
					: "Approved. The step opens on its day; the person is told when it does.",
				model, redirect, response);
	}

	@PostMapping("/enrolments/{id}/steps/{stepId}/decline")
	String declineStep(Viewer me, @PathVariable String id, @PathVariable String stepId,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		// kept as typed when refused, so that nothing written is lost
		model.addAttribute("stepReason", reason == null ? "" : reason);
		return onStep(me, id, stepId, viewer -> progress.declineStep(viewer, id, stepId, reason),
				(p) -> "Declined. The step stays closed; the person is told why.", model, redirect, response);
	}

	/**
	 * A manager's decision on one step of someone's enrolment: done, back to the enrolment with {@code notice}; refused
	 * (a prerequisite missing, no approval needed, no reason given), the enrolment again with the message at the step or
	 * at its reason field.
	 */
	private String onStep(Viewer me, String id, String stepId, Function<Viewer, TrackProgress.Progress> decision,
			Function<TrackProgress.Progress, String> notice, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			redirect.addFlashAttribute("notice", notice.apply(decision.apply(me)));
			return "redirect:/enrolments/" + id;
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Nothing was saved.");
			Map<String, String> errors = new HashMap<>();
			e.fieldErrors().forEach((field, message) -> errors.put(
					"reason".equals(field) ? "step-" + stepId + "-reason" : "step-" + stepId, message));
			if (errors.isEmpty()) {
				errors.put("step-" + stepId, e.getMessage());
			}
			Enrolment enrolment = enrolments.enrolment(me, id);
			return show(model, me, enrolment.trackId(), enrolment, "", errors);
		}
	}

	@GetMapping("/my/tracks")
	String mine(Viewer me, Model model) {
		List<TrackProgress.Progress> all = progress.progressOf(enrolments.mine(me));
		model.addAttribute("following", all.stream().filter(p -> p.enrolment().status() == EnrolmentStatus.ACTIVE).toList());
		model.addAttribute("waiting", all.stream().filter(p -> p.enrolment().status() == EnrolmentStatus.REQUESTED
				|| p.enrolment().status() == EnrolmentStatus.DECLINED).toList());
		model.addAttribute("finished", all.stream().filter(p -> p.enrolment().status() == EnrolmentStatus.COMPLETED).toList());
		model.addAttribute("actions", all.stream().filter(p -> p.enrolment().status() == EnrolmentStatus.ACTIVE)
			.collect(Collectors.toMap(p -> p.enrolment().id(), p -> actions.of(me, p))));
		return "tracks/mine";
	}

	@GetMapping("/tracks/{id}/people")
	String people(Viewer me, @PathVariable String id, @RequestParam(required = false) String teamId,
			@RequestParam(defaultValue = "1") int page, Model model) {
		TeamId team = teamId == null || teamId.isBlank() ? null : new TeamId(teamId);
		model.addAttribute("people", enrolments.people(me, new TrackId(id), team, page));
		model.addAttribute("teams", managedTeams(me));
		model.addAttribute("teamId", team == null ? "" : team.value());
		return "tracks/people";
	}

	@GetMapping("/enrolment-requests")
	String requests(Viewer me, Model model) {
		return requests(model, me, null, "", Map.of());
	}

	@PostMapping("/enrolment-requests/{id}/approve")
	String approve(Viewer me, @PathVariable String id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		Enrolment e = enrolments.approve(me, id, reason);
		redirect.addFlashAttribute("notice", "Approved. " + nameOf(e) + " is enrolled and told.");
		return "redirect:/enrolment-requests";
	}

	@PostMapping("/enrolment-requests/{id}/decline")
	String decline(Viewer me, @PathVariable String id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			Enrolment e = enrolments.decline(me, id, reason);
			redirect.addFlashAttribute("notice", "Declined. " + nameOf(e) + " is told why.");
			return "redirect:/enrolment-requests";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Nothing was saved.");
			return requests(model, me, id, reason == null ? "" : reason, e.fieldErrors());
		}
	}

	private String requests(Model model, Viewer me, String failedId, String reason, Map<String, String> errors) {
		model.addAttribute("requests", enrolments.waiting(me));
		model.addAttribute("stepsWaiting", progress.stepsWaiting(me));
		model.addAttribute("managesPeople", enrolments.managesPeople(me));
		model.addAttribute("failedId", failedId);
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		return "tracks/requests";
	}

	private String show(Model model, Viewer me, TrackId id, Enrolment enrolment, String note, Map<String, String> errors) {
		boolean own = enrolment != null && me.is(enrolment.personId());
		List<Team> myTeams = organization.teamsOf(List.of(me.id()));
		TeamId team = enrolment != null ? enrolment.team() : myTeams.isEmpty() ? null : myTeams.get(0).id();
		EffectiveTrack track = definitions.effective(id, team)
			.filter(t -> t.track().status() == TrackStatus.PUBLISHED || enrolment != null)
			.orElseThrow(() -> new NotFoundException("Track"));
		TrackProgress.Progress shown = enrolment == null ? null : progress.progress(me, enrolment.id());
		if (shown != null && !own) {
			// a manager reads someone's progress: the texts are about the person, not to them
			Map<PersonId, String> managers = new HashMap<>();
			organization.credits(shown.releasers()).forEach((pid, c) -> managers.put(pid, c.name()));
			shown = shown.about(nameOf(enrolment), managers);
		}
		model.addAttribute("track", track.track());
		model.addAttribute("effective", track);
		model.addAttribute("steps", shown != null ? shown.steps() : null);
		model.addAttribute("plain", shown == null ? plainSteps(track) : List.of());
		model.addAttribute("progress", shown);
		model.addAttribute("enrolment", enrolment);
		model.addAttribute("own", own);
		model.addAttribute("personName", enrolment == null || own ? null : nameOf(enrolment));
		model.addAttribute("mayDecide", enrolment != null && enrolments.mayDecide(me, enrolment));
		model.addAttribute("managesPeople", enrolments.managesPeople(me));
		// a version for each team of the manager's tree: a team's version applies to its sub-teams without their own
		List<Team> teams = managedTeams(me);
		model.addAttribute("teams", teams);
		model.addAttribute("teamVersions", teams.isEmpty() ? Map.of()
				: definitions.versionsFollowed(id, teams.stream().map(Team::id).toList()));
		model.addAttribute("actions", shown == null ? Map.of() : actions.of(me, shown));
		model.addAttribute("kinds", actions.kinds(me, track.steps()));
		model.addAttribute("myTeams", myTeams);
		model.addAttribute("note", note);
		model.addAttribute("errors", errors);
		model.addAttribute("maxNote", Enrolments.MAX_NOTE);
		model.addAttribute("candidates", track.track().highInvestment() && track.track().status() == TrackStatus.PUBLISHED
				&& me.isManager() ? enrolments.candidates(me, id) : List.of());
		if (!model.containsAttribute("proposalNote")) {
			model.addAttribute("proposalNote", "");
			model.addAttribute("proposalPersonId", "");
		}
		return "tracks/show";
	}

	/** The steps with their pacing in words, for someone not enrolled. */
	private static List<PlainStep> plainSteps(EffectiveTrack track) {
		Map<String, String> titles = new HashMap<>();
		track.steps().forEach(s -> titles.put(s.id(), s.title()));
		List<PlainStep> steps = new ArrayList<>();
		TrackStep previous = null;
		for (TrackStep step : track.steps()) {
			steps.add(new PlainStep(step, TrackProgressRules.inWords(step.pacing(), previous == null ? null : previous.title()),
					step.prerequisites().stream().map(p -> titles.getOrDefault(p, "a removed step")).sorted().toList()));
			previous = step;
		}
		return steps;
	}

	record PlainStep(TrackStep step, String pacing, List<String> prerequisiteTitles) {
	}

	private List<Team> managedTeams(Viewer me) {
		return me.isManager() ? organization.teamsManagedBy(me) : List.of();
	}

	private String nameOf(Enrolment e) {
		var credit = organization.credits(List.of(e.personId())).get(e.personId());
		return credit == null ? "The person" : credit.name();
	}
}
