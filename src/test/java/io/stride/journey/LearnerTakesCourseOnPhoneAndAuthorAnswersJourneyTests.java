package io.stride.journey;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.delivery.Delivery;
import io.stride.identity.Viewer;
import io.stride.notification.Notifications;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a phone-sized screen (390 × 844): a learner goes from "my learning" through the lessons with next and previous,
 * finds one unclear and says why, passes the quiz and opens the certificate; the author sees the improvement request
 * and answers it; the learner reads the answer under Notifications. Every page passes axe-core and fits the width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LearnerTakesCourseOnPhoneAndAuthorAnswersJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	Delivery delivery;

	@Autowired
	Notifications notifications;

	Org org;

	Course course;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		Viewer author = fixtures.viewer(org.managerA());
		CourseContent sample = Fixtures.sampleCourse("Handling a customer escalation " + org.suffix());
		Course draft = authoring.create(author, new CourseContent(sample.title(), "What to do when a customer escalates.",
				List.of(new Lesson(null, "Listen first", "Let the customer finish. Take notes."),
						new Lesson(null, "Escalation levels", "Level 2 goes to the **duty manager** within 4 hours."),
						new Lesson(null, "Close the loop", "Write to the customer when it is solved.")),
				sample.quiz()));
		course = authoring.publish(author, draft.id(), draft.revision());
		delivery.assign(author, course.id(), org.teamA(), LocalDate.now().plusDays(7));
		browser = Browser.open(port, "phone-learner");
		browser.windowSize(390, 844);
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void learnerTakesCourseOnPhoneAndAuthorAnswersTheirQuestion() throws Exception {
		signsIn("learner-a");
		findsTheCourseUnderAssigned();
		readsTheFirstLessonThenResumesFromMyLearning();
		goesBackAndForthBetweenLessons();
		findsTheSecondLessonUnclearAndSaysWhy();
		passesTheFinalQuiz();
		opensTheCertificateFromMyLearning();
		signsOut();

		signsIn("manager-a");
		seesTheReactionScoreOnTheCoursePage();
		answersTheImprovementRequest();
		signsOut();

		signsIn("learner-a");
		readsTheAnswerInNotifications();
	}

	private void signsIn(String handle) throws Exception {
		browser.go("/login");
		checkPage();
		browser.type("#email", org.email(handle));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
		// managers start on their home, everyone else on My learning
		assertThat(browser.path()).matches("/(home|learning)([/?].*)?");
	}

	private void signsOut() {
		browser.navigate("form[action='/logout'] button");
		assertThat(browser.text()).contains("You are signed out.");
	}

	private void findsTheCourseUnderAssigned() throws Exception {
		assertThat(browser.viewportWidth()).as("a phone-sized window").isLessThanOrEqualTo(390);
		assertThat(browser.find("#assigned").getText()).contains(course.title()).contains("Not started")
			.contains("Due " + LocalDate.now().plusDays(7));
		assertThat(browser.find("#in-progress").getText()).contains("No course under way");
		checkPage();
		browser.screenshot("my-learning-assigned");
		browser.navigate("#assigned a.start");
		assertThat(browser.find("h1").getText()).isEqualTo(course.title());
		assertThat(browser.find("#lessons").getText()).contains("not read yet");
		checkPage();
	}

	private void readsTheFirstLessonThenResumesFromMyLearning() throws Exception {
		browser.navigate("#start");
		assertThat(browser.find("h1").getText()).isEqualTo("Listen first");
		assertThat(browser.find("#lesson-number").getText()).isEqualTo("Lesson 1 of 3");
		checkPage();
		browser.screenshot("lesson-1");
		browser.navigateByMenu("learn", "#learning-link");
		assertThat(browser.find("#in-progress").getText()).contains(course.title());
		checkPage();
		browser.navigate("#in-progress a.resume");
		assertThat(browser.find("h1").getText()).as("resume goes to the first unread lesson").isEqualTo("Escalation levels");
		assertThat(browser.find("#lesson-number").getText()).isEqualTo("Lesson 2 of 3");
		checkPage();
	}

	private void goesBackAndForthBetweenLessons() throws Exception {
		browser.navigate("#previous-lesson");
		assertThat(browser.find("h1").getText()).isEqualTo("Listen first");
		assertThat(browser.all("#previous-lesson")).isEmpty();
		browser.navigate("#next-lesson");
		assertThat(browser.find("h1").getText()).isEqualTo("Escalation levels");
	}

	private void findsTheSecondLessonUnclearAndSaysWhy() throws Exception {
		browser.click("#reaction-unclear");
		browser.type("#reaction-comment", "Who is the duty manager at weekends?");
		browser.navigate("#send-reaction");
		assertThat(browser.find("#reaction-notice").getText()).contains("The author sees your reaction");
		assertThat(browser.find("#your-reaction").getText()).contains("You said: Unclear");
		assertThat(browser.find("#reaction-unclear").isSelected()).isTrue();
		checkPage();
		browser.screenshot("lesson-reaction");
		browser.navigate("#next-lesson");
		assertThat(browser.find("#lesson-number").getText()).isEqualTo("Lesson 3 of 3");
		assertThat(browser.all("#next-lesson")).isEmpty();
		checkPage();
		browser.navigate("#take-quiz");
	}

	private void passesTheFinalQuiz() throws Exception {
		assertThat(browser.find("h1").getText()).isEqualTo("Quiz");
		checkPage();
		pick("Report within?", "1 hour");
		pick("Which are steps?", "Stop");
		pick("Which are steps?", "Report");
		browser.navigate("#submit-quiz");
		assertThat(browser.find("#verdict").getText()).isEqualTo("Passed");
		checkPage();
	}

	private void opensTheCertificateFromMyLearning() throws Exception {
		browser.navigate(browser.link("Back to my learning"));
		assertThat(browser.find("#completed").getText()).contains(course.title()).contains("score 100%");
		checkPage();
		browser.screenshot("my-learning-completed");
		browser.navigate("#completed a.certificate-link");
		assertThat(browser.find("#certificate-heading").getText()).isEqualTo("Learner A");
		assertThat(browser.find("#certificate-course").getText()).isEqualTo(course.title());
		assertThat(browser.find("#certificate-score").getText()).isEqualTo("100%");
		assertThat(browser.find("#certificate-version").getText()).isEqualTo("1");
		assertThat(browser.find("#certificate-id").getText()).hasSize(36);
		assertThat(browser.find("#print").isDisplayed()).as("the print button, shown by the script").isTrue();
		checkPage();
		browser.screenshot("certificate");
		// the narrowest phones in use: the learner's pages still need no sideways scrolling
		browser.windowSize(360, 740);
		browser.checkFitsWidth();
		browser.go("/learning");
		browser.checkFitsWidth();
		browser.go("/learning/courses/" + course.id() + "/lessons/" + course.lessons().get(1).id());
		browser.checkFitsWidth();
		browser.windowSize(390, 844);
	}

	private void seesTheReactionScoreOnTheCoursePage() throws Exception {
		browser.go("/courses/" + course.id() + "/assign");
		// one "unclear" among one reaction is no score of −100
		assertThat(browser.find("#reaction-score").getText()).contains("Reaction score: too few reactions to go by (1 so far");
		assertThat(browser.find("#improvement-requests-link").getText()).isEqualTo("Improvement requests (1 open)");
		checkPage();
		browser.go("/courses");
		checkPage();
		browser.navigate("#improvement-requests");
		assertThat(browser.find("#course-scores").getText()).contains(course.title()).contains("1 open");
		checkPage();
	}

	private void answersTheImprovementRequest() throws Exception {
		var request = browser.find("article.request");
		assertThat(request.getText()).contains("Unclear: Escalation levels").contains("Who is the duty manager at weekends?")
			.doesNotContain("Learner A");
		String id = request.getAttribute("id").substring("request-".length());
		browser.type("#reply-" + id, "The on-call manager in the rota; I added a link to it in the lesson.");
		browser.screenshot("improvement-request");
		browser.navigate("#resolve-" + id);
		assertThat(browser.find(".notice").getText()).contains("Answered");
		assertThat(browser.find("#no-requests").getText()).contains("Nothing to answer");
		checkPage();
	}

	private void readsTheAnswerInNotifications() throws Exception {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> notifications.unread(fixtures.viewer(org.learnerA())) > 0);
		browser.go("/learning");
		assertThat(browser.find("#notifications-link").getText()).contains("new");
		browser.navigate("#notifications-link");
		String list = browser.find("#notifications").getText();
		assertThat(list).contains("The author answered you about \"Escalation levels\"")
			.contains("The on-call manager in the rota; I added a link to it in the lesson.");
		checkPage();
		browser.screenshot("notifications");
		browser.navigate(browser.link("The author answered you about \"Escalation levels\""));
		assertThat(browser.find("#author-reply").getText()).contains("The on-call manager in the rota");
		checkPage();
	}

	private void checkPage() {
		browser.checkAccessibility();
		browser.checkFitsWidth();
	}

	/** Picks an option of the question whose legend contains the given words. */
	private void pick(String question, String option) {
		browser.all("#quiz fieldset")
			.stream()
			.filter(fieldset -> fieldset.findElement(By.tagName("legend")).getText().contains(question))
			.findFirst()
			.orElseThrow()
			.findElements(By.tagName("label"))
			.stream()
			.filter(label -> label.getText().equals(option))
			.findFirst()
			.orElseThrow()
			.click();
	}
}
