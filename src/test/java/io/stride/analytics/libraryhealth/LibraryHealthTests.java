package io.stride.analytics.libraryhealth;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import io.stride.analytics.libraryhealth.LibraryHealthReport.Age;
import io.stride.analytics.libraryhealth.LibraryHealthReport.Entry;
import io.stride.analytics.libraryhealth.LibraryHealthReport.ReviewBy;
import io.stride.analytics.libraryhealth.LibraryHealthReport.State;
import io.stride.analytics.libraryhealth.LibraryHealthReport.Use;
import io.stride.analytics.lifecycle.Lifecycle;
import io.stride.analytics.lifecycle.LifecycleFixtures;
import io.stride.analytics.lifecycle.LifecycleFixtures.Library;
import io.stride.analytics.lifecycle.LifecycleProposal.Kind;
import io.stride.authoring.Authoring;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.MovableClock;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The library health counts on the fixed library of {@link LifecycleFixtures}, with review-by dates, one retired
 * course and one old draft added here. The owner's own library is counted exactly; admins see the organization's.
 *
 * <pre>
 * now = T0 + 100 days; the idle period is 90 days
 * course    state      since              age              review-by          use (published only)
 * idle91    published  T0 (100 days ago)  3 to 12 months   today − 1: overdue  last opened 91 days ago: idle
 * idle89    published  T0                 3 to 12 months   today + 30: due     89 days ago: opened
 * never     published  T0                 3 to 12 months   today + 31: later   never: idle
 * young     published  30 days ago        under 3 months   none               never: idle
 * popular   published  T0                 3 to 12 months   none               10 days ago: opened
 * fine      published  T0                 3 to 12 months   today + 200: later  10 days ago: opened
 * nineteen  retired    T0                 3 to 12 months   —                  —
 * draft     draft      created 400 days ago  over a year   —                  —
 * state: draft 1, in review 0, published 6, retired 1; age: 1, 6, 1;
 * review-by: overdue 1, due within 30 days 1, later 2, none 2; use: opened 3, idle 3
 * proposals once made: archive 2 (idle91, never; young is younger than the period), refine 1 (popular)
 * </pre>
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class LibraryHealthTests {

	@Autowired
	LibraryHealth health;

	@Autowired
	Lifecycle lifecycle;

	@Autowired
	LifecycleFixtures fixtures;

	@Autowired
	Fixtures people;

	@Autowired
	Authoring authoring;

	@Autowired
	MovableClock clock;

	@Autowired
	MockMvc mvc;

	Library lib;

	Viewer owner;

	@BeforeEach
	void library() {
		lib = fixtures.library(clock);
		owner = people.viewer(lib.author());
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		fixtures.reviewBy(lib.idle91().id(), today.minusDays(1));
		fixtures.reviewBy(lib.idle89().id(), today.plusDays(30));
		fixtures.reviewBy(lib.never().id(), today.plusDays(31));
		fixtures.reviewBy(lib.young().id(), null);
		fixtures.reviewBy(lib.popular().id(), null);
		fixtures.reviewBy(lib.fine().id(), today.plusDays(200));
		authoring.retire(owner, lib.nineteen().id());
		fixtures.createdAt(lib.draft().id(), clock.instant().minus(Duration.ofDays(400)));
	}

	@AfterEach
	void realTimeAgain() {
		clock.reset();
	}

	@Test
	void theOwnersLibraryIsCountedByStateAgeReviewByAndUse() {
		LibraryHealthReport r = health.report(owner, LibraryHealthFilter.NONE);
		assertThat(r.everything()).isFalse();
		assertThat(r.total()).isEqualTo(8);
		assertThat(r.byState()).containsExactly(entry(State.DRAFT, 1), entry(State.IN_REVIEW, 0),
				entry(State.PUBLISHED, 6), entry(State.RETIRED, 1));
		assertThat(r.byAge()).containsEntry(Age.UNDER_3_MONTHS, 1).containsEntry(Age.UNDER_1_YEAR, 6)
			.containsEntry(Age.OVER_1_YEAR, 1);
		assertThat(r.byReviewBy()).containsEntry(ReviewBy.OVERDUE, 1).containsEntry(ReviewBy.DUE_SOON, 1)
			.containsEntry(ReviewBy.LATER, 2).containsEntry(ReviewBy.NONE, 2);
		assertThat(r.byUse()).containsEntry(Use.OPENED, 3).containsEntry(Use.IDLE, 3);
		assertThat(r.openProposals()).containsEntry(Kind.ARCHIVE, 0).containsEntry(Kind.REFINE, 0);
		assertThat(r.courses()).isEmpty();

		lifecycle.proposeNew();
		assertThat(health.report(owner, LibraryHealthFilter.NONE).openProposals()).containsEntry(Kind.ARCHIVE, 2)
			.containsEntry(Kind.REFINE, 1);
	}

	@Test
	void aFilterListsTheCoursesItCounts() {
		LibraryHealthReport idle = health.report(owner, LibraryHealthFilter.of("published", null, null, "idle"));
		assertThat(idle.courses()).extracting(Entry::title)
			.containsExactlyInAnyOrder(lib.idle91().title(), lib.never().title(), lib.young().title());
		LibraryHealthReport overdue = health.report(owner, LibraryHealthFilter.of(null, null, "OVERDUE", null));
		assertThat(overdue.courses()).extracting(Entry::title).containsExactly(lib.idle91().title());
		assertThat(overdue.courses().getFirst().lastOpenedAt()).isNotNull();
		assertThat(health.report(owner, LibraryHealthFilter.of(null, "over-1-year", null, null)).courses())
			.extracting(Entry::title)
			.containsExactly(lib.draft().title());
	}

	@Test
	void adminsSeeTheWholeOrganization() {
		LibraryHealthReport mine = health.report(owner, LibraryHealthFilter.NONE);
		LibraryHealthReport all = health.report(people.admin(), LibraryHealthFilter.NONE);
		assertThat(all.everything()).isTrue();
		assertThat(all.total()).isGreaterThanOrEqualTo(mine.total());
		mine.byState().forEach((state, n) -> assertThat(all.byState().get(state)).isGreaterThanOrEqualTo(n));
		// another author's library holds none of these courses
		LibraryHealthReport other = health.report(people.viewer(lib.org().managerA()), LibraryHealthFilter.NONE);
		assertThat(other.total()).isZero();
		// the L&D team sees the whole library as admins do; a compliance reviewer only what they wrote (nothing)
		PersonId learningTeam = people.person(people.admin(), "Lea Learning", "lea", lib.org().suffix(), Set.of(),
				Set.of(), Role.REVIEWER);
		assertThat(health.report(people.viewer(learningTeam), LibraryHealthFilter.NONE).total()).isEqualTo(all.total());
		PersonId compliance = people.person(people.admin(), "Cora Compliance", "cora", lib.org().suffix(), Set.of(),
				Set.of(), Role.REVIEWER);
		people.complianceReviewer(compliance);
		LibraryHealthReport complianceOnly = health.report(people.viewer(compliance), LibraryHealthFilter.NONE);
		assertThat(complianceOnly.everything()).isFalse();
		assertThat(complianceOnly.total()).isZero();
	}

	@Test
	void thePageShowsEachTableWithLinksToTheCoursesCounted() throws Exception {
		mvc.perform(get("/analytics/library").with(as(lib.author())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<caption>Courses by state</caption>"),
					containsString("The courses you wrote: 8 courses."),
					containsString("href=\"/analytics/library?state=PUBLISHED\" aria-label=\"6 courses: Published\">6</a>"),
					containsString("href=\"/analytics/library?age=OVER_1_YEAR\" aria-label=\"1 course: Over a year\">1</a>"),
					containsString("href=\"/analytics/library?reviewBy=LATER\" aria-label=\"2 courses: Later\">2</a>"),
					containsString("href=\"/analytics/library?use=IDLE\" aria-label=\"3 courses: Not opened in the period\">3</a>"), containsString("<th scope=\"row\">"),
					not(containsString("id=\"library-courses\"")))));
		mvc.perform(get("/analytics/library").param("state", "DRAFT").with(as(lib.author())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Courses: Draft"), containsString("id=\"library-courses\""),
					containsString(lib.draft().title()), not(containsString(lib.popular().title() + "</a>")))));
		mvc.perform(get("/analytics/library").param("state", "LOST").with(as(lib.author())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Use one of DRAFT, IN_REVIEW, PUBLISHED, RETIRED for state.")));
	}

	@Test
	void theTablesDownloadAsCsv() throws Exception {
		mvc.perform(get("/analytics/library.csv").with(as(lib.author())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("library-health.csv")))
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(allOf(containsString("table,group,courses\r\n"),
					containsString("\"state\",\"Published\",6\r\n"), containsString("\"age\",\"Over a year\",1\r\n"),
					containsString("\"review-by (published)\",\"Overdue\",1\r\n"),
					containsString("\"use in the last 90 days (published)\",\"Not opened in the period\",3\r\n"),
					containsString("\"open proposals\",\"Archive\",0\r\n"))));
	}

	private RequestPostProcessor as(PersonId person) {
		return SignedIn.as(people.viewerPerson(person));
	}
}
