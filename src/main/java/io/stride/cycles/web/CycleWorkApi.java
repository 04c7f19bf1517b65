package io.stride.cycles.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.stride.cycles.CheckIns;
import io.stride.cycles.CycleClosing;
import io.stride.cycles.CycleDiscussion;
import io.stride.cycles.CycleId;
import io.stride.cycles.Goal;
import io.stride.cycles.GoalId;
import io.stride.cycles.GoalOutcome;
import io.stride.cycles.LearningCycle;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Learning cycles: during and closing", description = "Discussing a contract (invitations, threaded "
		+ "comments on goals), check-ins with progress and time per goal, links to what a goal produced, and closing a "
		+ "cycle with a reflection per goal, carrying unfinished goals into the next cycle")
@SecurityRequirement(name = "bearer")
class CycleWorkApi {

	private final CycleDiscussion discussion;

	private final CheckIns checkIns;

	private final CycleClosing closing;

	CycleWorkApi(CycleDiscussion discussion, CheckIns checkIns, CycleClosing closing) {
		this.discussion = discussion;
		this.checkIns = checkIns;
		this.closing = closing;
	}

	/** {@code people}: ids of the colleagues to invite; {@code message}: an optional word to them. */
	record InvitationBody(List<String> people, String message) {
	}

	record PersonView(String id, String name) {
	}

	record InvitedView(String cycleId, List<PersonView> invited) {
	}

	/** {@code parentId}: the comment this one answers, or null for a new thread. */
	record CommentBody(String body, String parentId) {
	}

	record CommentView(String id, String goalId, String parentId, String authorId, String authorName, String body,
			Instant createdAt, List<CommentView> replies) {

		static CommentView of(CycleDiscussion.Comment c) {
			return new CommentView(c.id(), c.goalId().value(), c.parentId(), c.authorId().value(), c.authorName(),
					c.body(), c.createdAt(), c.replies().stream().map(CommentView::of).toList());
		}
	}

	/** {@code progress}: 0–100, null keeps the goal's; {@code minutes}: 0–1440 spent since the last check-in. */
	record GoalCheckInBody(String goalId, String note, Integer progress, Integer minutes) {
	}

	record CheckInBody(List<GoalCheckInBody> goals) {
	}

	record CheckInView(String id, String cycleId, String goalId, String note, int progress, int minutes,
			Instant createdAt) {

		static CheckInView of(CheckIns.CheckIn c) {
			return new CheckInView(c.id(), c.cycleId().value(), c.goalId().value(), c.note(), c.progress(), c.minutes(),
					c.createdAt());
		}
	}

	record LinkBody(String title, String url) {
	}

	record LinkView(String id, String title, String url) {
	}

	/** {@code outcome}: LEARNED, PARTLY or NOT_LEARNED. */
	record ReflectionBody(String goalId, String outcome, String reflection, String nextStep) {
	}

	/**
	 * {@code carryOver}: ids of unfinished goals to copy into a new cycle starting today; {@code days} and
	 * {@code title}: that cycle's length (the closed one's when null) and title.
	 */
	record CloseBody(List<ReflectionBody> goals, List<String> carryOver, Integer days, String title) {
	}

	record ClosedGoalView(String id, String what, String outcome, String reflection, String nextStep) {
	}

	record ClosedView(String cycleId, String status, Instant closedAt, List<ClosedGoalView> goals, String nextCycleId) {
	}

	@PostMapping("/cycles/{id}/invitations")
	@Operation(summary = "Invite colleagues to discuss your contract: they read it from now on and are notified. 422 at "
			+ "people (nobody, yourself, not an active colleague, more than 20) or message (over 500 characters); 403 "
			+ "for readers of the contract, 404 for others")
	InvitedView invite(Viewer me, @PathVariable String id, @RequestBody InvitationBody body) {
		List<PersonId> people = body.people() == null ? List.of()
				: body.people().stream().map(p -> p == null ? null : new PersonId(p.strip())).toList();
		LearningCycle cycle = discussion.invite(me, new CycleId(id), people, body.message());
		return new InvitedView(cycle.id().value(),
				cycle.invited().stream().map(p -> new PersonView(p.id().value(), p.name())).toList());
	}

	@GetMapping("/goals/{id}/comments")
	@Operation(summary = "The discussion of a goal: comments oldest first, each with its replies; all of it for the "
			+ "owner and readers of the contract, only their own comments and the replies to them for a manager who only "
			+ "sees that it exists; 404 for anyone else")
	List<CommentView> comments(Viewer me, @PathVariable String id) {
		return discussion.comments(me, new GoalId(id))
			.stream()
			.map(CommentView::of)
			.toList();
	}

