package io.stride.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.authoring.RiskTier;
import io.stride.delivery.Delivery;
import io.stride.drafting.Drafting;
import io.stride.drafting.SourceFile;
import io.stride.feedback.Feedback;
import io.stride.identity.NewPerson;
import io.stride.identity.Organization;
import io.stride.identity.OrganizationAdministration;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.review.Reviews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo organization through the same services the UI uses. {@code stride.demo-data} decides:
 * {@code true} seeds an empty database, {@code false} never seeds, unset seeds only an empty embedded (H2)
 * database. A database with anyone in it is never touched.
 */
@Component
@Order(1)
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "stride-demo";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final OrganizationAdministration administration;

	private final Organization organization;

	private final Authoring authoring;

	private final Delivery delivery;

	private final Reviews reviews;

	private final Assessment assessment;

	private final String setting;

	private final String databaseUrl;

	private final TransactionTemplate transaction;

	private final String adminEmail;

	private final Feedback feedback;

	private final Drafting drafting;

	private final DemoCapabilities capabilities;

	private final DemoCycles cycles;

	private final DemoRhythm rhythm;

	private final DemoTracks tracks;

	private final DemoMedia media;

	private final DemoPackage scormPackage;

	private final DemoOutsideLearning outsideLearning;

	DemoData(OrganizationAdministration administration, Organization organization, Authoring authoring,
			Delivery delivery, Assessment assessment, @Value("${stride.demo-data:}") String setting,
			@Value("${spring.datasource.url:}") String databaseUrl, PlatformTransactionManager transactions,
			@Value("${stride.admin.email:}") String adminEmail, Reviews reviews,
			Feedback feedback, Drafting drafting, DemoCapabilities capabilities,
			DemoCycles cycles, DemoRhythm rhythm, DemoTracks tracks, DemoMedia media, DemoPackage scormPackage,
			DemoOutsideLearning outsideLearning) {
		this.scormPackage = scormPackage;
		this.outsideLearning = outsideLearning;
		this.rhythm = rhythm;
		this.tracks = tracks;
		this.media = media;
		this.capabilities = capabilities;
		this.cycles = cycles;
		this.drafting = drafting;
		this.reviews = reviews;
		this.feedback = feedback;
		this.administration = administration;
		this.organization = organization;
		this.authoring = authoring;
		this.delivery = delivery;
		this.assessment = assessment;
		this.setting = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
		this.databaseUrl = databaseUrl;
		this.transaction = new TransactionTemplate(transactions);
		this.adminEmail = adminEmail == null ? "" : adminEmail.strip();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (shouldSeed()) {
			// all or nothing: a half-seeded database would never be seeded again
			transaction.executeWithoutResult(status -> seed());
			log.info("Seeded the demo organization Acme; the README lists its sign-ins");
		}
	}

	boolean shouldSeed() {
		if (setting.equals("false")) {
			return false;
		}
		if (administration.hasPeopleBesides(adminEmail)) {
			return false;
		}
		return setting.equals("true") || databaseUrl.startsWith("jdbc:h2:");
	}

	void seed() {
		if (!administration.bootstrapAdmin("Ada Admin", "admin@acme.example", PASSWORD)) {
			// the installation's own first admin exists already (STRIDE_ADMIN_EMAIL); Ada joins as a second admin
			administration.createPerson(administration.adminViewer(adminEmail), new NewPerson("Ada Admin",
					"admin@acme.example", PASSWORD, Set.of(), Set.of(), EnumSet.of(Role.ADMIN)));
		}
		Viewer admin = administration.adminViewer("admin@acme.example");
		TeamId customerSuccess = administration.createTeam(admin, "Customer Success", null);
		TeamId onboarding = administration.createTeam(admin, "CS Onboarding", customerSuccess);
		TeamId sales = administration.createTeam(admin, "Sales", null);
		TeamId support = administration.createTeam(admin, "Support", null);

		PersonId maya = person(admin, "Maya Manager", "maya", Set.of(customerSuccess), Set.of(customerSuccess), Set.of());
		PersonId sam = person(admin, "Sam Sales", "sam", Set.of(sales), Set.of(sales), Set.of());
		PersonId rita = person(admin, "Rita Reviewer", "rita", Set.of(support), Set.of(), EnumSet.of(Role.REVIEWER));
		PersonId carla = person(admin, "Carla Compliance", "carla", Set.of(support), Set.of(), EnumSet.of(Role.REVIEWER));
		reviews.setUp(admin, carla, "", false, true);
		// Rita reviews for L&D, any topic: the EBR and QBR courses went through her review (see DemoTracks)
		reviews.setUp(admin, rita, "", true, false);
		PersonId leo = person(admin, "Leo Learner", "leo", Set.of(customerSuccess), Set.of(), Set.of());
		PersonId lina = person(admin, "Lina Lopez", "lina", Set.of(onboarding), Set.of(), Set.of());
		person(admin, "Omar Osei", "omar", Set.of(onboarding), Set.of(), Set.of());
		PersonId priya = person(admin, "Priya Patel", "priya", Set.of(customerSuccess), Set.of(), Set.of());
		PersonId sofia = person(admin, "Sofia Silva", "sofia", Set.of(sales), Set.of(), Set.of());
		PersonId tom = person(admin, "Tom Tanaka", "tom", Set.of(sales), Set.of(), Set.of());
		PersonId ana = person(admin, "Ana Alves", "ana", Set.of(customerSuccess), Set.of(), Set.of());
		person(admin, "Uma Umar", "uma", Set.of(support), Set.of(), Set.of());
		person(admin, "Victor Vance", "victor", Set.of(support), Set.of(), Set.of());

		Viewer mayaViewer = organization.viewerOf(maya);
		// drafts Maya made from real files and has not turned into courses yet: the draft page at its fullest
		// (scores and their reasons, what no question tests, condensed passages, slides as modules)
		keepDraft(mayaViewer, "customer-refund-policy.pdf");
		keepDraft(mayaViewer, "warehouse-onboarding-deck.pptx");
		Course ebr = tracks.reviewed(organization.viewerOf(rita), authoring.create(mayaViewer, executiveBusinessReview()));
		delivery.assign(mayaViewer, ebr.id(), customerSuccess, LocalDate.now().plusDays(14));
		Viewer samViewer = organization.viewerOf(sam);
		Course refunds = publish(samViewer, refundRequests());
		delivery.assign(samViewer, refunds.id(), sales, LocalDate.now().plusDays(7));

		// governance: a published high-risk course, and a new one in review that contradicts it (1 hour vs 24 hours)
		Course breaches = publish(admin, breachReporting(), "Privacy");
		delivery.assign(admin, breaches.id(), support, LocalDate.now().plusDays(30));
		Course incidents = authoring.create(mayaViewer, customerDataIncidents());
		authoring.setTopic(mayaViewer, incidents.id(), "Privacy");
		authoring.requestPublication(mayaViewer, incidents.id(), incidents.revision());

		Viewer leoViewer = organization.viewerOf(leo);
		delivery.open(leoViewer, ebr.id());
		ebr.lessons().forEach(lesson -> delivery.readLesson(leoViewer, ebr.id(), lesson.id()));
		assessment.submit(leoViewer, ebr.id(), correctAnswers(ebr), "demo-leo-1");
		Viewer linaViewer = organization.viewerOf(lina);
		delivery.open(linaViewer, ebr.id());
		delivery.readLesson(linaViewer, ebr.id(), ebr.lessons().get(0).id());
		// reactions: Maya finds Lina's question under My courses → Improvement requests
		feedback.react(leoViewer, ebr.id(), ebr.lessons().get(1).id(), "HELPFUL", null);
		feedback.react(linaViewer, ebr.id(), ebr.lessons().get(0).id(), "UNCLEAR",
				"Who is the sponsor when the customer has no executive on the account?");
		// enough reactions for the course's reaction score to show as a figure (it does from five)
		feedback.react(leoViewer, ebr.id(), ebr.lessons().get(0).id(), "HELPFUL", null);
		Viewer priyaViewer = organization.viewerOf(priya);
		delivery.open(priyaViewer, ebr.id());
		ebr.lessons().forEach(lesson -> delivery.readLesson(priyaViewer, ebr.id(), lesson.id()));
		feedback.react(priyaViewer, ebr.id(), ebr.lessons().get(0).id(), "HELPFUL", null);
		feedback.react(priyaViewer, ebr.id(), ebr.lessons().get(1).id(), "HELPFUL", null);
		Viewer sofiaViewer = organization.viewerOf(sofia);
		delivery.open(sofiaViewer, refunds.id());
		refunds.lessons().forEach(lesson -> delivery.readLesson(sofiaViewer, refunds.id(), lesson.id()));
		assessment.submit(sofiaViewer, refunds.id(),
				refunds.quiz().questions().stream().map(q -> new Answer(q.id(), List.of())).toList(), "demo-sofia-1");

		// who can do the work: capabilities from this evidence, targets, and Ana's leave next month
		// with a chart and a tip in "Resolve it", uploaded before the course is published
		Course escalationsDraft = media.illustrate(mayaViewer, authoring.create(mayaViewer, complexEscalations()));
		Course escalations = authoring.publish(mayaViewer, escalationsDraft.id(), escalationsDraft.revision());
		Course practice = publish(mayaViewer, observedPractice());
		DemoTracks.Practice practiceTasks = capabilities.seed(admin, customerSuccess, sales, ebr, escalations, practice,
				new DemoCapabilities.People(maya, sam, leo, lina, priya, ana, sofia, tom));
		// learning people own: two active cycles, a validated goal that raised a level, discussion and help
		cycles.seed(admin, ebr, escalations, new DemoCycles.People(maya, leo, priya, ana), delivery.today());
		// learning inside Customer Success's rituals: a pipeline call with its interventions, a commission, hours
		rhythm.seed(admin, customerSuccess, escalations, practiceTasks.resolvesTask(),
				new DemoRhythm.People(maya, leo, priya, ana, lina), delivery.today());
		// recombination and sequencing: a course reusing a lesson, tracks, a team's version, requests and paced steps
		tracks.seed(admin, customerSuccess, ebr, escalations, practiceTasks, new DemoTracks.People(maya, sam, leo, lina, ana, rita),
				delivery.today());
		// a SCORM 1.2 package, imported and published: anyone can play it from the catalogue
		scormPackage.seed(mayaViewer);
		// learning outside Stride: a MOOC's connector reports Leo's course, which a capability counts
		outsideLearning.seed(admin, leo, delivery.today());
	}

	private PersonId person(Viewer admin, String name, String handle, Set<TeamId> teams, Set<TeamId> manages,
			Set<Role> roles) {
		return administration.createPerson(admin,
				new NewPerson(name, handle + "@acme.example", PASSWORD, teams, manages, roles));
	}

	private void keepDraft(Viewer author, String file) {
		try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + file)) {
			if (in == null) {
				throw new IllegalStateException("The demo file " + file + " is missing from the application");
			}
			byte[] bytes = in.readAllBytes();
			drafting.keep(author, () -> List.of(new SourceFile(file, bytes)), null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Course publish(Viewer author, CourseContent content) {
		Course draft = authoring.create(author, content);
		return authoring.publish(author, draft.id(), draft.revision());
	}

	private Course publish(Viewer author, CourseContent content, String topic) {
		Course draft = authoring.create(author, content);
		authoring.setTopic(author, draft.id(), topic);
		return authoring.publish(author, draft.id(), draft.revision());
	}

	private static CourseContent breachReporting() {
		return new CourseContent("Reporting a personal data breach",
				"For everyone: what counts as a personal data breach and how to report it.",
				List.of(new Lesson(null, "Spot and report", """
						A personal data breach is any loss, leak or unauthorised change of personal data.

						Report a personal data breach to the data protection officer **within 24 hours** of noticing it.

						Write down what happened, which data was affected and who you told.
						""", List.of(), null)),
				new Quiz(80, List.of(new Question(null, QuestionKind.SINGLE_CHOICE,
						"How soon do you report a personal data breach to the data protection officer?",
						List.of("Within 24 hours", "Within a week", "At the next team meeting"), List.of(0),
						"The policy says within 24 hours of noticing it."))),
				List.of("Report a personal data breach within 24 hours"), RiskTier.HIGH, null);
	}

	private static CourseContent customerDataIncidents() {
		return new CourseContent("Customer data incidents in Customer Success",
				"For customer success managers: what to do when customer data goes where it should not.",
				List.of(new Lesson(null, "When customer data leaks", """
						Sending a customer's export to the wrong recipient is a personal data breach.

						Report a personal data breach to the data protection officer **within 1 hour** of noticing it.

						Write down what happened, which data was affected and who you told, then tell the customer's sponsor.
						""", List.of(), null)),
				new Quiz(80, List.of(new Question(null, QuestionKind.SINGLE_CHOICE,
						"Which of these is a personal data breach?",
						List.of("Sending an export to the wrong recipient", "A slow dashboard", "A renewal delay"), List.of(0),
						"Personal data reached someone who should not have it."))),
				List.of("Recognise a customer data breach", "Report it in time"), RiskTier.HIGH, null);
	}

	private static List<Answer> correctAnswers(Course course) {
		return course.quiz().questions().stream().map(q -> new Answer(q.id(), q.correct())).toList();
	}

	private static CourseContent executiveBusinessReview() {
		return new CourseContent("Running an executive business review",
				"For customer success managers: prepare and run an EBR that ends with agreed next steps, without escalation.",
				List.of(new Lesson(null, "Before the meeting", """
						An executive business review (EBR) is a **quarterly** meeting with the customer's sponsor.

						1. Pull usage and outcome figures for the last quarter.
						2. Ask your champion which goals matter to the sponsor *this* quarter.
						3. Send the agenda **at least 3 working days** before the meeting.

						> Do not present a renewal quote in an EBR. Keep commercial talks separate.
						"""),
						new Lesson(null, "In the room", """
								Open with the customer's goals, not with our product.

								| Part | Time |
								|---|---|
								| Goals and results | 15 min |
								| Risks and asks | 10 min |
								| Next steps | 5 min |

								Write every next step with an owner and a date before you leave the room.
								"""),
						new Lesson(null, "After the meeting", """
								Send the summary **within 24 hours**. List each next step with its owner and date.
								Log the EBR in the account plan so the team can see it.
								""")),
				new Quiz(75, List.of(
						new Question(null, QuestionKind.SINGLE_CHOICE, "How early should the agenda reach the customer?",
								List.of("The morning of the meeting", "At least 3 working days before", "A month before"),
								List.of(1), "The sponsor needs time to add their own topics: at least 3 working days."),
						new Question(null, QuestionKind.MULTIPLE_CHOICE, "What must every next step have?",
								List.of("An owner", "A date", "A price", "A slide"), List.of(0, 1),
								"A next step without an owner and a date is a wish, not a commitment."),
						new Question(null, QuestionKind.TRUE_FALSE, "An EBR is a good moment to present the renewal quote.",
								List.of("True", "False"), List.of(1), "Commercial talks are kept out of the EBR."),
						new Question(null, QuestionKind.SINGLE_CHOICE, "When do you send the summary?",
								List.of("Within 24 hours", "Within a week", "Before the next EBR"), List.of(0),
								"Momentum fades fast: the summary goes out within 24 hours."))),
				List.of("List the steps to prepare an EBR", "Decide what belongs in an EBR and what does not",
						"State when the agenda and the summary are due"));
	}

	private static CourseContent complexEscalations() {
		return new CourseContent("Handling a complex escalation",
				"For customer success managers: take over an escalated case and resolve it without handing it up.",
				List.of(new Lesson(null, "Take it over", """
						An escalation is **complex** when the customer's sponsor is involved or more than one team must act.

						1. Call the customer **within 1 hour** of taking the case over.
						2. Repeat the problem back in their words before you offer anything.
						3. Agree the next update time, and keep it.
						"""),
						new Lesson(null, "Resolve it", """
								Write one plan with an owner and a date for every fix.

								Send the customer an update **at least daily** until the case is closed.

								Hand the case up only when a fix needs a decision above your authority.
								""")),
				new Quiz(80, List.of(
						new Question(null, QuestionKind.SINGLE_CHOICE, "How soon do you call the customer after taking over?",
								List.of("Within 1 hour", "By the end of the day", "Within 2 working days"), List.of(0),
								"Within 1 hour: silence is what escalates a case further."),
						new Question(null, QuestionKind.TRUE_FALSE, "You send updates only when something changed.",
								List.of("True", "False"), List.of(1), "At least daily until the case is closed."),
						new Question(null, QuestionKind.SINGLE_CHOICE, "When do you hand the case up?",
								List.of("When the customer is angry", "When a fix needs a decision above your authority",
										"After two days"), List.of(1),
								"Only a decision above your authority is a reason to hand it up."))),
				List.of("Take over an escalated case", "Resolve it with one plan and daily updates"));
	}

	private static CourseContent observedPractice() {
		return new CourseContent("Observed practice in Customer Success",
				"For customer success managers: what your manager or a named expert watches for when they observe you.",
				List.of(new Lesson(null, "What observers look for", """
						An observer watches you do the real work once, start to finish, and signs it off when you did it alone.

						- In an **EBR**: the sponsor agrees next steps with owners and dates, and nothing is escalated.
						- In a **complex escalation**: the customer hears from you within 1 hour and gets a daily update
						  until the case is closed.

						Ask for an observation when you feel ready; a sign-off counts for the capability it proves.
						""")),
				new Quiz(80, List.of(new Question(null, QuestionKind.TRUE_FALSE,
						"An observer signs off a task when you did it alone, start to finish.", List.of("True", "False"),
						List.of(0), "The sign-off says you did the real work without help."))),
				List.of("Know what an observer watches for"));
	}

	private static CourseContent refundRequests() {
		return new CourseContent("Handling a refund request",
				"For sales: decide quickly whether a refund is ours to grant and what to tell the customer.",
				List.of(new Lesson(null, "Who decides", """
						Refunds up to **EUR 500** within **30 days** of purchase: the account executive decides.
						Anything above goes to the sales manager.
						"""),
						new Lesson(null, "What to tell the customer", """
								- Confirm you received the request the same day.
								- Give a decision within **2 working days**.
								- Never promise a refund before it is approved.
								""")),
				new Quiz(80, List.of(
						new Question(null, QuestionKind.SINGLE_CHOICE, "Up to what amount may an account executive approve a refund?",
								List.of("EUR 100", "EUR 500", "EUR 5,000"), List.of(1),
								"Up to EUR 500 within 30 days; above that the sales manager decides."),
						new Question(null, QuestionKind.SINGLE_CHOICE, "How soon does the customer get a decision?",
								List.of("Same day", "Within 2 working days", "Within a month"), List.of(1),
								"Confirm the same day, decide within 2 working days."),
						new Question(null, QuestionKind.TRUE_FALSE, "You may promise a refund while approval is pending.",
								List.of("True", "False"), List.of(1), "Never promise before approval."))),
				List.of("Decide who may approve a refund", "State how soon the customer gets a decision"));
	}
}
