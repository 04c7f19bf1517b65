package io.stride.demo;

import java.time.LocalDate;
import java.util.List;

import io.stride.authoring.Course;
import io.stride.badges.BadgeDraft;
import io.stride.badges.Badges;
import io.stride.badges.CriterionKind;
import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.cycles.CheckIns;
import io.stride.cycles.CycleDiscussion;
import io.stride.cycles.Goal;
import io.stride.cycles.GoalDraft;
import io.stride.cycles.HelpRequests;
import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.NewCycle;
import io.stride.cycles.PeerValidation;
import io.stride.cycles.Priorities;
import io.stride.cycles.Priority;
import io.stride.cycles.PriorityId;
import io.stride.cycles.ValidationRequest;
import io.stride.cycles.ValidationStatus;
import io.stride.cycles.Visibility;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import org.springframework.stereotype.Component;

/**
 * Learning people own, in the demo organization: Leo's and Ana's active learning cycles, a goal of Leo's that Priya
 * validated (which raised his level of "Draft replies with an AI assistant"), a discussion, check-ins and an offer
 * of help, and the badges that recognise it (Priya's and Leo's "AI-assisted support").
 */
@Component
class DemoCycles {

	private final LearningCycles cycles;

	private final CheckIns checkIns;

	private final CycleDiscussion discussion;

	private final PeerValidation validation;

	private final HelpRequests help;

	private final Priorities priorities;

	private final Capabilities capabilities;

	private final Organization organization;

	private final Badges badges;

	DemoCycles(LearningCycles cycles, CheckIns checkIns, CycleDiscussion discussion, PeerValidation validation,
			HelpRequests help, Priorities priorities, Capabilities capabilities, Organization organization,
			Badges badges) {
		this.badges = badges;
		this.cycles = cycles;
		this.checkIns = checkIns;
		this.discussion = discussion;
		this.validation = validation;
		this.help = help;
		this.priorities = priorities;
		this.capabilities = capabilities;
		this.organization = organization;
	}

	record People(PersonId maya, PersonId leo, PersonId priya, PersonId ana) {
	}

