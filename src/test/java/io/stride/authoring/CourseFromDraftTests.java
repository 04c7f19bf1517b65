package io.stride.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.stride.authoring.internal.CourseRules;
import io.stride.drafting.Citation;
import io.stride.drafting.CourseDraft;
import io.stride.drafting.DraftLesson;
import io.stride.drafting.DraftModule;
import io.stride.drafting.DraftQuestion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a draft becomes courses: nothing dropped, checks where they were drafted, every part within the rules. */
class CourseFromDraftTests {

	static final String SOURCE = "Report every incident within one hour. ".repeat(40);

	@Test
	void aDraftTooBigForOneCourseBecomesSeveralSplitByModuleWithNothingLost() {
		// 7 modules of 9 lessons (63 lessons) with 4 checks each, and a final quiz of 12
		List<DraftModule> modules = IntStream.range(0, 7).mapToObj(m -> module("Module " + m, 9, 4)).toList();
		CourseDraft draft = draft(modules, questions("quiz", 12));

		CourseFromDraft.Plan plan = CourseFromDraft.plan(draft);

		assertThat(plan.parts()).hasSize(2);
		assertThat(plan.parts()).extracting(p -> p.content().title())
			.containsExactly("Handbook (part 1 of 2)", "Handbook (part 2 of 2)");
		assertThat(plan.parts()).allSatisfy(p -> assertThat(CourseRules.check(p.content())).isEmpty());
		assertThat(plan.parts().stream().mapToInt(p -> p.content().lessons().size()).sum()).isEqualTo(63);
		assertThat(plan.parts().stream().mapToInt(p -> questionsIn(p.content())).sum()).isEqualTo(7 * 4 + 12);
		// whole modules: no module is in two courses, and the final quiz is all in the last one
		assertThat(plan.parts().get(0).modules()).doesNotContainAnyElementsOf(plan.parts().get(1).modules());
		assertThat(plan.parts().get(0).content().quiz().questions()).isEmpty();
		assertThat(plan.parts().get(1).content().quiz().questions()).extracting(Question::prompt)
			.containsExactlyElementsOf(draft.quiz().stream().map(DraftQuestion::prompt).toList());
		assertThat(plan.notes().get(0)).contains("63 lessons").contains("becomes 2 courses, split by module")
			.contains("with the final quiz in the last one")
			.endsWith("Part 1 holds \u201cModule 0\u201d to \u201cModule 3\u201d; part 2 \u201cModule 4\u201d to \u201cModule 6\u201d.");
	}

	@Test
	void theCoursesOfASplitDraftAreOfEvenLengthWithoutCuttingAModule() {
		List<DraftModule> even = IntStream.range(0, 8).mapToObj(m -> module("Module " + m, 8, 3)).toList();
		assertThat(CourseFromDraft.plan(draft(even, questions("quiz", 10))).parts())
			.extracting(p -> p.content().lessons().size()).containsExactly(32, 32);

		List<DraftModule> uneven = List.of(module("Long", 40, 2), module("Short", 10, 2), module("Middle", 14, 2));
		CourseFromDraft.Plan plan = CourseFromDraft.plan(draft(uneven, questions("quiz", 10)));
		assertThat(plan.parts()).extracting(CourseFromDraft.Part::modules)
			.containsExactly(List.of("Long"), List.of("Short", "Middle"));
	}

	@Test
	void aModuleTooBigForOneCourseIsCutBetweenLessonsAndKeepsItsCheckAfterItsLastLesson() {
		CourseDraft draft = draft(List.of(module("Small", 2, 1), module("Huge", 70, 3)), questions("quiz", 5));

		CourseFromDraft.Plan plan = CourseFromDraft.plan(draft);

		assertThat(plan.parts()).allSatisfy(p -> assertThat(CourseRules.check(p.content())).isEmpty());
		assertThat(plan.parts().stream().mapToInt(p -> p.content().lessons().size()).sum()).isEqualTo(72);
		assertThat(plan.parts().stream().mapToInt(p -> questionsIn(p.content())).sum()).isEqualTo(1 + 3 + 5);
		Lesson lastOfHuge = plan.parts().getLast().content().lessons().getLast();
		assertThat(lastOfHuge.title()).isEqualTo("Huge lesson 70");
		assertThat(lastOfHuge.knowledgeChecks()).extracting(Question::prompt)
			.containsExactly("Huge check 1?", "Huge check 2?", "Huge check 3?");
	}

