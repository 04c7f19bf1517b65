package io.stride.demo;

import java.time.LocalDate;
import java.util.List;

import io.stride.capability.Candidate;
import io.stride.capability.CapabilityCoverage;
import io.stride.capability.TeamCoverage;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.delivery.Delivery;
import io.stride.delivery.ProgressStatus;
import io.stride.delivery.TeamProgressRow;
import io.stride.drafting.Drafting;
import io.stride.identity.Organization;
import io.stride.identity.OrganizationAdministration;
import io.stride.identity.Team;
import io.stride.identity.Viewer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs on a database of its own, because seeding only happens into an empty one.
 */
@SpringBootTest(properties = { "stride.demo-data=true", "stride.admin.email=first-admin@acme.example",
		"stride.admin.password=first-admin-password" })
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class DemoDataTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		String shared = System.getenv("STRIDE_TEST_DB_URL");
		registry.add("spring.datasource.url", () -> shared == null || shared.isBlank()
				? "jdbc:h2:mem:stride-demo-test;DB_CLOSE_DELAY=-1"
				: shared.replaceFirst("/[^/?]+(\\?.*)?$", "/stride_demo_test$1"));
	}

	@Autowired
	DemoData demoData;

	@Autowired
	OrganizationAdministration administration;

	@Autowired
	Organization organization;

	@Autowired
	Authoring authoring;

	@Autowired
	Delivery delivery;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Drafting drafting;

	@Autowired
	io.stride.capability.Coverage coverage;

	@Autowired
	io.stride.capability.CapabilityProfiles profiles;

	@Autowired
	io.stride.cycles.Priorities priorities;

	@Autowired
	io.stride.cycles.Kudos kudos;

	@Autowired
	io.stride.cycles.LearningCycles cycles;

	@Autowired
	io.stride.cycles.PeerValidation validation;

	@Autowired
	io.stride.badges.Badges badges;

	@Autowired
	io.stride.tracks.TrackDefinitions tracks;

	@Autowired
	io.stride.tracks.TeamOverrides overrides;

	@Autowired
	io.stride.tracks.Enrolments enrolments;

	@Autowired
	io.stride.tracks.TrackProgress trackProgress;

	@Autowired
	io.stride.authoring.Reuse reuse;

	@Autowired
	io.stride.library.Library library;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Autowired
	io.stride.review.Reviews reviews;

	@Test
	void issue18TracksATeamVersionRequestsReuseAndMediaAreThere() throws Exception {
		Viewer admin = administration.adminViewer("admin@acme.example");
		Team customerSuccess = organization.allTeams().stream().filter(t -> t.name().equals("Customer Success"))
			.findFirst().orElseThrow();
		io.stride.identity.Person mayaPerson = administration.people(admin, "maya@", 1, 10).people().get(0);
		Viewer maya = organization.viewerOf(mayaPerson.id());
		Viewer sam = organization.viewerOf(administration.people(admin, "sam@", 1, 10).people().get(0).id());
		io.stride.identity.Person leoPerson = administration.people(admin, "leo@", 1, 10).people().get(0);
		Viewer leo = organization.viewerOf(leoPerson.id());
		Viewer lina = organization.viewerOf(administration.people(admin, "lina@", 1, 10).people().get(0).id());
		LocalDate today = delivery.today();
		List<Course> published = authoring.publishedCourses();

		// the organization's high-investment track, published, with a step of every kind
		List<io.stride.tracks.Track> customerSuccessTracks = tracks.list(leo, "Customer Success");
		io.stride.tracks.Track csm = customerSuccessTracks.stream().filter(t -> t.title().equals("Customer Success Manager"))
			.findFirst().orElseThrow();
		assertThat(csm.highInvestment()).isTrue();
		assertThat(csm.investmentNote()).contains("certification");
		assertThat(csm.status()).isEqualTo(io.stride.tracks.TrackStatus.PUBLISHED);
		assertThat(csm.ownerTeam()).isNull();
		List<io.stride.tracks.TrackStep> steps = tracks.steps(csm.id());
		assertThat(steps).extracting(io.stride.tracks.TrackStep::kind).containsExactly(io.stride.tracks.StepKind.COURSE,
				io.stride.tracks.StepKind.COMPONENT, io.stride.tracks.StepKind.OBSERVED_TASK,
				io.stride.tracks.StepKind.GOAL_SUGGESTION, io.stride.tracks.StepKind.EXTERNAL);
		assertThat(steps.get(0).title()).isEqualTo("Running an executive business review");
		assertThat(steps.get(2).title()).isEqualTo("Runs an EBR without escalation");
		assertThat(steps.get(2).checklistTaskId()).isNotNull();
		assertThat(steps.get(2).prerequisites()).containsExactly(steps.get(0).id());
		assertThat(steps.get(1).pacing()).isEqualTo(new io.stride.tracks.Pacing(io.stride.tracks.PacingRule.AFTER_PREVIOUS, 7, null));
		io.stride.tracks.TrackStep certification = steps.get(4);
		assertThat(certification.highInvestment()).isTrue();
		assertThat(certification.externalUrl()).startsWith("https://");
		assertThat(certification.confirmation()).isEqualTo(io.stride.tracks.Confirmation.MANAGER);
		assertThat(certification.pacing().rule()).isEqualTo(io.stride.tracks.PacingRule.FIXED_DATE);
		assertThat(certification.pacing().releaseOn()).isAfter(today.plusWeeks(4));
		assertThat(certification.prerequisites()).containsExactly(steps.get(2).id());
		// the library knows the component the track names, and lists the demo's components
		assertThat(library.component(leo, steps.get(1).componentId()).title()).isEqualTo("Plan the quarter");
		// authors find every part, quiz questions included; a learner finds lessons and modules, never the quiz pool
		var everything = new io.stride.library.ComponentQuery(null, null, null, null, null, null, null, 1, 20);
		assertThat(library.search(maya, everything).total()).isGreaterThan(20);
		assertThat(library.search(leo, everything).total()).isGreaterThan(5).isLessThan(library.search(maya, everything).total());
		// the EBR course has a reaction score, but reactions are to lessons: its quiz questions show none of their own
		Course ebrCourse = published.stream().filter(c -> c.title().equals("Running an executive business review"))
			.findFirst().orElseThrow();
		assertThat(library.search(maya, new io.stride.library.ComponentQuery(null, io.stride.library.ComponentKind.QUESTION,
				null, null, null, null, null, 1, 100)).items())
			.filteredOn(c -> c.sourceCourseId().equals(ebrCourse.id())).isNotEmpty()
			.allSatisfy(c -> assertThat(c.reactionScore()).isNull());
		// ... and an open one beside it
		io.stride.tracks.Track open = customerSuccessTracks.stream().filter(t -> t.title().equals("Handling escalations"))
			.findFirst().orElseThrow();
		assertThat(open.highInvestment()).isFalse();

		// Maya's version for Customer Success: the observation before the QBR lesson, two weeks after the course
		io.stride.tracks.TeamVersion version = overrides.view(maya, csm.id(), customerSuccess.id());
		assertThat(version.overridden()).isTrue();
		assertThat(version.note()).contains("observe an EBR before the QBR lesson");
		assertThat(version.effective().steps()).extracting(io.stride.tracks.TrackStep::kind)
			.containsExactly(io.stride.tracks.StepKind.COURSE, io.stride.tracks.StepKind.OBSERVED_TASK,
					io.stride.tracks.StepKind.COMPONENT, io.stride.tracks.StepKind.GOAL_SUGGESTION,
					io.stride.tracks.StepKind.EXTERNAL);
		assertThat(version.effective().steps().get(1).pacing().days()).isEqualTo(14);
		assertThat(version.effective().steps().get(2).pacing().days()).isEqualTo(7);
		assertThat(version.differences()).isNotEmpty();

		// Lina's request waits for Maya
		assertThat(enrolments.waiting(maya)).singleElement().satisfies(request -> {
			assertThat(request.personName()).isEqualTo("Lina Lopez");
			assertThat(request.track().id()).isEqualTo(csm.id());
			assertThat(request.enrolment().requestNote()).isNotBlank();
		});
		assertThat(enrolments.mine(lina)).extracting(io.stride.tracks.Enrolment::status)
			.containsExactlyInAnyOrder(io.stride.tracks.EnrolmentStatus.REQUESTED, io.stride.tracks.EnrolmentStatus.ACTIVE);

		// Leo is under way: the course passed before counts, one step open, one opening in a few days
		io.stride.tracks.Enrolment leos = enrolments.mineIn(leo, csm.id()).orElseThrow();
		assertThat(leos.status()).isEqualTo(io.stride.tracks.EnrolmentStatus.ACTIVE);
		assertThat(leos.decidedBy()).isEqualTo(mayaPerson.id());
		io.stride.tracks.TrackProgress.Progress progress = trackProgress.progress(leo, leos.id());
		assertThat(progress.steps().get(0).state()).isEqualTo(io.stride.tracks.TrackProgress.State.DONE);
		assertThat(progress.steps().get(0).doneHow()).isEqualTo(io.stride.tracks.TrackProgress.COMPLETED_BEFORE);
		assertThat(progress.steps()).extracting(s -> s.state())
			.containsExactly(io.stride.tracks.TrackProgress.State.DONE, io.stride.tracks.TrackProgress.State.DONE,
					io.stride.tracks.TrackProgress.State.SCHEDULED, io.stride.tracks.TrackProgress.State.OPEN,
					io.stride.tracks.TrackProgress.State.SCHEDULED);
		// the QBR lesson a week after the observation he had already passed; the certification on the cohort's date
		assertThat(progress.steps().get(2).releaseOn()).isEqualTo(today.plusDays(7));
		assertThat(progress.steps().get(4).releaseOn()).isEqualTo(certification.pacing().releaseOn());
		// his track page names the QBR step a lesson, and says the week counts from when the observation he had
		// done before was counted, not "after you finish" it
		org.jsoup.nodes.Document leoTrack = org.jsoup.Jsoup.parse(mvc.perform(org.springframework.test.web.servlet.request
			.MockMvcRequestBuilders.get("/tracks/" + csm.id().value()).with(io.stride.support.SignedIn.as(leoPerson)))
			.andReturn().getResponse().getContentAsString());
		org.jsoup.select.Elements qbrStep = leoTrack.select("#step-" + steps.get(1).id());
		assertThat(qbrStep.select(".step-kind").text()).startsWith("Lesson ·");
		assertThat(qbrStep.select(".step-state").text()).contains("when “Runs an EBR without escalation” was counted as done "
				+ "(you had finished it before)").doesNotContain("after you finish");
		assertThat(enrolments.people(maya, csm.id(), null, 1).places()).extracting(io.stride.tracks.Enrolments.Place::personName)
			.contains("Leo Learner");

		// a step waits for Maya's approval: Ana's paid incident command course, its turn come (her review confirmed)
		Viewer ana = organization.viewerOf(administration.people(admin, "ana@", 1, 10).people().get(0).id());
		io.stride.tracks.Enrolment anas = enrolments.mine(ana).stream()
			.filter(e -> e.status() == io.stride.tracks.EnrolmentStatus.ACTIVE).findFirst().orElseThrow();
		assertThat(trackProgress.progress(maya, anas.id()).steps()).extracting(s -> s.state())
			.containsExactly(io.stride.tracks.TrackProgress.State.DONE, io.stride.tracks.TrackProgress.State.NEEDS_APPROVAL);
		assertThat(enrolments.mayDecide(maya, anas)).isTrue();

		// Sam's QBR course reuses Maya's lesson "In the room", linked; her version 2 changed it: an update waits
		Course qbr = published.stream().filter(c -> c.title().equals("Quarterly business reviews")).findFirst().orElseThrow();
		Course ebr = published.stream().filter(c -> c.title().equals("Running an executive business review")).findFirst()
			.orElseThrow();
		assertThat(authoring.origins(qbr.id()).values()).singleElement().satisfies(origin -> {
			assertThat(origin.sourceCourseId()).isEqualTo(ebr.id());
			assertThat(origin.mode()).isEqualTo(io.stride.authoring.ElementOrigin.Mode.LINKED);
			assertThat(origin.sourceVersion()).isEqualTo(1);
		});
		assertThat(authoring.published(ebr.id()).version()).isEqualTo(2);
		assertThat(reuse.updates(sam, qbr.id())).singleElement().satisfies(update -> {
			assertThat(update.title()).isEqualTo("In the room");
			assertThat(update.changes()).extracting(io.stride.authoring.Reuse.Change::text).containsExactly(
					"Adds a knowledge check: “You read every next step back to the sponsor before you leave the room.”");
		});

		// the escalation lesson shows its chart (with alt text) and a tip to learners
		Course escalations = published.stream().filter(c -> c.title().equals("Handling a complex escalation")).findFirst()
			.orElseThrow();
		Lesson resolve = authoring.published(escalations.id()).lessons().get(1);
		String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/learning/courses/" + escalations.id().value() + "/lessons/" + resolve.id())
			.with(io.stride.support.SignedIn.as(leoPerson)))
			.andReturn().getResponse().getContentAsString();
		org.jsoup.nodes.Document lessonPage = org.jsoup.Jsoup.parse(page);
		assertThat(lessonPage.select("img[src^=/media/]")).singleElement()
			.satisfies(img -> assertThat(img.attr("alt")).startsWith("Bar chart: escalations"));
		assertThat(lessonPage.text()).contains("Whose decision is this fix?");
		assertThat(lessonPage.select("[class*=callout]")).isNotEmpty();

		// Rita reviewed both courses; when Sam sends a version 2 that changes one lesson, her case folds what he kept
		// or reused and she reads only that lesson (done last: it leaves the QBR course in review)
		io.stride.identity.Person rita = administration.people(admin, "rita@", 1, 10).people().get(0);
		for (Course reviewed : List.of(ebr, qbr)) {
			assertThat(reviews.latestFor(reviewed.id()).orElseThrow().status()).as(reviewed.title()).isEqualTo("APPROVED");
		}
		Course next = authoring.startVersion(sam, qbr.id(), authoring.editable(sam, qbr.id()).revision());
		List<Lesson> lessons = next.lessons().stream().map(l -> !l.title().equals("Plan the quarter") ? l
				: new Lesson(l.id(), l.title(), l.markdown() + "\n3. Send the agenda three working days ahead.\n", l.sources(),
						l.module(), l.knowledgeChecks())).toList();
		next = authoring.update(sam, qbr.id(), next.revision(), next.content().with(lessons, next.quiz()));
		authoring.requestPublication(sam, qbr.id(), next.revision());
		io.stride.review.ReviewCase qbrCase = reviews.latestFor(qbr.id()).orElseThrow();
		assertThat(qbrCase.version()).isEqualTo(2);
		org.jsoup.nodes.Document caseView = org.jsoup.Jsoup.parse(mvc.perform(org.springframework.test.web.servlet.request
			.MockMvcRequestBuilders.get("/reviews/" + qbrCase.id()).with(io.stride.support.SignedIn.as(rita)))
			.andReturn().getResponse().getContentAsString());
		assertThat(caseView.select("#changes-summary").text())
			.matches("1 of \\d+ parts is new or changed since version 1 \\(published\\) — read this one\\.");
		assertThat(caseView.text()).doesNotContain("never reviewed");
	}

	@Test
	void firstStartSeedsAcmeWithTeamsPeopleCoursesAndProgress() {
		Viewer admin = administration.adminViewer("admin@acme.example");
		List<Team> teams = organization.allTeams();
		assertThat(teams).hasSizeGreaterThanOrEqualTo(3);
		assertThat(teams).anyMatch(team -> team.parentId() != null);
		// the 14 demo people and the installation's own first admin, created before the demo data
		assertThat(administration.people(admin, "", 1, 100).total()).isEqualTo(15);
		assertThat(administration.adminViewer("first-admin@acme.example").isAdmin()).isTrue();

		List<Course> published = authoring.publishedCourses();
		assertThat(published).hasSize(7);
		// the SCORM package's course has its score in the package, not a quiz
		assertThat(published).filteredOn(c -> !c.title().equals("Spotting a phishing email"))
			.hasSize(6)
			.allSatisfy(c -> assertThat(authoring.published(c.id()).quiz().questions()).isNotEmpty());
		Course phishing = published.stream().filter(c -> c.title().equals("Spotting a phishing email")).findFirst()
			.orElseThrow();
		assertThat(authoring.published(phishing.id()).lessons()).singleElement()
			.satisfies(lesson -> assertThat(lesson.markdown()).contains("[stride-package-item]: /packages/items/"));

		Team customerSuccess = teams.stream().filter(t -> t.name().equals("Customer Success")).findFirst().orElseThrow();
		List<TeamProgressRow> progress = delivery.teamProgress(admin, customerSuccess.id());
		assertThat(progress).anyMatch(row -> row.name().equals("Leo Learner") && row.status() == ProgressStatus.PASSED);
		assertThat(progress).anyMatch(row -> row.status() == ProgressStatus.IN_PROGRESS);
		assertThat(progress).anyMatch(row -> row.status() == ProgressStatus.NOT_STARTED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM statements").query(Long.class).single()).isGreaterThan(5);

		// Maya's drafts from a PDF and a slide deck wait on her drafting page, with questions to judge
		Viewer maya = organization.viewerOf(administration.people(admin, "maya@", 1, 10).people().get(0).id());
		List<Drafting.SavedDraft> drafts = drafting.keptBy(maya).stream().map(d -> drafting.kept(maya, d.id())).toList();
		assertThat(drafts).extracting(d -> d.draft().title())
			.containsExactlyInAnyOrder("Customer Refund Policy", "Welcome to the Eastfield Warehouse");
		assertThat(drafts).allSatisfy(d -> assertThat(d.draft().allQuestions()).hasSizeGreaterThanOrEqualTo(5));

		// who can do the work: Ana's leave next month leaves Customer Success one escalation handler short
		LocalDate today = delivery.today();
		TeamCoverage coverage = this.coverage.coverage(maya, customerSuccess.id(), null);
		CapabilityCoverage escalations = coverage.capabilities()
			.stream()
			.filter(c -> c.name().equals("Handle a complex escalation"))
			.findFirst()
			.orElseThrow();
		java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ENGLISH);
		assertThat(escalations.summary()).isEqualTo("Handle a complex escalation: 2 of 6 qualified, target 2, bus factor 0; "
				+ "short from " + day.format(today.plusDays(39)) + " to " + day.format(today.plusDays(53)) + " (Ana on leave).");
		assertThat(escalations.closest()).extracting(Candidate::name).startsWith("Leo Learner");
		assertThat(escalations.closest().get(0).missing()).singleElement()
			.satisfies(m -> assertThat(m.action()).isEqualTo("REQUEST_SIGN_OFF"));
		CapabilityCoverage ebr = coverage.capabilities()
			.stream()
			.filter(c -> c.name().equals("Run an executive business review"))
			.findFirst()
			.orElseThrow();
		assertThat(ebr.expiring()).singleElement().satisfies(e -> {
			assertThat(e.name()).isEqualTo("Leo Learner");
			assertThat(e.daysLeft()).isBetween(30L, 40L);
		});
		Viewer sam = organization.viewerOf(administration.people(admin, "sam@", 1, 10).people().get(0).id());
		assertThat(profiles.pendingCertificates(sam)).singleElement()
			.satisfies(c -> assertThat(c.name()).isEqualTo("Sales forecasting fundamentals"));
		assertThat(this.coverage.trend(maya, customerSuccess.id())).isNotEmpty();

		// priorities of the organization and of Customer Success for this half-year, with the team's learning needs
		assertThat(priorities.organization(maya, null).priorities()).extracting(p -> p.title())
			.contains("Apply AI in customer support");
		io.stride.cycles.PriorityBoard board = priorities.team(maya, customerSuccess.id(), null);
		assertThat(board.priorities()).hasSize(2);
		assertThat(board.learningNeeds()).isNotEmpty();
		Viewer priya = organization.viewerOf(administration.people(admin, "priya@", 1, 10).people().get(0).id());
		assertThat(kudos.received(priya, priya.id()).items()).singleElement()
			.satisfies(t -> assertThat(t.fromName()).isEqualTo("Leo Learner"));

		// learning people own: Leo's and Ana's active cycles; Priya validated Leo's AI goal, which raised his level
		Viewer leo = organization.viewerOf(administration.people(admin, "leo@", 1, 10).people().get(0).id());
		io.stride.cycles.LearningCycle leoCycle = cycles.active(leo).orElseThrow();
		assertThat(leoCycle.goals()).hasSize(3);
		assertThat(leoCycle.warnings()).isEmpty();
		io.stride.cycles.Goal aiGoal = leoCycle.goals().get(0);
		assertThat(validation.ofGoal(leo, aiGoal.id())).singleElement()
			.satisfies(r -> assertThat(r.status()).isEqualTo(io.stride.cycles.ValidationStatus.VALIDATED));
		assertThat(profiles.profile(leo, leo.id()).capabilities())
			.filteredOn(h -> h.capability().name().equals("Draft replies with an AI assistant"))
			.singleElement()
			.satisfies(h -> assertThat(h.levelName()).isEqualTo("Can do it alone"));
		assertThat(badges.mine(leo)).singleElement().satisfies(b -> {
			assertThat(b.badgeName()).isEqualTo("AI-assisted support");
			assertThat(b.revoked()).isFalse();
		});
		Viewer ana = organization.viewerOf(administration.people(admin, "ana@", 1, 10).people().get(0).id());
		assertThat(cycles.active(ana)).isPresent();
		assertThat(cycles.cycle(maya, cycles.active(ana).orElseThrow().id()).access())
			.isEqualTo(io.stride.cycles.CycleAccess.READ);
		assertThat(cycles.cycle(maya, leoCycle.id()).goals()).extracting(io.stride.cycles.Goal::what)
			.contains("Draft escalation replies with the AI assistant");

		// the organization's risk report ranks by how many teams are short (now or soon), then how soon: CS Onboarding
		// inherits Customer Success's targets and has nobody qualified yet
		io.stride.capability.RiskReport risk = this.coverage.riskReport(admin, null);
		assertThat(risk.capabilities()).extracting(io.stride.capability.RiskReport.CapabilityRisk::name)
			.containsExactly("Handle a complex escalation", "Run an executive business review", "Forecast a pipeline");
		assertThat(risk.capabilities().get(0).teams()).filteredOn(t -> t.teamName().equals("Customer Success"))
			.singleElement()
			.satisfies(t -> {
				assertThat(t.qualified()).isEqualTo(2);
				assertThat(t.shortFrom()).isEqualTo(today.plusDays(39));
				assertThat(t.shortTo()).isEqualTo(today.plusDays(53));
			});
		assertThat(risk.capabilities().get(0).teams()).filteredOn(t -> t.teamName().equals("CS Onboarding"))
			.singleElement()
			.satisfies(t -> assertThat(t.status()).isEqualTo(io.stride.capability.CoverageStatus.SHORT));

		// learning inside Customer Success's rituals: a weekly pipeline call and a QBR; last week's call held, with a
		// gap and three interventions, one done; a commission in progress; hours planned for the current sprint
		io.stride.rhythm.TeamRituals teamRituals = rituals.ofTeam(maya, customerSuccess.id());
		assertThat(teamRituals.rituals()).extracting(l -> l.ritual().name())
			.containsExactlyInAnyOrder("Weekly pipeline call", "Customer Success QBR");
		io.stride.rhythm.Ritual call = teamRituals.rituals().stream().map(l -> l.ritual())
			.filter(r -> r.name().equals("Weekly pipeline call")).findFirst().orElseThrow();
		io.stride.rhythm.Session held = rituals.get(maya, call.id()).sessions().stream()
			.filter(x -> x.status().equals("HELD")).findFirst().orElseThrow();
		io.stride.rhythm.SessionRecord record = sessions.get(maya, held.id());
		assertThat(record.gaps()).hasSize(1);
		assertThat(record.interventions()).extracting(i -> i.kind().name())
			.containsExactly("PAIR_OR_SHADOW", "PRACTICE_ON_REAL_WORK", "COMMISSION_MODULE");
		assertThat(record.interventions()).extracting(i -> i.status()).containsExactly("DONE", "OPEN", "OPEN");
		assertThat(record.interventions().get(2).commissionId()).isNotNull();
		// the next call's pre-read reviews them: the indicator went from 8 to 6 escalations handed up
		var next = schedule.next(call.id(), java.time.Instant.now()).orElseThrow();
		io.stride.rhythm.SessionId upcoming = schedule.prepare(call.id(), next.startsAt());
		assertThat(preReads.of(maya, upcoming).interventions()).hasSize(3).first().satisfies(review -> {
			assertThat(review.metricBefore()).isEqualTo(8.0);
			assertThat(review.metricNow()).isEqualTo(6.0);
		});
		assertThat(commissions.list(maya, io.stride.rhythm.Commissions.Tab.COMMISSIONED)).singleElement()
			.satisfies(c -> assertThat(c.status()).isEqualTo(io.stride.rhythm.Commission.Status.OPEN));
		io.stride.rhythm.HoursPlan plan = learningHours.plan(maya, customerSuccess.id(), null);
		assertThat(plan.period().includes(today)).isTrue();
		assertThat(plan.people()).filteredOn(x -> x.allocatedHours() != null).hasSize(4);
	}

	@Autowired
	io.stride.rhythm.Rituals rituals;

	@Autowired
	io.stride.rhythm.Sessions sessions;

	@Autowired
	io.stride.rhythm.RitualSchedule schedule;

	@Autowired
	io.stride.rhythm.PreReads preReads;

	@Autowired
	io.stride.rhythm.Commissions commissions;

	@Autowired
	io.stride.rhythm.LearningHours learningHours;

	@Test
	void aDatabaseWithDataIsNeverSeededAgain() throws Exception {
		demoData.run(null);
		assertThat(administration.people(administration.adminViewer("admin@acme.example"), "", 1, 100).total()).isEqualTo(15);
		assertThat(demoData.shouldSeed()).isFalse();
	}
}
