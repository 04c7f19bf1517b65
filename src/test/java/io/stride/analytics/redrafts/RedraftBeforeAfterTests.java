package io.stride.analytics.redrafts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningRecord;
import io.stride.activity.Verb;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.authoring.RiskTier;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A question's statistics before and after its redraft, on a small fixed data set of attempts written to the learning
 * record as the quiz writes them (an answer per question and a result, tied by the attempt's registration).
 *
 * <pre>
 * Version 1: Q1 (the old question, redrafted) and Q2 (true/false, kept). 1 = right, 0 = wrong.
 *            Q1  Q2
 *   L1        1   1     L1's second attempt, 0 and 0, is not a first attempt: left out
 *   L2        1   0
 *   L3        0   1
 *   L4        1   1
 * Version 2: N (the new question) and Q2; ten new learners.
 *            N   Q2
 *   L5-L9     1   1     (five)
 *   L10       1   0
 *   L11-L13   0   0     (three)
 *   L14       0   1
 * </pre>
 */
@SpringBootTest
@AutoConfigureMockMvc
class RedraftBeforeAfterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Redrafts redrafts;

	@Autowired
	LearningRecord record;

	@Autowired
	JdbcClient jdbc;

	Org org;

	Viewer author;

	Course course;

	String q1;

	String q2;

	int minute;

	@BeforeEach
	void publishedCourse() {
		org = fixtures.organization();
		author = fixtures.viewer(org.managerA());
		Course draft = authoring.create(author, new CourseContent("Receipts " + org.suffix(), "Claims.",
				Fixtures.sampleCourse("x").lessons(), new Quiz(50, List.of(
						new Question(null, QuestionKind.SINGLE_CHOICE, "Report within?", List.of("1 hour", "24 hours", "1 week"),
								List.of(0), "1 hour."),
						new Question(null, QuestionKind.TRUE_FALSE, "Anyone may report?", List.of("True", "False"),
								List.of(0), "Yes."))))
			.withTier(RiskTier.LOW, "An internal how-to."));
		course = authoring.publish(author, draft.id(), draft.revision());
		q1 = course.quiz().questions().get(0).id();
		q2 = course.quiz().questions().get(1).id();
	}

	@Test
	void theOldQuestionsFiguresStandUntilTheNewOneHasTenFirstAttempts() throws Exception {
		attempt("L1", q1, 1, 1);
		attempt("L2", q1, 1, 0);
		attempt("L3", q1, 0, 1);
		attempt("L4", q1, 1, 1);
		attempt("L1", q1, 0, 0);
		Redraft redraft = redrafts.redraft(author, course.id(), q1, course.revision(),
				new Question(null, QuestionKind.SINGLE_CHOICE, "Within how many hours must an incident be reported?",
						List.of("1", "24", "72"), List.of(0), "The policy says within 1 hour."));
		Course draft = authoring.course(author, course.id());
		assertThat(redrafts.of(author, course.id()).get(0).state()).isEqualTo(RedraftReport.State.DRAFT);
		authoring.requestPublication(author, course.id(), draft.revision());
		String n = redraft.newQuestionId();
		for (int i = 5; i <= 9; i++) {
			attempt("L" + i, n, 1, 1);
		}
		attempt("L10", n, 1, 0);
		attempt("L11", n, 0, 0);
		attempt("L12", n, 0, 0);
		attempt("L13", n, 0, 0);

		// Before: Q1 marks 1, 1, 0, 1 (L1's second attempt left out): facility 3/4.
		// Discrimination: Pearson correlation with the rest of the test (Q2: 1, 0, 1, 1); both means 3/4,
		// deviations Q1 1/4, 1/4, -3/4, 1/4 and rest 1/4, -3/4, 1/4, 1/4; co-deviation sum 1/16 - 3/16 - 3/16 + 1/16 = -1/4;
		// squared deviations 3/16 + 9/16 = 3/4 each; r = (-1/4) / √(3/4 × 3/4) = -1/3.
		RedraftReport nine = redrafts.of(author, course.id()).get(0);
		assertThat(nine.state()).isEqualTo(RedraftReport.State.PUBLISHED);
		assertThat(nine.publishedIn()).isEqualTo(2);
		assertThat(nine.before().attempts()).isEqualTo(4);
		assertThat(nine.before().facility()).isCloseTo(0.75, within(1e-9));
		assertThat(nine.before().discriminationIndex()).isCloseTo(-1.0 / 3, within(1e-9));
		// nine first attempts at N so far: one more is needed before "after" is shown
		assertThat(nine.afterAttempts()).isEqualTo(9);
		assertThat(nine.attemptsNeeded()).isEqualTo(1);
		assertThat(nine.after()).isNull();

		attempt("L14", n, 0, 1);
		// After: N marks six 1s and four 0s: facility 6/10 = 0.6. Rest (Q2): 1 ×5, 0, 0 ×3, 1.
		// Both means 0.6; co-deviations (0.4 × 0.4) × 5 + (0.4 × -0.6) + (-0.6 × -0.6) × 3 + (-0.6 × 0.4)
		// = 0.8 - 0.24 + 1.08 - 0.24 = 1.4; squared deviations 6 × 0.16 + 4 × 0.36 = 2.4 each; r = 1.4 / 2.4 = 7/12.
		// SD of N (n - 1): √(2.4 / 9) = 0.516398.
		RedraftReport ten = redrafts.of(author, course.id()).get(0);
		assertThat(ten.attemptsNeeded()).isZero();
		assertThat(ten.after().questionId()).isEqualTo(n);
		assertThat(ten.after().attempts()).isEqualTo(10);
		assertThat(ten.after().facility()).isCloseTo(0.6, within(1e-9));
		assertThat(ten.after().standardDeviation()).isCloseTo(Math.sqrt(2.4 / 9), within(1e-9));
		assertThat(ten.after().discriminationIndex()).isCloseTo(7.0 / 12, within(1e-9));
		assertThat(ten.before().facility()).isCloseTo(0.75, within(1e-9));

		Document page = Jsoup.parse(mvc.perform(get("/courses/" + course.id() + "/item-analysis")
			.with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(page.select("#redraft-table th[scope=row]").text()).isEqualTo("Report within?");
		assertThat(page.select("#redraft-row-1 td").eachText()).containsExactly(
				"Within how many hours must an incident be reported?", "Published in version 2", "4", "0.75", "-0.33",
				"10", "0.60", "0.58");
		// the table above it now analyses version 2, where N is question 1
		assertThat(page.select("#question-1 th").text()).contains("Within how many hours");
	}

	@Test
	void withTooFewNewAttemptsThePageSaysHowManyMoreAreNeeded() throws Exception {
		attempt("L1", q1, 1, 1);
		Redraft redraft = redrafts.redraft(author, course.id(), q1, course.revision(),
				new Question(null, QuestionKind.TRUE_FALSE, "An incident is reported within 1 hour.",
						List.of("True", "False"), List.of(0), ""));
		authoring.requestPublication(author, course.id(), authoring.course(author, course.id()).revision());
		attempt("L2", redraft.newQuestionId(), 1, 1);
		attempt("L3", redraft.newQuestionId(), 0, 1);
		attempt("L2", redraft.newQuestionId(), 1, 1);
		Document page = Jsoup.parse(mvc.perform(get("/courses/" + course.id() + "/item-analysis")
			.with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andReturn().getResponse().getContentAsString());
		// L2's second attempt is not a first attempt: 2 of 10
		assertThat(page.select("#redraft-row-1 td").get(5).text()).isEqualTo("2");
		assertThat(page.select("#redraft-row-1 .attempts-needed").text()).isEqualTo("8 more first attempts needed");
	}

	/** One submitted attempt: the redrafted question's answer (first option picked when right), Q2's, the result. */
	private void attempt(String learner, String question, int mark, int q2Mark) {
		String registration = Ids.newId();
		String actor = learner + "-" + org.suffix();
		answered(actor, registration, question, mark, mark == 1 ? "0" : "1");
		answered(actor, registration, q2, q2Mark, q2Mark == 1 ? "0" : "1");
		add(actor, registration, mark + q2Mark >= 1 ? Verb.PASSED : Verb.FAILED, ActivityType.ASSESSMENT,
				"quiz-" + course.id(), (mark + q2Mark) / 2.0, "{}");
	}

	private void answered(String actor, String registration, String question, int mark, String response) {
		add(actor, registration, Verb.ANSWERED, ActivityType.QUESTION, question, mark,
				"{\"result\":{\"response\":\"" + response + "\"}}");
	}

	private void add(String actor, String registration, Verb verb, ActivityType kind, String key, double score,
			String statement) {
		Timestamp at = Timestamp.from(Instant.parse("2026-03-01T09:00:00Z").plusSeconds(60L * minute++));
		jdbc.sql("INSERT INTO statements (id, actor_id, verb, object_id, course_id, result_score, result_success, "
				+ "occurred_at, stored_at, statement, registration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(Ids.newId(), actor, verb.iri(), record.activityIri(kind, key), course.id().value(), score, score > 0,
					at, at, statement, registration)
			.update();
	}
}
