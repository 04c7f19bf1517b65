package io.stride.review;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import org.jsoup.Jsoup;
import io.stride.authoring.ReviewPolicies;
import io.stride.authoring.ReviewPolicy;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The governance around review: spot-checks after publishing at once, routing by topic and compliance, admin-edited
 * policies, due times and overdue cases, comment threads, rejection, the diff against the published version, and two
 * reviewers acting at once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewGovernanceTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReviewPolicies policies;

	@Autowired
	Reviews reviews;

	@Autowired
	Authoring authoring;

	Org org;

	String author;

	String admin;

	PersonId ld;

	PersonId salesOnly;

	PersonId privacy;

	PersonId compliance;

	ReviewPolicy mediumBefore;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		author = bearer(org.managerA());
		admin = "Bearer " + fixtures.token(fixtures.admin().id());
		ld = reviewer("Lee LD");
		salesOnly = reviewer("Sal Sales");
		reviews.setUp(fixtures.admin(), salesOnly, "Sales", false, false);
		privacy = reviewer("Pia Privacy");
		reviews.setUp(fixtures.admin(), privacy, "Privacy, Security", false, false);
		compliance = reviewer("Cora Compliance");
		fixtures.complianceReviewer(compliance);
		mediumBefore = policies.policy(RiskTier.MEDIUM);
	}

	@AfterEach
	void restore() {
		policies.update(fixtures.admin(), mediumBefore);
	}

	@Test
	void aLowRiskCoursePublishesAtOnceAndGetsAPeerSpotCheckWithinFourteenDays() throws Exception {
		String id = course("Filing expenses " + org.suffix(), "Use the form and attach receipts.", "LOW", null);
		mvc.perform(post("/api/v1/courses/" + id + "/publish").header("Authorization", author))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"));
		String json = mvc.perform(get("/api/v1/me/reviews").header("Authorization", bearer(ld)))
			.andExpect(jsonPath("$[?(@.courseId == '" + id + "')]", hasSize(1)))
			.andExpect(jsonPath("$[?(@.courseId == '" + id + "')].kind").value("SPOT_CHECK"))
			.andReturn().getResponse().getContentAsString();
		var spotCheck = java.util.stream.StreamSupport.stream(JSON.readTree(json).spliterator(), false)
			.filter(n -> n.get("courseId").asString().equals(id)).findFirst().orElseThrow();
		java.time.Instant due = java.time.Instant.parse(spotCheck.get("dueAt").asString());
		assertThat(due).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(14)).minusSeconds(120),
				java.time.Instant.now().plus(java.time.Duration.ofDays(14)));
		String caseId = spotCheck.get("id").asString();
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", author))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", bearer(salesOnly)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
		mvc.perform(get("/api/v1/courses/" + id).header("Authorization", author)).andExpect(jsonPath("$.status").value("PUBLISHED"));
	}

	@Test
	void stepsGoToReviewersOfTheTopicAndComplianceStepsToComplianceReviewers() throws Exception {
		String id = course("Handling customer data " + org.suffix(), "Encrypt customer data at rest.", "HIGH", "Privacy");
		String caseId = submit(id);
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", bearer(salesOnly)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("a reviewer for the course's topic, or an L&D reviewer (Privacy)")));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", bearer(compliance)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/me/reviews").header("Authorization", bearer(salesOnly)))
			.andExpect(jsonPath("$[?(@.id == '" + caseId + "')]", hasSize(0)));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", bearer(privacy)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.steps[0].decidedBy").value(privacy.value()));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", bearer(ld)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("a compliance reviewer")));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", bearer(compliance)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
		mvc.perform(get("/api/v1/courses/" + id).header("Authorization", author))
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.reviewBy").value(java.time.LocalDate.now().plusMonths(12).toString()));
	}

	@Test
	void adminsEditPoliciesAndTheNextSubmissionFollowsThem() throws Exception {
		String noSteps = "{\"steps\":[],\"slaHours\":24,\"reviewMonths\":6,\"spotCheckDays\":7,\"recertifyOnChange\":false}";
		mvc.perform(put("/api/v1/review-policies/MEDIUM").header("Authorization", author)
				.contentType(MediaType.APPLICATION_JSON).content(noSteps))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/review-policies/CRITICAL").header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON).content(noSteps))
			.andExpect(status().isNotFound());
		mvc.perform(put("/api/v1/review-policies/MEDIUM").header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON).content("{\"steps\":[],\"slaHours\":0,\"reviewMonths\":99}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.slaHours").exists())
			.andExpect(jsonPath("$.errors.reviewMonths").exists());
		mvc.perform(put("/api/v1/review-policies/MEDIUM").header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON).content(noSteps))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.steps", hasSize(0)))
			.andExpect(jsonPath("$.spotCheckDays").value(7));
		String id = course("Answering customers " + org.suffix(), "Reply within one working day.", "MEDIUM", null);
		mvc.perform(post("/api/v1/courses/" + id + "/publish").header("Authorization", author))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"));
		mvc.perform(get("/api/v1/courses/" + id).header("Authorization", author))
			.andExpect(jsonPath("$.reviewBy").value(java.time.LocalDate.now().plusMonths(6).toString()));
		mvc.perform(get("/admin/audit").with(SignedIn.as(fixtures.viewerPerson(fixtures.admin().id()))))
			.andExpect(content().string(containsString("review policy changed")));
		mvc.perform(get("/admin/review-policies").with(SignedIn.as(fixtures.viewerPerson(fixtures.admin().id()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Cora Compliance " + org.suffix())));
		mvc.perform(get("/admin/review-policies").with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andExpect(status().isForbidden());
	}

	@Test
	void overdueCasesAreFlaggedInTheQueue() throws Exception {
		String id = course("Refund rules " + org.suffix(), "Refund within 30 days of purchase.", "MEDIUM", null);
		String caseId = submit(id);
		mvc.perform(get("/api/v1/reviews/" + caseId).header("Authorization", bearer(ld)))
			.andExpect(jsonPath("$.overdue").value(false));
		jdbc.sql("UPDATE review_cases SET created_at = ?, due_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(4))),
					java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(1))), caseId)
			.update();
		mvc.perform(get("/api/v1/me/reviews").header("Authorization", bearer(ld)))
			.andExpect(jsonPath("$[?(@.id == '" + caseId + "')].overdue").value(true))
			.andExpect(jsonPath("$[?(@.id == '" + caseId + "')].ageHours").value(96));
		mvc.perform(get("/reviews").with(SignedIn.as(fixtures.viewerPerson(ld))))
			.andExpect(content().string(containsString("overdue-row")))
			.andExpect(content().string(containsString("4 days")));
	}

	@Test
	void commentThreadsAreAnsweredAndResolvedAndRejectionNeedsAReason() throws Exception {
		String id = course("Escalations " + org.suffix(), "Escalate after two failed fixes.\\n\\nCall the duty manager.", "MEDIUM", null);
		String caseId = submit(id);
		String anchor = "Lesson \\\"L\\\", paragraph 2: Call the duty manager.";
		String json = mvc.perform(post("/api/v1/reviews/" + caseId + "/comments").header("Authorization", bearer(ld))
				.contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Which number?\",\"anchor\":\"" + anchor + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.anchor").value("Lesson \"L\", paragraph 2: Call the duty manager."))
			.andReturn().getResponse().getContentAsString();
		String thread = JSON.readTree(json).get("id").asString();
		mvc.perform(post("/api/v1/reviews/" + caseId + "/comments").header("Authorization", author)
				.contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"A new thread\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/reviews/" + caseId + "/comments").header("Authorization", bearer(org.learnerA()))
				.contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Me too\",\"parentId\":\"" + thread + "\"}"))
			.andExpect(status().isNotFound());
		String reply = JSON.readTree(mvc.perform(post("/api/v1/reviews/" + caseId + "/comments").header("Authorization", author)
				.contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Added: 555-0100.\",\"parentId\":\"" + thread + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.parentId").value(thread))
			.andReturn().getResponse().getContentAsString()).get("id").asString();
		mvc.perform(post("/api/v1/reviews/" + caseId + "/comments").header("Authorization", author)
				.contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"Nested\",\"parentId\":\"" + reply + "\"}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/v1/review-comments/" + thread + "/resolve").header("Authorization", author))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.resolved").value(true));
		mvc.perform(post("/api/v1/review-comments/" + thread + "/resolve").header("Authorization", author))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/reviews/" + caseId).header("Authorization", author))
			.andExpect(jsonPath("$.comments", hasSize(2)))
			.andExpect(jsonPath("$.comments[0].resolved").value(true));

		mvc.perform(post("/api/v1/reviews/" + caseId + "/reject").header("Authorization", bearer(ld))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/v1/reviews/" + caseId + "/reject").header("Authorization", bearer(ld))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Duplicates the escalation course.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"));
		mvc.perform(get("/api/v1/courses/" + id).header("Authorization", author)).andExpect(jsonPath("$.status").value("DRAFT"));
		mvc.perform(get("/courses/" + id + "/review").with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Rejected: Duplicates the escalation course.")))
			.andExpect(content().string(containsString("Added: 555-0100.")));
	}

	@Test
	void theReviewPageShowsTheTierStrideSuggestedAndTheAuthorsReasonForALowerOne() throws Exception {
		Viewer manager = fixtures.viewer(org.managerA());
		Course course = authoring.create(manager, new io.stride.authoring.CourseContent("Data requests " + org.suffix(), "Requests.",
				java.util.List.of(new io.stride.authoring.Lesson(null, "GDPR requests", "Answer a GDPR request within a month.")),
				new io.stride.authoring.Quiz(80, java.util.List.of()))
			.withTier(RiskTier.MEDIUM, "Only the service desk takes it; legal wrote the text."));
		authoring.requestPublication(manager, course.id(), course.revision());
		String caseId = reviews.latestFor(course.id()).orElseThrow().id();
		var page = Jsoup.parse(mvc.perform(get("/reviews/" + caseId).with(SignedIn.as(fixtures.viewerPerson(ld))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(page.select("#tier-choice").text()).isEqualTo("Stride suggested the high tier because the text mentions "
				+ "\"gdpr\". The author chose medium: “Only the service desk takes it; legal wrote the text.”");
	}

	@Test
	void afterPublishingTheAuthorIsToldWhoReviewsNextAndByWhen() throws Exception {
		String topic = "Forklifts " + org.suffix();
		PersonId forklifts = fixtures.person(fixtures.admin(), "Aaron Aardvark " + org.suffix(), "aaron", org.suffix(), Set.of(),
				Set.of(), Role.REVIEWER);
		reviews.setUp(fixtures.admin(), forklifts, topic, false, false);
		String id = course("Driving a forklift " + org.suffix(), "Check the forks before driving.", "MEDIUM", topic);
		submit(id);
		var caseDue = reviews.latestFor(new io.stride.authoring.CourseId(id)).orElseThrow().dueAt();
		var page = Jsoup.parse(mvc.perform(get("/courses/" + id + "/assign").with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		String due = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.systemDefault()).format(caseDue);
		assertThat(page.select("#next-review").text()).startsWith("Next review:")
			.contains("Aaron Aardvark " + org.suffix(), "a reviewer for the course's topic, or an L&D reviewer", "by " + due);
		// nobody else sees who reviews it
		assertThat(Jsoup.parse(mvc.perform(get("/courses/" + id + "/assign").with(SignedIn.as(fixtures.viewerPerson(org.learnerA()))))
			.andReturn().getResponse().getContentAsString()).select("#next-review")).isEmpty();
	}

	@Test
	void theReviewPageShowsWhatANewVersionChanges() throws Exception {
		Viewer manager = fixtures.viewer(org.managerA());
		Course v1 = authoring.create(manager, new io.stride.authoring.CourseContent("Returns " + org.suffix(), "Returns.",
				java.util.List.of(new io.stride.authoring.Lesson(null, "Policy", "Accept returns within 14 days.\n\nKeep the receipt.", java.util.List.of(), null)),
				new io.stride.authoring.Quiz(80, java.util.List.of())).withTier(RiskTier.MEDIUM, null));
		v1 = authoring.publish(manager, v1.id(), v1.revision());
		Course draft = authoring.startVersion(manager, v1.id(), v1.revision());
		Course edited = authoring.update(manager, draft.id(), draft.revision(), draft.content().with(java.util.List.of(
				new io.stride.authoring.Lesson(draft.lessons().get(0).id(), "Policy", "Accept returns within 30 days.\n\nKeep the receipt.",
						java.util.List.of(), null)), draft.quiz()));
		authoring.requestPublication(manager, edited.id(), edited.revision());
		String caseId = reviews.latestFor(v1.id()).orElseThrow().id();
		mvc.perform(get("/reviews/" + caseId).with(SignedIn.as(fixtures.viewerPerson(ld))))
			.andExpect(status().isOk())
			// version 1 went out without a review, so its unchanged settings are to read as well as the changed lesson
			.andExpect(content().string(containsString("Read 2 of 2 parts: 1 is new or changed since version 1 (published), "
					+ "and 1 was not changed but never reviewed for this risk tier.")))
			.andExpect(content().string(containsString("Checked against the template “Stride standard”")))
			.andExpect(content().string(containsString("Missing required part: objectives")))
			// the line edited, labelled, the number replaced struck through and underlined (named for screen readers)
			.andExpect(content().string(containsString("<span class=\"diff-label\">Changed:</span>")))
			.andExpect(content().string(containsString("<del><span class=\"visually-hidden\">removed: </span><span>14</span></del>")))
			.andExpect(content().string(containsString("<ins><span class=\"visually-hidden\">added: </span><span>30</span></ins>")));
		mvc.perform(get("/api/v1/courses/" + v1.id().value() + "/review-diff").header("Authorization", bearer(ld)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lessons[0].change").value("CHANGED"))
			.andExpect(jsonPath("$.lessons[0].paragraphs[2].text").value("Keep the receipt."))
			.andExpect(jsonPath("$.lessons[0].paragraphs[2].change").value("UNCHANGED"));
		mvc.perform(get("/api/v1/courses/" + v1.id().value() + "/review-diff").header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNotFound());
	}

	@Test
	void reviewEndpointsRefuseWhoMayNotActAndWhatIsMissing() throws Exception {
		String id = course("Refusals " + org.suffix(), "Refund within 30 days of purchase.", "MEDIUM", null);
		String caseId = submit(id);
		mvc.perform(get("/api/v1/reviews/" + caseId).header("Authorization", bearer(org.learnerA())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/reviews/not-an-id").header("Authorization", bearer(ld)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/reviews/" + caseId).header("Authorization", author))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.steps[0].name").value("Reviewer"));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/request-changes").header("Authorization", author)
				.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"Looks fine to me\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/reviews/" + caseId + "/request-changes").header("Authorization", bearer(ld))
				.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.comment").value("Say what should change."));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", bearer(ld)))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/reviews/" + caseId + "/request-changes").header("Authorization", bearer(privacy))
				.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"Too late\"}"))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", bearer(privacy)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("This review was already decided: the course was approved."))
			.andExpect(jsonPath("$.caseStatus").value("APPROVED"))
			.andExpect(jsonPath("$.steps[0].decidedBy").value(ld.value()));
		mvc.perform(get("/api/v1/review-policies").header("Authorization", author)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/review-policies").header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[2].tier").value("HIGH"))
			.andExpect(jsonPath("$[2].steps[1].who").value("COMPLIANCE"));
		mvc.perform(put("/api/v1/reviewers/" + salesOnly.value()).header("Authorization", author)
				.contentType(MediaType.APPLICATION_JSON).content("{\"topics\":[\"Sales\"]}"))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/reviewers/" + org.learnerA().value()).header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON).content("{\"topics\":[\"Sales\"]}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(put("/api/v1/reviewers/" + salesOnly.value()).header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON).content("{\"topics\":[\"Sales\",\"Refunds\"],\"compliance\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.topics[1]").value("Refunds"))
			.andExpect(jsonPath("$.compliance").value(true));
	}

	@Test
	void twoReviewersApprovingTheSameStepAtOnceCountOnce() throws Exception {
		Viewer manager = fixtures.viewer(org.managerA());
		Course course = authoring.create(manager, Fixtures.sampleCourse("Race " + org.suffix()).withTier(RiskTier.MEDIUM, null));
		authoring.requestPublication(manager, course.id(), course.revision());
		String caseId = reviews.latestFor(course.id()).orElseThrow().id();
		Viewer one = fixtures.viewer(ld);
		Viewer two = fixtures.viewer(privacy);
		reviews.setUp(fixtures.admin(), privacy, "", true, false);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<String> first = () -> approve(start, one, caseId);
			Callable<String> second = () -> approve(start, two, caseId);
			Future<String> a = pool.submit(first);
			Future<String> b = pool.submit(second);
			start.countDown();
			java.util.List<String> outcomes = java.util.List.of(a.get(), b.get());
			assertThat(outcomes).containsOnlyOnce("APPROVED");
			assertThat(outcomes.stream().filter(o -> o.startsWith("refused")).count()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		ReviewCase done = reviews.reviewCase(one, caseId);
		assertThat(done.steps()).hasSize(1);
		assertThat(done.status()).isEqualTo("APPROVED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE subject_id = ? AND action = 'REVIEW_STEP_APPROVED'")
			.param(course.id().value()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aReviewerWhoIsNotForComplianceCannotRejectOrAskForChangesAtTheComplianceStep() throws Exception {
		String id = course("Breach reporting " + org.suffix(), "Report a breach within 24 hours.", "HIGH", "Privacy");
		String caseId = submit(id);
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", bearer(privacy)))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/reviews/" + caseId + "/reject").header("Authorization", bearer(ld))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Not needed.\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("a compliance reviewer")));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/request-changes").header("Authorization", bearer(ld))
				.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"Shorten it.\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("a compliance reviewer")));
		mvc.perform(get("/api/v1/reviews/" + caseId).header("Authorization", author))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.steps[1].status").value("PENDING"));
		mvc.perform(get("/api/v1/courses/" + id).header("Authorization", author)).andExpect(jsonPath("$.status").value("IN_REVIEW"));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/reject").header("Authorization", bearer(compliance))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Name the DPO.\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.steps[1].decidedBy").value(compliance.value()));
	}

	@Test
	void theReviewPageOffersDecisionsOnlyToWhoMayDecideAndRefusesTheRest() throws Exception {
		String id = course("Visitor data " + org.suffix(), "Delete visitor logs after a month.", "HIGH", "Privacy");
		String caseId = submit(id);
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", bearer(privacy)))
			.andExpect(status().isOk());
		var lee = SignedIn.as(fixtures.viewerPerson(ld));
		mvc.perform(get("/reviews/" + caseId).with(lee))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"add-comment\"")))
			.andExpect(content().string(not(containsString("id=\"reject\""))))
			.andExpect(content().string(not(containsString("id=\"request-changes\""))));
		mvc.perform(post("/reviews/" + caseId + "/reject").with(lee).with(csrf()).param("reason", "Not needed."))
			.andExpect(flash().attribute("problem", containsString("a compliance reviewer")));
		mvc.perform(post("/reviews/" + caseId + "/request-changes").with(lee).with(csrf()).param("comment", "Shorter."))
			.andExpect(flash().attribute("problem", containsString("a compliance reviewer")));
		mvc.perform(get("/api/v1/courses/" + id).header("Authorization", author)).andExpect(jsonPath("$.status").value("IN_REVIEW"));
		mvc.perform(get("/reviews/" + caseId).with(SignedIn.as(fixtures.viewerPerson(compliance))))
			.andExpect(content().string(containsString("id=\"reject\"")))
			.andExpect(content().string(containsString("id=\"request-changes\"")));
	}

	@Test
	void whoApprovedTheFirstStepCannotAskForChangesOrRejectAtTheSecond() throws Exception {
		PersonId both = reviewer("Bo Both");
		reviews.setUp(fixtures.admin(), both, "Privacy", false, true);
		String id = course("Customer records " + org.suffix(), "Keep records for six years.", "HIGH", "Privacy");
		String caseId = submit(id);
		mvc.perform(post("/api/v1/reviews/" + caseId + "/approve").header("Authorization", bearer(both)))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/reviews/" + caseId + "/request-changes").header("Authorization", bearer(both))
				.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"Add the retention table.\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("earlier step")));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/reject").header("Authorization", bearer(both))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Out of date.\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("earlier step")));
		mvc.perform(get("/api/v1/reviews/" + caseId).header("Authorization", author))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.steps[1].status").value("PENDING"));
	}

	@Test
	void someoneWhoEditedTheVersionCannotRejectItOrAskForChanges() throws Exception {
		String id = course("Greeting visitors " + org.suffix(), "Sign every visitor in.", "MEDIUM", null);
		int revision = JSON.readTree(mvc.perform(get("/api/v1/courses/" + id).header("Authorization", admin))
			.andReturn().getResponse().getContentAsString()).get("revision").asInt();
		mvc.perform(put("/api/v1/courses/" + id).header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
				.content("{\"revision\":" + revision + ",\"title\":\"Greeting visitors, edited " + org.suffix()
						+ "\",\"riskTier\":\"MEDIUM\",\"tierReason\":\"as chosen\",\"lessons\":[{\"title\":\"L\",\"markdown\":\"Sign every visitor in and out.\"}]}"))
			.andExpect(status().isOk());
		String caseId = submit(id);
		mvc.perform(post("/api/v1/reviews/" + caseId + "/reject").header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Duplicate.\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("You edited this version")));
		mvc.perform(post("/api/v1/reviews/" + caseId + "/request-changes").header("Authorization", admin)
				.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"Shorter.\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("You edited this version")));
		mvc.perform(get("/api/v1/courses/" + id).header("Authorization", author)).andExpect(jsonPath("$.status").value("IN_REVIEW"));
	}

	private String approve(CountDownLatch start, Viewer reviewer, String caseId) throws InterruptedException {
		start.await();
		try {
			return reviews.approve(reviewer, caseId, null).status();
		}
		catch (ForbiddenException | ConflictException | org.springframework.dao.DataAccessException e) {
			return "refused: " + e.getMessage();
		}
	}

	private PersonId reviewer(String name) {
		return fixtures.person(fixtures.admin(), name + " " + org.suffix(), name.toLowerCase().replace(' ', '-'), org.suffix(),
				Set.of(), Set.of(), Role.REVIEWER);
	}

	private String course(String title, String text, String tier, String topic) throws Exception {
		String body = "{\"title\":\"" + title + "\",\"riskTier\":\"" + tier + "\",\"tierReason\":\"as chosen\","
				+ "\"lessons\":[{\"title\":\"L\",\"markdown\":\"" + text + "\"}]}";
		String json = mvc.perform(post("/api/v1/courses").header("Authorization", author).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = JSON.readTree(json).get("id").asString();
		if (topic != null) {
			authoring.setTopic(fixtures.viewer(org.managerA()), new io.stride.authoring.CourseId(id), topic);
		}
		return id;
	}

	private String submit(String courseId) throws Exception {
		String json = mvc.perform(post("/api/v1/courses/" + courseId + "/publish").header("Authorization", author))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString();
		return JSON.readTree(json).get("reviewCaseId").asString();
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
