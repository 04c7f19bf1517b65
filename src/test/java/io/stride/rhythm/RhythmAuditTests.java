package io.stride.rhythm;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.stride.audit.AuditEntry;
import io.stride.audit.AuditLog;
import io.stride.capability.CapabilityId;
import io.stride.identity.Viewer;
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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a session decides is in the audit log, where admins read it: gaps, interventions recorded, closed, answered and
 * deleted, the session held and the learning hours given.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class RhythmAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	@Autowired
	MovableClock clock;

	@Autowired
	Rituals rituals;

	@Autowired
	Sessions sessions;

	@Autowired
	Interventions interventions;

	@Autowired
	LearningHours hours;

	@Autowired
	AuditLog audit;

	Org org;

	CapabilityId objections;

	SessionId session;

	Viewer manager;

	@BeforeEach
	void session() {
		clock.reset();
		org = fixtures.organization();
		manager = fixtures.viewer(org.managerA());
		objections = rows.capability("Objection handling " + org.suffix(), "Sales", fixtures.admin().id());
		rows.target(org.teamA(), objections, 1, 2, org.managerA());
		rows.holds(org.learnerA(), objections, 1, null);
		Ritual ritual = rituals.declare(manager, org.teamA(), new RitualDraft("QUARTERLY_BUSINESS_REVIEW", null,
				"WEEKLY", LocalDate.now(clock).plusDays(1).toString(), "09:00", "UTC", "120", "30", "", ""));
		var next = rituals.get(manager, ritual.id()).meetings().get(0);
		session = sessions.open(manager, ritual.id(), next.startsAt()).id();
	}

	@Test
	void whatASessionDecidesIsAudited() throws Exception {
		clock.advance(Duration.ofDays(2));
		sessions.update(manager, session, "We met.", "HELD");
		Gap gap = sessions.recordGap(manager, session, objections.value(), "Short on objections",
				List.of(org.learnerSubA().value()));
		Intervention pair = interventions.record(manager, session, draft("PAIR_OR_SHADOW", "Shadow Learner A",
				org.learnerA().value(), null));
		interventions.close(fixtures.viewer(org.learnerSubA()), pair.id(), pair.revision(), "DONE");
		Intervention proposal = interventions.record(manager, session, draft("PROPOSE_CYCLE_GOAL",
				"Role-play price objections", org.learnerSubA().value(), null));
		interventions.answer(fixtures.viewer(org.learnerSubA()), proposal.id(), false);
		LocalDate today = LocalDate.now(clock);
		LearningPeriod sprint = hours.createPeriod(manager, org.teamA(), new LearningHours.PeriodDraft("Sprint",
				today.toString(), today.plusDays(13).toString()));
		Intervention given = interventions.record(manager, session, draft("ALLOCATE_HOURS", "Practice time",
				org.learnerA().value(), "5"));
		interventions.delete(manager, given.id());

		assertThat(actions(session.value())).containsExactlyInAnyOrder("SESSION_HELD", "GAP_RECORDED");
		assertThat(entries(session.value())).filteredOn(e -> e.action().equals("GAP_RECORDED")).singleElement()
			.satisfies(e -> {
				assertThat(e.actorId()).isEqualTo(org.managerA().value());
				assertThat(e.subjectName()).startsWith("Objection handling");
				assertThat(e.detail()).contains(gap.id()).contains(org.learnerSubA().value());
			});
		assertThat(actions(pair.id().value())).containsExactlyInAnyOrder("INTERVENTION_RECORDED", "INTERVENTION_DONE");
		assertThat(entries(pair.id().value())).filteredOn(e -> e.action().equals("INTERVENTION_DONE")).singleElement()
			.satisfies(e -> assertThat(e.actorId()).isEqualTo(org.learnerSubA().value()));
		assertThat(actions(proposal.id().value())).containsExactlyInAnyOrder("INTERVENTION_RECORDED", "PROPOSAL_LEFT");
		assertThat(actions(given.id().value())).containsExactlyInAnyOrder("INTERVENTION_RECORDED",
				"INTERVENTION_DELETED");
		// the hours it gave, and took back when it was deleted
		assertThat(entries(sprint.id())).extracting(AuditEntry::detail)
			.containsExactlyInAnyOrder("person " + org.learnerA().value() + ": none -> 5 h, by intervention "
					+ given.id().value(), "person " + org.learnerA().value() + ": 5 h -> none, by intervention "
							+ given.id().value());
		// planning's hours too
		LearningPeriod reread = hours.period(manager, org.teamA(), sprint.id());
		hours.allocate(manager, org.teamA(), sprint.id(), reread.revision(),
				List.of(new LearningHours.Allocation(org.learnerSubA().value(), "7.5")));
		assertThat(entries(sprint.id())).extracting(AuditEntry::detail)
			.contains("person " + org.learnerSubA().value() + ": none -> 7.5 h");

		// where admins read the log
		mvc.perform(get("/admin/audit").param("subject", pair.id().value())
				.with(SignedIn.as(fixtures.viewerPerson(fixtures.admin().id()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("intervention done")));
	}

	private InterventionDraft draft(String kind, String description, String person, String hours) {
		return new InterventionDraft(kind, objections.value(), org.learnerSubA().value(),
				LocalDate.now(clock).plusDays(7).toString(), null, description, null, person, hours, null);
	}

	private List<AuditEntry> entries(String subject) {
		return audit.page(fixtures.admin(), subject, 1, 50).entries();
	}

	private List<String> actions(String subject) {
		return entries(subject).stream().map(AuditEntry::action).toList();
	}
}
