package io.stride.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Question;
import io.stride.support.Fixtures;
import io.stride.support.Pdfs;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a PDF of a procedure to a published course a learner passes: upload, review the draft, create the
 * course, edit a question, publish, assign; the learner takes the quiz and passes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagerDraftsCourseFromPdfAndLearnerPassesItJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	Org org;

	Browser browser;

	Path pdf;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		pdf = Files.createTempFile("refund-procedure", ".pdf");
		Files.write(pdf, Pdfs.pdf(List.of(
				List.of("Handling a refund request", "Refunds keep customers when a purchase went wrong.",
						"The account executive approves refunds up to EUR 500 within 30 days of purchase.",
						"Refunds above EUR 500 go to the sales manager for approval.",
						"Never promise a refund before it is approved."),
				List.of("Steps for a refund", "1. Confirm receipt of the request on the same day.",
						"2. Check the purchase date and the amount in the order system.",
						"3. Approve the refund or send it to the sales manager.",
						"4. Tell the customer the decision within 2 working days."),
				List.of("After the refund", "Finance pays approved refunds within 5 working days.",
						"Record every refund in the CRM with the reason code.",
						"A monthly report lists all refunds above EUR 100."))));
		browser = Browser.open(port, "course-from-pdf");
	}

	@AfterEach
	void stop() throws Exception {
		browser.close();
		Files.deleteIfExists(pdf);
	}

	@Test
	void managerDraftsCourseFromPdfAndLearnerPassesIt() throws Exception {
		signsIn("manager-a");
		browser.go("/courses");
		browser.navigate("#draft-course");
		browser.checkAccessibility();
		browser.attach("#files", pdf);
		browser.navigate("#draft");
		// the progress page moves on by itself when the draft is ready
		browser.waitForText("h1", "Handling a refund request");

		assertThat(browser.find("h1").getText()).isEqualTo("Handling a refund request");
		assertThat(browser.text()).contains("Quality panel", "Final quiz", "page 1");
		browser.checkAccessibility();
		browser.screenshot("draft-from-pdf");

		browser.navigate("#create-course");
		assertThat(browser.text()).contains("Course created from the draft");
		managerSeesTheDraftedKnowledgeChecksUnderTheirLessons();
		AuthorSteps author = new AuthorSteps(browser);
		browser.go(browser.find(".outline-quiz .outline-link").getDomAttribute("href"));
		String edited = "Edited by the manager: " + browser.find("#question-prompt").getAttribute("value");
		author.retype("#question-prompt", edited);
		author.saved();
		// a reload shows the change: it was saved without pressing Save
		browser.go(browser.path());
		assertThat(browser.find("#question-prompt").getAttribute("value")).isEqualTo(edited);
		author.opensSettings();
		new Select(browser.find("#riskTier")).selectByValue("LOW");
		author.retype("#tierReason", "Internal procedure for our own sales team.");
		author.savesSettings();
		browser.checkAccessibility();
		browser.navigate("#publish");
		assertThat(browser.text()).contains("Published. Now assign it to a team.");
		new Select(browser.find("#teamId")).selectByVisibleText("Team A " + org.suffix());
		browser.setValue("#dueDate", LocalDate.now().plusDays(10).toString());
		browser.navigate("#assign");
		String courseId = browser.path().replaceAll(".*/courses/([^/]+)/assign.*", "$1");
		browser.click("form[action='/logout'] button");

		Course course = authoring.published(new CourseId(courseId));
		assertThat(course.quiz().questions().get(0).prompt()).startsWith("Edited by the manager: ");

		signsIn("learner-a");
		browser.navigate(browser.link("Handling a refund request"));
		learnerMeetsAKnowledgeCheckAfterItsLesson(course);
		browser.navigate("#take-quiz");
		browser.checkAccessibility();
		for (Question question : course.quiz().questions()) {
			if (question.kind() == io.stride.authoring.QuestionKind.ORDERING) {
				for (int position = 0; position < question.correct().size(); position++) {
					new Select(browser.find("#q-" + question.id() + "-pos-" + question.correct().get(position)))
						.selectByValue(String.valueOf(position + 1));
				}
				continue;
			}
			// drafts hold numeric and matching questions too
			if (question.kind() == io.stride.authoring.QuestionKind.NUMERIC) {
				browser.type("#q-" + question.id() + "-text", question.numeric().value().toPlainString());
				continue;
			}
			if (question.kind() == io.stride.authoring.QuestionKind.MATCHING) {
				for (int item = 0; item < question.correct().size(); item++) {
					new Select(browser.find("#q-" + question.id() + "-match-" + item))
						.selectByValue(String.valueOf(question.correct().get(item)));
				}
				continue;
			}
			WebElement fieldset = browser.all("#quiz fieldset")
				.stream()
				.filter(f -> f.findElement(By.tagName("legend")).getText().contains(question.prompt()))
				.findFirst()
				.orElseThrow();
			for (int index : question.correct()) {
				fieldset.findElement(By.cssSelector("input[value='" + index + "']")).click();
			}
		}
		browser.screenshot("drafted-course-quiz");
		browser.navigate("#submit-quiz");
		assertThat(browser.find("#verdict").getText()).isEqualTo("Passed");
		assertThat(browser.find("#score").getText()).contains("100%");
		browser.checkAccessibility();
	}

	/** Drafted knowledge checks stay knowledge checks, each after the last lesson of its module (the editor's outline). */
	private void managerSeesTheDraftedKnowledgeChecksUnderTheirLessons() {
		assertThat(browser.all("#outline-tree .outline-checks .outline-link")).isNotEmpty()
			.allSatisfy(check -> assertThat(check.getText()).startsWith("Check: "));
		assertThat(browser.all(".outline-quiz .outline-link")).isNotEmpty();
	}

	private void learnerMeetsAKnowledgeCheckAfterItsLesson(Course course) {
		String coursePage = browser.path();
		var lesson = course.lessons().stream().filter(l -> !l.knowledgeChecks().isEmpty()).findFirst().orElseThrow();
		browser.navigate(browser.link(lesson.title()));
		assertThat(browser.find(".knowledge-checks").getText()).contains("Check what you learned",
				lesson.knowledgeChecks().get(0).prompt());
		assertThat(course.quiz().questions()).noneMatch(q -> q.prompt().equals(lesson.knowledgeChecks().get(0).prompt()));
		assertThat(java.util.stream.Stream.concat(course.quiz().questions().stream(), course.knowledgeChecks().stream()))
			.as("the numbered steps became an ordering question")
			.anyMatch(q -> q.kind() == io.stride.authoring.QuestionKind.ORDERING);
		browser.checkAccessibility();
		browser.go(coursePage);
	}

	private void signsIn(String handle) {
		browser.go("/login");
		browser.type("#email", org.email(handle));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}
}
