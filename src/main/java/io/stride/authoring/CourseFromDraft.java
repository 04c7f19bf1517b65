package io.stride.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.stride.authoring.internal.CourseRules;
import io.stride.drafting.Citation;
import io.stride.drafting.CourseDraft;
import io.stride.drafting.DraftLesson;
import io.stride.drafting.DraftModule;
import io.stride.drafting.DraftQuestion;

/**
 * Turns a reviewed draft into course content for the builder. Modules become consecutive lessons; a module's
 * knowledge check follows its last lesson, and the draft's final quiz becomes the course quiz.
 * <p>
 * Nothing is dropped on the way. A draft too big for one course ({@link CourseRules#MAX_LESSONS} lessons,
 * {@link CourseRules#MAX_QUESTIONS} questions) becomes several courses, cut between modules where it can be, the
 * final quiz with the last; a module's check too long for one lesson is shared among the module's last lessons;
 * and a drafted question the course model can't hold is named in the plan's notes, so the author can add it by hand.
 */
public final class CourseFromDraft {

	private CourseFromDraft() {
	}

	/** One course to create: its content and the titles of the draft's modules it holds. */
	public record Part(CourseContent content, List<String> modules) {

		public Part {
			modules = List.copyOf(modules);
		}
	}

	/** The courses a draft becomes (one unless it is too big for one), and what the author should know about it. */
	public record Plan(List<Part> parts, List<String> notes) {

		public Plan {
			parts = List.copyOf(parts);
			notes = List.copyOf(notes);
		}

		public boolean split() {
			return parts.size() > 1;
		}
	}

	/**
	 * The course content of a draft that fits one course. A draft too big for one is refused rather than cut:
	 * {@link #plan(CourseDraft)} says how it splits.
	 */
	public static CourseContent content(CourseDraft draft) {
		Plan plan = plan(draft);
		if (plan.split()) {
			throw new IllegalArgumentException("The draft makes " + plan.parts().size() + " courses; create them from its plan.");
		}
		return plan.parts().get(0).content();
	}

	/** How a draft becomes courses, with nothing lost: see the class comment. */
	public static Plan plan(CourseDraft draft) {
		List<String> notes = new ArrayList<>();
		List<Question> quiz = new ArrayList<>();
		List<Block> blocks = new ArrayList<>();
		for (DraftModule module : draft.modules()) {
			List<Question> checks = questions(module.knowledgeCheck(), "the knowledge check of \"" + module.title() + "\"", notes);
			if (module.lessons().isEmpty()) {
				if (!checks.isEmpty()) {
					notes.add("\"" + module.title() + "\" has no lessons, so its " + count(checks.size(), "knowledge-check question")
							+ " joined the final quiz.");
					quiz.addAll(checks);
				}
				continue;
			}
			blocks.add(new Block(module.title(), withChecks(module, lessons(module, draft.takeawaysLabel()), checks, quiz, notes)));
		}
		quiz.addAll(questions(draft.quiz(), "the final quiz", notes));
		List<Slot> slots = balanced(blocks, quiz);
		int lessons = blocks.stream().mapToInt(b -> b.lessons().size()).sum();
		int questions = quiz.size() + blocks.stream().mapToInt(Block::questions).sum();
		String description = cut(draft.summary(), 3500);
		if (draft.audience() != null && !draft.audience().isBlank()) {
			// the draft names an audience only when its source states one
			description += "\n\nWho this course is for: " + draft.audience().replaceAll("[.]+$", "") + '.';
		}
		List<String> objectives = draft.objectives().stream().limit(10).map(o -> cut(o, 300)).toList();
		List<Part> parts = new ArrayList<>();
		for (int i = 0; i < slots.size(); i++) {
			Slot slot = slots.get(i);
			String title = slots.size() == 1 ? cut(draft.title(), CourseRules.MAX_TITLE)
					: partTitle(draft.title(), i + 1, slots.size());
			String about = slots.size() == 1 ? description
					: description + "\n\nPart " + (i + 1) + " of " + slots.size() + " of \"" + draft.title() + "\".";
			parts.add(new Part(new CourseContent(title, cut(about, CourseRules.MAX_DESCRIPTION), slot.lessons,
					new Quiz(80, slot.quiz), objectives), slot.modules));
		}
		if (parts.size() > 1) {
			long withQuiz = slots.stream().filter(slot -> !slot.quiz.isEmpty()).count();
			String quizGoes = withQuiz == 0 ? "" : withQuiz == 1 ? ", with the final quiz in the last one"
					: ", with the final quiz shared among the last " + withQuiz;
			StringBuilder holds = new StringBuilder();
			for (int i = 0; i < parts.size(); i++) {
				List<String> modules = parts.get(i).modules();
				holds.append(i == 0 ? " Part 1 holds " : "; part " + (i + 1) + " ")
					.append(modules.isEmpty() ? "the final quiz" : modules.size() == 1 ? quoted(modules.get(0))
							: quoted(modules.get(0)) + " to " + quoted(modules.get(modules.size() - 1)));
			}
			notes.add(0, "The draft has " + count(lessons, "lesson") + " and " + count(questions, "question")
					+ " (knowledge checks included); a course holds at most " + CourseRules.MAX_LESSONS + " lessons and "
					+ CourseRules.MAX_QUESTIONS + " questions, so it becomes " + parts.size() + " courses, split by module"
					+ quizGoes + "." + holds + ".");
		}
		return new Plan(parts, notes);
	}