	@PostMapping("/goals/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Comment on a goal, or reply to a comment (parentId); the goal's owner (and the author of the "
			+ "comment answered) is notified. 422 at body (empty, over 2000 characters, control characters) or "
			+ "parentId (not a comment of this goal); 404 for who may not see the contract")
	CommentView comment(Viewer me, @PathVariable String id, @RequestBody CommentBody body) {
		return CommentView.of(discussion.comment(me, new GoalId(id), body.parentId(),
				body.body()));
	}

	@GetMapping("/cycles/{id}/check-ins")
	@Operation(summary = "A cycle's check-ins, newest first; empty for a manager who only sees that the cycle exists, "
			+ "404 for who may not see it")
	List<CheckInView> checkIns(Viewer me, @PathVariable String id) {
		return checkIns.ofCycle(me, new CycleId(id)).stream().map(CheckInView::of).toList();
	}

	@PostMapping("/cycles/{id}/check-ins")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Check in on goals of your active cycle: per goal a note, progress 0–100 and optional minutes "
			+ "(0–1440); entries that say nothing are skipped. 422 at goals[<goalId>].note / .progress / .minutes, at "
			+ "goals[<goalId>] for a goal not in the cycle, at goals when nothing is said; 403 for readers, 404 for "
			+ "others, 409 for a closed cycle")
	List<CheckInView> checkIn(Viewer me, @PathVariable String id, @RequestBody CheckInBody body) {
		List<CheckIns.GoalCheckIn> entries = body.goals() == null ? List.of()
				: body.goals()
					.stream()
					.map(g -> g == null ? null : new CheckIns.GoalCheckIn(g.goalId() == null ? null : new GoalId(g.goalId()),
							g.note(), g.progress(), g.minutes()))
					.toList();
		return checkIns.checkIn(me, new CycleId(id), entries)
			.stream()
			.map(CheckInView::of)
			.toList();
	}

	@PostMapping("/goals/{id}/links")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a link to what a goal produced (a document, a pull request, a talk). 422 at title or url "
			+ "(http or https only), 422 past 10 links; 403 for readers, 404 for others, 409 for a closed cycle")
	LinkView addLink(Viewer me, @PathVariable String id, @RequestBody LinkBody body) {
		Goal.Link link = checkIns.addProduced(me, new GoalId(id), body.title(), body.url());
		return new LinkView(link.id(), link.title(), link.url());
	}

	@DeleteMapping("/goals/{id}/links/{linkId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a link to what a goal produced; 403 for readers, 404 for others or an unknown link, "
			+ "409 for a closed cycle")
	void removeLink(Viewer me, @PathVariable String id, @PathVariable String linkId) {
		checkIns.removeProduced(me, new GoalId(id), linkId);
	}

	@PostMapping("/cycles/{id}/close")
	@Operation(summary = "Close your cycle (no approval needed) with an outcome per goal (LEARNED, PARTLY, NOT_LEARNED), "
			+ "a reflection and a next step; goals in carryOver start a new cycle today (nextCycleId). 422 at "
			+ "goals[<goalId>].outcome / .reflection / .nextStep, carryOver, days (30–92), title; 403 for readers, 404 "
			+ "for others, 409 when closed already or when carrying over while another cycle is active")
	ClosedView close(Viewer me, @PathVariable String id, @RequestBody CloseBody body) {
		List<CycleClosing.GoalReflection> goals = body.goals() == null ? List.of()
				: body.goals()
					.stream()
					.map(g -> g == null ? null : new CycleClosing.GoalReflection(
							g.goalId() == null ? null : new GoalId(g.goalId()), outcome(g.outcome()), g.reflection(),
							g.nextStep()))
					.toList();
		List<GoalId> carry = body.carryOver() == null ? List.of()
				: body.carryOver().stream().map(g -> g == null ? null : new GoalId(g)).toList();
		CycleClosing.Closed closed = closing.close(me, new CycleId(id),
				new CycleClosing.Closing(goals, carry, body.days(), body.title()));
		LearningCycle c = closed.cycle();
		return new ClosedView(c.id().value(), c.status().name(), c.closedAt(), c.goals()
			.stream()
			.map(g -> new ClosedGoalView(g.id().value(), g.what(), g.outcome() == null ? null : g.outcome().name(),
					g.reflection(), g.nextStep()))
			.toList(), closed.next() == null ? null : closed.next().value());
	}

	/** An outcome by name; null (refused at the field by the service) for anything else. */
	static GoalOutcome outcome(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return GoalOutcome.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
