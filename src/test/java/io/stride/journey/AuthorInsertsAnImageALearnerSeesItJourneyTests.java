package io.stride.journey;

import java.nio.file.Files;
import java.nio.file.Path;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An author inserts an image with its alt text into a lesson through the media dialog (a refusal first, at its
 * field), the course is published, and a learner's lesson page shows the image, on a desk and on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorInsertsAnImageALearnerSeesItJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@TempDir
	Path files;

	Org org;

	Browser browser;

	Course course;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() throws Exception {
		org = fixtures.organization();
		course = authoring.create(fixtures.viewer(org.managerA()), Fixtures.sampleCourse("Running an EBR " + org.suffix()));
		browser = Browser.open(port, "media-image");
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void authorInsertsAnImageWithAltTextAndTheLearnerSeesIt() throws Exception {
		signsIn("manager-a");
		String alt = authorInsertsAnImageThroughTheDialog();
		publishes();
		signsOutAndIn("learner-a");
		learnerSeesTheImageOnTheLessonPage(alt);
	}

	private String authorInsertsAnImageThroughTheDialog() throws Exception {
		Path image = files.resolve("pipeline.png");
		Files.write(image, png(1800, 900));
		browser.go("/courses/" + course.id().value() + "/edit");
		WebElement insert = browser.find("button[data-insert-media='lesson-markdown']");
		assertThat(insert.isDisplayed()).as("the button the script shows").isTrue();
		insert.click();
		assertThat(browser.find("#media-dialog").isDisplayed()).isTrue();
		browser.attach("#media-file", image);
		// without alt text the dialog says so at the field, and nothing is uploaded
		browser.click("#media-insert");
		browser.waitForText("#media-alt-error", "alt text");
		assertThat(browser.find("#media-alt").getAttribute("aria-invalid")).isEqualTo("true");
		browser.screenshot("alt-text-asked-for");
		browser.checkAccessibility();
		String alt = "The pipeline by stage: discovery, proposal, signed";
		browser.type("#media-alt", alt);
		browser.click("#media-insert");
		String markdown = waitForValue("#lesson-markdown", "](/media/");
		assertThat(markdown).contains("![" + alt + "](/media/");
		assertThat(browser.find("#media-dialog").isDisplayed()).isFalse();
		// a callout under the image, by its button, and the text typed where the button left the cursor
		browser.click("button[data-insert-callout='lesson-markdown']");
		browser.find("#lesson-markdown").sendKeys("Ask before you share the team's figures.");
		assertThat(waitForValue("#lesson-markdown", "figures."))
			.contains("](/media/", "\n\n> [!NOTE]\n> Ask before you share the team's figures.");
		browser.waitForText("#save-state", "Saved");
		browser.screenshot("image-inserted");
		return alt;
	}

	private void publishes() throws InterruptedException {
		Viewer author = fixtures.viewer(org.managerA());
		Course saved = authoring.editable(author, course.id());
		for (int i = 0; i < 50 && !saved.lessons().getFirst().markdown().contains("figures."); i++) {
			Thread.sleep(100);
			saved = authoring.editable(author, course.id());
		}
		assertThat(saved.lessons().getFirst().markdown()).contains("](/media/");
		authoring.publish(author, saved.id(), saved.revision());
	}

	private void learnerSeesTheImageOnTheLessonPage(String alt) throws Exception {
		Lesson lesson = authoring.published(course.id()).lessons().getFirst();
		browser.go("/learning/courses/" + course.id().value() + "/lessons/" + lesson.id());
		WebElement image = browser.find(".lesson-body img");
		assertThat(image.getAttribute("alt")).isEqualTo(alt);
		assertThat(image.getAttribute("src")).contains("/media/");
		waitUntilLoaded(image);
		assertThat(Integer.parseInt(image.getDomProperty("naturalWidth"))).isEqualTo(1600);
		WebElement callout = browser.find(".lesson-body .callout-note[role='note']");
		assertThat(callout.getText()).contains("Note", "Ask before you share the team's figures.");
		browser.screenshot("learner-sees-image");
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		browser.go("/learning/courses/" + course.id().value() + "/lessons/" + lesson.id());
		WebElement onPhone = browser.find(".lesson-body img");
		waitUntilLoaded(onPhone);
		assertThat(onPhone.getSize().getWidth()).isLessThanOrEqualTo(390);
		browser.screenshot("learner-sees-image-on-phone");
		browser.checkAccessibility();
	}

	private static byte[] png(int width, int height) throws java.io.IOException {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = image.createGraphics();
		g.setColor(new java.awt.Color(31, 95, 170));
		g.fillRect(0, 0, width, height);
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(width / 10, height / 3, width * 8 / 10, height / 3);
		g.dispose();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private String waitForValue(String css, String part) throws InterruptedException {
		for (int i = 0; i < 150; i++) {
			String value = browser.find(css).getDomProperty("value");
			if (value != null && value.contains(part)) {
				return value;
			}
			Thread.sleep(100);
		}
		throw new AssertionError(css + " never held " + part + "; the dialog says: " + browser.find("#media-status").getText());
	}

	private static void waitUntilLoaded(WebElement image) throws InterruptedException {
		for (int i = 0; i < 100 && !"true".equals(image.getDomProperty("complete")); i++) {
			Thread.sleep(100);
		}
	}

	private void signsIn(String handle) {
		browser.go("/login");
		browser.type("#email", org.email(handle));
		browser.type("#password", Fixtures.PASSWORD);
		browser.navigate("button[type=submit]");
	}

	private void signsOutAndIn(String handle) {
		browser.go("/courses");
		browser.navigate("form[action='/logout'] button");
		signsIn(handle);
	}
}
