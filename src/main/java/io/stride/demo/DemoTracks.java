package io.stride.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.library.Library;
import io.stride.review.ReviewCase;
import io.stride.review.Reviews;
import io.stride.tracks.Confirmation;
import io.stride.tracks.Enrolment;
import io.stride.tracks.Enrolments;
import io.stride.tracks.Pacing;
import io.stride.tracks.PacingRule;
import io.stride.tracks.StepDraft;
import io.stride.tracks.StepKind;
import io.stride.tracks.TeamOverrides;
import io.stride.tracks.Track;
import io.stride.tracks.TrackDefinitions;
import io.stride.tracks.TrackDraft;
import io.stride.tracks.TrackProgress;
import io.stride.tracks.TrackStep;
import org.springframework.stereotype.Component;

/**
 * Recombination and sequencing in the demo: Sam's "Quarterly business reviews" reuses (linked) a lesson of Maya's EBR
 * course, whose next version changes it, so Sam sees an update with its diff; the organization's high-investment
 * "Customer Success Manager" track with a step of every kind, Maya's version of it for her team, Lina's request to
 * join waiting for Maya, Leo under way; and the open track "Handling escalations".
 */
@Component
class DemoTracks {

	static final String CSM_TRACK = "Customer Success Manager";

	static final String ESCALATIONS_TRACK = "Handling escalations";

	static final String QBR_COURSE = "Quarterly business reviews";

	static final String CERTIFICATION = "Customer Success Manager certification";

	static final String INCIDENT_TRACK = "Incident lead";

	static final String INCIDENT_COURSE = "Incident command course";

	private final Authoring authoring;

	private final Library library;

	private final TrackDefinitions definitions;

	private final TeamOverrides overrides;

	private final Enrolments enrolments;

	private final Organization organization;

	private final TrackProgress progress;

	private final Reviews reviews;

	DemoTracks(Authoring authoring, Library library, TrackDefinitions definitions, TeamOverrides overrides,
			Enrolments enrolments, Organization organization, TrackProgress progress, Reviews reviews) {
		this.progress = progress;
		this.reviews = reviews;
		this.authoring = authoring;
		this.library = library;
		this.definitions = definitions;
		this.overrides = overrides;
		this.enrolments = enrolments;
		this.organization = organization;
	}

	record People(PersonId maya, PersonId sam, PersonId leo, PersonId lina, PersonId ana, PersonId rita) {
	}

	/** What the capabilities of the demo give the track: the observed task and the capability it builds. */
	record Practice(String runsEbrTask, String resolvesTask, String runEbrCapability, String escalationCapability) {
	}

	void seed(Viewer admin, TeamId customerSuccess, Course ebr, Course escalations, Practice practice, People p,
			LocalDate today) {
		Viewer maya = organization.viewerOf(p.maya());
		Viewer sam = organization.viewerOf(p.sam());
		Viewer rita = organization.viewerOf(p.rita());
		// Rita reviewed each version of both courses, so when Sam sends a version 2 of his for review, what he kept
		// or reused is folded in her case and she reads only what he changed (review proportionate to change)
		Course qbr = quarterlyReviews(sam, rita, ebr);
		changeEbr(maya, rita, ebr);
		Track csm = customerSuccessManager(admin, ebr, qbr, practice, today);
		teamVersion(maya, csm, customerSuccess);
		// Leo asked and Maya let him in; the EBR course he passed before counts, the rest is paced from today
		Viewer leo = organization.viewerOf(p.leo());
		Enrolment leos = enrolments.enrol(leo, csm.id(), null,
				"I have run EBRs on my own for a year; I would like to take the certification this cohort.", customerSuccess);
		enrolments.approve(maya, leos.id(), "Yes: you are ready, and the certification date suits the team.");
		// Lina asked too; Maya has not decided yet (her enrolment requests page)
		enrolments.enrol(organization.viewerOf(p.lina()), csm.id(), null,
				"I ran two EBRs in my last job and would like to work towards the certification.", null);
		Track open = handlingEscalations(admin, escalations, practice);
		// open to anyone: Lina joined without asking
		enrolments.enrol(organization.viewerOf(p.lina()), open.id(), null, null, null);
		anaWaitsForTheIncidentCourse(admin, maya, organization.viewerOf(p.ana()), customerSuccess);
	}

