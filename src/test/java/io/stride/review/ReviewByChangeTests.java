package io.stride.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.ReuseFixtures;
import io.stride.support.SignedIn;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Review proportionate to change: the case page opens with what is new or changed and folds away what was reviewed
 * before (unchanged since the last approval, or reused as its source has it), saying where; the same through the API.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewByChangeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ReuseFixtures reuse;

	@Autowired
	Authoring authoring;

	@Autowired
	Reviews reviews;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Org org;

	Viewer author;

	PersonId rita;

	PersonId lee;

	Course source;

	Course course;

	String firstCase;

	@BeforeEach
	void aReviewedSourceAndACourseReusingIt() {
		org = fixtures.organization();
		author = fixtures.viewer(org.managerA());
		rita = reviewer("Rita Reviewer");
		lee = reviewer("Lee Learning");
		// Maya's medium-risk course is reviewed and approved by Rita: what is reused from it as it is was read then
		Viewer maya = fixtures.viewer(org.managerB());
		Course draft = authoring.create(maya, Fixtures.sampleCourse("Running an EBR " + org.suffix())
			.withTier(RiskTier.MEDIUM, null));
		authoring.requestPublication(maya, draft.id(), draft.revision());
		reviews.approve(fixtures.viewer(rita), reviews.latestFor(draft.id()).orElseThrow().id(), null);
		source = authoring.course(maya, draft.id());
		course = reuse.reusing(author, source, "Incidents, our way " + org.suffix(), RiskTier.MEDIUM);
		authoring.requestPublication(author, course.id(), course.revision());
		firstCase = reviews.latestFor(course.id()).orElseThrow().id();
	}

	@Test
	void aFirstVersionSaysSoAndFoldsAwayOnlyWhatIsReusedAsItsSourceHasIt() throws Exception {
		Document page = page(firstCase, lee);
		assertThat(page.select("#changes-summary").text()).isEqualTo("This is the course's first version: nothing of it "
				+ "was published before. 4 of 6 parts are new or changed — read these; 2 are reused as their sources have "
				+ "them, reviewed there.");
		assertThat(page.select("#changes article.change-part")).hasSize(4);
		assertThat(page.select("#changes details.change-part")).hasSize(2);
		String spot = page.select("#part-" + course.lessons().get(1).id()).text();
		assertThat(spot).contains("Lesson: Spot it", "(reused)",
				"From “" + source.title() + "” v1 by " + name(org.managerB()) + " (linked).",
				"Reviewed with its source (version 1): approved by Rita Reviewer " + org.suffix() + " on");
		// the copy edited after it was taken is read against its source's text, with the added line marked and labelled
		var copied = page.select("#part-" + course.lessons().get(2).id());
		assertThat(copied.select(".provenance").text()).endsWith("(copied), then edited.");
		assertThat(copied.select(".diff-added").text()).isEqualTo("Added: " + ReuseFixtures.ADDED_PARAGRAPH);
		assertThat(copied.select(".diff-added ins").text()).isEqualTo(ReuseFixtures.ADDED_PARAGRAPH);
		assertThat(copied.select(".diff-row del")).isEmpty();
		// then the lesson as learners see it: Markdown rendered
		assertThat(copied.select(".lesson-body em").text()).isEqualTo("incident form");
	}

	@Test
	void eachPartAppearsOnceRenderedAsLearnersSeeIt() throws Exception {
		Document page = page(firstCase, lee);
		// one place per part, in the course's order: settings, three lessons, two quiz questions
		assertThat(page.select("#changes .change-part").eachAttr("id")).containsExactly("part-settings",
				"part-" + course.lessons().get(0).id(), "part-" + course.lessons().get(1).id(),
				"part-" + course.lessons().get(2).id(), "part-" + course.quiz().questions().get(0).id(),
				"part-" + course.quiz().questions().get(1).id());
		// each lesson rendered once, as the lesson player renders it, and no second copy of the course below
		assertThat(page.select(".lesson-body")).hasSize(3);
		assertThat(page.select("#course-heading")).isEmpty();
		var spot = page.select("#part-" + course.lessons().get(1).id());
		assertThat(spot.is("details")).isTrue();
		assertThat(spot.select(".lesson-body").html()).contains("Report within <strong>1 hour</strong>.");
		assertThat(spot.text()).doesNotContain("**");
		// the new lesson is to read, rendered: its text appears once on the page (the comment form's list aside)
		var opening = page.select("#part-" + course.lessons().get(0).id());
		assertThat(opening.is("article")).isTrue();
		assertThat(opening.select(".lesson-body p").eachText()).containsExactly("We start with the numbers.",
				"Then the story.");
		page.select("#decide").remove();
		assertThat(occurrences(page.select("main").text(), "We start with the numbers.")).isEqualTo(1);
		// a question shows its facts, the right answer marked
		assertThat(page.select("#part-" + course.quiz().questions().get(1).id() + " .part-facts li").eachText())
			.contains("Kind: single choice", "Option 1 (right): Your manager", "Option 2: Nobody");
		// the settings too: title, description, objectives and quiz settings
		assertThat(page.select("#part-settings .part-facts li").eachText()).contains("Title: " + course.title(),
				"Description: Handling incidents, our way.", "Pass mark: 50%");
	}

	@Test
	void partsReusedOnPurposeAreNotCountedAsOverlap() throws Exception {
		// a source with a sentence of its own (the sample text is in every test's courses, so a shared database holds
		// many courses that share more of its words than this one does), reviewed and approved as the usual source
		String word = "kw" + org.suffix().replace("-", "x");
		Viewer maya = fixtures.viewer(org.managerB());
		CourseContent sample = Fixtures.sampleCourse("Handling escalations " + org.suffix());
		List<Lesson> sampleLessons = new ArrayList<>(sample.lessons());
		Lesson report = sampleLessons.get(1);
		sampleLessons.set(1, new Lesson(report.id(), report.title(), report.markdown() + "\n\nFile it under " + word + "."));
		Course draft = authoring.create(maya, sample.with(sampleLessons, sample.quiz()).withTier(RiskTier.MEDIUM, null));
		authoring.requestPublication(maya, draft.id(), draft.revision());
		reviews.approve(fixtures.viewer(rita), reviews.latestFor(draft.id()).orElseThrow().id(), null);
		Course marked = authoring.course(maya, draft.id());
		// the author's own opening repeats a sentence of the source: that is overlap; the parts taken from it are not
		Course mine = reuse.reusing(author, marked, "Incidents, our team's way " + org.suffix(), RiskTier.MEDIUM);
		List<Lesson> lessons = new ArrayList<>(mine.lessons());
		Lesson opening = lessons.get(0);
		lessons.set(0, new Lesson(opening.id(), opening.title(), "We start with the numbers.\n\nFile it under " + word + ".",
				opening.sources(), opening.module(), opening.knowledgeChecks()));
		mine = authoring.update(author, mine.id(), mine.revision(), mine.content().with(lessons, mine.quiz()));
		authoring.requestPublication(author, mine.id(), mine.revision());
		String caseId = reviews.latestFor(mine.id()).orElseThrow().id();

		Document page = page(caseId, lee);
		var overlap = page.select("section[aria-labelledby=overlap-heading]");
		assertThat(overlap.select(".reused-on-purpose").text())
			.isEqualTo("3 parts are reused from “" + marked.title() + "” on purpose: not counted as overlap.");
		// of its own two sentences one is the source's: half, not the 60% the reused lessons would have made it
		var fromSource = overlap.select("article").stream()
			.filter(a -> a.select("h3").text().startsWith(marked.title() + " — "))
			.toList();
		assertThat(fromSource).hasSize(1);
		assertThat(fromSource.get(0).select("h3").text()).isEqualTo(marked.title() + " — 50% of its own parts overlap");
		assertThat(fromSource.get(0).select("tbody td:first-child").eachText()).containsExactly("File it under " + word + ".");
		mvc.perform(get("/api/v1/reviews/" + caseId + "/overlap").header("Authorization", bearer(lee)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.courseId == '" + marked.id().value() + "')].report.share").value(0.5))
			.andExpect(jsonPath("$[?(@.courseId == '" + marked.id().value() + "')].report.overlaps[*].mine.text")
				.value("File it under " + word + "."));

		// the course first submitted repeats nothing of its own: no overlap, only the reuse said
		Document first = page(firstCase, lee);
		var none = first.select("section[aria-labelledby=overlap-heading]");
		assertThat(none.select("article h3").eachText()).noneMatch(t -> t.startsWith(source.title() + " — "));
		assertThat(none.select(".reused-on-purpose").text())
			.isEqualTo("3 parts are reused from “" + source.title() + "” on purpose: not counted as overlap.");
	}

	@Test
	void aNextVersionExpandsOnlyTheChangedPartsAndSaysWhoApprovedTheRest() throws Exception {
		reviews.approve(fixtures.viewer(lee), firstCase, null);
		Course v1 = authoring.course(author, course.id());
		assertThat(v1.isPublished()).isTrue();
		Course draft = authoring.startVersion(author, v1.id(), v1.revision());
		List<Lesson> lessons = new ArrayList<>(draft.lessons());
		Lesson opening = lessons.get(0);
		lessons.set(0, new Lesson(opening.id(), opening.title(), "We start with the numbers.\n\nThen the customer's story.",
				opening.sources(), opening.module(), opening.knowledgeChecks()));
		Course v2 = authoring.update(author, draft.id(), draft.revision(), draft.content().with(lessons, draft.quiz()));
		authoring.requestPublication(author, v2.id(), v2.revision());
		String secondCase = reviews.latestFor(course.id()).orElseThrow().id();

		Document page = page(secondCase, rita);
		assertThat(page.select("#changes-summary").text())
			.isEqualTo("1 of 6 parts is new or changed since version 1 (published) — read this one.");
		assertThat(page.select("#changes article.change-part")).hasSize(1);
		var opened = page.select("#part-" + opening.id());
		assertThat(opened.is("article")).isTrue();
		// the line edited is one line, labelled, the word added marked (for screen readers too)
		assertThat(opened.select(".diff-changed").text()).isEqualTo("Changed: Then the added: customer's story.");
		assertThat(opened.select(".diff-changed ins").text()).isEqualTo("added: customer's");
		assertThat(opened.select(".diff-row del")).isEmpty();
		assertThat(opened.select(".diff-same").eachText()).containsExactly("We start with the numbers.");
		assertThat(opened.select(".lesson-body").text()).isEqualTo("We start with the numbers. Then the customer's story.");
		// the other five are folded, each saying where it was read
		assertThat(page.select("#changes details.change-part")).hasSize(5);
		assertThat(page.select("#changes details summary").eachText()).allMatch(t -> t.endsWith("(unchanged)"));
		assertThat(page.select("#part-settings .reviewed-before").text())
			.startsWith("Unchanged since version 1: approved by Lee Learning " + org.suffix() + " on ");
		// the decision form is still there
		assertThat(page.select("#approve")).hasSize(1);

		mvc.perform(get("/api/v1/reviews/" + secondCase + "/changes").header("Authorization", bearer(rita)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.caseId").value(secondCase))
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.comparedWith").value(1))
			.andExpect(jsonPath("$.total").value(6))
			.andExpect(jsonPath("$.newOrChanged").value(1))
			.andExpect(jsonPath("$.parts", hasSize(6)))
			.andExpect(jsonPath("$.parts[1].kind").value("LESSON"))
			.andExpect(jsonPath("$.parts[1].elementId").value(opening.id()))
			.andExpect(jsonPath("$.parts[1].state").value("CHANGED"))
			.andExpect(jsonPath("$.parts[1].diff[3].change").value("REMOVED"))
			.andExpect(jsonPath("$.parts[1].diff[3].text").value("Then the story."))
			.andExpect(jsonPath("$.parts[1].diff[4].change").value("ADDED"))
			.andExpect(jsonPath("$.parts[2].state").value("UNCHANGED"))
			.andExpect(jsonPath("$.parts[2].diff").doesNotExist())
			.andExpect(jsonPath("$.parts[2].source.mode").value("LINKED"))
			.andExpect(jsonPath("$.parts[2].source.courseId").value(source.id().value()))
			.andExpect(jsonPath("$.parts[2].reviewedBefore.version").value(1))
			.andExpect(jsonPath("$.parts[2].reviewedBefore.approvedBy[0]").value(lee.value()));
	}

	@Test
	void theChangesApiAnswersTheFirstVersionWithEveryPartAndItsSource() throws Exception {
		mvc.perform(get("/api/v1/reviews/" + firstCase + "/changes").header("Authorization", bearer(lee)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.comparedWith").doesNotExist())
			.andExpect(jsonPath("$.total").value(6))
			.andExpect(jsonPath("$.newOrChanged").value(4))
			.andExpect(jsonPath("$.parts[0].kind").value("SETTINGS"))
			.andExpect(jsonPath("$.parts[0].state").value("NEW"))
			.andExpect(jsonPath("$.parts[2].state").value("REUSED"))
			.andExpect(jsonPath("$.parts[2].source.title").value(source.title()))
			.andExpect(jsonPath("$.parts[2].source.version").value(1))
			.andExpect(jsonPath("$.parts[2].reviewedBefore.spotCheck").value(false))
			.andExpect(jsonPath("$.parts[2].reviewedBefore.approvedBy[0]").value(rita.value()))
			.andExpect(jsonPath("$.parts[3].state").value("CHANGED"))
			.andExpect(jsonPath("$.parts[3].source.mode").value("COPIED"))
			.andExpect(jsonPath("$.parts[4].kind").value("QUESTION"))
			.andExpect(jsonPath("$.parts[4].state").value("REUSED"));
		// the author follows their own case
		mvc.perform(get("/api/v1/reviews/" + firstCase + "/changes").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk());
	}

	@Test
	void partsReusedFromASourceReviewedOnlyAsLowRiskAreToRead() throws Exception {
		Course low = reuse.source(fixtures.viewer(org.managerB()), "Low source " + org.suffix());
		reviews.approve(fixtures.viewer(rita), reviews.latestFor(low.id()).orElseThrow().id(), null);
		Course mine = reuse.reusing(author, low, "Medium course " + org.suffix(), RiskTier.MEDIUM);
		authoring.requestPublication(author, mine.id(), mine.revision());
		String caseId = reviews.latestFor(mine.id()).orElseThrow().id();

		Document page = page(caseId, lee);
		assertThat(page.select("#changes details.change-part")).isEmpty();
		assertThat(page.select("#changes article.change-part")).hasSize(6);
		var spot = page.select("#part-" + mine.lessons().get(1).id());
		assertThat(spot.is("article")).isTrue();
		assertThat(spot.text()).contains("(not reviewed)", "Report within 1 hour.",
				"The same as its source (version 1), which was reviewed only as a low-risk course: read it.");
		assertThat(spot.select(".lesson-body strong").text()).isEqualTo("1 hour");
		mvc.perform(get("/api/v1/reviews/" + caseId + "/changes").header("Authorization", bearer(lee)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.newOrChanged").value(6))
			.andExpect(jsonPath("$.parts[2].state").value("NOT_REVIEWED"))
			.andExpect(jsonPath("$.parts[4].state").value("NOT_REVIEWED"));
	}

	@Test
	void partsReusedFromASourcePublishedWithoutReviewAreToRead() throws Exception {
		// a low-risk source published at once, its spot-check still open
		Course unchecked = reuse.source(fixtures.viewer(org.managerB()), "Unchecked source " + org.suffix());
		Course mine = reuse.reusing(author, unchecked, "Reusing unchecked " + org.suffix(), RiskTier.MEDIUM);
		authoring.requestPublication(author, mine.id(), mine.revision());
		Document page = page(reviews.latestFor(mine.id()).orElseThrow().id(), lee);
		assertThat(page.select("#changes details.change-part")).isEmpty();
		assertThat(page.select("#part-" + mine.quiz().questions().get(0).id() + " .reviewed-before").text())
			.isEqualTo("The same as its source (version 1), which was published without review: read it.");
	}

	@Test
	void partsUnchangedSinceAVersionPublishedWithoutReviewAreToRead() throws Exception {
		// version 1 was low risk, published at once and never spot-checked; version 2 is medium risk
		Course own = authoring.create(author, Fixtures.sampleCourse("Own course " + org.suffix()));
		own = authoring.publish(author, own.id(), own.revision());
		Course draft = authoring.startVersion(author, own.id(), own.revision());
		Course v2 = authoring.update(author, own.id(), draft.revision(),
				draft.content().withTier(RiskTier.MEDIUM, null));
		authoring.requestPublication(author, own.id(), v2.revision());
		Document page = page(reviews.latestFor(own.id()).orElseThrow().id(), lee);
		assertThat(page.select("#changes details.change-part")).isEmpty();
		assertThat(page.select("#part-" + own.lessons().get(0).id() + " .reviewed-before").text())
			.isEqualTo("Unchanged since version 1, which was published without review: read it.");
		assertThat(page.select("#changes-summary").text()).isEqualTo("Read 5 of 5 parts: 1 is new or changed since version 1 "
				+ "(published), and 4 were not changed but never reviewed for this risk tier.");
	}

	@Test
	void nobodyElseSeesTheChanges() throws Exception {
		mvc.perform(get("/api/v1/reviews/" + firstCase + "/changes")).andExpect(status().isUnauthorized());
		for (PersonId outsider : List.of(org.learnerA(), org.managerB())) {
			mvc.perform(get("/api/v1/reviews/" + firstCase + "/changes").header("Authorization", bearer(outsider)))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		mvc.perform(get("/api/v1/reviews/no-such-case/changes").header("Authorization", bearer(lee)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aVersionWithNoStoredCopyShowsTheCaseWithoutTheComparison() throws Exception {
		// a course published before versions were kept, now writing version 2: version 1's spot-check has no copy
		Course old = reuse.source(author, "Old course " + org.suffix());
		String spotCheck = reviews.latestFor(old.id()).orElseThrow().id();
		authoring.startVersion(author, old.id(), old.revision());
		jdbc.sql("DELETE FROM course_versions WHERE course_id = ?").param(old.id().value()).update();
		Document page = page(spotCheck, lee);
		assertThat(page.select("#changes")).isEmpty();
		assertThat(page.select("h1").text()).isEqualTo("Spot-check: " + old.title());
		mvc.perform(get("/api/v1/reviews/" + spotCheck + "/changes").header("Authorization", bearer(lee)))
			.andExpect(status().isNotFound());
	}

	@Test
	void theEndpointIsInTheOpenApiDocument() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(docs).contains("/api/v1/reviews/{caseId}/changes", "ChangedPartView", "newOrChanged");
	}

	@Test
	void aChangedPartMarksTheWordsRemovedAndAddedAndLabelsEachLine() throws Exception {
		reviews.approve(fixtures.viewer(lee), firstCase, null);
		Course v1 = authoring.course(author, course.id());
		Course draft = authoring.startVersion(author, v1.id(), v1.revision());
		List<Lesson> lessons = new ArrayList<>(draft.lessons());
		Lesson opening = lessons.get(0);
		lessons.set(0, new Lesson(opening.id(), opening.title(), "We start with the figures.\n\nClose with a question.",
				opening.sources(), opening.module(), opening.knowledgeChecks()));
		Course v2 = authoring.update(author, draft.id(), draft.revision(), draft.content().with(lessons, draft.quiz()));
		authoring.requestPublication(author, v2.id(), v2.revision());

		var opened = page(reviews.latestFor(course.id()).orElseThrow().id(), rita).select("#part-" + opening.id());
		assertThat(opened.select(".diff-legend").text())
			.isEqualTo("What changed: words added are underlined, words removed struck through.");
		// a word replaced: struck through and underlined in the one line
		var edited = opened.select(".diff-changed");
		assertThat(edited.select(".diff-label").text()).isEqualTo("Changed:");
		assertThat(edited.select("del").text()).isEqualTo("removed: numbers");
		assertThat(edited.select("ins").text()).isEqualTo("added: figures");
		// a line rewritten: the old one removed, the new one added, each labelled in words
		assertThat(opened.select(".diff-removed").text()).isEqualTo("Removed: Then the story.");
		assertThat(opened.select(".diff-removed del").text()).isEqualTo("Then the story.");
		assertThat(opened.select(".diff-added").text()).isEqualTo("Added: Close with a question.");
		assertThat(opened.select(".diff-added ins").text()).isEqualTo("Close with a question.");
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	private Document page(String caseId, PersonId who) throws Exception {
		return Jsoup.parse(mvc.perform(get("/reviews/" + caseId).with(SignedIn.as(fixtures.viewerPerson(who))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private PersonId reviewer(String name) {
		return fixtures.person(fixtures.admin(), name + " " + org.suffix(), name.toLowerCase().replace(' ', '-'), org.suffix(),
				Set.of(), Set.of(), Role.REVIEWER);
	}

	private String name(PersonId person) {
		return fixtures.viewer(person).name();
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