	/** A module's lessons, or part of them, with their knowledge checks attached. */
	private record Block(String module, List<Lesson> lessons) {

		int questions() {
			return lessons.stream().mapToInt(l -> l.knowledgeChecks().size()).sum();
		}
	}

	/** One course being filled, up to {@code maxLessons} lessons. */
	private static final class Slot {

		final int maxLessons;

		Slot(int maxLessons) {
			this.maxLessons = maxLessons;
		}

		final List<Lesson> lessons = new ArrayList<>();

		final List<Question> quiz = new ArrayList<>();

		final List<String> modules = new ArrayList<>();

		int questions() {
			return quiz.size() + lessons.stream().mapToInt(l -> l.knowledgeChecks().size()).sum();
		}

		boolean holds(int moreLessons, int moreQuestions) {
			return lessons.size() + moreLessons <= maxLessons
					&& questions() + moreQuestions <= CourseRules.MAX_QUESTIONS;
		}

		boolean isEmpty() {
			return lessons.isEmpty() && quiz.isEmpty();
		}

		void add(Block block) {
			lessons.addAll(block.lessons());
			if (!modules.contains(block.module())) {
				modules.add(block.module());
			}
		}
	}

	/**
	 * As few courses as hold the draft, of even length where whole modules allow: a handbook of 64 lessons becomes two
	 * courses of about 32 rather than one of 50 and a remnant of 14.
	 */
	private static List<Slot> balanced(List<Block> blocks, List<Question> quiz) {
		List<Slot> fewest = pack(blocks, quiz, CourseRules.MAX_LESSONS);
		if (fewest.size() == 1) {
			return fewest;
		}
		int lessons = blocks.stream().mapToInt(b -> b.lessons().size()).sum();
		for (int cap = (lessons + fewest.size() - 1) / fewest.size(); cap < CourseRules.MAX_LESSONS; cap++) {
			List<Slot> even = pack(blocks, quiz, cap);
			if (even.size() == fewest.size()) {
				return even;
			}
		}
		return fewest;
	}

	/**
	 * Whole modules into as few courses of at most {@code maxLessons} lessons as hold them, in order (a module longer
	 * than that has a course of its own); a module too big for any course is cut between lessons. The final quiz goes with the last course, taking the last module along into a new course if
	 * the quiz does not fit beside it.
	 */
	private static List<Slot> pack(List<Block> blocks, List<Question> quiz, int maxLessons) {
		List<Slot> slots = new ArrayList<>();
		Slot slot = new Slot(maxLessons);
		slots.add(slot);
		List<Block> lastBlocks = new ArrayList<>();
		for (Block block : blocks) {
			if (!slot.holds(block.lessons().size(), block.questions())) {
				if (!slot.isEmpty()) {
					slot = new Slot(maxLessons);
					slots.add(slot);
					lastBlocks.clear();
				}
				// a module that fits a course is never cut to even out the courses
				if (block.lessons().size() > CourseRules.MAX_LESSONS || block.questions() > CourseRules.MAX_QUESTIONS) {
					for (Lesson lesson : block.lessons()) {
						if (!slot.holds(1, lesson.knowledgeChecks().size())) {
							slot = new Slot(maxLessons);
							slots.add(slot);
							lastBlocks.clear();
						}
						slot.add(new Block(block.module(), List.of(lesson)));
					}
					continue;
				}
			}
			slot.add(block);
			lastBlocks.add(block);
		}
		List<Question> rest = new ArrayList<>(quiz);
		if (!slot.holds(0, rest.size()) && lastBlocks.size() > 1) {
			Block moved = lastBlocks.get(lastBlocks.size() - 1);
			int questionsMoved = moved.questions();
			if (questionsMoved + rest.size() <= CourseRules.MAX_QUESTIONS) {
				slot.lessons.subList(slot.lessons.size() - moved.lessons().size(), slot.lessons.size()).clear();
				slot.modules.remove(moved.module());
				slot = new Slot(maxLessons);
				slots.add(slot);
				slot.add(moved);
			}
		}
		while (!rest.isEmpty()) {
			int room = CourseRules.MAX_QUESTIONS - slot.questions();
			if (room <= 0) {
				slot = new Slot(maxLessons);
				slots.add(slot);
				continue;
			}
			List<Question> taken = rest.subList(0, Math.min(room, rest.size()));
			slot.quiz.addAll(taken);
			taken.clear();
		}
		return slots;
	}