	void seed(Viewer admin, Course ebr, Course escalations, People p, LocalDate today) {
		Viewer leo = organization.viewerOf(p.leo());
		Viewer ana = organization.viewerOf(p.ana());
		Viewer priya = organization.viewerOf(p.priya());
		Viewer maya = organization.viewerOf(p.maya());
		Capability ai = capability(admin, "Draft replies with an AI assistant");
		Capability runEbr = capability(admin, "Run an executive business review");
		Capability escalation = capability(admin, "Handle a complex escalation");
		PriorityId applyAi = priority(leo, "Apply AI in customer support");
		PriorityId ebrSteps = priority(leo, "Every EBR ends with agreed next steps");
		PriorityId escalationsAlone = priority(ana, "Resolve complex escalations without handing them up");

		// badges the organization issues as signed credentials: Priya holds the AI level already and earns hers at
		// once; Leo earns his when Priya validates his goal below
		badges.define(admin, new BadgeDraft("AI-assisted support",
				"Drafts customer replies with the support assistant and checks every fact and promise before sending.",
				"Reached “Can do it alone” in “Draft replies with an AI assistant”: validated by a colleague who holds it.",
				CriterionKind.CAPABILITY_LEVEL, ai.id(), 1, null, null, List.of()));
		badges.define(admin, new BadgeDraft("Learning cycle completed",
				"Ran a learning cycle of one to three months and had what they learned validated by a colleague.",
				"Closed a learning cycle with at least one goal validated by a colleague.",
				CriterionKind.CYCLE_CLOSED_WITH_VALIDATED_GOALS, null, null, 1, null, List.of()));

		// Leo: three weeks into a 60-day cycle his team can read
		LearningCycle leoCycle = cycles.start(leo, new NewCycle("Customer conversations, this quarter",
				today.minusDays(21), 60, Visibility.TEAM, List.of(), null, null, null));
		Goal aiGoal = cycles.addGoal(leo, leoCycle.id(), new GoalDraft("Draft escalation replies with the AI assistant",
				ai.id(), 1, List.of(applyAi), false, List.of(escalations.id()), List.of(new GoalDraft.Resource(
						"Support assistant: how to check a draft", "https://example.com/assistant-guide")),
				"Draft every escalation reply with the assistant for two weeks and check each fact before sending.",
				p.priya(), "Three sent replies drafted with the assistant, each fact checked, read by Priya.",
				List.of(p.priya()), today.plusDays(10), false));
		Goal ebrGoal = cycles.addGoal(leo, leoCycle.id(), new GoalDraft("Run the Umbrella EBR on my own again",
				runEbr.id(), 2, List.of(ebrSteps), true, List.of(ebr.id()), List.of(),
				"Prepare the deck with Priya, then run the review with the sponsor while Maya watches.", null,
				"Maya observes the review and signs off “Runs an EBR without escalation”.", List.of(p.maya()),
				today.plusDays(35), true));
		cycles.addGoal(leo, leoCycle.id(), new GoalDraft("Write my own account-health queries in SQL", null, null,
				List.of(), true, List.of(), List.of(new GoalDraft.Resource("SQLBolt interactive lessons",
						"https://sqlbolt.com/")), "One query a week for the accounts I look after.", null,
				"A saved query that answers “which of my accounts went quiet this month”.", List.of(), null, false));
		checkIns.checkIn(leo, leoCycle.id(), List.of(
				new CheckIns.GoalCheckIn(aiGoal.id(), "Drafted the Globex and Initech replies with the assistant; "
						+ "caught one wrong renewal date before sending.", 80, 90),
				new CheckIns.GoalCheckIn(ebrGoal.id(), "Deck outline done with Priya; the review is booked for next month.",
						30, 60)));
		checkIns.addProduced(leo, aiGoal.id(), "Reply checklist for assistant drafts",
				"https://example.com/wiki/assistant-reply-checklist");
		List<ValidationRequest> asked = validation.ask(leo, aiGoal.id(), List.of(p.priya()),
				"Could you read my last three escalation replies? They are linked in the goal.");
		validation.answer(priya, asked.get(0).id(), ValidationStatus.VALIDATED,
				"Read all three: facts checked, promises we can keep, and it still sounds like Leo.");
		help.offer(ana, ebrGoal.id(), "I ran the Umbrella review last year: happy to do a dry run with you.");

		// Ana: a cycle to hand her escalation know-how over before her leave, read by her manager and Priya
		LearningCycle anaCycle = cycles.start(ana, new NewCycle("Before my leave", today.minusDays(9), 45,
				Visibility.NAMED, List.of(p.priya()), null, null, null));
		Goal teach = cycles.addGoal(ana, anaCycle.id(), new GoalDraft(
				"Teach Leo and Priya how I take over an escalation", escalation.id(), 3, List.of(escalationsAlone), true,
				List.of(escalations.id()), List.of(), "Let Leo lead the next two escalations while I shadow him.", null,
				"Two colleagues who hold “Can teach it” validate that I can teach it.", List.of(p.priya()),
				today.plusDays(30), false));
		cycles.addGoal(ana, anaCycle.id(), new GoalDraft("Hold a customer call in Spanish", null, null, List.of(), true,
				List.of(), List.of(new GoalDraft.Resource("Conversational Spanish evening class", null)),
				"A short call with the Madrid team each week.", null, "A call with a Spanish-speaking customer.",
				List.of(), null, false));
		discussion.invite(ana, anaCycle.id(), List.of(p.maya()), "Does this fit what the team needs while I'm away?");
		discussion.comment(maya, teach.id(), null,
				"Yes: start with the Hooli case next week, and tell me when Leo is ready for a sign-off.");
	}

	private Capability capability(Viewer admin, String name) {
		return capabilities.catalogue(admin, null, name, false)
			.stream()
			.filter(c -> c.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The demo capability " + name + " is missing"));
	}

	private PriorityId priority(Viewer viewer, String title) {
		return priorities.servable(viewer)
			.stream()
			.filter(pr -> pr.title().equals(title))
			.map(Priority::id)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The demo priority " + title + " is missing"));
	}
}
