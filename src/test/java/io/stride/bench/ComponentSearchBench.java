package io.stride.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.stride.identity.Viewer;
import io.stride.library.ComponentKind;
import io.stride.library.ComponentPage;
import io.stride.library.ComponentQuery;
import io.stride.library.Library;
import io.stride.support.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: the component library's search over 50,000 components (issue 18: p95 under 100 ms), measured through
 * {@link Library#search} on the test database. Runs only with STRIDE_BENCH=true, for example on PostgreSQL:
 * {@code STRIDE_BENCH=true STRIDE_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/DB STRIDE_TEST_DB_USER=stride
 * STRIDE_TEST_DB_PASSWORD=stride ./mvnw -q test -Dtest=ComponentSearchBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * It writes 50,000 rows of generated text into library_components (source courses named bench-*), searches 200 times
 * per shape after 20 not measured, prints p50 and p95, and removes its rows.
 */
@SpringBootTest
class ComponentSearchBench {

	static final int COMPONENTS = Integer.getInteger("components", 50_000);

	static final int RUNS = 200;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Library library;

	@Autowired
	Fixtures fixtures;

	@Test
	void searchOverFiftyThousandComponents() {
		Assumptions.assumeTrue("true".equals(System.getenv("STRIDE_BENCH")), "set STRIDE_BENCH=true to measure");
		String[] subjects = { "refunds", "invoices", "incidents", "renewals", "escalations", "onboarding", "privacy",
				"forecasts", "contracts", "outages", "reviews", "demos", "payroll", "phishing", "research" };
		String[] verbs = { "handling", "planning", "reviewing", "improving", "writing", "leading", "measuring",
				"explaining", "preparing", "negotiating" };
		Random random = new Random(18);
		jdbc.update("DELETE FROM library_components WHERE source_course_id LIKE 'bench-%'");
		List<Object[]> rows = new ArrayList<>();
		ComponentKind[] kinds = ComponentKind.values();
		for (int i = 0; i < COMPONENTS; i++) {
			String subject = subjects[random.nextInt(subjects.length)];
			String title = verbs[random.nextInt(verbs.length)] + " " + subject + " " + i;
			// a component is about its own subject; the filler words are in every one of them
			StringBuilder text = new StringBuilder(title);
			for (int s = 0; s < 40; s++) {
				text.append(' ').append(verbs[random.nextInt(verbs.length)]).append(' ').append(subject)
					.append(" with care and a checklist w").append(random.nextInt(5000));
			}
			int helpful = random.nextInt(10);
			rows.add(new Object[] { String.format(Locale.ROOT, "bench-component-%08d", i), kinds[i % kinds.length].name(),
					title, title.toLowerCase(Locale.ROOT), text.substring(0, 200), text.toString().toLowerCase(Locale.ROOT),
					"bench-course-" + (i / 20), "Bench course " + (i / 20), 1, null, i % 20, "bench-author-" + (i % 500),
					Timestamp.from(Instant.now().minusSeconds(i)), helpful, 1, 0, helpful >= 4 ? (helpful - 1) * 100 / (helpful + 1) : null,
					random.nextInt(4) == 0 ? random.nextInt(30) : 0 });
			if (rows.size() == 2000) {
				insert(rows);
				rows.clear();
			}
		}
		insert(rows);
		try {
			jdbc.execute("ANALYZE library_components");
		}
		catch (RuntimeException h2) {
			// H2 has no ANALYZE of a table
		}
		Viewer viewer = fixtures.admin();
		try {
			measure("one word", viewer, new ComponentQuery("refunds", null, null, null, null, null, null, 1, 20));
			measure("two words", viewer, new ComponentQuery("handling refunds", null, null, null, null, null, null, 1, 20));
			measure("word in every one", viewer, new ComponentQuery("checklist", null, null, null, null, null, null, 1, 20));
			measure("rare word", viewer, new ComponentQuery("w4321", null, null, null, null, null, null, 1, 20));
			measure("kind, most reused", viewer, new ComponentQuery(null, ComponentKind.LESSON, null, null, null, null,
					ComponentQuery.Sort.MOST_REUSED, 1, 20));
			measure("word, kind, min score", viewer, new ComponentQuery("escalations", ComponentKind.LESSON, null, null,
					null, 20, null, 1, 20));
			measure("author", viewer, new ComponentQuery(null, null, null, "bench-author-7", null, null, null, 1, 20));
			measure("page 50, newest", viewer, new ComponentQuery(null, null, null, null, null, null,
					ComponentQuery.Sort.NEWEST, 50, 20));
		}
		finally {
			jdbc.update("DELETE FROM library_components WHERE source_course_id LIKE 'bench-%'");
		}
	}

	private void insert(List<Object[]> rows) {
		if (!rows.isEmpty()) {
			jdbc.batchUpdate("INSERT INTO library_components (id, kind, title, title_lower, excerpt, search_text, "
					+ "source_course_id, source_course_title, source_version, module_name, position, author_id, "
					+ "published_at, helpful, unclear, outdated, score, reuse_count) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		}
	}

	private void measure(String name, Viewer viewer, ComponentQuery query) {
		long[] times = new long[RUNS];
		ComponentPage page = null;
		for (int i = 0; i < 20; i++) {
			page = library.search(viewer, query);
		}
		for (int i = 0; i < RUNS; i++) {
			long started = System.nanoTime();
			page = library.search(viewer, query);
			times[i] = System.nanoTime() - started;
		}
		Arrays.sort(times);
		System.out.printf(Locale.ROOT, "BENCH component search %-24s total %6d  p50 %6.1f ms  p95 %6.1f ms%n", name,
				page.total(), times[RUNS / 2] / 1e6, times[(int) (RUNS * 0.95)] / 1e6);
	}
}
