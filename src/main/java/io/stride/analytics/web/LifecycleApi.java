package io.stride.analytics.web;

import java.time.Instant;
import java.util.List;

import io.stride.analytics.lifecycle.Lifecycle;
import io.stride.analytics.lifecycle.LifecycleProposal;
import io.stride.analytics.lifecycle.LifecycleSettings;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/lifecycle")
@Tag(name = "Content lifecycle", description = "Proposals to archive idle courses and to refine popular courses with "
		+ "weak results, for each course's owner; the settings that decide them")
@SecurityRequirement(name = "bearer")
class LifecycleApi {

	private final Lifecycle lifecycle;

	LifecycleApi(Lifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	/** Schema names in the OpenAPI document are simple class names: these are prefixed so as not to clash. */
	record LifecycleSettingsBody(Integer idleDays, Integer popularLearners, Double weakCompletionRate,
			Double weakPassRate, Integer weakReactionScore, Integer revision) {
	}

	record LifecycleProposalView(String id, String courseId, String courseTitle, String ownerId, String kind,
			String status, Instant lastOpenedAt, Integer learners, Double completionRate, Double passRate,
			Integer reactionScore, List<String> weak, Instant createdAt, Instant decidedAt, String decidedBy,
			String analyticsLink, String builderLink) {

		static LifecycleProposalView of(LifecycleProposal p) {
			String course = p.courseId().value();
			return new LifecycleProposalView(p.id(), course, p.courseTitle(), p.ownerId().value(), p.kind().name(),
					p.status().name(), p.lastOpenedAt(), p.learners(), p.completionRate(), p.passRate(), p.reactionScore(),
					p.weak().stream().map(Enum::name).toList(), p.createdAt(), p.decidedAt(),
					p.decidedBy() == null ? null : p.decidedBy().value(), "/courses/" + course + "/analytics",
					"/courses/" + course + "/edit");
		}
	}

	record LifecycleRunView(int saved) {
	}

	@GetMapping("/proposals")
	@Operation(summary = "Proposals for the caller's courses (every course's for admins), open ones first, newest first. "
			+ "ARCHIVE: a published course nobody opened in the idle period (lastOpenedAt null: never opened). REFINE: a "
			+ "course opened by many learners in the period with a weak completion rate, pass rate or reaction score "
			+ "(weak names which: COMPLETION, PASS_RATE, REACTIONS); rates are fractions from 0 to 1")
	List<LifecycleProposalView> proposals(Viewer me,
			@Parameter(description = "open (the default) or all, with decided ones") @RequestParam(defaultValue = "open") String status) {
		return lifecycle.proposals(me, LifecycleController.openOnly(status))
			.stream()
			.map(LifecycleProposalView::of)
			.toList();
	}

	@GetMapping("/proposals/{id}")
	@Operation(summary = "One proposal, for the course's owner and admins; 404 for everyone else")
	LifecycleProposalView proposal(Viewer me, @PathVariable String id) {
		return LifecycleProposalView.of(lifecycle.proposal(me, id));
	}

	@PostMapping("/proposals/{id}/accept")
	@Operation(summary = "Accept an open proposal: ARCHIVE retires the course (hidden from new learners and "
			+ "assignments, kept for the records); REFINE records that the owner takes it on. 404 for a proposal the "
			+ "caller may not see; 409 when it was already decided or the course can't be retired now (a new version is "
			+ "in review)")
	LifecycleProposalView accept(Viewer me, @PathVariable String id) {
		return LifecycleProposalView.of(lifecycle.accept(me, id));
	}

	@PostMapping("/proposals/{id}/dismiss")
	@Operation(summary = "Keep the course as it is: the proposal is dismissed and not made again until another idle "
			+ "period has passed. 404 for a proposal the caller may not see; 409 when it was already decided")
	LifecycleProposalView dismiss(Viewer me, @PathVariable String id) {
		return LifecycleProposalView.of(lifecycle.dismiss(me, id));
	}

	@PostMapping("/proposals/run")
	@Operation(summary = "Make today's proposals now instead of waiting for the daily run (admins; 403 otherwise); "
			+ "saved counts the new ones, whose owners are notified")
	LifecycleRunView run(Viewer me) {
		return new LifecycleRunView(lifecycle.proposeNow(me));
	}

	@GetMapping("/settings")
	@Operation(summary = "What makes a course idle (no opens in idleDays) or popular (popularLearners opened it in that "
			+ "period) with weak results (completion or pass rate below the fraction, reaction score below the number), "
			+ "with the revision to send back when changing them")
	LifecycleSettings settings(Viewer signedIn) {
		return lifecycle.settings();
	}

	@PutMapping("/settings")
	@Operation(summary = "Change the settings (admins; 403 otherwise). 422 with errors per field for values out of "
			+ "range (idle days 7 to 3650, learners 1 or more, rates 0 to 1, reaction score -100 to 100); 409 when "
			+ "'revision' is not the one last saved")
	LifecycleSettings change(Viewer me, @RequestBody LifecycleSettingsBody body) {
		return lifecycle.changeSettings(me, new LifecycleSettings.Change(body.idleDays(),
				body.popularLearners(), body.weakCompletionRate(), body.weakPassRate(), body.weakReactionScore(),
				body.revision()));
	}
}