	@Test
	void aCheckLongerThanALessonHoldsIsSharedAmongTheModulesLastLessonsInOrder() {
		CourseDraft draft = draft(List.of(module("Safety", 3, 14), module("Money", 2, 2)), questions("quiz", 3));

		CourseContent content = CourseFromDraft.content(draft);

		List<Lesson> safety = content.lessons().subList(0, 3);
		assertThat(safety).extracting(l -> l.knowledgeChecks().size()).containsExactly(0, 4, 10);
		assertThat(safety.stream().flatMap(l -> l.knowledgeChecks().stream()).map(Question::prompt))
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 14).mapToObj(i -> "Safety check " + i + "?").toList());
		assertThat(content.quiz().questions()).hasSize(3);
		assertThat(CourseRules.check(content)).isEmpty();
	}

	@Test
	void checksALessonsModuleCannotHoldAtAllAreMovedToTheQuizAndTheAuthorIsTold() {
		CourseDraft draft = draft(List.of(module("Tiny", 1, 12)), questions("quiz", 1));

		CourseFromDraft.Plan plan = CourseFromDraft.plan(draft);

		CourseContent content = plan.parts().getFirst().content();
		assertThat(content.lessons().getFirst().knowledgeChecks()).hasSize(10);
		assertThat(content.quiz().questions()).extracting(Question::prompt)
			.containsExactly("Tiny check 1?", "Tiny check 2?", "quiz check 1?");
		assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("\"Tiny\" has 12 knowledge-check questions")
			.contains("the first 2 joined the final quiz"));
	}

	@Test
	void aQuestionTheCourseCannotHoldIsNamedWithTheReason() {
		DraftQuestion oneOption = new DraftQuestion("q1", "SINGLE_CHOICE", "Who approves refunds?", List.of("The team lead"),
				List.of(0), "", citation());
		DraftQuestion essay = new DraftQuestion("q2", "ESSAY", "Explain the refund policy.", List.of(), List.of(), "", citation());
		DraftModule module = new DraftModule("Refunds", List.of(), List.of(lesson("Refunds lesson")), List.of(oneOption));
		CourseFromDraft.Plan plan = CourseFromDraft.plan(draft(List.of(module), List.of(essay)));

		assertThat(plan.parts().getFirst().content().quiz().questions()).isEmpty();
		assertThat(plan.notes()).anySatisfy(n -> assertThat(n)
			.contains("\"Who approves refunds?\" from the knowledge check of \"Refunds\" was left out: give between 2 and 10 options"));
		assertThat(plan.notes()).anySatisfy(n -> assertThat(n)
			.contains("\"Explain the refund policy.\" from the final quiz was left out: its kind (ESSAY)"));
	}

	@Test
	void aDraftThatFitsMakesOneCourseWithNoNotes() {
		CourseFromDraft.Plan plan = CourseFromDraft.plan(draft(List.of(module("A", 3, 2), module("B", 2, 2)), questions("quiz", 8)));

		assertThat(plan.parts()).hasSize(1);
		assertThat(plan.notes()).isEmpty();
		assertThat(plan.parts().getFirst().content().title()).isEqualTo("Handbook");
	}

	@Test
	void contentRefusesADraftThatMakesSeveralCoursesRatherThanCutIt() {
		CourseDraft draft = draft(IntStream.range(0, 6).mapToObj(m -> module("M" + m, 10, 0)).toList(), List.of());
		assertThatThrownBy(() -> CourseFromDraft.content(draft)).hasMessageContaining("makes 2 courses");
	}

	@Test
	void aLongCitedPassageKeepsAnExactSpan() {
		Citation longOne = new Citation("handbook.md", "paragraph 1", 0, SOURCE.length(), SOURCE);
		DraftModule module = new DraftModule("Incidents", List.of(),
				List.of(new DraftLesson("Reporting", "Report every incident.", List.of(longOne))), List.of());

		SourceNote note = CourseFromDraft.content(draft(List.of(module), List.of())).lessons().getFirst().sources().getFirst();

		assertThat(note.text().length()).isLessThanOrEqualTo(600);
		assertThat(SOURCE.substring(note.start(), note.end())).isEqualTo(note.text());
	}

	private static int questionsIn(CourseContent content) {
		return content.quiz().questions().size() + content.lessons().stream().mapToInt(l -> l.knowledgeChecks().size()).sum();
	}

	private static CourseDraft draft(List<DraftModule> modules, List<DraftQuestion> quiz) {
		return new CourseDraft("d", "Handbook", "Everyone", List.of("Report an incident"), 30, "A handbook.", modules,
				quiz, List.of(), "offline", List.of());
	}

	private static DraftModule module(String title, int lessons, int checks) {
		return new DraftModule(title, List.of("A takeaway"),
				IntStream.rangeClosed(1, lessons).mapToObj(i -> lesson(title + " lesson " + i)).toList(),
				questions(title, checks));
	}

	private static DraftLesson lesson(String title) {
		return new DraftLesson(title, "Report every incident within one hour.", List.of(citation()));
	}

	private static List<DraftQuestion> questions(String prefix, int count) {
		List<DraftQuestion> questions = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			questions.add(new DraftQuestion(prefix + i, "SINGLE_CHOICE", prefix + " check " + i + "?",
					List.of("Within one hour", "Within one day"), List.of(0), "The handbook says so.", citation()));
		}
		return questions;
	}

	private static Citation citation() {
		return new Citation("handbook.md", "paragraph 1", 0, 38, SOURCE.substring(0, 38));
	}
}