	/**
	 * A step waiting for Maya's approval: Ana follows the high-investment "Incident lead" track, Maya confirmed her
	 * first step, so the paid course's turn has come and it waits for Maya to approve or decline it.
	 */
	private void anaWaitsForTheIncidentCourse(Viewer admin, Viewer maya, Viewer ana, TeamId customerSuccess) {
		Track track = definitions.create(admin, new TrackDraft(INCIDENT_TRACK,
				"Lead the response to a major incident: from a review led with a coach to the incident command course.",
				"Customer Success", null, true,
				"The incident command course is paid and run by an outside school.",
				null));
		TrackStep review = definitions.addStep(admin, track.id(), null, step(StepKind.EXTERNAL,
				"Lead an incident review with a coach", "Run the review of a real incident; your coach and your manager "
						+ "attend, and your manager confirms it.",
				null, null, null, null, null, "https://www.example.org/incident-review-guide", Pacing.ON_ENROLMENT,
				Set.of(), false));
		definitions.addStep(admin, track.id(), null, step(StepKind.EXTERNAL, INCIDENT_COURSE,
				"Two days with an outside school, with a fee: it opens once approved, when its turn comes.",
				null, null, null, null, null, "https://www.example.org/incident-command-course", days(0),
				Set.of(review.id()), true));
		definitions.publish(admin, track.id(), definitions.find(track.id()).orElseThrow().revision());
		Enrolment anas = enrolments.enrol(ana, track.id(), null,
				"I handled the last two outages on the night shift; I would like to lead the next one properly.",
				customerSuccess);
		enrolments.approve(maya, anas.id(), "Yes: start with a review, then we look at the course.");
		progress.markDone(maya, anas.id(), review.id());
	}

	/** Sam's course for Sales, which reuses Maya's lesson "In the room" as it is (linked). */
	private Course quarterlyReviews(Viewer sam, Viewer reviewer, Course ebr) {
		Course draft = authoring.create(sam, new CourseContent(QBR_COURSE,
				"For account executives: a quarterly business review that renews the customer's reasons to buy.",
				List.of(new Lesson(null, "Plan the quarter", """
						A quarterly business review (QBR) looks back at the quarter with the customer and agrees the next.

						1. Bring the figures the customer cares about, not the ones we like.
						2. Invite the customer's success manager: they know the account best.
						"""),
						new Lesson(null, "Follow up", """
								Send the summary **within 24 hours** and put each next step in the CRM with its owner.
								""")),
				new Quiz(75, List.of(
						new Question(null, QuestionKind.SINGLE_CHOICE, "Whose figures does a QBR start from?",
								List.of("The customer's", "Ours", "The analyst's"), List.of(0),
								"Bring the figures the customer cares about."),
						new Question(null, QuestionKind.TRUE_FALSE, "The summary can wait until the end of the week.",
								List.of("True", "False"), List.of(1), "Within 24 hours."))),
				List.of("Plan a QBR from the customer's figures", "Follow up within 24 hours")));
		String inTheRoom = ebr.lessons().get(1).id();
		// second of three, between Sam's own lessons (positions count from 1)
		library.reuse(sam, draft.id(), inTheRoom, "LINKED", null, 2);
		return reviewed(reviewer, draft);
	}

	/**
	 * The draft sent to review as its author would, and approved by {@code reviewer}: a course its tier publishes at
	 * once has its spot-check approved instead.
	 */
	Course reviewed(Viewer reviewer, Course draft) {
		Viewer author = organization.viewerOf(draft.authorId());
		Course course = authoring.editable(author, draft.id());
		authoring.requestPublication(author, course.id(), course.revision());
		reviews.latestFor(course.id())
			.filter(ReviewCase::open)
			.ifPresent(c -> reviews.approve(reviewer, c.id(), "Checked against the account playbook."));
		return authoring.published(course.id());
	}

	/**
	 * Maya's EBR course, version 2: a longer slot for goals and results in "In the room", and a knowledge check on
	 * reading the next steps back (Sam's linked copy is offered both).
	 */
	private void changeEbr(Viewer maya, Viewer reviewer, Course ebr) {
		Course next = authoring.startVersion(maya, ebr.id(), authoring.editable(maya, ebr.id()).revision());
		List<Lesson> lessons = new ArrayList<>(next.lessons());
		for (int i = 0; i < lessons.size(); i++) {
			Lesson lesson = lessons.get(i);
			if (lesson.title().equals("In the room")) {
				lessons.set(i, new Lesson(lesson.id(), lesson.title(), """
						Open with the customer's goals, not with our product.

						| Part | Time |
						|---|---|
						| Goals and results | 20 min |
						| Risks and asks | 10 min |
						| Next steps | 10 min |

						Write every next step with an owner and a date before you leave the room, and read them back
						to the sponsor.
						""", lesson.sources(), lesson.module(), withCheck(lesson.knowledgeChecks(),
						new Question(null, QuestionKind.TRUE_FALSE,
								"You read every next step back to the sponsor before you leave the room.",
								List.of("True", "False"), List.of(0),
								"Read back, each next step gets its owner's yes while everyone is still there."))));
			}
		}
		reviewed(reviewer, authoring.update(maya, ebr.id(), next.revision(), next.content().with(lessons, next.quiz())));
	}