	/** A module's lessons as course lessons; the last one closes with the module's takeaways. */
	private static List<Lesson> lessons(DraftModule module, String takeawaysLabel) {
		List<Lesson> lessons = new ArrayList<>();
		for (int i = 0; i < module.lessons().size(); i++) {
			DraftLesson lesson = module.lessons().get(i);
			StringBuilder markdown = new StringBuilder(lesson.markdown());
			if (i == module.lessons().size() - 1 && !module.takeaways().isEmpty()) {
				markdown.append("\n\n**").append(takeawaysLabel).append("**\n\n");
				module.takeaways().forEach(t -> markdown.append("- ").append(t).append('\n'));
			}
			lessons.add(new Lesson(null, cut(lesson.title(), CourseRules.MAX_TITLE),
					cut(markdown.toString(), CourseRules.MAX_LESSON_TEXT),
					lesson.citations().stream().limit(40).map(CourseFromDraft::note).toList(),
					cut(module.title(), CourseRules.MAX_TITLE)));
		}
		return lessons;
	}

	/**
	 * The draft asks a module's check after the module, so it follows the module's last lesson. A check longer than a
	 * lesson holds is shared among the module's last lessons, in its order, so each question still comes after the
	 * text it asks about; only what the module's lessons can't hold at all joins the final quiz, and the notes say so.
	 */
	private static List<Lesson> withChecks(DraftModule module, List<Lesson> lessons, List<Question> checks,
			List<Question> quiz, List<String> notes) {
		int per = CourseRules.MAX_CHECKS_PER_LESSON;
		int room = per * lessons.size();
		List<Question> kept = checks;
		if (checks.size() > room) {
			List<Question> over = checks.subList(0, checks.size() - room);
			notes.add("\"" + module.title() + "\" has " + count(checks.size(), "knowledge-check question") + " for "
					+ count(lessons.size(), "lesson") + " (at most " + per + " after each), so the first "
					+ over.size() + " joined the final quiz.");
			quiz.addAll(over);
			kept = checks.subList(checks.size() - room, checks.size());
		}
		else if (checks.size() > per) {
			notes.add("\"" + module.title() + "\" has " + count(checks.size(), "knowledge-check question")
					+ ", more than one lesson holds (" + per + "), so they are shared among its last "
					+ ((checks.size() + per - 1) / per) + " lessons.");
		}
		List<Lesson> result = new ArrayList<>(lessons);
		int end = kept.size();
		for (int i = result.size() - 1; i >= 0 && end > 0; i--) {
			int start = Math.max(0, end - per);
			result.set(i, result.get(i).withKnowledgeChecks(kept.subList(start, end)));
			end = start;
		}
		return result;
	}

	/** Drafted questions as course questions; each one the course model refuses is named in the notes. */
	private static List<Question> questions(List<DraftQuestion> drafted, String where, List<String> notes) {
		List<Question> questions = new ArrayList<>();
		for (DraftQuestion q : drafted) {
			Optional<Question> converted = convert(q);
			String why = converted.isEmpty() ? unconvertible(q) : refusal(converted.get());
			if (why == null) {
				questions.add(converted.get());
			}
			else {
				notes.add("The question \"" + cut(q.prompt(), 120) + "\" from " + where + " was left out: " + why
						+ ". Add it by hand if you need it.");
			}
		}
		return questions;
	}

