package io.stride.assessment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.stride.activity.LearningRecord;
import io.stride.activity.Statement;
import io.stride.activity.Verb;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every kind of question, quiz settings, attempts kept on the server and knowledge checks, through the API: each
 * success and each refusal.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class AttemptApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One question of every kind (indexes 0 to 6) and a knowledge check after the first lesson. */
	static final String EVERY_KIND = """
			{"title":"Every kind","description":"All question kinds.",
			 "lessons":[{"title":"Spot it","markdown":"Report to the DPO.","knowledgeChecks":[
			     {"kind":"SHORT_ANSWER","prompt":"Who gets the report?","accepted":["the data protection officer","DPO"],
			      "explanation":"The DPO decides what happens next."}]},
			   {"title":"Report it","markdown":"Use the form."}],
			 "quiz":{"passMark":50,"questions":[
			   {"kind":"SINGLE_CHOICE","prompt":"Report within?","options":["1 hour","24 hours"],"correct":[0],"explanation":"1 hour."},
			   {"kind":"MULTIPLE_CHOICE","prompt":"Which are signs?","options":["Resets","Changed files","Lunch","Noise"],
			    "correct":[0,1,3],"scoring":"PARTIAL","explanation":"Three signs."},
			   {"kind":"TRUE_FALSE","prompt":"Wait for proof?","options":["True","False"],"correct":[1]},
			   {"kind":"ORDERING","prompt":"Order the steps","options":["Stop","Report","Record"],"correct":[0,1,2]},
			   {"kind":"SHORT_ANSWER","prompt":"Name the dessert","accepted":["Crème brûlée"]},
			   {"kind":"MATCHING","prompt":"Match the capitals","options":["France","Spain"],"matches":["Paris","Madrid"],"scoring":"PARTIAL"},
			   {"kind":"NUMERIC","prompt":"How many kilograms?","value":1.5,"tolerance":0.1,"unit":"kg"}]%s}}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LearningRecord record;

	@Autowired
	MovableClock clock;

	Org org;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
	}

	@Test
	void authorsWriteEveryKindAndLearnersSeeTheQuestionsWithoutAnswers() throws Exception {
		String manager = bearer(org.managerA());
		String id = published(",\"attemptLimit\":3,\"timeLimitMinutes\":30,\"drawCount\":5,\"shuffleOptions\":true");
		mvc.perform(get("/api/v1/courses/" + id).header("Authorization", manager))
			.andExpect(jsonPath("$.quiz.questions[1].scoring").value("PARTIAL"))
			.andExpect(jsonPath("$.quiz.questions[4].accepted[0]").value("Crème brûlée"))
			.andExpect(jsonPath("$.quiz.questions[5].matches[0]").value("Madrid"))
			.andExpect(jsonPath("$.quiz.questions[5].correct[0]").value(1))
			.andExpect(jsonPath("$.quiz.questions[6].value").value(1.5))
			.andExpect(jsonPath("$.quiz.questions[6].tolerance").value(0.1))
			.andExpect(jsonPath("$.quiz.attemptLimit").value(3))
			.andExpect(jsonPath("$.lessons[0].knowledgeChecks[0].accepted[1]").value("DPO"))
			.andExpect(jsonPath("$.quiz.questions", hasSize(7)));
		// learners read the published version (kept as JSON): settings and checks survive, answers are hidden
		mvc.perform(get("/api/v1/courses/" + id).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.quiz.timeLimitMinutes").value(30))
			.andExpect(jsonPath("$.quiz.drawCount").value(5))
			.andExpect(jsonPath("$.quiz.shuffleOptions").value(true))
			.andExpect(jsonPath("$.quiz.questions[1].scoring").value("PARTIAL"))
			.andExpect(jsonPath("$.quiz.questions[1].correct").doesNotExist())
			.andExpect(jsonPath("$.quiz.questions[4].accepted").doesNotExist())
			.andExpect(jsonPath("$.quiz.questions[5].matches[1]").value("Paris"))
			.andExpect(jsonPath("$.quiz.questions[6].value").doesNotExist())
			.andExpect(jsonPath("$.quiz.questions[6].unit").value("kg"))
			.andExpect(jsonPath("$.lessons[0].knowledgeChecks[0].prompt").value("Who gets the report?"))
			.andExpect(jsonPath("$.lessons[0].knowledgeChecks[0].accepted").doesNotExist())
			.andExpect(jsonPath("$.lessons[0].knowledgeChecks[0].explanation").doesNotExist());
	}

	@Test
	void invalidQuestionsAndSettingsAreRefusedFieldByField() throws Exception {
		String body = EVERY_KIND.formatted(",\"attemptLimit\":0,\"drawCount\":8")
			.replace("\"accepted\":[\"Crème brûlée\"]", "\"accepted\":[]")
			.replace("\"value\":1.5", "\"value\":null")
			.replace("\"matches\":[\"Paris\",\"Madrid\"]", "\"matches\":[\"Paris\"]")
			.replace("\"DPO\"],", "\"DPO\"],\"similarity\":2,");
		mvc.perform(json(post("/api/v1/courses"), bearer(org.managerA()), body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['questions[4].accepted']").value(containsString("accepted answer")))
			.andExpect(jsonPath("$.errors['questions[5].matches']").value(containsString("its match")))
			.andExpect(jsonPath("$.errors['questions[6].value']").value(containsString("number")))
			.andExpect(jsonPath("$.errors['lessons[0].knowledgeChecks[0].similarity']").exists())
			.andExpect(jsonPath("$.errors.attemptLimit").exists())
			.andExpect(jsonPath("$.errors.drawCount").value(containsString("the quiz has 7")));
		mvc.perform(json(post("/api/v1/courses"), bearer(org.managerA()), EVERY_KIND.formatted("")
			.replace("\"scoring\":\"PARTIAL\",\"explanation\":\"Three", "\"scoring\":\"SOME\",\"explanation\":\"Three")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.scoring").exists());
	}

	@Test
	void passMarksThatAreNotWholePercentagesAndNumbersThatAreNotFiniteAreRefusedAtTheField() throws Exception {
		String manager = bearer(org.managerA());
		for (String passMark : List.of("80.5", "-1", "101", "1e999")) {
			mvc.perform(json(post("/api/v1/courses"), manager,
					EVERY_KIND.formatted("").replace("\"passMark\":50", "\"passMark\":" + passMark)))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.passMark").value(containsString("whole percentage from 0 to 100")));
		}
		mvc.perform(json(post("/api/v1/courses"), manager,
				EVERY_KIND.formatted("").replace("\"passMark\":50", "\"passMark\":\"eighty\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['quiz.passMark']").exists());
		mvc.perform(json(post("/api/v1/courses"), manager,
				EVERY_KIND.formatted("").replace("\"passMark\":50", "\"passMark\":80.0")))
			.andExpect(status().isCreated());

		String numeric = "\"value\":1.5,\"tolerance\":0.1";
		for (String[] wrong : List.of(new String[] { "\"value\":1e999,\"tolerance\":0.1", "questions[6].value" },
				new String[] { "\"value\":1.5,\"tolerance\":1e999", "questions[6].tolerance" },
				new String[] { "\"value\":1.5,\"tolerance\":1e-99999", "questions[6].tolerance" },
				new String[] { "\"value\":\"NaN\",\"tolerance\":0.1", "quiz.questions[6].value" },
				new String[] { "\"value\":1.5,\"tolerance\":\"Infinity\"", "quiz.questions[6].tolerance" })) {
			mvc.perform(json(post("/api/v1/courses"), manager, EVERY_KIND.formatted("").replace(numeric, wrong[0])))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors['" + wrong[1] + "']").value(containsString("number")));
		}
	}

	@Test
	void controlCharactersInTextAreRefusedAtTheFieldInsteadOfClashingWithTheDatabase() throws Exception {
		String manager = bearer(org.managerA());
		mvc.perform(json(post("/api/v1/courses"), manager, EVERY_KIND.formatted("").replace("Every kind", "Every\\u0000kind")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.title").value(containsString("control character")));
		mvc.perform(json(post("/api/v1/courses"), manager, EVERY_KIND.formatted("").replace("Use the form.", "Use the\\u0007 form.")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['lessons[1].markdown']").value(containsString("control character")));
		mvc.perform(json(post("/api/v1/courses"), manager, EVERY_KIND.formatted("").replace("\"Lunch\"", "\"Lu\\u001bnch\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['quiz.questions[1].options[2]']").exists());
		// tabs and line breaks are text
		mvc.perform(json(post("/api/v1/courses"), manager, EVERY_KIND.formatted("").replace("Use the form.", "Use\\tthe\\r\\nform.")))
			.andExpect(status().isCreated());

		String id = published("");
		String learner = bearer(org.learnerA());
		JsonNode attempt = read(mvc.perform(post("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner)));
		mvc.perform(json(put("/api/v1/attempts/" + attempt.get("attemptId").asString() + "/answers/" + ids(attempt).get(4)),
				learner, "{\"text\":\"cr\\u0000eme\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.text").value(containsString("control character")));
	}

	@Test
	void aLearnerAnswersEveryKindAsTheyGoSubmitsAndGetsFeedback() throws Exception {
		String id = published("");
		String learner = bearer(org.learnerA());
		JsonNode attempt = read(mvc.perform(post("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.questions", hasSize(7)))
			.andExpect(jsonPath("$.questions[1].rule").value(containsString("Partial credit")))
			.andExpect(jsonPath("$.questions[5].options[0].text").value("France"))
			.andExpect(jsonPath("$.questions[5].matches", hasSize(2)))
			.andExpect(jsonPath("$.questions[6].unit").value("kg"))
			.andExpect(jsonPath("$.deadline").doesNotExist()));
		String attemptId = attempt.get("attemptId").asString();
		List<String> q = ids(attempt);
		String[] answers = { "{\"selected\":[0]}", "{\"selected\":[0,1]}", "{\"selected\":[1]}", "{\"selected\":[0,1,2]}",
				"{\"text\":\"  creme BRULEE \"}", "{\"selected\":[1,1]}", "{\"text\":\"1,55\"}" };
		// matching: France → Paris (index 1), Spain → Paris too is refused; France → Paris, Spain → none is half right
		answers[5] = "{\"selected\":[1,-1]}";
		for (int i = 0; i < q.size(); i++) {
			mvc.perform(json(put("/api/v1/attempts/" + attemptId + "/answers/" + q.get(i)), learner, answers[i]))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.savedAt").exists());
		}
		mvc.perform(get("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner))
			.andExpect(jsonPath("$.answers", hasSize(7)))
			.andExpect(jsonPath("$.answers[4].text").value("  creme BRULEE "));
		// 1 + 2/3 + 1 + 1 + 1 + 1/2 + 1 = 6 1/6 of 7 points: 88%
		mvc.perform(json(post("/api/v1/attempts/" + attemptId + "/submit"), learner, "{}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "false"))
			.andExpect(jsonPath("$.attemptId").value(attemptId))
			.andExpect(jsonPath("$.score").value(88))
			.andExpect(jsonPath("$.passed").value(true))
			.andExpect(jsonPath("$.results[1].credit").value(closeTo(0.667, 0.001)))
			.andExpect(jsonPath("$.results[1].correct").value(false));
		mvc.perform(get("/api/v1/attempts/" + attemptId).header("Authorization", learner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.questions[0].verdict").value("RIGHT"))
			.andExpect(jsonPath("$.questions[1].verdict").value("PARTLY_RIGHT"))
			.andExpect(jsonPath("$.questions[1].yourAnswer", hasSize(2)))
			.andExpect(jsonPath("$.questions[1].rightAnswer", hasSize(3)))
			.andExpect(jsonPath("$.questions[1].explanation").value("Three signs."))
			.andExpect(jsonPath("$.questions[4].verdict").value("RIGHT"))
			.andExpect(jsonPath("$.questions[5].yourAnswer[1]").value("Spain → (no match)"))
			.andExpect(jsonPath("$.questions[5].rightAnswer[1]").value("Spain → Madrid"))
			.andExpect(jsonPath("$.questions[6].rightAnswer[0]").value("1.5 ± 0.1 kg"));
		mvc.perform(get("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/courses/" + id + "/attempts").header("Authorization", learner))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].score").value(88));
	}

	@Test
	void aBlankFirstAttemptDoesNotHandOverTheAnswersThatAPassOrTheLastAttemptShows() throws Exception {
		String id = published(",\"attemptLimit\":3");
		String learner = bearer(org.learnerA());
		String blank = submit(id, learner, "{\"answers\":[]}").get("attemptId").asString();
		String hidden = mvc.perform(get("/api/v1/attempts/" + blank).header("Authorization", learner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.questions[0].verdict").value("WRONG"))
			.andExpect(jsonPath("$.questions[0].rightAnswer", hasSize(0)))
			.andExpect(jsonPath("$.answersShown").value(false))
			.andExpect(jsonPath("$.answersNote").value(containsString("once you pass")))
			.andReturn().getResponse().getContentAsString();
		assertThat(hidden).doesNotContain("1 hour.", "Three signs.", "Madrid", "Crème brûlée", "1.5 ± 0.1");
		submit(id, learner, passingAnswers(id, learner));
		mvc.perform(get("/api/v1/attempts/" + blank).header("Authorization", learner))
			.andExpect(jsonPath("$.answersShown").value(true))
			.andExpect(jsonPath("$.questions[0].rightAnswer[0]").value("1 hour"))
			.andExpect(jsonPath("$.questions[1].explanation").value("Three signs."));

		String lastChance = published(",\"attemptLimit\":1");
		String failed = submit(lastChance, learner, "{\"answers\":[]}").get("attemptId").asString();
		mvc.perform(get("/api/v1/attempts/" + failed).header("Authorization", learner))
			.andExpect(jsonPath("$.passed").value(false))
			.andExpect(jsonPath("$.answersShown").value(true))
			.andExpect(jsonPath("$.questions[5].rightAnswer[1]").value("Spain → Madrid"));
	}

	@Test
	void authorsChooseWhenAnswersAreShownFromEachAttemptToNever() throws Exception {
		String learner = bearer(org.learnerA());
		String never = published(",\"answersShown\":\"NEVER\"");
		mvc.perform(get("/api/v1/courses/" + never).header("Authorization", bearer(org.managerA())))
			.andExpect(jsonPath("$.quiz.answersShown").value("NEVER"));
		String passed = submit(never, learner, passingAnswers(never, learner)).get("attemptId").asString();
		String body = mvc.perform(get("/api/v1/attempts/" + passed).header("Authorization", learner))
			.andExpect(jsonPath("$.passed").value(true))
			.andExpect(jsonPath("$.answersShown").value(false))
			.andExpect(jsonPath("$.questions[0].verdict").value("RIGHT"))
			.andExpect(jsonPath("$.questions[0].rightAnswer", hasSize(0)))
			.andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain("1 hour.", "Three signs.", "Madrid");

		String eachAttempt = published(",\"answersShown\":\"AFTER_EACH_ATTEMPT\"");
		String blank = submit(eachAttempt, learner, "{\"answers\":[]}").get("attemptId").asString();
		mvc.perform(get("/api/v1/attempts/" + blank).header("Authorization", learner))
			.andExpect(jsonPath("$.answersShown").value(true))
			.andExpect(jsonPath("$.questions[0].explanation").value("1 hour."));

		mvc.perform(json(post("/api/v1/courses"), bearer(org.managerA()),
				EVERY_KIND.formatted(",\"answersShown\":\"SOMETIMES\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.answersShown").exists());
	}

	/** Right answers to four of the seven questions: 57%, over the pass mark of 50. */
	private String passingAnswers(String id, String learner) throws Exception {
		JsonNode questions = read(mvc.perform(get("/api/v1/courses/" + id).header("Authorization", learner)))
			.get("quiz").get("questions");
		return "{\"answers\":[{\"questionId\":\"" + questions.get(0).get("id").asString() + "\",\"selected\":[0]},"
				+ "{\"questionId\":\"" + questions.get(2).get("id").asString() + "\",\"selected\":[1]},"
				+ "{\"questionId\":\"" + questions.get(3).get("id").asString() + "\",\"selected\":[0,1,2]},"
				+ "{\"questionId\":\"" + questions.get(4).get("id").asString() + "\",\"text\":\"Crème brûlée\"}]}";
	}

	private JsonNode submit(String id, String learner, String body) throws Exception {
		return read(mvc.perform(json(post("/api/v1/courses/" + id + "/attempts"), learner, body))
			.andExpect(status().isCreated()));
	}

	@Test
	void theFixedEndpointTakesTypedAnswersToo() throws Exception {
		String id = published("");
		String learner = bearer(org.learnerA());
		JsonNode course = read(mvc.perform(get("/api/v1/courses/" + id).header("Authorization", learner)));
		JsonNode questions = course.get("quiz").get("questions");
		String body = "{\"answers\":[{\"questionId\":\"" + questions.get(4).get("id").asString() + "\",\"text\":\"Crème Brûlée!\"},"
				+ "{\"questionId\":\"" + questions.get(6).get("id").asString() + "\",\"text\":\"1.4 kg\"},"
				+ "{\"questionId\":\"" + questions.get(0).get("id").asString() + "\",\"selected\":[0]},"
				+ "{\"questionId\":\"" + questions.get(2).get("id").asString() + "\",\"selected\":[1]}]}";
		mvc.perform(json(post("/api/v1/courses/" + id + "/attempts"), learner, body).header("Idempotency-Key", "typed-1"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.score").value(57))
			.andExpect(jsonPath("$.passed").value(true))
			.andExpect(jsonPath("$.results[4].text").value("Crème Brûlée!"));
		mvc.perform(json(post("/api/v1/courses/" + id + "/attempts"), learner, body).header("Idempotency-Key", "typed-1"))
			.andExpect(header().string("Idempotent-Replayed", "true"));
		mvc.perform(get("/api/v1/courses/" + id + "/attempts").header("Authorization", learner)).andExpect(jsonPath("$", hasSize(1)));
	}

	@Test
	void aLearnerResumesTheSameAttemptWithItsSavedAnswers() throws Exception {
		String id = published(",\"shuffleOptions\":true");
		String learner = bearer(org.learnerA());
		JsonNode first = read(mvc.perform(post("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner))
			.andExpect(status().isCreated()));
		String attemptId = first.get("attemptId").asString();
		mvc.perform(json(put("/api/v1/attempts/" + attemptId + "/answers/" + ids(first).get(4)), learner, "{\"text\":\"brulee\"}"))
			.andExpect(status().isOk());
		JsonNode again = read(mvc.perform(post("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner))
			.andExpect(status().isOk()));
		assertThat(again.get("attemptId").asString()).isEqualTo(attemptId);
		assertThat(again.get("questions").toString()).as("same questions, same option order").isEqualTo(first.get("questions").toString());
		assertThat(again.get("answers").get(0).get("text").asString()).isEqualTo("brulee");
		// the answer can change until submission
		mvc.perform(json(put("/api/v1/attempts/" + attemptId + "/answers/" + ids(first).get(4)), learner, "{\"text\":\"creme brulee\"}"))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner))
			.andExpect(jsonPath("$.attemptId").value(attemptId))
			.andExpect(jsonPath("$.answers", hasSize(1)))
			.andExpect(jsonPath("$.answers[0].text").value("creme brulee"));
	}

	@Test
	void aDoubleSubmitARetryAndASecondTabCountOneAttempt() throws Exception {
		String id = published("");
		String learner = bearer(org.learnerA());
		JsonNode attempt = read(mvc.perform(post("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner)));
		String attemptId = attempt.get("attemptId").asString();
		mvc.perform(json(put("/api/v1/attempts/" + attemptId + "/answers/" + ids(attempt).get(0)), learner, "{\"selected\":[0]}"));
		Callable<MvcResult> submit = () -> mvc.perform(json(post("/api/v1/attempts/" + attemptId + "/submit"), learner, "{}"))
			.andReturn();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<MvcResult>> both = pool.invokeAll(List.of(submit, submit));
			Set<String> attemptIds = new HashSet<>();
			for (Future<MvcResult> result : both) {
				assertThat(result.get().getResponse().getStatus()).isEqualTo(201);
				attemptIds.add(JSON.readTree(result.get().getResponse().getContentAsString()).get("attemptId").asString());
			}
			assertThat(attemptIds).containsExactly(attemptId);
		}
		finally {
			pool.shutdown();
		}
		mvc.perform(json(post("/api/v1/attempts/" + attemptId + "/submit"), learner, "{}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.score").value(14));
		mvc.perform(json(put("/api/v1/attempts/" + attemptId + "/answers/" + ids(attempt).get(1)), learner, "{\"selected\":[0]}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("already submitted")));
		mvc.perform(get("/api/v1/courses/" + id + "/attempts").header("Authorization", learner)).andExpect(jsonPath("$", hasSize(1)));
		assertThat(statements(org.learnerA(), Verb.FAILED)).hasSize(1);
		mvc.perform(get("/api/v1/me/learning").header("Authorization", learner))
			.andExpect(jsonPath("$[?(@.courseId == '" + id + "')].bestScore").value(14));
	}

	@Test
	void twoTabsOpeningTheQuizAtOnceShareOneAttempt() throws Exception {
		String id = published("");
		String learner = bearer(org.learnerA());
		Callable<MvcResult> open = () -> mvc.perform(post("/api/v1/courses/" + id + "/attempts/current")
			.header("Authorization", learner)).andReturn();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Set<String> attemptIds = new HashSet<>();
			for (Future<MvcResult> result : pool.invokeAll(List.of(open, open))) {
				assertThat(result.get().getResponse().getStatus()).isIn(200, 201);
				attemptIds.add(JSON.readTree(result.get().getResponse().getContentAsString()).get("attemptId").asString());
			}
			assertThat(attemptIds).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(statements(org.learnerA(), Verb.ATTEMPTED)).hasSize(1);
	}

	@Test
	void othersCannotAnswerSubmitOrReadAnAttempt() throws Exception {
		String id = published("");
		String learner = bearer(org.learnerA());
		JsonNode attempt = read(mvc.perform(post("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner)));
		String attemptId = attempt.get("attemptId").asString();
		String answer = "/api/v1/attempts/" + attemptId + "/answers/" + ids(attempt).get(0);
		mvc.perform(json(put(answer), bearer(org.learnerB()), "{\"selected\":[0]}")).andExpect(status().isNotFound());
		mvc.perform(json(put(answer), bearer(org.managerB()), "{\"selected\":[0]}")).andExpect(status().isNotFound());
		mvc.perform(json(put(answer), bearer(org.managerA()), "{\"selected\":[0]}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("Only the learner")));
		mvc.perform(json(post("/api/v1/attempts/" + attemptId + "/submit"), bearer(org.learnerB()), "{}"))
			.andExpect(status().isNotFound());
		mvc.perform(json(post("/api/v1/attempts/" + attemptId + "/submit"), bearer(org.managerA()), "{}"))
			.andExpect(status().isForbidden());
		mvc.perform(json(put("/api/v1/attempts/" + java.util.UUID.randomUUID() + "/answers/x"), learner, "{}"))
			.andExpect(status().isNotFound());
		mvc.perform(json(put("/api/v1/attempts/not-an-id/answers/x"), learner, "{}")).andExpect(status().isNotFound());
		mvc.perform(json(post("/api/v1/attempts/" + attemptId + "/submit"), learner, "{}")).andExpect(status().isCreated());
		mvc.perform(get("/api/v1/attempts/" + attemptId).header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/attempts/" + attemptId).header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/attempts/" + attemptId).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.personId").value(org.learnerA().value()));
		mvc.perform(json(post("/api/v1/attempts/" + attemptId + "/submit"), bearer(org.learnerB()), "{}"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/courses/" + id + "/attempts/current").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());
	}

	@Test
	void answersThatDoNotFitTheirQuestionAreRefused() throws Exception {
		String id = published("");
		String learner = bearer(org.learnerA());
		JsonNode attempt = read(mvc.perform(post("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner)));
		String base = "/api/v1/attempts/" + attempt.get("attemptId").asString() + "/answers/";
		List<String> q = ids(attempt);
		mvc.perform(json(put(base + q.get(0)), learner, "{\"selected\":[5]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("does not exist")));
		mvc.perform(json(put(base + q.get(0)), learner, "{\"selected\":[0,1]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("Choose one option")));
		mvc.perform(json(put(base + q.get(6)), learner, "{\"selected\":[0]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("as text")));
		mvc.perform(json(put(base + q.get(4)), learner, "{\"text\":\"" + "x".repeat(501) + "\"}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(json(put(base + q.get(5)), learner, "{\"selected\":[0,0]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("each match once")));
		String check = read(mvc.perform(get("/api/v1/courses/" + id + "/knowledge-checks").header("Authorization", learner)))
			.get(0).get("question").get("id").asString();
		mvc.perform(json(put(base + check), learner, "{\"text\":\"DPO\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("not in this quiz")));
		mvc.perform(get("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner))
			.andExpect(jsonPath("$.answers", hasSize(0)));
	}

	@Test
	void anExtraAttemptBeyondTheLimitIsRefused() throws Exception {
		String id = published(",\"attemptLimit\":2");
		String learner = bearer(org.learnerA());
		for (int i = 0; i < 2; i++) {
			mvc.perform(json(post("/api/v1/courses/" + id + "/attempts"), learner, "{\"answers\":[]}"))
				.andExpect(status().isCreated());
		}
		mvc.perform(json(post("/api/v1/courses/" + id + "/attempts"), learner, "{\"answers\":[]}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("used all 2 attempts")));
		mvc.perform(post("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/courses/" + id + "/attempts").header("Authorization", learner)).andExpect(jsonPath("$", hasSize(2)));
		// another learner has attempts of their own
		mvc.perform(post("/api/v1/courses/" + id + "/attempts/current").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.attemptNumber").value(1))
			.andExpect(jsonPath("$.attemptLimit").value(2));
	}

	@Test
	void afterTheDeadlineAnswersAreRefusedAndTheAttemptIsGradedWithWhatWasSaved() throws Exception {
		String id = published(",\"timeLimitMinutes\":10");
		String learner = bearer(org.learnerA());
		JsonNode attempt = read(mvc.perform(post("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner))
			.andExpect(jsonPath("$.deadline").exists()));
		String attemptId = attempt.get("attemptId").asString();
		List<String> q = ids(attempt);
		clock.advance(Duration.ofMinutes(9));
		mvc.perform(json(put("/api/v1/attempts/" + attemptId + "/answers/" + q.get(0)), learner, "{\"selected\":[0]}"))
			.andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(2));
		mvc.perform(json(put("/api/v1/attempts/" + attemptId + "/answers/" + q.get(2)), learner, "{\"selected\":[1]}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("Time is up")));
		mvc.perform(json(post("/api/v1/attempts/" + attemptId + "/submit"), learner,
				"{\"answers\":[{\"questionId\":\"" + q.get(2) + "\",\"selected\":[1]}]}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.timedOut").value(true))
			.andExpect(jsonPath("$.score").value(14))
			.andExpect(jsonPath("$.results[2].correct").value(false));
		mvc.perform(get("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner))
			.andExpect(status().isNotFound());
		// a second attempt, submitted late with answers: they are not taken
		JsonNode second = read(mvc.perform(post("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner))
			.andExpect(status().isCreated()));
		clock.advance(Duration.ofMinutes(11));
		mvc.perform(json(post("/api/v1/attempts/" + second.get("attemptId").asString() + "/submit"), learner,
				"{\"answers\":[{\"questionId\":\"" + q.get(0) + "\",\"selected\":[0]}]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.timedOut").value(true))
			.andExpect(jsonPath("$.score").value(0));
		// and one forgotten until the learner comes back is graded when they do
		read(mvc.perform(post("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner)));
		clock.advance(Duration.ofHours(2));
		mvc.perform(get("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/courses/" + id + "/attempts").header("Authorization", learner))
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[?(@.timedOut == true)]", hasSize(3)));
	}

	@Test
	void eachAttemptDrawsFromThePoolAndShufflesTheOptions() throws Exception {
		StringBuilder questions = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			questions.append(i == 0 ? "" : ",").append("{\"kind\":\"SINGLE_CHOICE\",\"prompt\":\"Question ").append(i)
				.append("\",\"options\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"],\"correct\":[").append(i).append("]}");
		}
		String body = "{\"title\":\"Pool\",\"lessons\":[{\"title\":\"L\",\"markdown\":\"x\"}],\"quiz\":{\"passMark\":100,"
				+ "\"drawCount\":3,\"shuffleOptions\":true,\"questions\":[" + questions + "]}}";
		String id = publish(read(mvc.perform(json(post("/api/v1/courses"), bearer(org.managerA()), body))).get("id").asString());
		String learner = bearer(org.learnerA());
		Set<List<String>> draws = new HashSet<>();
		Set<String> orders = new HashSet<>();
		for (int i = 0; i < 8; i++) {
			JsonNode attempt = read(mvc.perform(post("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.questions", hasSize(3))));
			List<String> drawn = ids(attempt);
			draws.add(drawn);
			StringBuilder answers = new StringBuilder();
			for (JsonNode question : attempt.get("questions")) {
				List<Integer> order = new ArrayList<>();
				question.get("options").forEach(option -> order.add(option.get("index").asInt()));
				assertThat(order).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
				orders.add(order.toString());
				int right = Integer.parseInt(question.get("prompt").asString().substring("Question ".length()));
				answers.append(answers.isEmpty() ? "" : ",").append("{\"questionId\":\"").append(question.get("id").asString())
					.append("\",\"selected\":[").append(right).append("]}");
			}
			mvc.perform(json(post("/api/v1/attempts/" + attempt.get("attemptId").asString() + "/submit"), learner,
					"{\"answers\":[" + answers + "]}"))
				.andExpect(jsonPath("$.score").value(100))
				.andExpect(jsonPath("$.results", hasSize(3)));
		}
		assertThat(draws).as("8 draws of 3 from 6 questions").hasSizeGreaterThan(1);
		assertThat(orders).as("24 shuffles of 6 options").hasSizeGreaterThan(1);
	}

	@Test
	void knowledgeChecksAreAnsweredWithFeedbackRecordedAndLeftOutOfTheQuiz() throws Exception {
		String id = published("");
		String learner = bearer(org.learnerA());
		JsonNode checks = read(mvc.perform(get("/api/v1/courses/" + id + "/knowledge-checks").header("Authorization", learner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].feedback").doesNotExist()));
		String check = checks.get(0).get("question").get("id").asString();
		JsonNode course = read(mvc.perform(get("/api/v1/courses/" + id).header("Authorization", learner)));
		assertThat(checks.get(0).get("lessonId").asString()).isEqualTo(course.get("lessons").get(0).get("id").asString());
		String answers = "/api/v1/courses/" + id + "/knowledge-checks/" + check + "/answers";
		mvc.perform(json(post(answers), learner, "{\"text\":\"my manager\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.verdict").value("WRONG"))
			.andExpect(jsonPath("$.rightAnswer[0]").value("the data protection officer"))
			.andExpect(jsonPath("$.explanation").value("The DPO decides what happens next."));
		mvc.perform(json(post(answers), learner, "{\"text\":\"The Data-Protection Officer\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.verdict").value("RIGHT"));
		mvc.perform(get("/api/v1/courses/" + id + "/knowledge-checks").header("Authorization", learner))
			.andExpect(jsonPath("$[0].lastAnswer.text").value("The Data-Protection Officer"))
			.andExpect(jsonPath("$[0].feedback.verdict").value("RIGHT"));
		mvc.perform(json(post(answers), learner, "{\"selected\":[0]}")).andExpect(status().isUnprocessableContent());
		String quizQuestion = course.get("quiz").get("questions").get(0).get("id").asString();
		mvc.perform(json(post("/api/v1/courses/" + id + "/knowledge-checks/" + quizQuestion + "/answers"), learner, "{\"selected\":[0]}"))
			.andExpect(status().isNotFound());
		List<Statement> answered = statements(org.learnerA(), Verb.ANSWERED);
		assertThat(answered).hasSize(2).allSatisfy(s -> assertThat(s.courseId()).isEqualTo(id));
		assertThat(answered.get(1).success()).isTrue();
		// not part of the quiz: a quiz attempt is scored on the quiz alone, and the learner has no attempt yet
		mvc.perform(get("/api/v1/courses/" + id + "/attempts").header("Authorization", learner)).andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(json(post("/api/v1/courses/" + id + "/attempts"), learner, "{\"answers\":[]}"))
			.andExpect(jsonPath("$.results", hasSize(7)))
			.andExpect(jsonPath("$.score").value(0));
	}

	@Test
	void statementsSayWhenAnAttemptStartsHowEachAnswerDidAndTheVerdict() throws Exception {
		String id = published("");
		String learner = bearer(org.learnerA());
		JsonNode attempt = read(mvc.perform(post("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner)));
		assertThat(statements(org.learnerA(), Verb.ATTEMPTED)).as("recorded at the start").hasSize(1);
		assertThat(statements(org.learnerA(), Verb.ANSWERED)).isEmpty();
		String attemptId = attempt.get("attemptId").asString();
		mvc.perform(json(put("/api/v1/attempts/" + attemptId + "/answers/" + ids(attempt).get(1)), learner, "{\"selected\":[0,1]}"));
		mvc.perform(json(post("/api/v1/attempts/" + attemptId + "/submit"), learner, "{}")).andExpect(status().isCreated());
		List<Statement> answered = statements(org.learnerA(), Verb.ANSWERED);
		assertThat(answered).hasSize(7);
		Statement partial = answered.stream().filter(s -> s.objectId().endsWith(ids(attempt).get(1))).findFirst().orElseThrow();
		assertThat(partial.score()).isCloseTo(0.667, offset(0.001));
		assertThat(partial.success()).isFalse();
		JsonNode json = JSON.readTree(partial.json());
		assertThat(json.get("result").get("response").asString()).isEqualTo("0[,]1");
		assertThat(json.get("object").get("definition").get("type").asString()).endsWith("cmi.interaction");
		Statement failed = statements(org.learnerA(), Verb.FAILED).get(0);
		assertThat(failed.score()).isCloseTo(0.667 / 7, offset(0.001));
		assertThat(statements(org.learnerA(), Verb.ATTEMPTED)).hasSize(1);
	}

	@Test
	void coursesALearnerCannotTakeAreNotFoundAndACourseWithoutAQuizHasNoAttempts() throws Exception {
		String draft = read(mvc.perform(json(post("/api/v1/courses"), bearer(org.managerA()), EVERY_KIND.formatted(""))))
			.get("id").asString();
		String learner = bearer(org.learnerA());
		mvc.perform(post("/api/v1/courses/" + draft + "/attempts/current").header("Authorization", learner))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/courses/" + draft + "/attempts/current").header("Authorization", learner))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/courses/" + draft + "/attempts").header("Authorization", learner))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/courses/" + draft + "/knowledge-checks").header("Authorization", learner))
			.andExpect(status().isNotFound());
		mvc.perform(json(post("/api/v1/courses/" + draft + "/knowledge-checks/x/answers"), learner, "{}"))
			.andExpect(status().isNotFound());
		String noQuiz = read(mvc.perform(json(post("/api/v1/courses"), bearer(org.managerA()),
				"{\"title\":\"Reading only\",\"lessons\":[{\"title\":\"L\",\"markdown\":\"x\"}]}"))).get("id").asString();
		publish(noQuiz);
		mvc.perform(post("/api/v1/courses/" + noQuiz + "/attempts/current").header("Authorization", learner))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("no quiz")));
		mvc.perform(get("/api/v1/courses/" + noQuiz + "/knowledge-checks").header("Authorization", learner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
		String id = published("");
		JsonNode attempt = read(mvc.perform(post("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner)));
		mvc.perform(json(post("/api/v1/attempts/" + attempt.get("attemptId").asString() + "/submit"), learner,
				"{\"answers\":[{\"questionId\":\"" + ids(attempt).get(0) + "\",\"selected\":[9]}]}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/v1/courses/" + id + "/attempts/current").header("Authorization", learner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.attemptId").value(attempt.get("attemptId").asString()));
	}

	@Test
	void theAttemptAndKnowledgeCheckEndpointsAreDocumented() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/v1/courses/{id}/attempts/current", "/api/v1/attempts/{attemptId}/answers/{questionId}",
				"/api/v1/attempts/{attemptId}/submit", "/api/v1/attempts/{attemptId}",
				"/api/v1/courses/{id}/knowledge-checks/{questionId}/answers", "Idempotency-Key", "PARTLY_RIGHT",
				"\"accepted\"", "\"tolerance\"", "\"knowledgeChecks\"", "\"attemptLimit\"");
	}

	private String published(String settings) throws Exception {
		String created = read(mvc.perform(json(post("/api/v1/courses"), bearer(org.managerA()), EVERY_KIND.formatted(settings)))
			.andExpect(status().isCreated())).get("id").asString();
		return publish(created);
	}

	private String publish(String id) throws Exception {
		mvc.perform(post("/api/v1/courses/" + id + "/publish").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk());
		mvc.perform(json(post("/api/v1/courses/" + id + "/assignments"), bearer(org.managerA()),
				"{\"teamId\":\"" + org.teamA().value() + "\",\"dueDate\":\"" + LocalDate.now().plusDays(5) + "\"}"))
			.andExpect(status().isCreated());
		return id;
	}

	private static List<String> ids(JsonNode attempt) {
		List<String> ids = new ArrayList<>();
		attempt.get("questions").forEach(q -> ids.add(q.get("id").asString()));
		return ids;
	}

	private List<Statement> statements(PersonId person, Verb verb) {
		return record.statementsOf(person).stream().filter(s -> s.verbIri().equals(verb.iri())).toList();
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String bearer, String body) {
		return request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static JsonNode read(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}
}
