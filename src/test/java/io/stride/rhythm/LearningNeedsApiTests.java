package io.stride.rhythm;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.jayway.jsonpath.JsonPath;
import io.stride.authoring.Course;
import io.stride.identity.PersonId;
import io.stride.shared.Ids;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Learning needs through the API: filing, voices, answering with a course, turning into a commission. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class LearningNeedsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	Org org;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
	}

	@Test
	void colleaguesAddTheirVoiceOnceAndTheListPutsTheMostVoicedFirst() throws Exception {
		String quiet = idOf(file(org.learnerA(), "{\"what\":\"Quiet need " + org.suffix() + "\"}"));
		clock.advance(Duration.ofMinutes(1));
		String loud = idOf(file(org.learnerA(), "{\"what\":\"Loud need " + org.suffix() + "\",\"teamId\":\""
				+ org.teamA().value() + "\"}"));
		voice(org.learnerB(), loud, "{\"note\":\"Same in my team\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.voices").value(1))
			.andExpect(jsonPath("$.votedByMe").value(true));
		voice(org.learnerB(), loud, "{}").andExpect(status().isConflict());
		voice(org.learnerA(), loud, "{}").andExpect(status().isUnprocessableContent());
		voice(org.learnerSubA(), loud, "{\"note\":\"" + "x".repeat(501) + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.note").exists());
		voice(org.learnerSubA(), loud, "{}").andExpect(jsonPath("$.voices").value(2));
		voice(org.managerB(), quiet, "{}").andExpect(jsonPath("$.voices").value(1));

		mvc.perform(get("/api/v1/learning-needs?q=" + org.suffix()).header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].id").value(loud))
			.andExpect(jsonPath("$[0].voices").value(2))
			.andExpect(jsonPath("$[1].id").value(quiet));
		mvc.perform(get("/api/v1/learning-needs?teamId=" + org.teamA().value()).header("Authorization", bearer(org.learnerB())))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value(loud));
		mvc.perform(get("/api/v1/learning-needs?status=maybe").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.status").exists());

		mvc.perform(delete("/api/v1/learning-needs/" + loud + "/voices/me").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.voices").value(1));
		mvc.perform(delete("/api/v1/learning-needs/" + loud + "/voices/me").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/learning-needs/" + loud).header("Authorization", bearer(org.managerB())))
			.andExpect(jsonPath("$.voters[0].name").value("Learner A1"))
			.andExpect(jsonPath("$.mayDecide").value(false));
		mvc.perform(get("/api/v1/learning-needs/" + Ids.newId()).header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
	}

	@Test
	void aNeedWithoutTextOrWithAnUnknownTeamIsRefusedAtTheField() throws Exception {
		file(org.learnerA(), "{\"what\":\"  \",\"teamId\":\"" + Ids.newId() + "\",\"capabilityId\":\"nope\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.what").value("Say what you struggle with."))
			.andExpect(jsonPath("$.errors.teamId").exists())
			.andExpect(jsonPath("$.errors.capabilityId").exists());
	}

	@Test
	void aManagerAnswersANeedWithACourseAndTheFilerAndVoicesHearOfIt() throws Exception {
		String need = idOf(file(org.learnerA(), "{\"what\":\"Pricing objections\",\"teamId\":\"" + org.teamA().value() + "\"}"));
		voice(org.learnerB(), need, "{}").andExpect(status().isCreated());
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerB()), "Pricing " + org.suffix());
		answer(org.learnerB(), need, course.id().value()).andExpect(status().isForbidden());
		answer(org.managerB(), need, course.id().value()).andExpect(status().isForbidden());
		answer(org.managerA(), need, Ids.newId())
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.courseId").value("Choose a published course that answers this need."));
		answer(org.managerA(), need, course.id().value())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ANSWERED"))
			.andExpect(jsonPath("$.answerCourseTitle").value(course.title()));
		answer(org.managerA(), need, course.id().value()).andExpect(status().isConflict());
		voice(org.learnerSubA(), need, "{}").andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/v1/learning-needs?status=ANSWERED&teamId=" + org.teamA().value())
			.header("Authorization", bearer(org.learnerB())))
			.andExpect(jsonPath("$[0].id").value(need));
		for (PersonId heard : new PersonId[] { org.learnerA(), org.learnerB() }) {
			await().atMost(Duration.ofSeconds(10)).until(() -> notifications(heard, "/learning-needs/" + need) == 1);
		}
	}

	@Test
	void aNeedTurnedIntoACommissionIsAnsweredWhenItsCourseIsPublished() throws Exception {
		String need = idOf(file(org.learnerA(), "{\"what\":\"Renewal calls\",\"teamId\":\"" + org.teamA().value() + "\"}"));
		String due = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(10).toString();
		String commission = idOf(mvc.perform(post("/api/v1/commissions").header("Authorization", bearer(org.managerA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"needId\":\"" + need + "\",\"teamId\":\"" + org.teamA().value() + "\",\"authorId\":\""
					+ org.learnerSubA().value() + "\",\"problem\":\"Renewal calls\",\"dueOn\":\"" + due + "\"}")));
		mvc.perform(post("/api/v1/commissions").header("Authorization", bearer(org.managerB()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"needId\":\"" + need + "\",\"teamId\":\"" + org.teamB().value() + "\",\"authorId\":\""
					+ org.learnerB().value() + "\",\"problem\":\"Renewal calls\",\"dueOn\":\"" + due + "\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/learning-needs/" + need).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$.status").value("COMMISSIONED"))
			.andExpect(jsonPath("$.commissionId").value(commission));
		Course course = fixtures.publishedCourse(fixtures.viewer(org.learnerSubA()), "Renewals " + org.suffix());
		mvc.perform(post("/api/v1/commissions/" + commission + "/course").header("Authorization", bearer(org.learnerSubA()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"courseId\":\"" + course.id().value() + "\"}")).andExpect(status().isOk());
		mvc.perform(get("/api/v1/learning-needs/" + need).header("Authorization", bearer(org.learnerA())))
			.andExpect(jsonPath("$.status").value("ANSWERED"))
			.andExpect(jsonPath("$.answerCourseId").value(course.id().value()));
		assertThat(notificationsEventually(org.learnerA(), "/learning-needs/" + need)).isEqualTo(1);
	}

	@Test
	void everyEndpointIsDocumentedInOpenApi() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("\"Learning needs\"", "/api/v1/learning-needs", "/api/v1/learning-needs/{id}",
				"/api/v1/learning-needs/{id}/voices", "/api/v1/learning-needs/{id}/voices/me",
				"/api/v1/learning-needs/{id}/answer", "NeedBody", "NeedView");
	}

	private int notificationsEventually(PersonId person, String link) {
		await().atMost(Duration.ofSeconds(10)).until(() -> notifications(person, link) > 0);
		return notifications(person, link);
	}

	private ResultActions file(PersonId who, String body) throws Exception {
		return mvc.perform(post("/api/v1/learning-needs").header("Authorization", bearer(who))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions voice(PersonId who, String need, String body) throws Exception {
		return mvc.perform(post("/api/v1/learning-needs/" + need + "/voices").header("Authorization", bearer(who))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions answer(PersonId who, String need, String course) throws Exception {
		return mvc.perform(post("/api/v1/learning-needs/" + need + "/answer").header("Authorization", bearer(who))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"courseId\":\"" + course + "\"}"));
	}

	private String idOf(ResultActions result) throws Exception {
		return JsonPath.read(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
	}

	private int notifications(PersonId person, String link) {
		return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE person_id = ? AND link = ?")
			.params(person.value(), link)
			.query(Integer.class)
			.single();
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
