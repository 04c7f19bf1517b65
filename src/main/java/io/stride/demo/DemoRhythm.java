package io.stride.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import io.stride.analytics.outcomes.OutcomeMetric;
import io.stride.analytics.outcomes.OutcomeMetricChange;
import io.stride.analytics.outcomes.Outcomes;
import io.stride.authoring.Course;
import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.Budgets;
import io.stride.rhythm.Commission;
import io.stride.rhythm.CommissionDraft;
import io.stride.rhythm.Commissions;
import io.stride.rhythm.Intervention;
import io.stride.rhythm.InterventionDraft;
import io.stride.rhythm.Interventions;
import io.stride.rhythm.LearningHours;
import io.stride.rhythm.LearningPeriod;
import io.stride.rhythm.Ritual;
import io.stride.rhythm.RitualDraft;
import io.stride.rhythm.Rituals;
import io.stride.rhythm.Session;
import io.stride.rhythm.Sessions;
import org.springframework.stereotype.Component;

/**
 * Learning inside Customer Success's operating rhythm: a weekly pipeline call and a quarterly business review; last
 * week's call recorded a gap in escalations and three interventions (Leo shadowed Priya, done, while escalations
 * handed up fell; his observed escalation, which would qualify him before Ana's leave, is still open; a module
 * commissioned from Priya, who is drafting it), the indicator the call watches, a learning budget for the quarter and
 * learning hours for the current sprint.
 */
@Component
class DemoRhythm {

	private final Rituals rituals;

	private final Sessions sessions;

	private final Interventions interventions;

	private final Commissions commissions;

	private final Budgets budgets;

	private final LearningHours hours;

	private final Outcomes outcomes;

	private final Capabilities capabilities;

	private final Organization organization;

	DemoRhythm(Rituals rituals, Sessions sessions, Interventions interventions, Commissions commissions,
			Budgets budgets, LearningHours hours, Outcomes outcomes, Capabilities capabilities,
			Organization organization) {
		this.rituals = rituals;
		this.sessions = sessions;
		this.interventions = interventions;
		this.commissions = commissions;
		this.budgets = budgets;
		this.hours = hours;
		this.outcomes = outcomes;
		this.capabilities = capabilities;
		this.organization = organization;
	}

	record People(PersonId maya, PersonId leo, PersonId priya, PersonId ana, PersonId lina) {
	}

	void seed(Viewer admin, TeamId customerSuccess, Course escalations, String resolvesTask, People p, LocalDate today) {
		Viewer maya = organization.viewerOf(p.maya());
		Capability escalation = capability(admin, "Handle a complex escalation");
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

		// the indicator the pipeline call watches: escalations handed up to engineering or leadership each week
		OutcomeMetric handedUp = outcomes.define(maya, customerSuccess, new OutcomeMetricChange(
				"Escalations handed up", "escalations", "LOWER_IS_BETTER", "WEEK",
				"Customer escalations Customer Success handed up to engineering or leadership, per week.",
				List.of(escalations.id().value()), null));
		double[] before = { 9, 10, 8, 9, 8 };
		for (int week = 0; week < before.length; week++) {
			outcomes.putValue(maya, handedUp.id(), monday.minusWeeks(before.length - week).toString(), before[week]);
		}

		Ritual call = rituals.declare(maya, customerSuccess, new RitualDraft("PIPELINE_CALL", "Weekly pipeline call",
				"WEEKLY", monday.minusWeeks(6).toString(), "09:00", "UTC", "45", "10",
				"Ten minutes on who can do the work: the gap that hurts most, and at most three interventions.", "24"));
		rituals.declare(maya, customerSuccess, new RitualDraft("QUARTERLY_BUSINESS_REVIEW", "Customer Success QBR",
				"QUARTERLY", today.plusDays(12).toString(), "14:00", "UTC", "120", "30",
				"Thirty minutes of capability planning: coverage and its forecast, the commissions and the budget.",
				"48"));

		// the last call (this Monday's once it has begun, else last week's): held, one gap and three interventions
		Instant lastCall = monday.atTime(9, 0).toInstant(ZoneOffset.UTC);
		if (!lastCall.isBefore(Instant.now())) {
			lastCall = lastCall.minus(Duration.ofDays(7));
		}
		Session held = sessions.open(maya, call.id(), lastCall);
		sessions.update(maya, held.id(), "Two escalations were handed up because nobody free could take them. "
				+ "Ana is on leave next month, which leaves Priya alone on escalations for two weeks.", "HELD");
		sessions.recordGap(maya, held.id(), escalation.id().value(),
				"Only Ana and Priya take an escalation alone; Ana is away for two weeks next month.",
				List.of(p.leo().value()));
		Intervention shadow = interventions.record(maya, held.id(), new InterventionDraft("PAIR_OR_SHADOW",
				escalation.id().value(), p.leo().value(), today.plusDays(3).toString(), handedUp.id(),
				"Leo sits in on Priya's next two escalation calls.", null, p.priya().value(), null, null));
		interventions.record(maya, held.id(), new InterventionDraft("PRACTICE_ON_REAL_WORK",
				escalation.id().value(), p.maya().value(), today.plusDays(10).toString(), handedUp.id(),
				"Leo takes the next escalation himself with Priya on the call; Maya observes it and signs it off.", null,
				p.leo().value(), null, resolvesTask));
		Intervention commission = interventions.record(maya, held.id(), new InterventionDraft("COMMISSION_MODULE",
				escalation.id().value(), p.maya().value(), today.plusDays(21).toString(), handedUp.id(),
				"A short module on escalations caused by the new billing run: what to check before handing one up.",
				null, null, null, null));

		// since then: Leo shadowed Priya and fewer escalations went up; his observed escalation is still to come
		interventions.close(maya, shadow.id(), shadow.revision(), "DONE");
		outcomes.putValue(maya, handedUp.id(), monday.toString(), 6.0);

		// the quarter's learning budget from L&D, and the module commissioned from Priya, who is drafting it
		LocalDate quarterStart = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
		budgets.give(admin, customerSuccess, quarterStart, quarterStart.plusMonths(3).minusDays(1),
				new BigDecimal("3000"), "EUR");
		CommissionDraft prefilled = commissions.fromIntervention(maya, commission.id());
		Commission ordered = commissions.create(maya, new CommissionDraft(customerSuccess, p.priya(),
				"Escalations caused by the new billing run are handed up before anyone checks the invoice history, "
						+ "the usage export and the contract's billing terms.",
				"Everyone in Customer Success who takes escalations", today.plusDays(21), escalations.id(),
				prefilled.intervention(), null, new BigDecimal("6"), null, false));
		commissions.startDraft(organization.viewerOf(p.priya()), ordered.id());

		// learning hours for the current two-week sprint
		LearningPeriod sprint = hours.createPeriod(maya, customerSuccess, new LearningHours.PeriodDraft(
				"Sprint of " + monday, monday.toString(), monday.plusDays(11).toString()));
		hours.allocate(maya, customerSuccess, sprint.id(), sprint.revision(), List.of(
				new LearningHours.Allocation(p.leo().value(), "4"),
				new LearningHours.Allocation(p.ana().value(), "2"),
				new LearningHours.Allocation(p.priya().value(), "3"),
				new LearningHours.Allocation(p.lina().value(), "4")));
	}

	private Capability capability(Viewer admin, String name) {
		return capabilities.catalogue(admin, null, name, false)
			.stream()
			.filter(c -> c.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The demo capability " + name + " is missing"));
	}
}
