package io.stride.authoring;

import java.util.ArrayList;
import java.util.List;

import io.stride.authoring.internal.CourseRules;
import io.stride.drafting.CourseDraft;
import io.stride.drafting.DraftLesson;
import io.stride.drafting.DraftModule;
import io.stride.drafting.DraftQuestion;

/**
 * Turns a reviewed draft into course content for the builder. Modules become consecutive lessons; a module's
 * knowledge check follows its last lesson, and the draft's final quiz becomes the course quiz.
 */
public final class CourseFromDraft {

	private CourseFromDraft() {
	}

	public static CourseContent content(CourseDraft draft) {
		StringBuilder description = new StringBuilder(cut(draft.summary(), 3500));
		if (draft.audience() != null && !draft.audience().isBlank()) {
			// the draft names an audience only when its source states one
			description.append("\n\nWho this course is for: ").append(draft.audience().replaceAll("[.]+$", "")).append('.');
		}
		List<Lesson> lessons = new ArrayList<>();
		// questions a lesson can't hold (too many, or its lessons did not fit) go to the quiz rather than be lost
		List<DraftQuestion> toQuiz = new ArrayList<>();
		int questionsLeft = CourseRules.MAX_QUESTIONS;
		for (DraftModule module : draft.modules()) {
			int before = lessons.size();
			for (int i = 0; i < module.lessons().size() && lessons.size() < CourseRules.MAX_LESSONS; i++) {
				DraftLesson lesson = module.lessons().get(i);
				String title = lesson.title();
				StringBuilder markdown = new StringBuilder(lesson.markdown());
				if (i == module.lessons().size() - 1 && !module.takeaways().isEmpty()) {
					markdown.append("\n\n**Key takeaways**\n\n");
					module.takeaways().forEach(t -> markdown.append("- ").append(t).append('\n'));
				}
				lessons.add(new Lesson(null, cut(title, 200), cut(markdown.toString(), 100_000),
						lesson.citations().stream().limit(40).map(CourseFromDraft::note).toList(), cut(module.title(), 200)));
			}
			if (lessons.size() == before) {
				toQuiz.addAll(module.knowledgeCheck());
				continue;
			}
			// the draft asks a module's check after the module, so it follows the module's last lesson
			List<Question> checks = new ArrayList<>();
			for (DraftQuestion q : module.knowledgeCheck()) {
				if (checks.size() == CourseRules.MAX_CHECKS_PER_LESSON || questionsLeft == 0) {
					toQuiz.add(q);
					continue;
				}
				var check = question(q);
				if (check.isPresent()) {
					checks.add(check.get());
					questionsLeft--;
				}
			}
			int last = lessons.size() - 1;
			lessons.set(last, lessons.get(last).withKnowledgeChecks(checks));
		}
		List<Question> questions = new ArrayList<>();
		toQuiz.addAll(draft.quiz());
		for (DraftQuestion q : toQuiz) {
			if (questionsLeft == 0) {
				break;
			}
			var question = question(q);
			if (question.isPresent()) {
				questions.add(question.get());
				questionsLeft--;
			}
		}
		return new CourseContent(cut(draft.title(), 200), cut(description.toString(), 4000), lessons, new Quiz(80, questions),
				draft.objectives().stream().limit(10).map(o -> cut(o, 300)).toList());
	}

	/** One drafted question as a course question; empty when the course model can't hold it. */
	public static java.util.Optional<Question> question(DraftQuestion q) {
		return convert(q).filter(question -> CourseRules
			.check(new CourseContent("t", "", List.of(), new Quiz(80, List.of(question))))
			.isEmpty());
	}

	private static java.util.Optional<Question> convert(DraftQuestion q) {
		String explanation = cut(q.explanation(), 4000);
		if (q.options().stream().anyMatch(o -> o.length() > 500) || q.options().size() > 10) {
			return java.util.Optional.empty();
		}
		return switch (q.kind()) {
			case "SINGLE_CHOICE" -> java.util.Optional.of(new Question(null, QuestionKind.SINGLE_CHOICE, cut(q.prompt(), 2000),
					q.options(), q.correct(), explanation, note(q.citation())));
			case "MULTIPLE_CHOICE" -> java.util.Optional.of(new Question(null, QuestionKind.MULTIPLE_CHOICE,
					cut(q.prompt(), 2000), q.options(), q.correct(), explanation, note(q.citation())));
			case "TRUE_FALSE" -> java.util.Optional.of(new Question(null, QuestionKind.TRUE_FALSE, cut(q.prompt(), 2000),
					q.options(), q.correct(), explanation, note(q.citation())));
			case "ORDERING" -> java.util.Optional.of(new Question(null, QuestionKind.ORDERING, cut(q.prompt(), 2000),
					q.options(), q.correct(), explanation, note(q.citation())));
			case "MATCHING" -> q.matches().stream().anyMatch(m -> m.length() > 500) ? java.util.Optional.empty()
					: java.util.Optional.of(new Question(null, QuestionKind.MATCHING, cut(q.prompt(), 2000), q.options(),
							q.correct(), explanation, note(q.citation()), Scoring.PARTIAL, null, null, null, q.matches()));
			case "NUMERIC" -> q.numeric() == null || q.numeric().value() == null ? java.util.Optional.empty()
					: java.util.Optional.of(new Question(null, QuestionKind.NUMERIC, cut(q.prompt(), 2000), null, null,
							explanation, note(q.citation()), null, null, null,
							new NumericAnswer(q.numeric().value(), q.numeric().tolerance(), q.numeric().unit()), null));
			default -> java.util.Optional.empty();
		};
	}

	private static SourceNote note(io.stride.drafting.Citation c) {
		return c == null ? null : new SourceNote(c.source(), c.locator(), c.start(), c.end(), cut(c.text(), 600));
	}

	private static String cut(String text, int max) {
		return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
