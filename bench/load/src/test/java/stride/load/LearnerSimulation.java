package stride.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Learners taking a course through the pages, as a browser does: sign in, open "My learning" and the course, read
 * the lessons, open the quiz, answer each question (saved as it is picked), submit it and see the result, with a think time between every page. A closed model:
 * the number of learners signed in and working stays at {@code users}; one who finishes is replaced by the next,
 * who signs in.
 *
 * System properties: baseUrl, courseId, users (concurrent learners), accounts (how many seeded accounts exist),
 * ramp and hold (seconds), think (mean seconds between pages, uniformly ±10 s), rounds (times a learner works
 * through the course per session), password.
 */
public class LearnerSimulation extends Simulation {

	private static final String BASE = System.getProperty("baseUrl", "http://127.0.0.1:8080");

	private static final String COURSE = System.getProperty("courseId");

	private static final int USERS = Integer.getInteger("users", 10_000);

	private static final int ACCOUNTS = Integer.getInteger("accounts", USERS);

	private static final int RAMP = Integer.getInteger("ramp", 600);

	private static final int HOLD = Integer.getInteger("hold", 600);

	private static final int THINK = Integer.getInteger("think", 30);

	private static final int ROUNDS = Integer.getInteger("rounds", 3);

	/** Seconds after which the run stops even with learners mid-course (0: let every session finish). */
	private static final int MAX_DURATION = Integer.getInteger("maxDuration", 0);

	private static final String PASSWORD = System.getProperty("password", "load-test-password");

	private static final AtomicInteger NEXT = new AtomicInteger();

	private final Iterator<Map<String, Object>> learners = Stream
		.generate(() -> Map.<String, Object>of("email", String.format("load-%05d@load.test", NEXT.getAndIncrement() % ACCOUNTS)))
		.iterator();

	private final HttpProtocolBuilder protocol = http.baseUrl(BASE)
		.acceptHeader("text/html,application/xhtml+xml")
		.acceptEncodingHeader("gzip, deflate")
		.userAgentHeader("stride-load/1.0")
		.disableCaching();

	private ChainBuilder think() {
		return exec(session -> session).pause(Duration.ofSeconds(Math.max(0, THINK - 10)), Duration.ofSeconds(THINK + 10));
	}

	private final ChainBuilder signIn = exec(http("sign-in page").get("/login")
		.check(css("input[name=_csrf]", "value").saveAs("csrf")))
		.pause(Duration.ofSeconds(3), Duration.ofSeconds(8))
		.exec(http("sign in").post("/login")
			.formParam("email", "#{email}")
			.formParam("password", PASSWORD)
			.formParam("_csrf", "#{csrf}")
			.check(status().is(200), substring("My learning"), substring("Sign out")));

	private final ChainBuilder takeCourse = exec(http("my learning").get("/learning").check(substring(COURSE)))
		.exec(think())
		.exec(http("course").get("/learning/courses/" + COURSE)
			.check(css("a[href*='/lessons/']", "href").findAll().saveAs("lessons")))
		.exec(think())
		.foreach("#{lessons}", "lesson").on(exec(http("lesson").get("#{lesson}").check(status().is(200))).exec(think()))
		// a learner who passed in an earlier round is shown the result instead of the quiz (the quiz page redirects
		// there): that round ends with the lessons, as it would for a person
		.exec(session -> session.removeAll("attemptId", "saveUrl", "questions"))
		.exec(http("quiz").get("/learning/courses/" + COURSE + "/quiz")
			.check(css("#quiz input[name=_csrf]", "value").optional().saveAs("csrf"))
			.check(css("#quiz input[name=attemptId]", "value").optional().saveAs("attemptId"))
			.check(css("#quiz", "data-save-url").optional().saveAs("saveUrl"))
			.check(css("#quiz fieldset", "data-question-id").findAll().optional().saveAs("questions")))
		.doIf(session -> session.contains("attemptId")).then(takeQuiz())
		.exec(think());

	private ChainBuilder takeQuiz() {
		// the page's script saves each answer as the learner picks it (the first option, as a hurried learner would)
		return foreach("#{questions}", "question").on(exec(think())
			.exec(http("save answer").post("#{saveUrl}")
				.header("Accept", "application/json")
				.formParam("_csrf", "#{csrf}")
				.formParam("attemptId", "#{attemptId}")
				.formParam("questionId", "#{question}")
				.formParam("q-#{question}", "0")
				.check(status().is(200))))
		.exec(think())
		.exec(session -> {
			StringBuilder form = new StringBuilder("_csrf=").append(session.getString("csrf"))
				.append("&attemptId=").append(session.getString("attemptId")).append("&action=submit");
			session.getList("questions").forEach(q -> form.append("&q-").append(q).append("=0"));
			return session.set("answers", form.toString());
		})
		.exec(http("submit quiz").post("/learning/courses/" + COURSE + "/quiz")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.body(StringBody("#{answers}"))
			.check(status().is(200), substring("Quiz result")));
	}

	private final ScenarioBuilder learner = scenario("learner").feed(learners)
		.exec(signIn)
		.exec(think())
		.exec(repeat(ROUNDS).on(takeCourse));

	{
		if (COURSE == null || COURSE.isBlank()) {
			throw new IllegalStateException("Pass -DcourseId=<id of the course assigned to the load team>");
		}
		SetUp run = setUp(learner.injectClosed(rampConcurrentUsers(0).to(USERS).during(RAMP),
				constantConcurrentUsers(USERS).during(HOLD)))
			.protocols(protocol);
		if (MAX_DURATION > 0) {
			run.maxDuration(Duration.ofSeconds(MAX_DURATION));
		}
	}
}
