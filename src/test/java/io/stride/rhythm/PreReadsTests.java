package io.stride.rhythm;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.Verb;
import io.stride.analytics.course.CourseAnalyticsFixtures;
import io.stride.analytics.outcomes.OutcomeMetric;
import io.stride.analytics.outcomes.OutcomeMetricChange;
import io.stride.analytics.outcomes.Outcomes;
import io.stride.authoring.Course;
import io.stride.capability.CapabilityId;
import io.stride.capability.Coverage;
import io.stride.cycles.GoalDraft;
import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.Priorities;
import io.stride.cycles.Priority;
import io.stride.cycles.PriorityContent;
import io.stride.cycles.PriorityKind;
import io.stride.feedback.Feedback;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.notification.Notifications;
import io.stride.shared.NotFoundException;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A session's pre-read from data set up here: a short capability whose coverage grew since the last session, a
 * holding about to expire, an indicator's values, a lesson the team finds unclear, a cycle goal serving a team
 * priority, and the last session's intervention with what moved since; who may read it; its Markdown; the job that
 * sends it once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
@RecordApplicationEvents
class PreReadsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows capabilityRows;

	@Autowired
	RhythmRows rhythm;

	@Autowired
	RitualSchedule schedule;

	@Autowired
	PreReads preReads;

	@Autowired
	PreReadSending sending;

	@Autowired
	Coverage coverage;

	@Autowired
	Outcomes outcomes;

	@Autowired
	Priorities priorities;

	@Autowired
	LearningCycles cycles;

	@Autowired
	Feedback feedback;

	@Autowired
	CourseAnalyticsFixtures story;

	@Autowired
	Notifications notifications;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEvents events;

	Org org;

	Viewer manager;

	CapabilityId escalations;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		manager = fixtures.viewer(org.managerA());
		escalations = capabilityRows.capability("Complex escalations " + org.suffix(), "Support", fixtures.admin().id());
		capabilityRows.target(org.teamA(), escalations, 1, 2, org.managerA());
	}

	/** Two weekly sessions a week apart: the first recorded an intervention, the clock now at the second. */
	record Story(RitualId ritual, SessionId first, SessionId second, OutcomeMetric metric, Course course,
			LearningCycle cycle) {
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private Story story() {
		// nobody holds the capability on the day of the snapshot before the first session
		coverage.snapshot(fixtures.admin(), org.teamA());
		Instant first = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofDays(1));
		RitualId ritual = rhythm.weekly(org.teamA(), "QBR " + org.suffix(), RitualKind.QUARTERLY_BUSINESS_REVIEW, first,
				24, org.managerA());
		SessionId one = schedule.prepare(ritual, first);
		Course course = fixtures.publishedCourse(manager, "Escalation basics " + org.suffix());
		OutcomeMetric metric = outcomes.define(manager, org.teamA(), new OutcomeMetricChange("Escalations per week",
				"escalations", "LOWER_IS_BETTER", "WEEK", "", List.of(course.id().value()), null));
		LocalDate today = LocalDate.now(clock);
		outcomes.putValue(manager, metric.id(), monday(today.minusDays(14)).toString(), 42.0);
		rhythm.intervention(one, org.teamA(), 1, InterventionKind.PAIR_OR_SHADOW, escalations, org.managerA(),
				today.plusDays(5), metric.id(), "Pair Ana with Ben on escalations", "DONE", 0, 42.0);

		clock.advance(Duration.ofDays(8));
		// the first session was held (a prepared or skipped one would record nothing to review)
		jdbc.sql("UPDATE ritual_sessions SET status = 'HELD', held_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(first), one.value())
			.update();
		LocalDate now = LocalDate.now(clock);
		capabilityRows.holds(org.learnerA(), escalations, 1, now.plusDays(20));
		outcomes.putValue(manager, metric.id(), monday(now).toString(), 38.0);
		SessionId two = schedule.prepare(ritual, first.plus(Duration.ofDays(7)));

		String lesson = course.lessons().get(0).id();
		story.add(org.learnerA(), Verb.EXPERIENCED, ActivityType.LESSON, lesson, course.id().value(),
				clock.instant().toString(), null);
		feedback.react(fixtures.viewer(org.learnerA()), course.id(), lesson, "UNCLEAR", "Which form?");

		Priority priority = priorities.publish(manager, org.teamA(), "Now " + org.suffix(), now.minusDays(1).toString(),
				now.plusDays(100).toString(), new PriorityContent(PriorityKind.PRIORITY,
						"Fewer escalations reach engineering", null, List.of(escalations)));
		Viewer ana = fixtures.viewer(org.learnerA());
		LearningCycle cycle = cycles.start(ana, io.stride.cycles.NewCycle.blank("Escalations " + org.suffix()));
		cycles.addGoal(ana, cycle.id(), new GoalDraft("Handle escalations alone", null, null, List.of(priority.id()),
				false, List.of(), List.of(), null, null, null, List.of(), null, false));
		return new Story(ritual, one, two, metric, course, cycle);
	}

	private static LocalDate monday(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	@Test
	void thePreReadHoldsEachSectionFromTheTeamsData() {
		Story s = story();

		PreRead p = preReads.of(manager, s.second());

		assertThat(p.previousSession()).isEqualTo(s.first());
		assertThat(p.coverage()).singleElement().satisfies(c -> {
			assertThat(c.name()).isEqualTo("Complex escalations " + org.suffix());
			assertThat(c.status()).isEqualTo("Short");
			assertThat(c.qualified()).isEqualTo(1);
			assertThat(c.target()).isEqualTo(2);
			assertThat(c.change()).as("nobody held it at the snapshot before the last session").isEqualTo(1);
		});
		assertThat(p.expiring()).singleElement().satisfies(e -> {
			assertThat(e.person()).isEqualTo("Learner A");
			assertThat(e.expiresOn()).isEqualTo(LocalDate.now(clock).plusDays(20));
		});
		assertThat(p.indicators()).singleElement().satisfies(i -> {
			assertThat(i.before()).isEqualTo(42.0);
			assertThat(i.latest()).isEqualTo(38.0);
			assertThat(i.trend()).isEqualTo("down");
			assertThat(i.better()).isTrue();
			assertThat(i.sentence()).isEqualTo("Went down from 42 to 38 escalations (the good way).");
		});
		assertThat(p.needsAttention()).anySatisfy(a -> {
			assertThat(a.courseTitle()).isEqualTo(s.course().title());
			assertThat(a.what()).contains("1 of 1 reactions say it is unclear or outdated");
		});
		assertThat(p.cycleGoals().goals()).isEqualTo(1);
		assertThat(p.cycleGoals().named()).singleElement().satisfies(c -> {
			assertThat(c.owner()).isEqualTo("Learner A");
			assertThat(c.priorities()).containsExactly("Fewer escalations reach engineering");
		});
		assertThat(p.interventions()).singleElement().satisfies(r -> {
			assertThat(r.done()).isTrue();
			assertThat(r.holdersBefore()).isZero();
			assertThat(r.holdersNow()).isEqualTo(1);
			assertThat(r.metricBefore()).isEqualTo(42.0);
			assertThat(r.metricNow()).isEqualTo(38.0);
			assertThat(r.effect()).isEqualTo("Done. Coverage went from 0 to 1 holder; the indicator moved from 42 to 38. "
					+ "This moved together with the intervention; it does not show the intervention caused it.");
		});
	}

	@Test
	void theFirstSessionLooksBackThirtyDaysAndHasNothingToReview() {
		Instant first = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofHours(3));
		RitualId ritual = rhythm.weekly(org.teamA(), "Retro " + org.suffix(), RitualKind.RETROSPECTIVE, first, 24,
				org.managerA());
		SessionId session = schedule.prepare(ritual, first);

		PreRead p = preReads.of(manager, session);

		assertThat(p.previousSession()).isNull();
		assertThat(p.since()).isEqualTo(first.minus(Duration.ofDays(30)));
		assertThat(p.interventions()).isEmpty();
		assertThat(p.indicators()).isEmpty();
		assertThat(PreReadMarkdown.of(p))
			.contains("This is the ritual's first session: there are no interventions to review yet.")
			.contains("The team has no outcome indicators yet");
	}

	@Test
	void outsidersAreToldTheSessionDoesNotExist() throws Exception {
		Instant first = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofHours(3));
		RitualId ritual = rhythm.weekly(org.teamA(), "Retro " + org.suffix(), RitualKind.RETROSPECTIVE, first, 24,
				org.managerA());
		SessionId session = schedule.prepare(ritual, first);

		assertThatThrownBy(() -> preReads.of(fixtures.viewer(org.managerB()), session))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> preReads.of(fixtures.viewer(org.learnerA()), session))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> preReads.of(manager, new SessionId("no-such-session")))
			.isInstanceOf(NotFoundException.class);
		assertThat(preReads.of(fixtures.admin(), session).ritualName()).isEqualTo("Retro " + org.suffix());
		// L&D reads it, without the indicators (the team's managers' own)
		PersonId learningTeam = fixtures.person(fixtures.admin(), "Lea Learning", "lea", org.suffix(), Set.of(),
				Set.of(), Role.REVIEWER);
		assertThat(preReads.of(fixtures.viewer(learningTeam), session).indicatorsShown()).isFalse();

		mvc.perform(get("/api/v1/sessions/{id}/pre-read", session.value()).header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/sessions/{id}/pre-read", session.value()).with(SignedIn.as(fixtures.viewerPerson(org.learnerA()))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/sessions/{id}/pre-read.md", session.value()).with(SignedIn.as(fixtures.viewerPerson(org.managerB()))))
			.andExpect(status().isNotFound());
	}

	@Test
	void theApiGivesJsonOrMarkdownAndThePageOffersPrintAndDownload() throws Exception {
		Story s = story();
		String id = s.second().value();

		mvc.perform(get("/api/v1/sessions/{id}/pre-read", id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sessionId").value(id))
			.andExpect(jsonPath("$.previousSessionId").value(s.first().value()))
			.andExpect(jsonPath("$.coverage[0].change").value(1))
			.andExpect(jsonPath("$.indicators[0].trend").value("down"))
			.andExpect(jsonPath("$.interventions[0].kind").value("PAIR_OR_SHADOW"))
			.andExpect(jsonPath("$.interventions[0].effect").value(containsString("Coverage went from 0 to 1 holder")))
			.andExpect(jsonPath("$.cycleGoals.goals").value(1));
		mvc.perform(get("/api/v1/sessions/{id}/pre-read", id).header("Authorization", bearer(org.managerA()))
			.accept("text/markdown"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("text/markdown")))
			.andExpect(content().string(startsWith("# Pre-read: QBR " + org.suffix())))
			.andExpect(content().string(containsString("## Coverage changes and shortfalls")))
			.andExpect(content().string(containsString("- **Complex escalations " + org.suffix()
					+ "**: Short, 1 of 2 needed (+1 since the last session).")))
			.andExpect(content().string(containsString("- **Escalations per week**: Went down from 42 to 38 escalations")))
			.andExpect(content().string(containsString("1. **Pair or shadow with someone who holds the capability** for "
					+ "Complex escalations " + org.suffix())))
			.andExpect(content().string(containsString("it does not show the intervention caused it.")));

		var asManager = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		mvc.perform(get("/sessions/{id}/pre-read", id).with(asManager))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Pre-read: QBR " + org.suffix() + "</h1>")))
			.andExpect(content().string(containsString("id=\"pre-read-markdown\"")))
			.andExpect(content().string(containsString("Learner A")));
		mvc.perform(get("/sessions/{id}/pre-read", id).param("print", "").with(asManager))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/css/rhythm-print")))
			.andExpect(content().string(containsString("Coverage changes and shortfalls")));
		mvc.perform(get("/sessions/{id}/pre-read.md", id).with(asManager))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", containsString(".md")))
			.andExpect(content().string(startsWith("# Pre-read: QBR " + org.suffix())));
	}

	@Test
	void theJobSendsEachPreReadOnceWithinTheRitualsHoursAndTellsTheManagers() {
		// meets in 30 hours: its pre-read goes 24 hours before
		Instant starts = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofHours(30));
		RitualId ritual = rhythm.weekly(org.teamA(), "Pipeline call " + org.suffix(), RitualKind.PIPELINE_CALL, starts,
				24, org.managerA());

		sending.sendDue();
		assertThat(events.stream(PreReadReady.class).filter(e -> e.team().equals(org.teamA()))).isEmpty();

		clock.advance(Duration.ofHours(7));
		sending.sendDue();
		sending.sendDue();

		SessionId session = schedule.next(ritual, starts).orElseThrow().session();
		assertThat(session).as("the job prepared the session").isNotNull();
		assertThat(rhythm.preReadSentAt(session)).isNotNull();
		assertThat(events.stream(PreReadReady.class).filter(e -> e.team().equals(org.teamA()))).singleElement()
			.satisfies(e -> {
				assertThat(e.session()).isEqualTo(session);
				assertThat(e.ritualName()).isEqualTo("Pipeline call " + org.suffix());
				assertThat(e.startsAt()).isEqualTo(starts);
				assertThat(e.path()).isEqualTo("/sessions/" + session.value() + "/pre-read");
				assertThat(e.markdown()).startsWith("# Pre-read: Pipeline call " + org.suffix());
			});
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications.page(manager, 1).items()).anySatisfy(n -> {
				assertThat(n.subject()).startsWith("Pre-read for Pipeline call " + org.suffix());
				assertThat(n.link()).isEqualTo("/sessions/" + session.value() + "/pre-read");
			}));
		assertThat(notifications.page(fixtures.viewer(org.managerB()), 1).items())
			.noneMatch(n -> n.subject().contains(org.suffix()));
	}

	@Test
	void aRitualThatWantsItsPreReadZeroHoursBeforeGetsItAsTheMeetingStartsAndNotAfterItEnds() {
		// the job runs every quarter of an hour: at 10:00:20 the 10:00 meeting has just begun
		Instant starts = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(3));
		RitualId ritual = rhythm.weekly(org.teamA(), "Stand-up " + org.suffix(), RitualKind.PIPELINE_CALL, starts, 0,
				org.managerA());

		clock.advance(Duration.between(clock.instant(), starts).minusMinutes(15));
		sending.sendDue();
		assertThat(events.stream(PreReadReady.class).filter(e -> e.team().equals(org.teamA()))).isEmpty();

		clock.advance(Duration.ofMinutes(15).plusSeconds(20));
		sending.sendDue();
		assertThat(events.stream(PreReadReady.class).filter(e -> e.team().equals(org.teamA()))).singleElement()
			.satisfies(e -> assertThat(e.startsAt()).isEqualTo(starts));

		// the next week's meeting, once it has ended (60 minutes), is not sent late
		clock.advance(Duration.ofDays(7).plusMinutes(61));
		sending.sendDue();
		assertThat(events.stream(PreReadReady.class).filter(e -> e.team().equals(org.teamA()))).hasSize(1);
		assertThat(schedule.next(ritual, starts.plus(Duration.ofDays(7))).orElseThrow().session()).isNull();
	}

	@Test
	void theApiIsDocumented() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(docs).contains("Pre-reads and ritual history", "/api/v1/sessions/{id}/pre-read",
				"/api/v1/rituals/{id}/history", "/api/v1/teams/{id}/ritual-history", "text/markdown", "PreReadView");
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
