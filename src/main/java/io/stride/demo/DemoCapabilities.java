package io.stride.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.capability.AbsenceKind;
import io.stride.capability.Absences;
import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityDraft;
import io.stride.capability.CapabilityProfiles;
import io.stride.capability.Coverage;
import io.stride.capability.RuleKind;
import io.stride.cycles.Kudos;
import io.stride.cycles.Priorities;
import io.stride.cycles.PriorityContent;
import io.stride.cycles.PriorityKind;
import io.stride.delivery.Delivery;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.mastery.ChecklistTask;
import io.stride.mastery.Checklists;
import io.stride.mastery.MasteryRules;
import org.springframework.stereotype.Component;

/**
 * The demo's capabilities: who in Acme can run an executive business review, handle a complex escalation or forecast
 * a pipeline, with targets, evidence, a certificate waiting for Sam, a self-assessment, evidence that expires soon and
 * Ana's leave next month, which makes Customer Success short of escalation handlers for two weeks.
 */
@Component
class DemoCapabilities {

	private final Capabilities capabilities;

	private final Coverage coverage;

	private final Absences absences;

	private final CapabilityProfiles profiles;

	private final MasteryRules masteryRules;

	private final Checklists checklists;

	private final Assessment assessment;

	private final Delivery delivery;

	private final Organization organization;

	private final Priorities priorities;

	private final Kudos kudos;

	DemoCapabilities(Capabilities capabilities, Coverage coverage, Absences absences, CapabilityProfiles profiles,
			MasteryRules masteryRules, Checklists checklists, Assessment assessment, Delivery delivery,
			Organization organization, Priorities priorities, Kudos kudos) {
		this.priorities = priorities;
		this.kudos = kudos;
		this.capabilities = capabilities;
		this.coverage = coverage;
		this.absences = absences;
		this.profiles = profiles;
		this.masteryRules = masteryRules;
		this.checklists = checklists;
		this.assessment = assessment;
		this.delivery = delivery;
		this.organization = organization;
	}

	record People(PersonId maya, PersonId sam, PersonId leo, PersonId lina, PersonId priya, PersonId ana,
			PersonId sofia, PersonId tom) {
	}

