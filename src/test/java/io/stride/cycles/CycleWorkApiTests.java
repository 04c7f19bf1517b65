package io.stride.cycles;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
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
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Invitations, comments, check-ins, produced links and closing through the API: each answer and its refusals. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class CycleWorkApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	LearningCycles cycles;

	Org org;

	LearningCycle cycle;

	Goal goal;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		Viewer ana = fixtures.viewer(org.learnerA());
		cycle = cycles.start(ana, new NewCycle("Spring", null, 45, Visibility.MANAGER, List.of(), null, null, null));
		goal = cycles.addGoal(ana, cycle.id(), GoalDraft.of("Run a customer workshop"));
	}

	@Test
	void anInvitedColleagueCommentsAndTheOwnerReplies() throws Exception {
		String comments = "/api/v1/goals/" + goal.id().value() + "/comments";
		send(post(comments), org.learnerB(), "{\"body\":\"Hello\"}").andExpect(status().isNotFound());

		send(post("/api/v1/cycles/" + cycle.id().value() + "/invitations"), org.learnerA(),
				"{\"people\":[\"" + org.learnerB().value() + "\"],\"message\":\"Your view?\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.invited[0].name").value("Learner B"));
		String id = JsonPath.read(send(post(comments), org.learnerB(), "{\"body\":\"Which customers?\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.authorName").value("Learner B"))
			.andReturn().getResponse().getContentAsString(), "$.id");
		send(post(comments), org.learnerA(), "{\"body\":\"Two pilots\",\"parentId\":\"" + id + "\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.parentId").value(id));

		for (PersonId who : new PersonId[] { org.learnerA(), org.learnerB(), org.managerA() }) {
			mvc.perform(get(comments).header("Authorization", bearer(who)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(1)))
				.andExpect(jsonPath("$[0].body").value("Which customers?"))
				.andExpect(jsonPath("$[0].replies[0].body").value("Two pilots"));
		}
		mvc.perform(get(comments).header("Authorization", bearer(org.managerB()))).andExpect(status().isNotFound());
	}

	@Test
	void invitationsAndCommentsAreRefusedAtTheFieldOrForWhoMayNot() throws Exception {
		String invitations = "/api/v1/cycles/" + cycle.id().value() + "/invitations";
		send(post(invitations), org.learnerA(), "{\"people\":[\"" + org.learnerA().value() + "\"]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors.people").value("Invite colleagues other than yourself."));
		send(post(invitations), org.managerA(), "{\"people\":[\"" + org.learnerB().value() + "\"]}")
			.andExpect(status().isForbidden());
		send(post(invitations), org.learnerB(), "{\"people\":[\"" + org.learnerB().value() + "\"]}")
			.andExpect(status().isNotFound());
		send(post("/api/v1/goals/" + goal.id().value() + "/comments"), org.learnerA(), "{\"body\":\"\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.body").value("Write your comment."));
		send(post("/api/v1/goals/" + goal.id().value() + "/comments"), org.learnerA(),
				"{\"body\":\"Hi\",\"parentId\":\"nope\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.parentId").exists());
	}

	@Test
	void theOwnerChecksInAndReadersReadTheCheckIns() throws Exception {
		String checkIns = "/api/v1/cycles/" + cycle.id().value() + "/check-ins";
		String g = goal.id().value();
		send(post(checkIns), org.learnerA(),
				"{\"goals\":[{\"goalId\":\"" + g + "\",\"note\":\"Planned the agenda\",\"progress\":30,\"minutes\":45}]}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$[0].progress").value(30))
			.andExpect(jsonPath("$[0].minutes").value(45));
		mvc.perform(get(checkIns).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].note").value("Planned the agenda"));
		assertThat(cycles.cycle(fixtures.viewer(org.learnerA()), cycle.id()).goals().get(0).minutesLogged()).isEqualTo(45);

		send(post(checkIns), org.learnerA(), "{\"goals\":[{\"goalId\":\"" + g + "\",\"note\":\"\",\"progress\":150}]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['goals[" + g + "].note']").exists())
			.andExpect(jsonPath("$.errors['goals[" + g + "].progress']").value("Progress is a percentage from 0 to 100."));
		send(post(checkIns), org.learnerA(), "{\"goals\":[]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.goals").exists());
		send(post(checkIns), org.managerA(), "{\"goals\":[{\"goalId\":\"" + g + "\",\"note\":\"x\"}]}")
			.andExpect(status().isForbidden());
		send(post(checkIns), org.learnerB(), "{\"goals\":[{\"goalId\":\"" + g + "\",\"note\":\"x\"}]}")
			.andExpect(status().isNotFound());
		mvc.perform(get(checkIns).header("Authorization", bearer(org.learnerB()))).andExpect(status().isNotFound());
	}

	@Test
	void producedLinksAreAddedAndRemovedByTheOwnerOnly() throws Exception {
		String links = "/api/v1/goals/" + goal.id().value() + "/links";
		String id = JsonPath.read(send(post(links), org.learnerA(),
				"{\"title\":\"Workshop slides\",\"url\":\"https://slides.example.com/w1\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.title").value("Workshop slides"))
			.andReturn().getResponse().getContentAsString(), "$.id");
		send(post(links), org.learnerA(), "{\"title\":\"Bad\",\"url\":\"ftp://x.example\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.url").exists());
		send(post(links), org.managerA(), "{\"title\":\"Mine\",\"url\":\"https://x.example\"}")
			.andExpect(status().isForbidden());
		mvc.perform(delete(links + "/" + id).header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());
		mvc.perform(delete(links + "/" + id).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNoContent());
		mvc.perform(delete(links + "/" + id).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNotFound());
	}

	@Test
	void closingCarriesUnfinishedGoalsIntoANewCycleAndRefusesWhatIsMissing() throws Exception {
		String close = "/api/v1/cycles/" + cycle.id().value() + "/close";
		String g = goal.id().value();
		send(post(close), org.learnerA(), "{\"goals\":[{\"goalId\":\"" + g + "\",\"outcome\":\"MAYBE\"}]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors['goals[" + g + "].outcome']").exists());
		send(post(close), org.learnerA(), "{\"goals\":[{\"goalId\":\"" + g + "\",\"outcome\":\"PARTLY\"}],"
				+ "\"carryOver\":[\"" + g + "\"],\"days\":120}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.days").exists());
		send(post(close), org.managerA(), "{\"goals\":[]}").andExpect(status().isForbidden());
		send(post(close), org.learnerB(), "{\"goals\":[]}").andExpect(status().isNotFound());

		String body = send(post(close), org.learnerA(), "{\"goals\":[{\"goalId\":\"" + g + "\",\"outcome\":\"PARTLY\","
				+ "\"reflection\":\"Ran one of two\",\"nextStep\":\"Run the second\"}],\"carryOver\":[\"" + g + "\"],"
				+ "\"days\":30}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.goals[0].outcome").value("PARTLY"))
			.andExpect(jsonPath("$.goals[0].reflection").value("Ran one of two"))
			.andExpect(jsonPath("$.nextCycleId").isNotEmpty())
			.andReturn().getResponse().getContentAsString();
		String next = JsonPath.read(body, "$.nextCycleId");
		LearningCycle started = cycles.cycle(fixtures.viewer(org.learnerA()), new CycleId(next));
		assertThat(started.days()).isEqualTo(30);
		assertThat(started.goals()).extracting(Goal::what).containsExactly("Run a customer workshop");
		send(post(close), org.learnerA(), "{\"goals\":[]}").andExpect(status().isConflict());
	}

	@Test
	void everyEndpointIsDocumentedInOpenApi() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("Learning cycles: during and closing", "/api/v1/cycles/{id}/invitations",
				"/api/v1/goals/{id}/comments", "/api/v1/cycles/{id}/check-ins", "/api/v1/goals/{id}/links",
				"/api/v1/goals/{id}/links/{linkId}", "/api/v1/cycles/{id}/close", "CloseBody", "CheckInBody");
	}

	private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			PersonId who, String body) throws Exception {
		return mvc.perform(request.header("Authorization", bearer(who)).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