	private static List<Question> withCheck(List<Question> checks, Question check) {
		List<Question> more = new ArrayList<>(checks);
		more.add(check);
		return more;
	}

	private Track customerSuccessManager(Viewer admin, Course ebr, Course qbr, Practice practice, LocalDate today) {
		Track track = definitions.create(admin, new TrackDraft(CSM_TRACK,
				"From running your first executive business review to the certification: the path to a customer "
						+ "success manager who runs an account alone.",
				"Customer Success", practice.runEbrCapability(), true,
				"The certification is an external programme with a fee and few places each cohort.", null));
		TrackStep course = definitions.addStep(admin, track.id(), null, step(StepKind.COURSE, null,
				"Start here: how an EBR is prepared, run and followed up.", ebr.id().value(), null, null, null, null, null,
				Pacing.ON_ENROLMENT, Set.of(), false));
		TrackStep component = definitions.addStep(admin, track.id(), null, step(StepKind.COMPONENT, "Plan the quarter",
				"A lesson from Sales' QBR course: the same customer, seen from the renewal side.", null,
				qbr.lessons().stream().filter(l -> l.title().equals("Plan the quarter")).findFirst().orElseThrow().id(), null, null, null, null, days(7), Set.of(course.id()), false));
		TrackStep observed = definitions.addStep(admin, track.id(), null, step(StepKind.OBSERVED_TASK,
				"Runs an EBR without escalation", "Your manager or a named expert watches one real EBR and signs it off.",
				null, null, practice.runsEbrTask(), practice.runEbrCapability(), null, null, days(7),
				Set.of(course.id()), false));
		definitions.addStep(admin, track.id(), null, step(StepKind.GOAL_SUGGESTION, null,
				"A goal for your next learning cycle, checked by someone who holds the capability.", null, null, null,
				practice.runEbrCapability(), "Run two EBRs in a row that end with agreed next steps", null,
				Pacing.ON_ENROLMENT, Set.of(), false));
		// the next cohort: the first Monday of the month after next
		LocalDate cohort = today.plusMonths(2).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
		definitions.addStep(admin, track.id(), null, step(StepKind.EXTERNAL, CERTIFICATION,
				"Three days with the Customer Success Institute and an exam. Your manager confirms it when the "
						+ "certificate arrives.",
				null, null, null, null, null, "https://www.example.org/customer-success-certification",
				new Pacing(PacingRule.FIXED_DATE, null, cohort), Set.of(observed.id()), true));
		return definitions.publish(admin, track.id(), definitions.find(track.id()).orElseThrow().revision());
	}

	/** Maya's team observes an EBR before the QBR lesson, two weeks after the course instead of one. */
	private void teamVersion(Viewer maya, Track track, TeamId customerSuccess) {
		List<TrackStep> steps = definitions.steps(track.id());
		TrackStep component = steps.get(1);
		TrackStep observed = steps.get(2);
		List<String> order = new ArrayList<>(steps.stream().map(TrackStep::id).toList());
		order.set(1, observed.id());
		order.set(2, component.id());
		overrides.save(maya, track.id(), customerSuccess, 0, order, Map.of(observed.id(), days(14)),
				"We observe an EBR before the QBR lesson: the EBR is what our customers judge us by. Two weeks after "
						+ "the course, so that there is a real EBR in the calendar to observe.");
	}

	private Track handlingEscalations(Viewer admin, Course escalations, Practice practice) {
		Track track = definitions.create(admin, new TrackDraft(ESCALATIONS_TRACK,
				"Take over an escalated case and resolve it without handing it up. Open to anyone.", "Customer Success",
				practice.escalationCapability(), false, null, null));
		TrackStep course = definitions.addStep(admin, track.id(), null, step(StepKind.COURSE, null, null,
				escalations.id().value(), null, null, null, null, null, Pacing.ON_ENROLMENT, Set.of(), false));
		definitions.addStep(admin, track.id(), null, step(StepKind.OBSERVED_TASK,
				"Resolves a complex escalation without help", "Someone who handles escalations alone watches you take one.",
				null, null, practice.resolvesTask(), practice.escalationCapability(), null, null, days(7),
				Set.of(course.id()), false));
		return definitions.publish(admin, track.id(), definitions.find(track.id()).orElseThrow().revision());
	}

	private static Pacing days(int days) {
		return new Pacing(PacingRule.AFTER_PREVIOUS, days, null);
	}

	private static StepDraft step(StepKind kind, String title, String description, String courseId, String componentId,
			String checklistTaskId, String capabilityId, String goalText, String externalUrl, Pacing pacing,
			Set<String> prerequisites, boolean highInvestment) {
		return new StepDraft(kind, title, description, courseId, componentId, checklistTaskId, capabilityId, goalText,
				externalUrl, kind == StepKind.EXTERNAL ? Confirmation.MANAGER : null, pacing, prerequisites, highInvestment,
				null);
	}
}
