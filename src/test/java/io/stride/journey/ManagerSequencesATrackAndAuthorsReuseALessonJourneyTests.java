package io.stride.journey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.ElementOrigin;
import io.stride.authoring.Lesson;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.review.Reviews;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.tracks.Confirmation;
import io.stride.tracks.Pacing;
import io.stride.tracks.PacingRule;
import io.stride.tracks.StepDraft;
import io.stride.tracks.StepKind;
import io.stride.tracks.StepReleaseJob;
import io.stride.tracks.Track;
import io.stride.tracks.TrackDefinitions;
import io.stride.tracks.TrackDraft;
import io.stride.tracks.TrackId;
import io.stride.tracks.TrackStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's "Done means" in one story. L&D publishes a "Customer Success Manager" track with a high-investment
 * certification; a manager re-sequences it for their team by keyboard and changes a step's pacing, and sees their
 * version as a change on top of the organization's; a learner of that team asks to join, the manager declines without
 * a reason (refused at the field) and then approves; the learner marks the first step done, sees when the next opens,
 * and after the nightly release on that day finds it open. Then an author reuses a lesson linked from the library, the
 * source publishes a change, the author reads the diff and accepts it, submits the course, and the reviewer reads only
 * the one changed part while the reused lesson stays folded. Every page the story visits passes axe-core at desktop
 * width and at 390 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Config.class)
