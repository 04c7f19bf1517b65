package io.stride.authoring;

import java.util.ArrayList;
import java.util.List;

import io.stride.authoring.CourseChanges.Change;
import io.stride.authoring.CourseChanges.Kind;
import io.stride.authoring.CourseChanges.Part;
import io.stride.authoring.CourseChanges.State;
import io.stride.identity.Viewer;
import io.stride.shared.NotFoundException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.ReuseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each part of a version with its state against the last published version and, for reused parts, their source: new,
 * changed (with a diff), unchanged, reused, reused then edited, and removed.
 */
@SpringBootTest
class ChangedPartsTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ReuseFixtures reuse;

	@Autowired
	Authoring authoring;

	@Autowired
	ChangedParts changedParts;

	@Autowired
	Reuse updates;

	Org org;

	Viewer maya;

	Viewer author;

	Course source;

	Course course;

	@BeforeEach
	void aCourseReusingPartsOfAnother() {
		org = fixtures.organization();
		maya = fixtures.viewer(org.managerB());
		author = fixtures.viewer(org.managerA());
		source = reuse.source(maya, "Running an EBR " + org.suffix());
		course = reuse.reusing(author, source, "Incidents, our way " + org.suffix(), RiskTier.LOW);
	}

	@Test
	void aFirstVersionIsAllNewExceptWhatIsReusedAsItsSourceHasIt() {
		CourseChanges changes = changedParts.ofWorkingCopy(course.id());
		assertThat(changes.firstVersion()).isTrue();
		assertThat(changes.comparedWith()).isNull();
		assertThat(states(changes)).containsExactly("SETTINGS NEW", "Our opening NEW", "Spot it REUSED", "Report it CHANGED",
				"Report within? REUSED", "Who do you tell? NEW");
		assertThat(changes.total()).isEqualTo(6);
		assertThat(changes.newOrChanged()).isEqualTo(4);
		Part spot = part(changes, "Spot it");
		assertThat(spot.source().title()).isEqualTo(source.title());
		assertThat(spot.source().version()).isEqualTo(1);
		assertThat(spot.source().mode()).isEqualTo("LINKED");
		assertThat(spot.source().authorId()).isEqualTo(maya.id());
		assertThat(spot.diff()).isEmpty();
		// a new part is all added
		assertThat(part(changes, "Our opening").diff()).allMatch(l -> l.change() == Change.ADDED)
			.extracting(CourseChanges.Line::text)
			.contains("Title: Our opening", "We start with the numbers.", "Then the story.");
	}

	@Test
	void aCopiedPartEditedAfterItWasTakenIsChangedAgainstItsSourcesText() {
		Part report = part(changedParts.ofWorkingCopy(course.id()), "Report it");
		assertThat(report.state()).isEqualTo(State.CHANGED);
		assertThat(report.source().mode()).isEqualTo("COPIED");
		assertThat(report.diff()).extracting(l -> l.change() + " " + l.text())
			.containsExactly("SAME Title: Report it", "SAME Use the *incident form*.", "ADDED ",
					"ADDED " + ReuseFixtures.ADDED_PARAGRAPH);
	}

	@Test
	void blankLinesCitationsAndQuizSettingsAreChangesToo() {
		Course v1 = authoring.publish(author, course.id(), course.revision());
		Course draft = authoring.startVersion(author, v1.id(), v1.revision());
		List<Lesson> lessons = new ArrayList<>(draft.lessons());
		Lesson opening = lessons.get(0);
		// a blank line taken out joins two paragraphs into one (Markdown); Windows line endings are no change
		lessons.set(0, new Lesson(opening.id(), opening.title(), "We start with the numbers.\r\nThen the story.",
				opening.sources(), opening.module(), opening.knowledgeChecks()));
		Lesson report = lessons.get(2);
		lessons.set(2, new Lesson(report.id(), report.title(), report.markdown().replace("\n", "\r\n"),
				List.of(new SourceNote("policy.pdf", "page 4", 0, 10, "Report within the hour.")), report.module(),
				report.knowledgeChecks()));
		QuizSettings stricter = new QuizSettings(3, 20, 1, true, AnswersShown.NEVER);
		Course v2 = authoring.update(author, draft.id(), draft.revision(), draft.content()
			.with(lessons, new Quiz(draft.quiz().passMark(), draft.quiz().questions(), stricter)));
		CourseChanges changes = changedParts.ofWorkingCopy(v2.id());
		assertThat(states(changes)).containsExactly("SETTINGS CHANGED", "Our opening CHANGED", "Spot it UNCHANGED",
				"Report it CHANGED", "Report within? UNCHANGED", "Who do you tell? UNCHANGED");
		assertThat(part(changes, "Our opening").diff()).extracting(l -> l.change() + " " + l.text())
			.containsExactly("SAME Title: Our opening", "SAME We start with the numbers.", "REMOVED ",
					"SAME Then the story.");
		assertThat(part(changes, "Report it").diff()).extracting(l -> l.change() + " " + l.text())
			.containsExactly("SAME Title: Report it", "SAME Use the *incident form*.", "SAME ",
					"SAME " + ReuseFixtures.ADDED_PARAGRAPH,
					"ADDED Citation: policy.pdf, page 4: “Report within the hour.”");
		assertThat(changes.parts().getFirst().diff()).extracting(l -> l.change() + " " + l.text())
			.contains("REMOVED Attempts: no limit", "ADDED Attempts: 3", "ADDED Time limit: 20 minutes",
					"ADDED Questions drawn per attempt: 1", "ADDED Options shuffled: yes", "ADDED Answers shown: never");
	}

	@Test
	void aNextVersionShowsWhatChangedSinceTheLastPublishedOne() {
		Course v1 = authoring.publish(author, course.id(), course.revision());
		Course draft = authoring.startVersion(author, v1.id(), v1.revision());
		List<Lesson> lessons = new ArrayList<>(draft.lessons());
		Lesson opening = lessons.get(0);
		lessons.set(0, new Lesson(opening.id(), opening.title(), "We start with the numbers.\n\nThen the customer's story.",
				opening.sources(), opening.module(), opening.knowledgeChecks()));
		lessons.add(new Lesson(null, "Closing", "Thank the caller."));
		// the question of its own is removed; the reused one stays
		Course v2 = authoring.update(author, draft.id(), draft.revision(),
				draft.content().with(lessons, draft.quiz().withQuestions(List.of(draft.quiz().questions().get(0)))));
		CourseChanges changes = changedParts.ofWorkingCopy(v2.id());
		assertThat(changes.version()).isEqualTo(2);
		assertThat(changes.comparedWith()).isEqualTo(1);
		assertThat(states(changes)).containsExactly("SETTINGS UNCHANGED", "Our opening CHANGED", "Spot it UNCHANGED",
				"Report it UNCHANGED", "Closing NEW", "Report within? UNCHANGED", "Who do you tell? REMOVED");
		assertThat(changes.newOrChanged()).isEqualTo(3);
		assertThat(part(changes, "Our opening").diff()).extracting(l -> l.change() + " " + l.text())
			.containsExactly("SAME Title: Our opening", "SAME We start with the numbers.", "SAME ",
					"REMOVED Then the story.", "ADDED Then the customer's story.");
		assertThat(part(changes, "Who do you tell?").diff()).allMatch(l -> l.change() == Change.REMOVED);
		// the published version itself, read later, compares with nothing before it
		assertThat(changedParts.of(v2.id(), 1).firstVersion()).isTrue();
	}

	@Test
	void aLinkedPartUpdatedToItsSourcesNewVersionIsReusedNotChanged() {
		Course v1 = authoring.publish(author, course.id(), course.revision());
		// the source publishes a new version of "Spot it"
		Course sourceDraft = authoring.startVersion(maya, source.id(), source.revision());
		List<Lesson> sourceLessons = new ArrayList<>(sourceDraft.lessons());
		Lesson spot = sourceLessons.get(0);
		sourceLessons.set(0, new Lesson(spot.id(), spot.title(), "Report within **30 minutes**.\n\n1. Stop\n2. Report",
				spot.sources(), spot.module(), spot.knowledgeChecks()));
		Course sourceEdited = authoring.update(maya, sourceDraft.id(), sourceDraft.revision(),
				sourceDraft.content().with(sourceLessons, sourceDraft.quiz()));
		Course sourceV2 = authoring.publish(maya, sourceEdited.id(), sourceEdited.revision());
		assertThat(sourceV2.liveVersion()).isEqualTo(2);
		// the author accepts the update: the new text, and the origin now at version 2
		Course draft = authoring.startVersion(author, v1.id(), v1.revision());
		Lesson linked = draft.lessons().get(1);
		// a linked part is not edited by a save: the update is taken as the author takes it
		Course v2 = updates.accept(author, draft.id(), linked.id());
		Part part = part(changedParts.ofWorkingCopy(v2.id()), "Spot it");
		assertThat(part.state()).isEqualTo(State.REUSED);
		assertThat(part.source().version()).isEqualTo(2);
	}

	@Test
	void questionsAreComparedFactByFact() {
		Course v1 = authoring.publish(author, course.id(), course.revision());
		Course draft = authoring.startVersion(author, v1.id(), v1.revision());
		Question own = draft.quiz().questions().get(1);
		Question edited = new Question(own.id(), own.kind(), own.prompt(), List.of("Your manager", "Nobody", "HR"),
				List.of(0), own.explanation()).withId(own.id());
		Course v2 = authoring.update(author, draft.id(), draft.revision(), draft.content()
			.with(draft.lessons(), draft.quiz().withQuestions(List.of(draft.quiz().questions().get(0), edited))));
		Part part = part(changedParts.ofWorkingCopy(v2.id()), "Who do you tell?");
		assertThat(part.kind()).isEqualTo(Kind.QUESTION);
		assertThat(part.state()).isEqualTo(State.CHANGED);
		assertThat(part.diff()).extracting(l -> l.change() + " " + l.text())
			.contains("SAME Option 1 (right): Your manager", "ADDED Option 3: HR");
	}

	@Test
	void anUnknownCourseOrVersionIsNotFound() {
		assertThatThrownBy(() -> changedParts.ofWorkingCopy(new CourseId("not-a-course"))).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> changedParts.of(course.id(), 7)).isInstanceOf(NotFoundException.class);
	}

	private static List<String> states(CourseChanges changes) {
		return changes.parts()
			.stream()
			.map(p -> (p.kind() == Kind.SETTINGS ? "SETTINGS" : p.title()) + " " + p.state())
			.toList();
	}

	private static Part part(CourseChanges changes, String title) {
		return changes.parts().stream().filter(p -> title.equals(p.title())).findFirst().orElseThrow();
	}
}
