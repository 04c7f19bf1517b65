package io.stride.integration;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.stride.authoring.Course;
import io.stride.capability.AbsenceKind;
import io.stride.capability.Absences;
import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.NewCycle;
import io.stride.cycles.Visibility;
import io.stride.delivery.Delivery;
import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Private iCalendar feeds: what a person's and a team's hold, read back with ical4j; revocation; who may. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class CalendarFeedsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	JsonMapper json;

	@Autowired
	Absences absences;

	@Autowired
	Delivery delivery;

	@Autowired
	LearningCycles cycles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationContext context;

	Org org;

	LocalDate today;

	@BeforeEach
	void setUp() {
		clock.reset();
		org = fixtures.organization();
		today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	@Test
	void aPersonsFeedHoldsTheirDueDatesRitualSessionsAbsencesAndInterventions() throws Exception {
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Escalations " + org.suffix());
		delivery.assignToPerson(fixtures.viewer(org.managerA()), course.id(), org.learnerA(), today.plusDays(20), null);
		absences.add(fixtures.admin(), org.learnerA(), today.plusDays(10), today.plusDays(12), AbsenceKind.TRAINING);
		Instant firstSession = today.plusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC);
		String ritual = ritual(org.teamA().value(), firstSession);
		String intervention = intervention(org.teamA().value(), org.learnerA(), today.plusDays(5));
		intervention(org.teamA().value(), org.learnerB(), today.plusDays(6)); // someone else's
		// owned by the manager, naming learner A (a goal proposed to them)
		String proposal = Ids.newId();
		jdbc.sql("INSERT INTO interventions (id, session_id, team_id, position, kind, capability_id, owner_id, due_on, "
				+ "description, person_id, status, revision, created_by, created_at) "
				+ "VALUES (?, ?, ?, 2, 'PROPOSE_CYCLE_GOAL', ?, ?, ?, 'Practise price objections', ?, 'OPEN', 0, ?, ?)")
			.params(proposal, Ids.newId(), org.teamA().value(), Ids.newId(), org.managerA().value(),
					java.sql.Date.valueOf(today.plusDays(7)), org.learnerA().value(), org.managerA().value(),
					Timestamp.from(clock.instant()))
			.update();

		String url = create(org.learnerA(), null);
		Calendar calendar = read(url);

		Map<String, VEvent> byUid = events(calendar);
		VEvent due = byUid.get("due-" + course.id().value() + "-" + org.learnerA().value() + "@stride");
		assertThat(summary(due)).isEqualTo("Due: " + course.title());
		assertThat(value(due, Property.DTSTART)).isEqualTo(day(today.plusDays(20)));
		assertThat(due.getProperty(Property.DTSTART).orElseThrow().toString()).contains("VALUE=DATE");

		VEvent away = byUid.get(byUid.keySet().stream().filter(u -> u.startsWith("absence-")).findFirst().orElseThrow());
		assertThat(summary(away)).isEqualTo("Away (in training)");
		assertThat(value(away, Property.DTSTART)).isEqualTo(day(today.plusDays(10)));
		assertThat(value(away, Property.DTEND)).isEqualTo(day(today.plusDays(13)));

		VEvent session = byUid.get("ritual-" + ritual + "-" + firstSession.getEpochSecond() + "@stride");
		assertThat(summary(session)).isEqualTo("Pipeline call " + org.suffix());
		assertThat(value(session, Property.DTSTART)).isEqualTo("20" + firstSession.toString().substring(2, 4)
				+ firstSession.toString().substring(5, 7) + firstSession.toString().substring(8, 10) + "T090000Z");
		assertThat(value(session, Property.DURATION)).isEqualTo("PT45M");
		// weekly: the next meeting too, with its own UID
		assertThat(byUid).containsKey("ritual-" + ritual + "-" + firstSession.plus(7, ChronoUnit.DAYS).getEpochSecond() + "@stride");

		assertThat(summary(byUid.get("intervention-" + intervention + "@stride"))).isEqualTo("Intervention due: Pair or shadow with someone who holds the capability");
		assertThat(byUid.values()).extracting(CalendarFeedsTests::summary).doesNotContain("Intervention due: Assign a course");
		// one that names them shows too, opening their own list (a session's page is for the team's managers)
		VEvent proposed = byUid.get("intervention-" + proposal + "@stride");
		assertThat(summary(proposed)).isEqualTo("Intervention due: Propose a learning-cycle goal");
		assertThat(value(proposed, Property.URL)).endsWith("/interventions");

		// the same feed read again has the same UIDs (subscribed calendars update events in place)
		assertThat(events(read(url)).keySet()).isEqualTo(byUid.keySet());
	}

	@Test
	void aTeamsFeedShowsItsMembersAsAwayWithoutSayingWhy() throws Exception {
		absences.add(fixtures.admin(), org.learnerA(), today.plusDays(3), today.plusDays(4), AbsenceKind.PARENTAL);
		String ritual = ritual(org.teamA().value(), today.plusDays(1).atTime(14, 30).toInstant(ZoneOffset.UTC));
		intervention(org.teamA().value(), org.managerA(), today.plusDays(8));

		String url = create(org.managerA(), org.teamA().value());
		Calendar calendar = read(url);

		List<String> summaries = events(calendar).values().stream().map(CalendarFeedsTests::summary).toList();
		assertThat(summaries).contains("Away: Learner A", "Pipeline call " + org.suffix(),
				"Intervention due: Pair or shadow with someone who holds the capability");
		assertThat(calendar.toString()).doesNotContain("parental");
		assertThat(events(calendar).keySet()).anyMatch(uid -> uid.startsWith("ritual-" + ritual));
		assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Stride: Team A " + org.suffix());
	}

	@Test
	void aTeamsFeedHoldsItsDueDatesPerCourseAndTheCheckInsOfTheCyclesTheTeamMayRead() throws Exception {
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Objections " + org.suffix());
		// team A's tree: Manager A, Learner A and, in the team below, Learner A1
		delivery.assign(fixtures.viewer(org.managerA()), course.id(), org.teamA(), today.plusDays(20));
		LearningCycle shared = cycles.start(fixtures.viewer(org.learnerA()), new NewCycle("Negotiation " + org.suffix(),
				null, null, Visibility.TEAM, List.of(), null, null, 7));
		LearningCycle managersOnly = cycles.start(fixtures.viewer(org.managerA()), new NewCycle("Private " + org.suffix(),
				null, null, Visibility.MANAGER, List.of(), null, null, 7));

		Calendar calendar = read(create(org.managerA(), org.teamA().value()));

		Map<String, VEvent> byUid = events(calendar);
		VEvent due = byUid.get("team-due-" + course.id().value() + "-" + today.plusDays(20) + "-" + org.teamA().value()
				+ "@stride");
		assertThat(due).as("the course's due date").isNotNull();
		assertThat(summary(due)).isEqualTo(course.title() + " due — 3 people");
		assertThat(value(due, Property.DTSTART)).isEqualTo(day(today.plusDays(20)));
		// one event per course and day, naming nobody
		assertThat(byUid.keySet()).filteredOn(uid -> uid.startsWith("team-due-")).hasSize(1);
		assertThat(due.toString()).doesNotContain("Learner A");

		VEvent checkIn = byUid.get("cycle-check-in-" + shared.id().value() + "@stride");
		assertThat(checkIn).as("the check-in of a cycle its owner shows the team").isNotNull();
		assertThat(summary(checkIn)).isEqualTo("Check-in: Learner A, Negotiation " + org.suffix());
		assertThat(value(checkIn, Property.DTSTART)).isEqualTo(day(shared.startsOn().plusDays(7)));
		// a cycle shown to the owner's managers only is not the team's to see
		assertThat(byUid).doesNotContainKey("cycle-check-in-" + managersOnly.id().value() + "@stride");
		assertThat(calendar.toString()).doesNotContain("Private " + org.suffix());
	}

	@Test
	void aRevokedOrReplacedFeedAndAnUnknownTokenAre404() throws Exception {
		String first = create(org.learnerA(), null);
		String second = create(org.learnerA(), null);
		mvc.perform(get(path(first))).andExpect(status().isNotFound());
		mvc.perform(get(path(second))).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
			.andExpect(header().string("Cache-Control", containsString("private")));
		mvc.perform(get("/calendar/" + "x".repeat(43) + ".ics")).andExpect(status().isNotFound());

		String id = feedId(org.learnerA());
		mvc.perform(delete("/api/v1/calendar-feeds/" + id).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNoContent());
		mvc.perform(get(path(second))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/calendar-feeds").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void onlyTheTeamsManagersMakeOrRevokeItsFeedAndNoOneSeesAnotherPersonsFeed() throws Exception {
		mvc.perform(post("/api/v1/calendar-feeds").header("Authorization", bearer(org.managerB()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"teamId\":\"" + org.teamA().value() + "\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/calendar-feeds").header("Authorization", bearer(org.learnerA()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"teamId\":\"" + org.teamA().value() + "\"}"))
			.andExpect(status().isNotFound());

		create(org.managerA(), org.subTeamA().value()); // a team below the one they manage
		create(org.learnerA(), null);
		String teamFeed = feedId(org.managerA());
		String learnersFeed = feedId(org.learnerA());
		for (String[] attempt : new String[][] { { bearer(org.learnerA()), teamFeed }, { bearer(org.managerB()), teamFeed },
				{ bearer(org.managerA()), learnersFeed } }) {
			mvc.perform(delete("/api/v1/calendar-feeds/" + attempt[1]).header("Authorization", attempt[0]))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get("/api/v1/calendar-feeds").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].kind").value("TEAM"))
			.andExpect(jsonPath("$[0].teamName").value("Team A1 " + org.suffix()))
			.andExpect(jsonPath("$[0].url").doesNotExist());
	}

	@Test
	void theFeedsPageShowsANewAddressOnceAndItsEmptyStateFirst() throws Exception {
		mvc.perform(get("/calendar-feeds").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("You have no calendar feed yet")));
		mvc.perform(post("/calendar-feeds").header("Authorization", bearer(org.managerB())).param("teamId", org.teamB().value()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("newFeedUrl", containsString("/calendar/")));
		mvc.perform(get("/calendar-feeds").header("Authorization", bearer(org.managerB())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Team " + "Team B " + org.suffix())))
			.andExpect(content().string(not(containsString("/calendar/"))));
	}

	@Test
	void makingTheSameFeedSeveralTimesAtOnceLeavesOneLiveUrl() throws Exception {
		CalendarFeeds feeds = context.getBean(CalendarFeeds.class);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 5; round++) {
				java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
				List<java.util.concurrent.Callable<CalendarFeeds.NewFeed>> makers = new java.util.ArrayList<>();
				for (int i = 0; i < 4; i++) {
					boolean team = i % 2 == 1;
					makers.add(() -> {
						start.await();
						return feeds.create(fixtures.viewer(org.managerA()), team ? org.teamA() : null);
					});
				}
				List<String> urls = new java.util.ArrayList<>();
				for (java.util.concurrent.Future<CalendarFeeds.NewFeed> made : pool.invokeAll(makers)) {
					urls.add(made.get().url());
				}
				assertThat(jdbc.sql("SELECT COUNT(*) FROM calendar_feeds WHERE revoked_at IS NULL AND person_id = ?")
					.param(org.managerA().value()).query(Integer.class).single()).as("round %d", round).isEqualTo(1);
				assertThat(jdbc.sql("SELECT COUNT(*) FROM calendar_feeds WHERE revoked_at IS NULL AND team_id = ?")
					.param(org.teamA().value()).query(Integer.class).single()).as("round %d", round).isEqualTo(1);
				int open = 0;
				for (String url : urls) {
					open += mvc.perform(get(path(url))).andReturn().getResponse().getStatus() == 200 ? 1 : 0;
				}
				assertThat(open).as("live URLs, round %d", round).isEqualTo(2);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private String create(PersonId who, String teamId) throws Exception {
		ResultActions made = mvc.perform(post("/api/v1/calendar-feeds").header("Authorization", bearer(who))
			.contentType(MediaType.APPLICATION_JSON)
			.content(teamId == null ? "{}" : "{\"teamId\":\"" + teamId + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.url").value(containsString("/calendar/")));
		return json.readTree(made.andReturn().getResponse().getContentAsString()).get("url").asString();
	}

	private String feedId(PersonId who) throws Exception {
		String list = mvc.perform(get("/api/v1/calendar-feeds").header("Authorization", bearer(who)))
			.andReturn().getResponse().getContentAsString();
		return json.readTree(list).get(0).get("id").asString();
	}

	private Calendar read(String url) throws Exception {
		String text = mvc.perform(get(path(url))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("VERSION:2.0").contains("PRODID:");
		return new CalendarBuilder().build(new StringReader(text));
	}

	private static String path(String url) {
		return url.substring(url.indexOf("/calendar/"));
	}

	private static Map<String, VEvent> events(Calendar calendar) {
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		return events.stream().collect(Collectors.toMap(e -> e.getProperty(Property.UID).orElseThrow().getValue(), e -> e));
	}

	private static String summary(VEvent event) {
		return event.getProperty(Property.SUMMARY).orElseThrow().getValue();
	}

	private static String value(VEvent event, String property) {
		return event.getProperty(property).orElseThrow().getValue();
	}

	private static String day(LocalDate day) {
		return day.toString().replace("-", "");
	}

	private String ritual(String teamId, Instant firstStartsAt) {
		String id = Ids.newId();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("INSERT INTO rituals (id, team_id, kind, name, cadence, first_starts_at, time_zone, duration_minutes, "
				+ "agenda_minutes, agenda_note, pre_read_hours, revision, created_by, created_at, updated_at) "
				+ "VALUES (?, ?, 'PIPELINE_CALL', ?, 'WEEKLY', ?, 'UTC', 45, 15, '', 24, 0, ?, ?, ?)")
			.params(id, teamId, "Pipeline call " + org.suffix(), Timestamp.from(firstStartsAt), org.managerA().value(),
					now, now)
			.update();
		return id;
	}

	private String intervention(String teamId, PersonId owner, LocalDate due) {
		String id = Ids.newId();
		String kind = owner.equals(org.learnerB()) ? "ASSIGN_COURSE" : "PAIR_OR_SHADOW";
		jdbc.sql("INSERT INTO interventions (id, session_id, team_id, position, kind, capability_id, owner_id, due_on, "
				+ "description, status, revision, created_by, created_at) "
				+ "VALUES (?, ?, ?, 1, ?, ?, ?, ?, 'Shadow Ana on two renewals', 'OPEN', 0, ?, ?)")
			.params(id, Ids.newId(), teamId, kind, Ids.newId(), owner.value(), java.sql.Date.valueOf(due),
					org.managerA().value(), Timestamp.from(clock.instant()))
			.update();
		return id;
	}

	private String bearer(PersonId id) {
		return "Bearer " + fixtures.token(id);
	}
}
