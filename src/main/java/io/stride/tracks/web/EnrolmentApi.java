package io.stride.tracks.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.tracks.Enrolment;
import io.stride.tracks.Enrolments;
import io.stride.tracks.TrackId;
import io.stride.tracks.TrackProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Track enrolments", description = "Joining development tracks (at once for an open track; with the "
		+ "manager's approval for a high-investment one), each person's progress step by step, confirmations and early "
		+ "release. The person sees their own; their managers (of their teams and above), L&D and admins see and decide; "
		+ "anyone else gets 404")
@SecurityRequirement(name = "bearer")
class EnrolmentApi {

	private final Enrolments enrolments;

	private final TrackProgress progress;

	EnrolmentApi(Enrolments enrolments, TrackProgress progress) {
		this.enrolments = enrolments;
		this.progress = progress;
	}

	/** {@code personId} null for oneself; {@code teamId} whose version applies when the person is in several teams. */
	record EnrolBody(String personId, String note, String teamId) {
	}

	record DecisionBody(String reason) {
	}

	record Created(String id, String status) {
	}

	record StepView(String id, int position, String kind, String title, String state, LocalDate releaseOn,
			Instant releasedAt, Instant doneAt, String doneHow, String pacing, String opens, String confirmation,
			List<String> prerequisites, String declineReason) {

		static StepView of(TrackProgress.StepProgress s) {
			return new StepView(s.step().id(), s.step().position(), s.step().kind().name(), s.step().title(),
					s.state().name(), s.releaseOn(), s.releasedAt(), s.doneAt(), s.doneHow(), s.pacing(), s.opens(),
					s.step().confirmation() == null ? null : s.step().confirmation().name(), s.step().prerequisites().stream().sorted().toList(),
					s.declineReason());
		}
	}

	record EnrolmentView(String id, String trackId, String trackTitle, String personId, String teamId, String status,
			String requestedBy, Instant requestedAt, String note, String decidedBy, Instant decidedAt, String reason,
			LocalDate enrolledOn, Instant completedAt, int done, int total, String nextStepId, String currentStepId,
			String version, List<StepView> steps) {

		static EnrolmentView of(TrackProgress.Progress p) {
			Enrolment e = p.enrolment();
			return new EnrolmentView(e.id(), e.trackId().value(), p.track().title(), e.personId().value(),
					e.team() == null ? null : e.team().value(), e.status().name(), e.requestedBy().value(), e.requestedAt(),
					e.requestNote(), e.decidedBy() == null ? null : e.decidedBy().value(), e.decidedAt(), e.decisionReason(),
					e.enrolledOn(), e.completedAt(), p.done(), p.total(), p.next() == null ? null : p.next().step().id(),
					p.current() == null ? null : p.current().step().id(), p.version(), p.steps().stream().map(StepView::of).toList());
		}
	}

	record PlaceView(String enrolmentId, String personId, String personName, String teamId, String status,
			String currentStep, int done, int total, Integer daysSinceLastStep, String pace, String reason,
			String version) {

		static PlaceView of(Enrolments.Place p) {
			Enrolment e = p.enrolment();
			return new PlaceView(e.id(), e.personId().value(), p.personName(), e.team() == null ? null : e.team().value(),
					e.status().name(), p.currentStep(), p.done(), p.total(), p.daysSinceLastStep(),
					p.pace() == null ? null : p.pace().name(), e.decisionReason(), p.version());
		}
	}

	record PeopleView(String trackId, String trackTitle, int page, int pages, int total, List<PlaceView> people) {
	}

	@PostMapping("/tracks/{id}/enrolments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Enrol in a published track: oneself (no personId) or, as their manager (L&D, an admin), someone "
			+ "of one's tree. An open track: ACTIVE at once, no permission needed. A high-investment track: REQUESTED, "
			+ "with the note, and the person's managers are told. 404 for a track not published or a person not in the "
			+ "caller's tree; 409 when already requested, enrolled or done; 422 at teamId for a team not the person's, at "
			+ "note when too long")
	Created enrol(Viewer me, @PathVariable String id, @RequestBody(required = false) EnrolBody body) {
		EnrolBody b = body == null ? new EnrolBody(null, null, null) : body;
		Enrolment e = enrolments.enrol(me, new TrackId(id), blank(b.personId()) ? null : new PersonId(b.personId()),
				b.note(), blank(b.teamId()) ? null : new TeamId(b.teamId()));
		return new Created(e.id(), e.status().name());
	}

	@PostMapping("/enrolments/{id}/approve")
	@Operation(summary = "Approve a request to join a high-investment track (the person's manager, L&D or an admin; 403 "
			+ "for the person and others who see it): the enrolment is ACTIVE, its steps planned, the person told. "
			+ "An optional reason is kept as the approval's note. 409 once decided or withdrawn")
	EnrolmentView approve(Viewer viewer, @PathVariable String id, @RequestBody(required = false) DecisionBody body) {
		enrolments.approve(viewer, id, body == null ? null : body.reason());
		return EnrolmentView.of(progress.progress(viewer, id));
	}

