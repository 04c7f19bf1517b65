package io.stride.rhythm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.stride.capability.CapabilityId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** A session's skill gaps stay at most {@link Sessions#MAX_GAPS}, also when several are recorded at the same moment. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class SessionGapsTests {

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

	Viewer manager;

	CapabilityId objections;

	SessionId session;

	@BeforeEach
	void session() {
		clock.reset();
		Org org = fixtures.organization();
		manager = fixtures.viewer(org.managerA());
		objections = rows.capability("Objection handling " + org.suffix(), "Sales", fixtures.admin().id());
		Ritual ritual = rituals.declare(manager, org.teamA(), new RitualDraft("RETROSPECTIVE", null, "WEEKLY",
				LocalDate.now(clock).plusDays(1).toString(), "09:00", "UTC", "60", "15", "", ""));
		var next = rituals.get(manager, ritual.id()).meetings().get(0);
		session = sessions.open(manager, ritual.id(), next.startsAt()).id();
	}

	@Test
	void gapsRecordedAtOnceStopAtTwenty() throws Exception {
		for (int i = 0; i < Sessions.MAX_GAPS - 2; i++) {
			sessions.recordGap(manager, session, objections.value(), "Gap " + i, List.of());
		}
		int threads = 6;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Callable<String>> all = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				String note = "At once " + i;
				all.add(() -> {
					start.await();
					try {
						sessions.recordGap(manager, session, objections.value(), note, List.of());
						return "recorded";
					}
					catch (InvalidInputException e) {
						return e.fieldErrors().get("capabilityId");
					}
				});
			}
			List<Future<String>> futures = new ArrayList<>();
			for (Callable<String> c : all) {
				futures.add(pool.submit(c));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> f : futures) {
				outcomes.add(f.get());
			}
			assertThat(outcomes).filteredOn("recorded"::equals).hasSize(2);
			assertThat(outcomes).filteredOn(o -> !"recorded".equals(o))
				.allSatisfy(o -> assertThat(o).isEqualTo("A session records at most " + Sessions.MAX_GAPS + " gaps."));
		}
		finally {
			pool.shutdown();
		}
		assertThat(sessions.get(manager, session).gaps()).hasSize(Sessions.MAX_GAPS);
	}

}
