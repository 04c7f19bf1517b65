package io.stride.cycles.web;

import java.time.Instant;
import java.util.List;

import io.stride.cycles.GoalId;
import io.stride.cycles.HelpRequests;
import io.stride.cycles.ShareBack;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Helping each other", description = "Goals looking for help, suggested helpers, offers of help, a team's "
		+ "open help requests, and sharing back what was learned as a course draft")
@SecurityRequirement(name = "bearer")
class HelpApi {

	private final HelpRequests help;

	private final ShareBack shareBack;

	HelpApi(HelpRequests help, ShareBack shareBack) {
		this.help = help;
		this.shareBack = shareBack;
	}

	record LookingBody(Boolean lookingForHelp) {
	}

	record OfferBody(String message) {
	}

	record OfferView(String id, String goalId, PeerValidationApi.PersonView helper, String message, Instant offeredAt) {

		static OfferView of(HelpRequests.HelpOffer o) {
			return o == null ? null : new OfferView(o.id(), o.goalId().value(), PeerValidationApi.PersonView.of(o.helper()),
					o.message(), o.offeredAt());
		}
	}

	/**
	 * {@code contractReadable}: the viewer reads the whole contract (else only this goal, which its owner shares with
	 * their team); {@code mine}: the viewer's own offer.
	 */
	record GoalHelpView(String goalId, String cycleId, PeerValidationApi.PersonView owner, String what,
			String capability, String level, boolean lookingForHelp, boolean cycleActive, boolean contractReadable,
			List<OfferView> offers, OfferView mine) {

		static GoalHelpView of(HelpRequests.GoalHelp g) {
			return new GoalHelpView(g.goalId().value(), g.contractReadable() ? g.cycleId().value() : null,
					PeerValidationApi.PersonView.of(g.owner()), g.what(), g.capabilityName(), g.levelName(),
					g.lookingForHelp(), g.cycleActive(), g.contractReadable(),
					g.offers().stream().map(OfferView::of).toList(), OfferView.of(g.mine()));
		}
	}

	record SuggestionView(PeerValidationApi.PersonView person, String reason) {
	}

	/** {@code notShown}: open requests of the team in contracts the viewer may not read. */
	record TeamHelpView(String teamId, String teamName, List<GoalHelpView> requests, int notShown) {
	}

	record DraftView(String draftId, String url) {
	}

	@PutMapping("/goals/{id}/help")
	@Operation(summary = "The owner turns \"looking for help\" on or off for a goal of their active cycle (403 for "
			+ "readers, 404 for others, 409 once the cycle is closed, 422 at lookingForHelp when absent)")
	GoalHelpView setLooking(Viewer me, @PathVariable String id, @RequestBody LookingBody body) {
		if (body.lookingForHelp() == null) {
			throw new InvalidInputException("lookingForHelp", "Say true or false.");
		}
		return GoalHelpView.of(help.setLookingForHelp(me, new GoalId(id),
				body.lookingForHelp()));
	}

	@GetMapping("/goals/{id}/help")
	@Operation(summary = "A goal with its offers of help, for whoever may see it (404 otherwise)")
	GoalHelpView get(Viewer me, @PathVariable String id) {
		return GoalHelpView.of(help.help(me, new GoalId(id)));
	}

	@GetMapping("/goals/{id}/help-suggestions")
	@Operation(summary = "For the goal's owner: colleagues who hold its capability at the top level (\"Can teach it\") "
			+ "or who validated it in the last six months; empty when the goal names no capability (403 for readers)")
	List<SuggestionView> suggestions(Viewer me, @PathVariable String id) {
		return help.suggestions(me, new GoalId(id))
			.stream()
			.map(s -> new SuggestionView(PeerValidationApi.PersonView.of(s.person()), s.reason()))
			.toList();
	}

	@PostMapping("/goals/{id}/help-offers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Offer to help with a goal looking for help; the owner is notified and the helper is linked to "
			+ "the goal. 422 at helper on one's own goal, at message over 1000 characters; 409 when the goal is not "
			+ "looking for help or the viewer already offered; 404 when the viewer may not see the goal")
	OfferView offer(Viewer me, @PathVariable String id, @RequestBody(required = false) OfferBody body) {
		return OfferView.of(help.offer(me, new GoalId(id), body == null ? null : body.message()));
	}

	@DeleteMapping("/help-offers/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "The helper withdraws an offer, or the goal's owner removes it (404 for others)")
	void withdraw(Viewer me, @PathVariable String id) {
		help.withdraw(me, id);
	}

	@GetMapping("/teams/{id}/help-requests")
	@Operation(summary = "Open help requests of the team's people and the teams below it, for its people and managers "
			+ "(404 for others); only goals whose contract the viewer may read, or which the owner shares with their "
			+ "team")
	TeamHelpView team(Viewer me, @PathVariable String id) {
		HelpRequests.TeamHelp team = help.team(me, new TeamId(id));
		return new TeamHelpView(team.team().id().value(), team.team().name(),
				team.requests().stream().map(GoalHelpView::of).toList(), team.notShown());
	}

	@PostMapping("/goals/{id}/course-draft")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Share back: drafts a course from the owner's goal (what, evidence, reflection, check-in notes, "
			+ "links to what was produced) and keeps the draft for them; 409 while the cycle is active and the goal not "
			+ "learned, 403 for readers, 404 for others")
	DraftView courseDraft(Viewer me, @PathVariable String id) {
		ShareBack.DraftStarted started = shareBack.courseDraft(me, new GoalId(id));
		return new DraftView(started.draftId(), started.url());
	}
}