	@PostMapping("/enrolments/{id}/decline")
	@Operation(summary = "Decline a request with a reason the person reads (422 at reason when blank); 403 as for "
			+ "approving; 409 once decided. The person may ask again later")
	EnrolmentView decline(Viewer viewer, @PathVariable String id, @RequestBody(required = false) DecisionBody body) {
		enrolments.decline(viewer, id, body == null ? null : body.reason());
		return EnrolmentView.of(progress.progress(viewer, id));
	}

	@PostMapping("/enrolments/{id}/withdraw")
	@Operation(summary = "Leave a track or take back a request (the person or their manager); 409 when it is declined, "
			+ "withdrawn or completed. Enrolling again later starts afresh")
	EnrolmentView withdraw(Viewer viewer, @PathVariable String id) {
		enrolments.withdraw(viewer, id);
		return EnrolmentView.of(progress.progress(viewer, id));
	}

	@GetMapping("/enrolments/{id}")
	@Operation(summary = "An enrolment with each step's state (DONE, OPEN, SCHEDULED, WAITING), release date, when it "
			+ "opened and how it was done (COMPLETED, COMPLETED_BEFORE, CONFIRMED_BY_SELF, CONFIRMED_BY_MANAGER). 404 for "
			+ "another person's unless the caller manages them")
	EnrolmentView enrolment(Viewer me, @PathVariable String id) {
		return EnrolmentView.of(progress.progress(me, id));
	}

	@GetMapping("/me/enrolments")
	@Operation(summary = "The caller's enrolments (requested, declined, active, completed, withdrawn), latest first, "
			+ "each with its steps")
	List<EnrolmentView> mine(Viewer viewer) {
		return progress.progressOf(enrolments.mine(viewer)).stream().map(EnrolmentView::of).toList();
	}

	@GetMapping("/tracks/{id}/enrolments")
	@Operation(summary = "The people of a track the caller manages (everyone for L&D and admins), optionally of one "
			+ "team's tree, by name, 50 a page: current step, steps done of total, days since the last step, pace "
			+ "(AHEAD, ON_PACE, BEHIND) or their request. 403 for people who manage no one; 404 for a team not theirs")
	PeopleView people(Viewer me, @PathVariable String id, @RequestParam(required = false) String teamId,
			@RequestParam(defaultValue = "1") int page) {
		Enrolments.People people = enrolments.people(me, new TrackId(id), blank(teamId) ? null : new TeamId(teamId), page);
		return new PeopleView(people.track().id().value(), people.track().title(), people.page(), people.pages(),
				people.total(), people.places().stream().map(PlaceView::of).toList());
	}

	@PostMapping("/enrolments/{id}/steps/{stepId}/done")
	@Operation(summary = "Mark an external activity or an observed task without a checklist task done: the person when "
			+ "its confirmation is SELF, their manager (L&D, an admin) for either (403 for the person when it is "
			+ "MANAGER). 422 at stepId for a step Stride sees done by itself; 409 when done already or the enrolment is "
			+ "not active")
	EnrolmentView done(Viewer me, @PathVariable String id, @PathVariable String stepId) {
		return EnrolmentView.of(progress.markDone(me, id, stepId));
	}

	@PostMapping("/enrolments/{id}/steps/{stepId}/release")
	@Operation(summary = "Open a step early for a person (their manager, L&D or an admin; 403 for the person): 422 at "
			+ "stepId while a prerequisite is not done; 409 when it is open or done already")
	EnrolmentView release(Viewer me, @PathVariable String id, @PathVariable String stepId) {
		return EnrolmentView.of(progress.releaseEarly(me, id, stepId));
	}

	@PostMapping("/enrolments/{id}/steps/{stepId}/approve")
	@Operation(summary = "Approve a high-investment step for a person (their manager, L&D or an admin; 403 for the "
			+ "person): it opens once its day has come and its prerequisites are done. 422 at stepId for a step that needs "
			+ "no approval; 409 when approved or done already or the enrolment is not active")
	EnrolmentView approveStep(Viewer me, @PathVariable String id, @PathVariable String stepId) {
		return EnrolmentView.of(progress.approveStep(me, id, stepId));
	}

	@PostMapping("/enrolments/{id}/steps/{stepId}/decline")
	@Operation(summary = "Decline a high-investment step for now, with a reason the person reads (their manager, L&D or "
			+ "an admin; 403 for the person): it stays closed, and may still be approved later. 422 at reason when blank, "
			+ "at stepId for a step that needs no approval; 409 when approved, open, done or declined already")
	EnrolmentView declineStep(Viewer me, @PathVariable String id, @PathVariable String stepId,
			@RequestBody(required = false) DecisionBody body) {
		return EnrolmentView.of(progress.declineStep(me, id, stepId, body == null ? null : body.reason()));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