	/**
	 * The observed tasks live on the checklist of a practice course, so that mastering the EBR and escalation courses
	 * stays a matter of their quizzes (a team's checklist on a course is part of mastering it) while the capabilities
	 * ask for the observation at the level above.
	 */
	/** Seeds it all; answers the observed tasks and the capabilities that tracks build on. */
	DemoTracks.Practice seed(Viewer admin, TeamId customerSuccess, TeamId sales, Course ebr, Course escalations, Course practice,
			People p) {
		Viewer maya = organization.viewerOf(p.maya());
		LocalDate today = delivery.today();

		ChecklistTask runsEbr = masteryRules.addTask(maya, customerSuccess, practice.id(), "Runs an EBR without escalation");
		ChecklistTask resolves = masteryRules.addTask(maya, customerSuccess, practice.id(),
				"Resolves a complex escalation without help");

		Capability runEbr = capabilities.create(admin, new CapabilityDraft("Run an executive business review",
				"Prepare and run an EBR with the customer's sponsor that ends with agreed next steps, without escalation.",
				"Customer Success", null, 12, List.of(), List.of(
						rule(1, RuleKind.COURSE_MASTERED, ebr.id(), null, null),
						rule(2, RuleKind.COURSE_MASTERED, ebr.id(), null, null),
						rule(2, RuleKind.TASK_SIGNED_OFF, null, runsEbr.id(), null),
						rule(3, RuleKind.VALIDATIONS, null, null, 2))));
		Capability escalation = capabilities.create(admin, new CapabilityDraft("Handle a complex escalation",
				"Take over an escalated customer case, calm it down and resolve it without handing it up.",
				"Customer Success", null, 24, List.of(), List.of(
						rule(1, RuleKind.COURSE_MASTERED, escalations.id(), null, null),
						rule(2, RuleKind.COURSE_MASTERED, escalations.id(), null, null),
						rule(2, RuleKind.TASK_SIGNED_OFF, null, resolves.id(), null),
						rule(3, RuleKind.VALIDATIONS, null, null, 2))));
		// two levels of its own: forecasting is done alone or taught, there is no "learning" forecast
		Capability forecast = capabilities.create(admin, new CapabilityDraft("Forecast a pipeline",
				"Call the quarter's number from the pipeline, deal by deal, within 10% of what closes.", "Sales", null, null,
				List.of("Can do it alone", "Can teach it"), List.of(
						new CapabilityDraft.RuleDraft(1, RuleKind.CERTIFICATE, null, false, null, null, "Sales forecasting"),
						new CapabilityDraft.RuleDraft(2, RuleKind.CERTIFICATE, null, false, null, null, "Sales forecasting"),
						new CapabilityDraft.RuleDraft(2, RuleKind.VALIDATIONS, null, false, null, 1, null))));

		// the organization's AI challenge: Priya piloted drafting replies with an assistant and Ada, who keeps the
		// catalogue, validated her; colleagues reach the level when someone who holds it validates them
		Capability aiReplies = capabilities.create(admin, new CapabilityDraft("Draft replies with an AI assistant",
				"Draft a customer reply with the support assistant, check every fact and promise in it, and send it "
						+ "in your own voice.",
				"Customer Success", null, 12, List.of("Can do it alone", "Can teach it"), List.of(
						rule(1, RuleKind.VALIDATIONS, null, null, 1),
						rule(2, RuleKind.VALIDATIONS, null, null, 2))));
		profiles.validate(admin, p.priya(), aiReplies.id(), 1,
				"Drafted the Initech replies with the assistant for a month; every fact checked.");

		// evidence: Ana and Priya handle escalations alone; Leo mastered the course and waits for his sign-off
		for (PersonId person : List.of(p.ana(), p.priya(), p.leo())) {
			pass(person, escalations);
		}
		checklists.signOff(maya, resolves.id(), p.ana(), today.minusDays(40), "Took over the Globex outage call and closed it.");
		checklists.signOff(maya, resolves.id(), p.priya(), today.minusDays(12), "Calmed Initech's CFO and agreed a fix date.");
		// Leo ran an EBR alone almost a year ago: his level expires soon unless it is observed again
		checklists.signOff(maya, runsEbr.id(), p.leo(), today.minusDays(330), "Ran the Umbrella EBR without help.");
		pass(p.priya(), ebr);
		profiles.selfAssess(organization.viewerOf(p.lina()), runEbr.id(), 2, "I ran two EBRs in my last job.");

		coverage.setTarget(maya, customerSuccess, escalation.id(), 2, 2);
		coverage.setTarget(maya, customerSuccess, runEbr.id(), 2, 1);
		coverage.setTarget(organization.viewerOf(p.sam()), sales, forecast.id(), 1, 1);

		// Ana's leave next month leaves one escalation handler for two weeks
		absences.add(organization.viewerOf(p.ana()), p.ana(), today.plusDays(39), today.plusDays(53), AbsenceKind.LEAVE);
		absences.add(organization.viewerOf(p.tom()), p.tom(), today.plusDays(10), today.plusDays(12), AbsenceKind.TRAINING);

		// Sofia's forecasting certificate waits for Sam to confirm it
		profiles.uploadCertificate(organization.viewerOf(p.sofia()), forecast.id(),
				new CapabilityProfiles.CertificateUpload("Sales forecasting fundamentals", "Acme Sales Academy",
						today.minusMonths(2), today.plusMonths(22), "sales-forecasting.pdf", certificatePdf()));

		coverage.snapshot(admin, null);

		// what the organization and Customer Success are after this half-year, and thanks for help with learning
		String period = today.getYear() + (today.getMonthValue() <= 6 ? " H1" : " H2");
		String starts = (today.getMonthValue() <= 6 ? today.withMonth(1) : today.withMonth(7)).withDayOfMonth(1).toString();
		String ends = (today.getMonthValue() <= 6 ? today.withMonth(6).withDayOfMonth(30) : today.withMonth(12).withDayOfMonth(31))
			.toString();
		priorities.publish(admin, null, period, starts, ends, new PriorityContent(
				PriorityKind.PURPOSE, "Customers succeed because our people can do the work",
				"We sell software, but customers renew because of the people who help them use it well.", List.of()));
		priorities.publish(admin, null, period, starts, ends, new PriorityContent(
				PriorityKind.CHALLENGE, "Apply AI in customer support",
				"Escalations arrive faster than we can train people for them; handle them well, with AI where it helps.",
				List.of(escalation.id(), aiReplies.id())));
		priorities.publish(maya, customerSuccess, period, starts, ends, new PriorityContent(
				PriorityKind.SUCCESS, "Every EBR ends with agreed next steps",
				"Sponsors leave the room with owners and dates, and nothing is escalated.", List.of(runEbr.id())));
		priorities.publish(maya, customerSuccess, period, starts, ends, new PriorityContent(
				PriorityKind.PRIORITY, "Resolve complex escalations without handing them up",
				"Two people who can do it alone at all times, also when one of them is on leave.", List.of(escalation.id())));
		kudos.give(organization.viewerOf(p.leo()), p.priya(),
				"Thanks for letting me sit in on the Initech escalation: I learned more in an hour than in a week.",
				escalations.id());
		kudos.give(organization.viewerOf(p.lina()), p.maya(), "The EBR course made my first review with a sponsor easy.",
				ebr.id());
		return new DemoTracks.Practice(runsEbr.id(), resolves.id(), runEbr.id().value(), escalation.id().value());
	}

	private void pass(PersonId person, Course course) {
		Viewer learner = organization.viewerOf(person);
		delivery.open(learner, course.id());
		course.lessons().forEach(lesson -> delivery.readLesson(learner, course.id(), lesson.id()));
		assessment.submit(learner, course.id(),
				course.quiz().questions().stream().map(q -> new Answer(q.id(), q.correct())).toList(),
				"demo-" + person.value() + "-" + course.id().value());
	}

	private static CapabilityDraft.RuleDraft rule(int level, RuleKind kind, CourseId course, String task, Integer count) {
		return new CapabilityDraft.RuleDraft(level, kind, course, false, task, count, null);
	}

	/** A one-page PDF, enough to stand for a scanned certificate. */
	private static byte[] certificatePdf() {
		String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
				+ "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
		return body.getBytes(StandardCharsets.US_ASCII);
	}
}