	/** Why {@link #convert} finds no course question for a drafted one. */
	private static String unconvertible(DraftQuestion q) {
		if (q.options().size() > CourseRules.MAX_OPTIONS) {
			return "it has " + q.options().size() + " options, more than " + CourseRules.MAX_OPTIONS;
		}
		if (q.options().stream().anyMatch(o -> o.length() > CourseRules.MAX_OPTION)
				|| q.matches().stream().anyMatch(m -> m.length() > CourseRules.MAX_OPTION)) {
			return "an answer is longer than " + CourseRules.MAX_OPTION + " characters";
		}
		if ("NUMERIC".equals(q.kind())) {
			return "it has no numeric answer";
		}
		return "its kind (" + q.kind() + ") is not one a course holds";
	}

	/** Why the course rules refuse a question, or null when they take it. */
	private static String refusal(Question question) {
		var errors = CourseRules.check(new CourseContent("t", "", List.of(), new Quiz(80, List.of(question))));
		if (errors.isEmpty()) {
			return null;
		}
		String first = errors.values().iterator().next();
		return Character.toLowerCase(first.charAt(0)) + first.substring(1).replaceAll("[.]$", "");
	}

	private static String partTitle(String title, int part, int parts) {
		String suffix = " (part " + part + " of " + parts + ")";
		return cut(title, CourseRules.MAX_TITLE - suffix.length()) + suffix;
	}

	private static String quoted(String title) {
		return "\u201c" + title + "\u201d";
	}

	private static String count(int n, String what) {
		return n + " " + what + (n == 1 ? "" : "s");
	}

	/** One drafted question as a course question; empty when the course model can't hold it. */
	public static Optional<Question> question(DraftQuestion q) {
		return convert(q).filter(question -> refusal(question) == null);
	}

	private static Optional<Question> convert(DraftQuestion q) {
		String explanation = cut(q.explanation(), 4000);
		if (q.options().stream().anyMatch(o -> o.length() > 500) || q.options().size() > 10) {
			return Optional.empty();
		}
		return switch (q.kind()) {
			case "SINGLE_CHOICE" -> Optional.of(new Question(null, QuestionKind.SINGLE_CHOICE, cut(q.prompt(), 2000),
					q.options(), q.correct(), explanation, note(q.citation())));
			case "MULTIPLE_CHOICE" -> Optional.of(new Question(null, QuestionKind.MULTIPLE_CHOICE,
					cut(q.prompt(), 2000), q.options(), q.correct(), explanation, note(q.citation())));
			case "TRUE_FALSE" -> Optional.of(new Question(null, QuestionKind.TRUE_FALSE, cut(q.prompt(), 2000),
					q.options(), q.correct(), explanation, note(q.citation())));
			case "ORDERING" -> Optional.of(new Question(null, QuestionKind.ORDERING, cut(q.prompt(), 2000),
					q.options(), q.correct(), explanation, note(q.citation())));
			case "MATCHING" -> q.matches().stream().anyMatch(m -> m.length() > 500) ? Optional.empty()
					: Optional.of(new Question(null, QuestionKind.MATCHING, cut(q.prompt(), 2000), q.options(),
							q.correct(), explanation, note(q.citation()), Scoring.PARTIAL, null, null, null, q.matches()));
			case "NUMERIC" -> q.numeric() == null || q.numeric().value() == null ? Optional.empty()
					: Optional.of(new Question(null, QuestionKind.NUMERIC, cut(q.prompt(), 2000), null, null,
							explanation, note(q.citation()), null, null, null,
							new NumericAnswer(q.numeric().value(), q.numeric().tolerance(), q.numeric().unit()), null));
			default -> Optional.empty();
		};
	}

	/** Longest cited text a course keeps per note (the notes of a lesson share one stored field). */
	private static final int MAX_NOTE = 600;

	/**
	 * A citation as a course note. A long passage keeps its beginning and the span shrinks with it, so that the note
	 * still names exactly the source text it quotes.
	 */
	private static SourceNote note(Citation c) {
		if (c == null) {
			return null;
		}
		String text = c.text() == null ? "" : c.text();
		if (text.length() <= MAX_NOTE) {
			return new SourceNote(c.source(), c.locator(), c.start(), c.end(), text);
		}
		int end = text.lastIndexOf(' ', MAX_NOTE);
		if (end < MAX_NOTE / 2) {
			end = Character.isHighSurrogate(text.charAt(MAX_NOTE - 1)) ? MAX_NOTE - 1 : MAX_NOTE;
		}
		String kept = text.substring(0, end);
		return new SourceNote(c.source(), c.locator(), c.start(), c.start() + kept.length(), kept);
	}

	private static String cut(String text, int max) {
		return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
