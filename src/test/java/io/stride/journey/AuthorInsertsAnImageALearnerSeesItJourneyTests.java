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
 * field), improves the alt text on the course's media page (which will not delete an image a lesson shows, and
 * deletes an unused one after asking), the course is published, and a learner's lesson page shows the image in the
 * width the screen needs, on a desk and on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorInsertsAnImageALearnerSeesItJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	io.stride.media.CourseMedia media;

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
		authorInsertsAnImageThroughTheDialog();
		String alt = authorImprovesTheAltTextOnTheCoursesMediaPage();
		authorDeletesOnlyTheImageNoLessonShows();
		publishes();
		signsOutAndIn("learner-a");
		learnerSeesTheImageOnTheLessonPage(alt);
	}

	private void authorInsertsAnImageThroughTheDialog() throws Exception {
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
	}

	private String authorImprovesTheAltTextOnTheCoursesMediaPage() throws Exception {
		browser.go("/courses/" + course.id().value() + "/edit");
		browser.navigate("#media-link");
		assertThat(browser.find("h1").getText()).startsWith("Images and videos of");
		WebElement item = browser.find(".course-media-item");
		assertThat(item.getText()).contains("1600 × 800 pixels", "Shown in:");
		assertThat(browser.find(".course-media-uses a").getText()).isNotBlank();
		String field = "#" + browser.find(".course-media-alt textarea").getAttribute("id");
		// emptied, the alt text is asked for at its field, and the saved text stays
		browser.setValue(field, "");
		browser.navigate(".course-media-alt button[type=submit]");
		browser.waitForText(field + "-error", "alt text");
		assertThat(browser.find(field).getAttribute("aria-invalid")).isEqualTo("true");
		browser.checkAccessibility();
		String better = "Pipeline by stage: 12 in discovery, 5 in proposal, 3 signed";
		browser.setValue(field, better);
		browser.navigate(".course-media-alt button[type=submit]");
		browser.waitForText(".notice", "Alt text saved");
		assertThat(browser.find(".notice").getText()).contains("and put in");
		assertThat(browser.find(field).getDomProperty("value")).isEqualTo(better);
		browser.screenshot("media-page");
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		browser.reload();
		browser.screenshot("media-page-on-phone");
		browser.checkAccessibility();
		browser.windowSize(1280, 1000);
		return better;
	}

	private void authorDeletesOnlyTheImageNoLessonShows() throws Exception {
		// the image the lesson shows: the page says where and what to do first, and offers no deletion
		assertThat(browser.all(".course-media-item a[id^='delete-']")).isEmpty();
		assertThat(browser.find(".course-media-in-use").getText()).isEqualTo("In use: remove it from the lessons first.");
		// an image no lesson shows: deleted once confirmed
		byte[] old = png(300, 200);
		var unused = media.upload(fixtures.viewer(org.managerA()), course.id(), new io.stride.media.CourseMedia.Upload(
				new io.stride.media.CourseMedia.UploadedFile("old-chart.png", old.length,
						new org.springframework.core.io.ByteArrayResource(old)),
				"Last year's chart", false, null, null));
		browser.go("/courses/" + course.id().value() + "/media");
		browser.navigate("#delete-" + unused.id());
		browser.checkAccessibility();
		browser.navigate("#confirm-delete");
		browser.waitForText(".notice", "Deleted old-chart");
		assertThat(browser.all(".course-media-item")).hasSize(1);
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
		// its place is kept before it loads, and a narrow screen gets a narrower copy
		assertThat(image.getDomAttribute("width")).isEqualTo("1600");
		assertThat(image.getDomAttribute("height")).isEqualTo("800");
		assertThat(image.getDomAttribute("srcset")).contains("?w=480 480w", "?w=960 960w", " 1600w");
		waitUntilLoaded(image);
		// the lesson's column is about 700 pixels wide: the 960 copy serves it, not the whole 1600
		assertThat(image.getDomProperty("currentSrc")).endsWith("?w=960");
		assertThat(Integer.parseInt(image.getDomProperty("naturalWidth"))).isGreaterThan(0);
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