class ManagerSequencesATrackAndAuthorsReuseALessonJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Reviews reviews;

	@Autowired
	Authoring authoring;

	@Autowired
	TrackDefinitions definitions;

	@Autowired
	StepReleaseJob releaseJob;

	@Autowired
	MovableClock clock;

	Org org;

	PersonId lnd;

	Browser browser;

	@BeforeAll
	static void browserAvailable() {
		Browser.requireOrSkip();
	}

	@BeforeEach
	void start() {
		clock.reset();
		org = fixtures.organization();
		lnd = fixtures.person(fixtures.admin(), "Lena L&D " + org.suffix(), "lnd", org.suffix(), Set.of(), Set.of(),
				Role.REVIEWER);
		reviews.setUp(fixtures.admin(), lnd, "", true, false);
	}

	@AfterEach
	void stop() {
		clock.reset();
		if (browser != null) {
			signOut();
		}
	}

	@Test
	void aManagerSequencesATrackALearnerFollowsItAndAnAuthorTakesAReusedLessonsUpdateThroughReview() throws Exception {
		// --- 1. L&D publishes the organization's track (set-up through the service: not the point of the story)
		Viewer lena = fixtures.viewer(lnd);
		String title = "Customer Success Manager " + org.suffix();
		Track track = definitions.create(lena, new TrackDraft(title, "From first call to renewal.", "Customer Success",
				null, true, "An external certification: 2,000 EUR and three days away.", null));
		TrackId trackId = track.id();
		TrackStep shadow = definitions.addStep(lena, trackId, null, external("Shadow three discovery calls",
				Pacing.ON_ENROLMENT, false));
		TrackStep certification = definitions.addStep(lena, trackId, null, external("CSM certification",
				new Pacing(PacingRule.AFTER_PREVIOUS, 7, null), true));
		TrackStep plan = definitions.addStep(lena, trackId, null, external("Write a renewal plan",
				new Pacing(PacingRule.AFTER_PREVIOUS, 7, null), false));
		definitions.publish(lena, trackId, definitions.find(trackId).orElseThrow().revision());

		// --- the manager re-sequences it for their team by keyboard and paces the renewal plan sooner
		signIn("manager-a");
		browser.go("/tracks/" + trackId.value() + "/teams/" + org.teamA().value());
		assertThat(browser.find("#version-state").getText()).contains("follows the organization’s track");
		check();
		browser.find("#team-up-" + plan.id()).sendKeys(Keys.ENTER);
		assertThat(browser.find("#place-" + plan.id()).getAttribute("value")).isEqualTo("2");
		assertThat(browser.find("#place-" + certification.id()).getAttribute("value")).isEqualTo("3");
		assertThat(browser.find("#order-status").getAttribute("textContent")).contains("to place 2");
		browser.type("#days-" + plan.id(), "3");
		browser.type("#note", "The renewal plan first: the certification needs a renewal behind it.");
		browser.navigate("#save-team");
		assertThat(browser.find("#version-state").getText()).contains("Your team’s version");
		assertThat(browser.find("#team-step-" + plan.id()).getText()).contains("Changed: moved from 3 to 2")
			.contains("instead of 7");
		assertThat(browser.find("#base-steps").getText()).containsSubsequence("Shadow three discovery calls",
				"CSM certification", "Write a renewal plan");
		check();
		signOut();

		// --- 2. a learner of that team asks to join the high-investment track
		signIn("learner-a");
		browser.go("/tracks/" + trackId.value());
		assertThat(browser.find("#high-investment").getText()).contains("High investment");
		assertThat(browser.find("#team-version").getText()).contains("Your team follows its own version");
		check();
		browser.type("#note", "I take over the Nordics renewals in January.");
		browser.navigateByKeyboard("#enrol-button");
		assertThat(browser.text()).contains("Asked. Your manager decides");
		signOut();

		// the manager declines without a reason (told at the field), then approves
		signIn("manager-a");
		browser.go("/enrolment-requests");
		assertThat(browser.text()).contains("I take over the Nordics renewals in January.");
		check();
		browser.navigateByKeyboard(".enrolment-request button.secondary");
		assertThat(browser.find(".enrolment-request .field-error").getText()).contains("Give a reason");
		assertThat(browser.find(".enrolment-request textarea").getAttribute("aria-invalid")).isEqualTo("true");
		browser.navigateByKeyboard(".enrolment-request button.approve");
		assertThat(browser.text()).contains("Approved. Learner A is enrolled and told.");
		signOut();

		// --- 3. the learner follows the team's version with paced release
		signIn("learner-a");
		browser.go("/my/tracks");
		assertThat(browser.find("#following .open-now").getText()).contains("Shadow three discovery calls");
		assertThat(browser.find("#following .next-step").getText()).contains("Next: Write a renewal plan");
		check();
		browser.go("/tracks/" + trackId.value());
		browser.navigateByKeyboard("#step-" + shadow.id() + " button[type=submit]");
		assertThat(browser.find("#step-" + shadow.id()).getText()).contains("Done");
		browser.go("/my/tracks");
		assertThat(browser.find("#following .progress-text").getText()).isEqualTo("1 of 3 steps done");
		assertThat(browser.find("#following .next-step").getText()).contains("Next: Write a renewal plan, opens on",
				"3 days after you finish “Shadow three discovery calls”");
		assertThat(browser.all("#following .open-now")).isEmpty();

		// the nightly release runs on the day the step is due
		clock.advance(Duration.ofDays(3));
		assertThat(releaseJob.releaseDue()).isGreaterThanOrEqualTo(1);
		browser.reload();
		assertThat(browser.find("#following .open-now").getText()).contains("Write a renewal plan");
		assertThat(browser.find("#following .next-step").getText()).contains("Next: CSM certification");
		clock.reset();
		signOut();

		// --- 4. an author reuses a lesson linked from the library into the next version of their course
		Viewer maya = fixtures.viewer(org.managerA());
		Viewer author = fixtures.viewer(org.managerB());
		// the source is reviewed too: what it lends was read by a reviewer at this risk tier
		Course source = reviewedFirstVersion(maya, "Running an EBR " + org.suffix());
		Course course = reviewedFirstVersion(author, "Onboarding " + org.suffix());
		Course draft = authoring.startVersion(author, course.id(), course.revision());

		signIn("manager-b");
		browser.go("/library?q=" + "Running+an+EBR+" + org.suffix());
		browser.select("#kind", "Lesson");
		browser.navigate("#library-search button[type=submit]");
		assertThat(browser.text()).contains("from Running an EBR " + org.suffix() + " v1 by Manager A");
		check();
		browser.navigate(browser.link("Spot it"));
		assertThat(browser.find("#provenance").getText())
			.isEqualTo("from Running an EBR " + org.suffix() + " v1 by Manager A");
		check();
		browser.select("#courseId", "Onboarding " + org.suffix());
		browser.click("#mode-linked");
		browser.navigate("#reuse-button");
		assertThat(browser.path()).startsWith("/courses/" + draft.id().value() + "/");
		List<Lesson> lessons = authoring.editable(author, draft.id()).lessons();
		assertThat(lessons).hasSize(3);
		Lesson reused = lessons.get(2);
		ElementOrigin origin = authoring.origins(draft.id()).get(reused.id());
		assertThat(origin.mode()).hasToString("LINKED");
		assertThat(origin.sourceVersion()).isEqualTo(1);

		// the source publishes a change to that lesson; the author reads the diff and takes it
		publishFirstLesson(maya, source, "Report within **2 hours**.\n\n1. Stop\n2. Report");
		browser.go("/courses/" + draft.id().value() + "/assign");
		assertThat(browser.find("#updates-heading").getText()).isEqualTo("Updates available");
		assertThat(browser.find(".component-update .update-diff del").getText().replaceAll("\\s+", " "))
			.contains("− ").contains("Report within **1 hour**.");
		assertThat(browser.find(".component-update .update-diff ins").getText().replaceAll("\\s+", " "))
			.contains("+ ").contains("Report within **2 hours**.");
		check();
		browser.navigate(".accept-update");
		assertThat(browser.text()).contains("The update was taken into your draft");
		assertThat(browser.all("#component-updates")).isEmpty();
		assertThat(authoring.editable(author, draft.id()).lessons().get(2).markdown()).startsWith("Report within **2 hours**.");
		assertThat(authoring.origins(draft.id()).get(reused.id()).sourceVersion()).isEqualTo(2);
		signOut();

		// --- 5. the author rewrites one lesson of their own and submits; the reviewer reads only that part
		Course current = authoring.editable(author, draft.id());
		List<Lesson> edited = new ArrayList<>(current.lessons());
		Lesson own = edited.get(1);
		edited.set(1, new Lesson(own.id(), own.title(), "Use the *incident form*, then call the duty manager.",
				own.sources(), own.module(), own.knowledgeChecks()));
		current = authoring.update(author, draft.id(), current.revision(), current.content().with(edited, current.quiz()));
		authoring.requestPublication(author, draft.id(), current.revision());
		String secondCase = reviews.latestFor(draft.id()).orElseThrow().id();

		browser = Browser.open(port, "track-and-reuse");
		LearnerSteps.signIn(browser, org.email("lnd"));
		browser.go("/reviews/" + secondCase);
		assertThat(browser.find("#changes-summary").getText()).matches(
				"1 of \\d+ parts is new or changed since version 1 \\(published\\) — read this one\\.");
		String changed = "#part-" + own.id();
		// the changed part is laid out to read, not folded; the others are folded
		assertThat(browser.find(changed).getTagName()).isEqualTo("article");
		assertThat(browser.find(changed).isDisplayed()).isTrue();
		assertThat(browser.all("article.change-part")).hasSize(1);
		// the line edited is shown once, labelled, with the words added marked
		assertThat(browser.find(changed + " .diff-changed").getText()).startsWith("Changed:");
		assertThat(browser.find(changed + " .diff-changed ins").getAttribute("textContent"))
			.contains("then call the duty manager");
		assertThat(browser.find(changed + " .lesson-body em").getText()).isEqualTo("incident form");
		String folded = "#part-" + reused.id();
		assertThat(browser.find(folded).getTagName()).isEqualTo("details");
		assertThat(browser.find(folded).getAttribute("open")).isNull();
		browser.find(folded + " summary").sendKeys(Keys.ENTER);
		assertThat(browser.find(folded).getAttribute("open")).isNotNull();
		assertThat(browser.find(folded).getText()).contains("From “Running an EBR " + org.suffix() + "” v2 by Manager A (linked).",
				"Reviewed with its source (version 2)");
		assertThat(browser.find("#part-" + edited.get(0).id()).getTagName()).isEqualTo("details");
		assertThat(browser.find("#part-" + edited.get(0).id()).getAttribute("open")).isNull();
		check();
	}

	/** A MEDIUM-risk course, reviewed by L&D and published: version 1, what version 2 is compared with. */
	private Course reviewedFirstVersion(Viewer author, String title) {
		Course created = authoring.create(author, Fixtures.sampleCourse(title).withTier(RiskTier.MEDIUM, "customer facing"));
		authoring.requestPublication(author, created.id(), created.revision());
		reviews.approve(fixtures.viewer(lnd), reviews.latestFor(created.id()).orElseThrow().id(), null);
		Course published = authoring.course(author, created.id());
		assertThat(published.liveVersion()).isEqualTo(1);
		return published;
	}

	private void publishFirstLesson(Viewer author, Course source, String text) {
		Course next = authoring.startVersion(author, source.id(), authoring.editable(author, source.id()).revision());
		List<Lesson> lessons = new ArrayList<>(next.lessons());
		Lesson first = lessons.getFirst();
		lessons.set(0, new Lesson(first.id(), first.title(), text, first.sources(), first.module()));
		next = authoring.update(author, source.id(), next.revision(), next.content().with(lessons, next.quiz()));
		authoring.requestPublication(author, source.id(), next.revision());
		reviews.approve(fixtures.viewer(lnd), reviews.latestFor(source.id()).orElseThrow().id(), null);
	}

	private static StepDraft external(String title, Pacing pacing, boolean highInvestment) {
		return new StepDraft(StepKind.EXTERNAL, title, "Do " + title + ".", null, null, null, null, null,
				"https://example.org/csm", Confirmation.SELF, pacing, Set.of(), highInvestment, null);
	}

	/** axe-core at desktop width and at a phone's 390 px, and no sideways scrolling on the phone. */
	private void check() {
		browser.checkAccessibility();
		browser.windowSize(390, 844);
		try {
			browser.checkAccessibility();
			browser.checkFitsWidth();
		}
		finally {
			browser.windowSize(1280, 1000);
		}
	}

	/** Closes this person's browser; the next person signs in in a fresh one. */
	private void signOut() {
		browser.close();
		browser = null;
	}

	private void signIn(String handle) throws Exception {
		browser = Browser.open(port, "track-and-reuse");
		browser.windowSize(1280, 1000);
		LearnerSteps.signIn(browser, org.email(handle));
	}
}
