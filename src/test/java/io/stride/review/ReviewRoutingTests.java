package io.stride.review;

import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Publishing follows the tier's policy: low at once, medium after one approval, high after two in sequence;
 * and the guards hold: no self-approval, no approval of a version one edited, no two steps by one person.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewRoutingTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	Org org;

	String author;

	String reviewerOne;

	String reviewerTwo;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		author = bearer(org.managerA());
		reviewerOne = bearer(fixtures.person(fixtures.admin(), "Rev One", "rev-one", org.suffix(), Set.of(), Set.of(), Role.REVIEWER));
		PersonId two = fixtures.person(fixtures.admin(), "Rev Two", "rev-two", org.suffix(), Set.of(), Set.of(), Role.REVIEWER);
		fixtures.complianceReviewer(two);
		reviewerTwo = bearer(two);
	}

	@Test
	void lowRiskPublishesAtOnce() throws Exception {
		String id = course("Filing expenses", "Use the form and attach receipts.");
		mvc.perform(post("/api/v1/courses/" + id + "/publish").header("Authorization", author))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"));
	}

	@Test
	void mediumRiskNeedsOneApprovalNotByTheAuthor() throws Exception {
		String id = course("Answering customers", "Reply to every customer within one working day.");
		String caseId = submit(id);
		mvc.perform(get("/api/v1/courses/" + id).header("Authorization", author)).andExpect(jsonPath("$.status").value("IN_REVIEW"));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", author))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("You wrote this course")));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("Only reviewers")));
		mvc.perform(get("/api/v1/me/reviews").header("Authorization", reviewerOne)).andExpect(jsonPath("$[?(@.id == '" + caseId + "')]", hasSize(1)));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", reviewerOne))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.steps[0].status").value("APPROVED"));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", reviewerOne))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/courses/" + id).header("Authorization", author)).andExpect(jsonPath("$.status").value("PUBLISHED"));
	}

	@Test
	void highRiskNeedsTwoApprovalsByTwoPeopleInSequence() throws Exception {
		String id = course("Data breaches", "Report a personal data breach to the DPO within 24 hours.");
		String caseId = submit(id);
		mvc.perform(get("/api/v1/reviews/" + caseId).header("Authorization", reviewerOne))
			.andExpect(jsonPath("$.steps", hasSize(2)))
			.andExpect(jsonPath("$.steps[0].name").value("Subject-matter expert"))
			.andExpect(jsonPath("$.steps[1].name").value("Compliance"));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", reviewerOne))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.steps[1].status").value("PENDING"));
		mvc.perform(get("/api/v1/courses/" + id).header("Authorization", author)).andExpect(jsonPath("$.status").value("IN_REVIEW"));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", reviewerOne))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("earlier step")));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", reviewerTwo))
			.andExpect(jsonPath("$.status").value("APPROVED"));
		mvc.perform(get("/api/v1/courses/" + id).header("Authorization", author)).andExpect(jsonPath("$.status").value("PUBLISHED"));
	}

	@Test
	void someoneWhoEditedTheVersionCannotApproveIt() throws Exception {
		String id = course("Answering customers " + org.suffix(), "Reply to every customer within one working day.");
		String admin = "Bearer " + fixtures.token(fixtures.admin().id());
		int revision = JSON.readTree(mvc.perform(get("/api/v1/courses/" + id).header("Authorization", admin))
			.andReturn().getResponse().getContentAsString()).get("revision").asInt();
		mvc.perform(put("/api/v1/courses/" + id).header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
				.content("{\"revision\":" + revision + ",\"title\":\"Answering customers, edited\",\"lessons\":[{\"title\":\"L\","
						+ "\"markdown\":\"Reply to every customer within one working day.\"}]}"))
			.andExpect(status().isOk());
		String caseId = submit(id);
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", admin))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("You edited this version")));
	}

	@Test
	void requestedChangesSendTheCourseBackToItsAuthor() throws Exception {
		String id = course("Answering customers", "Reply to every customer within one working day.");
		String caseId = submit(id);
		mvc.perform(post("/api/v1/reviews/" + caseId + "/request-changes").header("Authorization", reviewerOne)
				.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"Name the escalation path.\",\"anchor\":\"Lesson: L\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CHANGES_REQUESTED"));
		mvc.perform(get("/api/v1/courses/" + id).header("Authorization", author)).andExpect(jsonPath("$.status").value("DRAFT"));
		String again = submit(id);
		mvc.perform(get("/api/v1/reviews/" + again).header("Authorization", author)).andExpect(jsonPath("$.status").value("OPEN"));
	}

	@Test
	void overlapAndConflictingFactsWithPublishedCoursesAreShown() throws Exception {
		String published = course("Breach basics " + org.suffix(), "Report a personal data breach to the DPO within 24 hours. "
				+ "Write down what happened and which data was affected.");
		String submitted = submit(published);
		mvc.perform(post("/api/v1/reviews/" + submitted + "/approve").header("Authorization", reviewerOne));
		mvc.perform(post("/api/v1/reviews/" + submitted + "/approve").header("Authorization", reviewerTwo));
		String id = course("Breach reporting " + org.suffix(), "Report a personal data breach to the DPO within 1 hour. "
				+ "Write down what happened and which data was affected.");
		String caseId = submit(id);
		mvc.perform(get("/api/v1/reviews/" + caseId + "/overlap").header("Authorization", reviewerOne))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.courseId == '" + published + "')].report.share").value(1.0))
			.andExpect(jsonPath("$[?(@.courseId == '" + published + "')].report.conflicts[0].mineSays").value("1 hour"))
			.andExpect(jsonPath("$[?(@.courseId == '" + published + "')].report.conflicts[0].theirsSays").value("24 hours"));
		// the author sees the same report, to link or reuse instead of duplicating
		mvc.perform(get("/courses/" + id + "/review").with(io.stride.support.SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Published courses that say much the same")))
			.andExpect(content().string(containsString("Breach basics " + org.suffix())))
			.andExpect(content().string(containsString("<strong>24 hours</strong>")));
	}

	@Test
	void theCourseThatSaysTheSameIsFoundAmongManyThatShareSomeWords() throws Exception {
		String same = course("Lost laptops " + org.suffix(), "Report a lost laptop holding personal data to the DPO "
				+ "within 72 hours. Encrypt every laptop that leaves the office.");
		String sameCase = submit(same);
		mvc.perform(post("/api/v1/reviews/" + sameCase + "/approve").header("Authorization", reviewerOne));
		mvc.perform(post("/api/v1/reviews/" + sameCase + "/approve").header("Authorization", reviewerTwo));
		// published after it, more courses share a few of its words than the check compares
		for (int i = 0; i < OverlapCheck.CANDIDATES + 2; i++) {
			String other = course("Breach drills " + i + " " + org.suffix(), "Personal data breach drills run every quarter. "
					+ "The team lead books the room for the drill.");
			String otherCase = submit(other);
			mvc.perform(post("/api/v1/reviews/" + otherCase + "/approve").header("Authorization", reviewerOne));
			mvc.perform(post("/api/v1/reviews/" + otherCase + "/approve").header("Authorization", reviewerTwo));
		}
		String id = course("When a laptop is lost " + org.suffix(), "Report a lost laptop holding personal data to the DPO "
				+ "within 72 hours. Encrypt every laptop that leaves the office.");
		String caseId = submit(id);
		mvc.perform(get("/api/v1/reviews/" + caseId + "/overlap").header("Authorization", reviewerOne))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].courseId").value(same))
			.andExpect(jsonPath("$[0].report.share").value(1.0));
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void overdueHighRiskCoursesAreListedAndCannotBeNewlyAssigned() throws Exception {
		String id = course("Breach duties " + org.suffix(), "Report a personal data breach to the DPO within 24 hours.");
		String caseId = submit(id);
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", reviewerOne));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", reviewerTwo));
		jdbc.sql("UPDATE courses SET review_by = ? WHERE id = ?").params(java.time.LocalDate.now().minusDays(1), id).update();
		mvc.perform(post("/api/v1/courses/" + id + "/assignments").header("Authorization", author)
				.contentType(MediaType.APPLICATION_JSON).content("{\"teamId\":\"" + org.teamA().value() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("due for review")));
		var reviewer = io.stride.support.SignedIn.as(fixtures.viewerPerson(fixtures.admin().id()));
		mvc.perform(get("/courses/review-due").with(reviewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Breach duties " + org.suffix())))
			.andExpect(content().string(containsString("overdue")));
		mvc.perform(get("/courses/review-due").with(io.stride.support.SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andExpect(status().isForbidden());
	}

	@Test
	void aRetiredCourseStaysForItsLearnersAndIsHiddenFromNewOnes() throws Exception {
		String id = course("Old process " + org.suffix(), "Use the old form and attach receipts.");
		mvc.perform(post("/api/v1/courses/" + id + "/publish").header("Authorization", author)).andExpect(status().isOk());
		mvc.perform(get("/learning/courses/" + id).with(io.stride.support.SignedIn.as(fixtures.viewerPerson(org.learnerA()))))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/courses/" + id + "/retire").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/courses/" + id + "/retire").header("Authorization", author))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETIRED"));
		mvc.perform(get("/learning/courses/" + id).with(io.stride.support.SignedIn.as(fixtures.viewerPerson(org.learnerA()))))
			.andExpect(status().isOk());
		mvc.perform(get("/learning/courses/" + id).with(io.stride.support.SignedIn.as(fixtures.viewerPerson(org.learnerB()))))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/courses/" + id + "/assignments").header("Authorization", author)
				.contentType(MediaType.APPLICATION_JSON).content("{\"teamId\":\"" + org.teamA().value() + "\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/courses/" + id + "/retire").header("Authorization", author)).andExpect(status().isConflict());
	}

	private String course(String title, String text) throws Exception {
		String body = "{\"title\":\"" + title + "\",\"lessons\":[{\"title\":\"L\",\"markdown\":\"" + text + "\"}]}";
		String json = mvc.perform(post("/api/v1/courses").header("Authorization", author).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JSON.readTree(json).get("id").asString();
	}

	private String submit(String courseId) throws Exception {
		String json = mvc.perform(post("/api/v1/courses/" + courseId + "/publish").header("Authorization", author))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("IN_REVIEW"))
			.andReturn().getResponse().getContentAsString();
		return JSON.readTree(json).get("reviewCaseId").asString();
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
