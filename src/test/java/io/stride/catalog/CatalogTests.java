package io.stride.catalog;

import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Quiz;
import io.stride.authoring.RiskTier;
import io.stride.capability.CapabilityId;
import io.stride.delivery.Delivery;
import io.stride.feedback.Feedback;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The catalogue's search: only courses learners may take, found by title, lesson text and capability, filtered and
 * sorted. Each test searches for a word only its own courses hold, since the database is shared between tests.
 */
@SpringBootTest
class CatalogTests {

	@Autowired
	Catalog catalog;

	@Autowired
	Authoring authoring;

	@Autowired
	Delivery delivery;

	@Autowired
	Feedback feedback;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows rows;

	@Autowired
	CatalogIndex index;

	@Autowired
	JdbcClient jdbc;

	Org org;

	Viewer author;

	Viewer learner;

	String word;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		author = fixtures.viewer(org.managerA());
		learner = fixtures.viewer(org.learnerB());
		word = "kw" + org.suffix().replace("-", "x");
	}

	@Test
	void onlyPublishedCoursesAreListedAndANewVersionInReviewShowsTheLiveOne() {
		Course live = fixtures.publishedCourse(author, "Live " + word);
		Course retired = fixtures.publishedCourse(author, "Retired " + word);
		authoring.retire(author, retired.id());
		authoring.create(author, course("Draft " + word, "Never published."));
		Course firstInReview = authoring.create(author, course("First in review " + word, "Waiting.").withTier(RiskTier.MEDIUM, null));
		authoring.requestPublication(author, firstInReview.id(), firstInReview.revision());
		Course changing = published(course("Changing " + word, "Version one.").withTier(RiskTier.MEDIUM, null));
		Course next = authoring.startVersion(author, changing.id(), changing.revision());
		Course edited = authoring.update(author, next.id(), next.revision(),
				new CourseContent("Renamed " + word, "Version two.", next.lessons(), next.quiz()).withTier(RiskTier.MEDIUM, null));
		assertThat(authoring.requestPublication(author, edited.id(), edited.revision()).status().name()).isEqualTo("IN_REVIEW");

		CatalogPage page = search(word, null, null, null);

		assertThat(page.items()).extracting(CatalogEntry::title).containsExactlyInAnyOrder("Live " + word, "Changing " + word);
		assertThat(page.total()).isEqualTo(2);
		CatalogEntry entry = page.items().stream().filter(e -> e.id().equals(live.id())).findFirst().orElseThrow();
		assertThat(entry.authorName()).isEqualTo("Manager A");
		assertThat(entry.authorTeams()).containsExactly("Team A " + org.suffix());
		assertThat(entry.lessons()).isEqualTo(2);
		assertThat(entry.minutes()).isEqualTo(1);
		assertThat(entry.reactionScore()).isNull();
	}

	@Test
	void wordsAreFoundInTitlesAndLessonTextWithTitleMatchesFirst() {
		Course inTitle = published(course("Refunds " + word, "Plain lesson."));
		Course inText = published(
				course("Returns desk " + org.suffix(), "When a parcel comes back, " + word + " it first."));
		// the text match is taken more, yet a title that holds the word comes first
		delivery.open(learner, inText.id());

		assertThat(search(word, null, null, null).items()).extracting(CatalogEntry::id).containsExactly(inTitle.id(), inText.id());
		assertThat(search("parcel " + word, null, null, null).items()).extracting(CatalogEntry::id).containsExactly(inText.id());
		assertThat(search("PARCEL " + word.toUpperCase(), null, null, null).items()).extracting(CatalogEntry::id)
			.containsExactly(inText.id());
		assertThat(search(word + " nowhere-to-be-found", null, null, null).total()).isZero();
	}

	@Test
	void aCapabilityFiltersAndIsSearchedByName() {
		Course counts = fixtures.publishedCourse(author, "Escalation basics " + word);
		fixtures.publishedCourse(author, "Unrelated " + word);
		CapabilityId capability = rows.capability("Handles escalations " + word, "Support " + org.suffix(), org.managerA());
		rows.courseRule(capability, 1, counts.id().value());

		CatalogPage filtered = catalog.search(learner, new CatalogQuery(word, capability, null, null, null, null, 1));
		assertThat(filtered.items()).extracting(CatalogEntry::id).containsExactly(counts.id());
		assertThat(filtered.items().get(0).capabilities()).containsExactly("Handles escalations " + word);
		assertThat(catalog.capabilities()).extracting(CatalogChoice::id).contains(capability.value());
	}

	@Test
	void theAuthorsTeamAndTheLengthFilter() {
		Course byA = fixtures.publishedCourse(author, "From team A " + word);
		fixtures.publishedCourse(fixtures.viewer(org.managerB()), "From team B " + word);

		assertThat(catalog.search(learner, new CatalogQuery(word, null, org.teamA(), null, null, null, 1)).items())
			.extracting(CatalogEntry::id).containsExactly(byA.id());
		assertThat(catalog.search(learner, new CatalogQuery(word, null, null, CatalogQuery.Length.SHORT, null, null, 1)).total())
			.isEqualTo(2);
		assertThat(catalog.search(learner, new CatalogQuery(word, null, null, CatalogQuery.Length.LONG, null, null, 1)).total())
			.isZero();
	}

	@Test
	void mostUsedSortsByLearnersAndNewestByPublication() throws InterruptedException {
		Course older = fixtures.publishedCourse(author, "Older " + word);
		Thread.sleep(5);
		Course newer = fixtures.publishedCourse(author, "Newer " + word);
		for (PersonId person : List.of(org.learnerA(), org.learnerB())) {
			delivery.open(fixtures.viewer(person), older.id());
		}

		assertThat(search(word, null, CatalogQuery.Sort.MOST_USED, null).items()).extracting(CatalogEntry::id)
			.containsExactly(older.id(), newer.id());
		assertThat(search(word, null, CatalogQuery.Sort.MOST_USED, null).items().get(0).learners()).isEqualTo(2);
		assertThat(search(word, null, CatalogQuery.Sort.NEWEST, null).items()).extracting(CatalogEntry::id)
			.containsExactly(newer.id(), older.id());
	}

	@Test
	void aPageBelowOneOrAScoreOutOfRangeIsRefusedAtTheField() {
		assertThatThrownBy(() -> catalog.search(learner, new CatalogQuery(word, null, null, null, null, null, 0)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("page"));
		assertThatThrownBy(() -> search(word, null, null, 101))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("minScore"));
	}

	@Test
	void aMinimumScoreLeavesOutCoursesWhoseScoreIsNotShownYet() {
		fixtures.publishedCourse(author, "No reactions " + word);
		assertThat(search(word, null, null, -100).total()).isZero();
		assertThat(search(word, null, null, null).total()).isEqualTo(1);
	}

	@Test
	void aMinimumScoreKeepsCoursesWhoseShownScoreReachesIt() {
		Course liked = fixtures.publishedCourse(author, "Liked " + word);
		Course mixed = fixtures.publishedCourse(author, "Mixed " + word);
		int reacted = 0;
		for (PersonId person : List.of(org.learnerA(), org.learnerSubA(), org.learnerB())) {
			Viewer someone = fixtures.viewer(person);
			for (Course course : List.of(liked, mixed)) {
				delivery.open(someone, course.id());
				for (var lesson : course.lessons()) {
					// two of the six reactions to the mixed course are "unclear": (4 − 2) / 6 = 33
					String kind = course == mixed && reacted++ % 3 == 0 ? "UNCLEAR" : "HELPFUL";
					feedback.react(someone, course.id(), lesson.id(), kind, null);
				}
			}
		}

		assertThat(search(word, null, null, 50).items()).extracting(CatalogEntry::id).containsExactly(liked.id());
		assertThat(search(word, null, null, 0).items()).extracting(CatalogEntry::reactionScore).containsExactlyInAnyOrder(100, 33);
	}

	@Test
	void theNamesOfStoredFieldsAreNotSearched() {
		// the version is stored as JSON with fields such as "lessons", "markdown" and "quiz": none is a word of the course
		published(course("Handling refunds " + word, "Say sorry, then refund."));

		assertThat(search(word, null, null, null).total()).isEqualTo(1);
		for (String key : List.of("markdown", "lessons", "quiz", "prompt", "objectives", "knowledgechecks")) {
			assertThat(search(key + " " + word, null, null, null).total()).as(key).isZero();
		}
		assertThat(search("sorry " + word, null, null, null).total()).isEqualTo(1);
	}

	@Test
	void aWordOfACapabilityNameFindsTheCoursesThatCountForIt() {
		String capabilityWord = "cap" + org.suffix().replace("-", "x");
		Course counts = fixtures.publishedCourse(author, "De-escalation " + word);
		fixtures.publishedCourse(author, "Small talk " + word);
		CapabilityId capability = rows.capability("Calms " + capabilityWord + " callers", "Support " + org.suffix(),
				org.managerA());
		rows.courseRule(capability, 1, counts.id().value());

		assertThat(search(capabilityWord, null, null, null).items()).extracting(CatalogEntry::id)
			.containsExactly(counts.id());
		assertThat(search(capabilityWord + " " + word, null, null, null).items()).extracting(CatalogEntry::id)
			.containsExactly(counts.id());
	}

	@Test
	void aRetiredCourseLeavesTheCatalogueAtOnce() {
		Course course = fixtures.publishedCourse(author, "Soon retired " + word);
		assertThat(search(word, null, null, null).items()).extracting(CatalogEntry::id).containsExactly(course.id());

		authoring.retire(author, course.id());

		assertThat(search(word, null, null, null).total()).isZero();
		assertThat(catalog.search(learner, new CatalogQuery(null, null, org.teamA(), null, null, null, 1)).items())
			.extracting(CatalogEntry::id).doesNotContain(course.id());
	}

	@Test
	void aNewlyPublishedVersionShowsItsTitleAndText() {
		Course first = published(course("Old name " + word, "The old way."));
		Course next = authoring.startVersion(author, first.id(), first.revision());
		Course edited = authoring.update(author, next.id(), next.revision(), new CourseContent("New name " + word,
				"About the new way.", List.of(new Lesson(null, "The lesson", "The brandnew way.")), next.quiz()));
		// saved but not published: learners still get the old version
		assertThat(search(word, null, null, null).items()).extracting(CatalogEntry::title).containsExactly("Old name " + word);

		authoring.publish(author, edited.id(), edited.revision());

		assertThat(search(word, null, null, null).items()).extracting(CatalogEntry::title).containsExactly("New name " + word);
		assertThat(search("brandnew " + word, null, null, null).total()).isEqualTo(1);
		assertThat(search("old " + word, null, null, null).total()).isZero();
	}

	@Test
	void catchingUpAddsCoursesTheTableLacksAndSetsCountsRightAndAgainChangesNothing() {
		Course course = fixtures.publishedCourse(author, "Caught up " + word);
		delivery.open(learner, course.id());
		// as if the course had been published before the catalogue kept its table, and a count had been missed
		Course other = fixtures.publishedCourse(author, "Miscounted " + word);
		jdbc.sql("DELETE FROM catalog_entries WHERE course_id = ?").param(course.id().value()).update();
		jdbc.sql("UPDATE catalog_entries SET learners = 7 WHERE course_id = ?").param(other.id().value()).update();
		assertThat(search(word, null, null, null).items()).extracting(CatalogEntry::id).containsExactly(other.id());

		index.catchUp();

		assertThat(search(word, null, CatalogQuery.Sort.MOST_USED, null).items())
			.extracting(CatalogEntry::id, CatalogEntry::learners)
			.containsExactly(tuple(course.id(), 1),
					tuple(other.id(), 0));
		int[] again = index.catchUp();
		assertThat(jdbc.sql("SELECT version FROM catalog_entries WHERE course_id = ?").param(course.id().value())
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(again[0]).as("courses indexed again").isZero();
	}

	@Test
	void wordsWithHyphensAndDotsAreFoundAsTheyAreWritten() {
		Course course = published(course("Sprint " + word, "Ship release 12-b " + org.suffix() + " via ops.example.com."));

		assertThat(search("12-b " + org.suffix(), null, null, null).items()).extracting(CatalogEntry::id)
			.containsExactly(course.id());
		assertThat(search("ops.example " + word, null, null, null).items()).extracting(CatalogEntry::id)
			.containsExactly(course.id());
	}

	@Test
	void aPercentSignIsSearchedAsItIsWrittenNotAsAWildcard() {
		Course percent = published(course("Discounts " + word, "Refund 100% of the price."));
		published(course("Prices " + word, "Refund the whole price."));

		assertThat(search("% " + word, null, null, null).items()).extracting(CatalogEntry::id)
			.containsExactly(percent.id());
	}

	@Test
	void theLanguageFilterKeepsCoursesWrittenInItAndAnUnknownCodeIsRefusedAtTheField() {
		Course german = published(course("Reklamationen " + word, "Wenn ein Kunde eine Reklamation meldet, hören wir "
				+ "zuerst genau zu und fragen nach der Bestellnummer. Dann prüfen wir, ob die Ware beschädigt ist, und "
				+ "bieten einen Ersatz oder eine Erstattung an. Wir schreiben dem Kunden noch am selben Tag, was wir "
				+ "tun werden und bis wann."));
		Course english = published(course("Complaints " + word, "When a customer reports a complaint, we first "
				+ "listen carefully and ask for the order number. Then we check whether the goods are damaged, and we "
				+ "offer a replacement or a refund. We write to the customer the same day, saying what we will do and "
				+ "by when."));

		assertThat(catalog.search(learner, new CatalogQuery(word, null, null, null, null, null, 1, "de")).items())
			.extracting(CatalogEntry::id)
			.containsExactly(german.id());
		assertThat(catalog.search(learner, new CatalogQuery(word, null, null, null, null, null, 1, "EN")).items())
			.extracting(CatalogEntry::id)
			.containsExactly(english.id());
		assertThat(catalog.languages()).extracting(CatalogChoice::id, CatalogChoice::name)
			.contains(tuple("de", "German"), tuple("en", "English"));
		assertThatThrownBy(() -> catalog.search(learner, new CatalogQuery(word, null, null, null, null, null, 1,
				"'; drop")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("language"));
	}

	@Test
	void reactionsChangedLaterCountOnceAndMoveTheScore() {
		Course course = fixtures.publishedCourse(author, "Reacted " + word);
		List<PersonId> people = List.of(org.learnerA(), org.learnerSubA(), org.learnerB());
		for (PersonId person : people) {
			Viewer someone = fixtures.viewer(person);
			delivery.open(someone, course.id());
			for (var lesson : course.lessons()) {
				feedback.react(someone, course.id(), lesson.id(), "UNCLEAR", null);
			}
		}
		assertThat(search(word, null, null, null).items().get(0).reactionScore()).isEqualTo(-100);

		// one learner changes both reactions to helpful: 2 helpful and 4 unclear of 6, (2 − 4) / 6 = −33
		Viewer changing = fixtures.viewer(org.learnerB());
		for (var lesson : course.lessons()) {
			feedback.react(changing, course.id(), lesson.id(), "HELPFUL", null);
		}

		CatalogEntry entry = search(word, null, null, null).items().get(0);
		assertThat(entry.reactions()).isEqualTo(6);
		assertThat(entry.reactionScore()).isEqualTo(-33);
		assertThat(entry.learners()).isEqualTo(3);
	}

	private CatalogPage search(String words, CapabilityId capability, CatalogQuery.Sort sort, Integer minScore) {
		return catalog.search(learner, new CatalogQuery(words, capability, null, null, minScore, sort, 1));
	}

	private Course published(CourseContent content) {
		Course draft = authoring.create(author, content);
		return authoring.publish(author, draft.id(), draft.revision());
	}

	private static CourseContent course(String title, String lessonText) {
		return new CourseContent(title, "About " + title + ".", List.of(new Lesson(null, "The lesson", lessonText)),
				new Quiz(80, List.of()));
	}
}
