package io.stride.capability;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.stride.assessment.Answer;
import io.stride.assessment.Assessment;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Question;
import io.stride.capability.internal.Holdings;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.mastery.ChecklistTask;
import io.stride.mastery.Checklists;
import io.stride.mastery.MasteryRules;
import io.stride.mastery.SignOff;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Levels follow the evidence on the next read: a quiz mastered, a task signed off and withdrawn, a new course version
 * where the current one is asked for, an expiry; the team's coverage, the closest to qualifying and their one-click
 * actions, and who may see what.
 */
@SpringBootTest
@Import(MovableClock.Config.class)
class CapabilityEngineTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessment assessment;

	@Autowired
	MasteryRules masteryRules;

	@Autowired
	Checklists checklists;

	@Autowired
	Authoring authoring;

	@Autowired
	Coverage coverage;

	@Autowired
	CapabilityProfiles profiles;

	@Autowired
	Holdings holdings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	io.stride.capability.internal.ExpiryNotices notices;

	@Autowired
	io.stride.notification.Notifications notifications;

	Org org;

	Course course;

	Viewer manager;

	ChecklistTask task;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		manager = fixtures.viewer(org.managerA());
		course = fixtures.publishedCourse(manager, "Executive business reviews " + org.suffix());
		// the observed task sits on a practice course's checklist: a checklist on the EBR course itself would make
		// observing part of mastering it
		Course practice = fixtures.publishedCourse(manager, "Observed practice " + org.suffix());
		task = masteryRules.addTask(manager, org.teamA(), practice.id(), "Runs an EBR without escalation");
	}

	@Test
	void aLevelFollowsMasteryAndASignOffOnTheNextRead() {
		CapabilityId ebr = capability("Run an executive business review " + org.suffix(), null,
				rule(1, "COURSE_MASTERED", course.id(), false, null, null),
				rule(2, "COURSE_MASTERED", course.id(), false, null, null), rule(2, "TASK_SIGNED_OFF", null, false, task.id(), null));
		target(org.teamA(), ebr, 2, 1);

		TeamCoverage before = coverage.coverage(manager, org.teamA(), null);
		CapabilityCoverage row = row(before, ebr);
		assertThat(row.status()).isEqualTo(CoverageStatus.SHORT);
		assertThat(row.qualified()).isEmpty();

		take(org.learnerA(), course);
		assertThat(level(org.learnerA(), ebr)).isEqualTo(1);
		row = row(coverage.coverage(manager, org.teamA(), null), ebr);
		assertThat(row.status()).isEqualTo(CoverageStatus.SHORT);
		assertThat(row.closest()).first().satisfies(c -> {
			assertThat(c.personId()).isEqualTo(org.learnerA());
			assertThat(c.levelName()).isEqualTo("Learning");
			assertThat(c.missing()).singleElement().satisfies(m -> {
				assertThat(m.action()).isEqualTo("REQUEST_SIGN_OFF");
				assertThat(m.taskId()).isEqualTo(task.id());
				assertThat(m.description()).contains("Runs an EBR without escalation");
			});
		});

		SignOff signOff = checklists.signOff(manager, task.id(), org.learnerA(), null, "Ran the Q4 review alone.");
		row = row(coverage.coverage(manager, org.teamA(), null), ebr);
		assertThat(row.qualified()).extracting(PersonRef::id).containsExactly(org.learnerA());
		assertThat(row.status()).isEqualTo(CoverageStatus.AT_RISK);
		assertThat(row.busFactor()).isZero();

		checklists.withdraw(manager, signOff.id());
		assertThat(row(coverage.coverage(manager, org.teamA(), null), ebr).qualified()).isEmpty();
		assertThat(level(org.learnerA(), ebr)).isEqualTo(1);
	}

	@Test
	void aNewVersionStopsAnEarlierMasteryWhereTheCurrentVersionIsAskedFor() {
		CapabilityId current = capability("EBR on the current version " + org.suffix(), null,
				rule(1, "COURSE_MASTERED", course.id(), true, null, null));
		CapabilityId any = capability("EBR on any version " + org.suffix(), null,
				rule(1, "COURSE_MASTERED", course.id(), false, null, null));
		take(org.learnerA(), course);
		assertThat(level(org.learnerA(), current)).isEqualTo(1);

		Course draft = authoring.startVersion(manager, course.id(), authoring.course(manager, course.id()).revision());
		authoring.publish(manager, course.id(), draft.revision());

		assertThat(level(org.learnerA(), current)).as("mastered an earlier version").isNull();
		assertThat(level(org.learnerA(), any)).isEqualTo(1);
		PersonCapabilities.Held held = profiles.profile(manager, org.learnerA())
			.capabilities()
			.stream()
			.filter(h -> h.capability().id().equals(current))
			.findFirst()
			.orElseThrow();
		assertThat(held.levels().get(0).rules().get(0).description()).contains("earlier version");
	}

	@Test
	void expiredEvidenceStopsCountingWithoutARecomputation() {
		CapabilityId ebr = capability("EBR, renewed yearly " + org.suffix(), 12,
				rule(1, "COURSE_MASTERED", course.id(), false, null, null));
		target(org.teamA(), ebr, 1, 1);
		take(org.learnerA(), course);
		LocalDate expires = LocalDate.now(clock).plusMonths(12);

		CapabilityCoverage row = row(coverage.coverage(manager, org.teamA(), null), ebr);
		assertThat(row.qualified()).hasSize(1);
		assertThat(row.expiring()).isEmpty();

		clock.advance(Duration.ofDays(LocalDate.now(clock).until(expires.minusDays(10), java.time.temporal.ChronoUnit.DAYS)));
		row = row(coverage.coverage(manager, org.teamA(), null), ebr);
		assertThat(row.expiring()).singleElement().satisfies(e -> {
			assertThat(e.daysLeft()).isEqualTo(10);
			assertThat(e.renewal().action()).isEqualTo("ASSIGN_COURSE");
			assertThat(e.renewal().courseId()).isEqualTo(course.id());
		});
		assertThat(row.forecast()).first().satisfies(f -> assertThat(f.from()).isEqualTo(expires));

		clock.advance(Duration.ofDays(10));
		row = row(coverage.coverage(manager, org.teamA(), null), ebr);
		assertThat(row.qualified()).isEmpty();
		assertThat(row.status()).isEqualTo(CoverageStatus.SHORT);

		// taking the course again (as the renewal proposes) renews the evidence from today
		take(org.learnerA(), course);
		row = row(coverage.coverage(manager, org.teamA(), null), ebr);
		assertThat(row.qualified()).extracting(PersonRef::id).containsExactly(org.learnerA());
		assertThat(row.forecast()).isEmpty();
	}

	@Test
	void thePersonAndTheirManagerAreToldAt60And14DaysAndOnlyOnce() throws Exception {
		capability("EBR, told before it expires " + org.suffix(), 12,
				rule(1, "COURSE_MASTERED", course.id(), false, null, null));
		take(org.learnerA(), course);
		LocalDate expires = LocalDate.now(clock).plusMonths(12);
		notices.send();
		assertThat(notificationBodies(org.learnerA())).as("nothing expires within 60 days yet").isEmpty();

		// other tests' people share the database: counts are checked by what this learner is told
		clock.advance(Duration.ofDays(LocalDate.now(clock).until(expires.minusDays(50), java.time.temporal.ChronoUnit.DAYS)));
		assertThat(notices.send()).isPositive();
		assertThat(notices.send()).as("a second run sends nothing twice").isZero();
		String subject = "Your “EBR, told before it expires " + org.suffix() + "” level expires in 50 days";
		awaitNotification(org.learnerA(), subject);
		awaitNotification(org.managerA(), "Learner A’s “EBR, told before it expires " + org.suffix() + "” level expires in 50 days");
		assertThat(notificationBodies(org.learnerA())).anyMatch(b -> b.contains("To renew it: take the course again."));

		clock.advance(Duration.ofDays(36));
		assertThat(notices.send()).isPositive();
		awaitNotification(org.learnerA(), "Your “EBR, told before it expires " + org.suffix() + "” level expires in 14 days");
		assertThat(notices.send()).isZero();
		Thread.sleep(300);
		assertThat(notifications.page(fixtures.viewer(org.learnerA()), 1).items())
			.as("told twice in all: at 50 and at 14 days")
			.filteredOn(n -> n.subject().contains("told before it expires " + org.suffix()))
			.hasSize(2);
	}

	private void awaitNotification(PersonId person, String subject) throws InterruptedException {
		long until = System.currentTimeMillis() + 10_000;
		while (System.currentTimeMillis() < until) {
			if (notifications.page(fixtures.viewer(person), 1).items().stream().anyMatch(n -> n.subject().equals(subject))) {
				return;
			}
			Thread.sleep(100);
		}
		assertThat(notifications.page(fixtures.viewer(person), 1).items()).extracting(n -> n.subject()).contains(subject);
	}

	private List<String> notificationBodies(PersonId person) {
		return notifications.page(fixtures.viewer(person), 1).items().stream().map(n -> n.body()).toList();
	}

	@Test
	void theNearestTargetUpTheTreeAppliesAndAbsencesMakeTheForecastShort() {
		CapabilityId ebr = capability("EBR for sub-teams " + org.suffix(), null,
				rule(1, "COURSE_MASTERED", course.id(), false, null, null));
		target(org.teamA(), ebr, 1, 1);
		take(org.learnerSubA(), course);
		LocalDate today = LocalDate.now(clock);
		jdbc.sql("INSERT INTO absences (id, person_id, starts_on, ends_on, kind, source, created_by, created_at) "
				+ "VALUES (?, ?, ?, ?, 'LEAVE', 'MANUAL', ?, ?)")
			.params(Ids.newId(), org.learnerSubA().value(), today.plusDays(20), today.plusDays(30), org.managerA().value(),
					Timestamp.from(Instant.now()))
			.update();

		CapabilityCoverage row = row(coverage.coverage(manager, org.subTeamA(), null), ebr);
		assertThat(row.target().inherited()).isTrue();
		assertThat(row.target().setOnName()).startsWith("Team A ");
		assertThat(row.status()).isEqualTo(CoverageStatus.AT_RISK);
		assertThat(row.forecast()).singleElement().satisfies(f -> {
			assertThat(f.from()).isEqualTo(today.plusDays(20));
			assertThat(f.to()).isEqualTo(today.plusDays(30));
			assertThat(f.reasons()).containsExactly("Learner on leave");
		});
		assertThat(coverage.coverage(manager, org.subTeamA(), today.plusDays(25)).capabilities().get(0).status())
			.isEqualTo(CoverageStatus.SHORT);

		// its own target replaces the one above
		target(org.subTeamA(), ebr, 1, 3);
		row = row(coverage.coverage(manager, org.subTeamA(), null), ebr);
		assertThat(row.target().inherited()).isFalse();
		assertThat(row.targetAboveTeamSize()).isTrue();
	}

	@Test
	void onlyManagersOfTheTeamTreeAndLAndDSeeCoverage() {
		CapabilityId ebr = capability("EBR, seen by whom " + org.suffix(), null,
				rule(1, "COURSE_MASTERED", course.id(), false, null, null));
		target(org.teamA(), ebr, 1, 1);
		assertThatThrownBy(() -> coverage.coverage(fixtures.viewer(org.managerB()), org.teamA(), null))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> coverage.coverage(fixtures.viewer(org.learnerA()), org.teamA(), null))
			.isInstanceOf(NotFoundException.class);
		assertThat(coverage.coverage(fixtures.admin(), org.teamA(), null).capabilities()).isNotEmpty();
		assertThatThrownBy(() -> coverage.riskReport(manager, null)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> coverage.coverage(manager, org.teamA(), LocalDate.now(clock).plusDays(91)))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void targetsRefuseNothingPeopleAndUnknownLevelsAndWarnAboveTheTeamsSize() {
		CapabilityId ebr = capability("EBR targets " + org.suffix(), null,
				rule(1, "COURSE_MASTERED", course.id(), false, null, null));
		assertThatThrownBy(() -> coverage.setTarget(manager, org.teamA(), ebr, 1, 0))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("minPeople"));
		assertThatThrownBy(() -> coverage.setTarget(manager, org.teamA(), ebr, 4, 1))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("level"));
		assertThatThrownBy(() -> coverage.setTarget(fixtures.viewer(org.managerB()), org.teamA(), ebr, 1, 1))
			.isInstanceOf(NotFoundException.class);
		Coverage.TargetSet set = coverage.setTarget(manager, org.teamA(), ebr, 2, 50);
		assertThat(set.warning()).contains("this target asks for 50");
		assertThat(coverage.targets(manager, org.subTeamA())).singleElement()
			.satisfies(t -> assertThat(t.inherited()).isTrue());
	}

	private Integer level(PersonId person, CapabilityId capability) {
		return profiles.profile(fixtures.admin(), person)
			.capabilities()
			.stream()
			.filter(h -> h.capability().id().equals(capability))
			.findFirst()
			.map(PersonCapabilities.Held::levelRank)
			.orElse(null);
	}

	private static CapabilityCoverage row(TeamCoverage coverage, CapabilityId id) {
		return coverage.capabilities().stream().filter(c -> c.capabilityId().equals(id)).findFirst().orElseThrow();
	}

	private void take(PersonId learner, Course course) {
		List<Answer> answers = new ArrayList<>();
		for (Question q : course.quiz().questions()) {
			answers.add(new Answer(q.id(), q.correct()));
		}
		assessment.submit(fixtures.viewer(learner), course.id(), answers, Ids.newId());
	}

	private void target(TeamId team, CapabilityId capability, int level, int people) {
		coverage.setTarget(fixtures.admin(), team, capability, level, people);
	}

	record Rule(int level, String kind, CourseId course, boolean current, String task, Integer count) {
	}

	static Rule rule(int level, String kind, CourseId course, boolean current, String task, Integer count) {
		return new Rule(level, kind, course, current, task, count);
	}

	/** A capability written straight into the catalogue's tables, then its holdings computed. */
	private CapabilityId capability(String name, Integer validityMonths, Rule... rules) {
		String id = Ids.newId();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("INSERT INTO capabilities (id, name, description, category, owner_team_id, validity_months, status, "
				+ "merged_into, revision, created_by, created_at, updated_at) VALUES (?, ?, '', 'Customer Success', NULL, ?, "
				+ "'ACTIVE', NULL, 1, ?, ?, ?)")
			.params(id, name, validityMonths, org.managerA().value(), now, now)
			.update();
		String[] levels = { "Learning", "Can do it alone", "Can teach it" };
		for (int i = 0; i < levels.length; i++) {
			jdbc.sql("INSERT INTO capability_levels (capability_id, level_rank, name) VALUES (?, ?, ?)")
				.params(id, i + 1, levels[i])
				.update();
		}
		int position = 0;
		for (Rule r : rules) {
			jdbc.sql("INSERT INTO capability_rules (id, capability_id, level_rank, kind, course_id, current_version, task_id, "
					+ "required_count, certificate_name, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)")
				.params(Ids.newId(), id, r.level(), r.kind(), r.course() == null ? null : r.course().value(), r.current(),
						r.task(), r.count(), position++)
				.update();
		}
		holdings.recomputeCapability(new CapabilityId(id));
		return new CapabilityId(id);
	}
}
