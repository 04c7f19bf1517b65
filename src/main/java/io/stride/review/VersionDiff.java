package io.stride.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;

/**
 * What a new version changes against the published one: lessons and questions added, removed or changed, and for a
 * changed lesson its paragraphs, kept, removed and added, in order.
 */
public final class VersionDiff {

	public enum Change {
		ADDED, REMOVED, CHANGED, UNCHANGED
	}

	public record Line(Change change, String text) {
	}

	public record LessonChange(String title, Change change, List<Line> paragraphs) {
	}

	public record QuestionChange(String prompt, Change change, String before) {
	}

	public record Report(int fromVersion, int toVersion, List<String> headerChanges, List<LessonChange> lessons,
			List<QuestionChange> questions) {

		public boolean unchanged() {
			return headerChanges.isEmpty() && lessons.stream().allMatch(l -> l.change() == Change.UNCHANGED)
					&& questions.stream().allMatch(q -> q.change() == Change.UNCHANGED);
		}
	}

	private VersionDiff() {
	}

	public static Report between(Course before, Course after) {
		List<String> header = new ArrayList<>();
		if (!before.title().equals(after.title())) {
			header.add("Title: \"" + before.title() + "\" became \"" + after.title() + "\"");
		}
		if (!before.description().equals(after.description())) {
			header.add("The description changed.");
		}
		if (!before.objectives().equals(after.objectives())) {
			header.add("The objectives changed.");
		}
		if (before.quiz().passMark() != after.quiz().passMark()) {
			header.add("Pass mark: " + before.quiz().passMark() + "% became " + after.quiz().passMark() + "%");
		}
		Map<String, Lesson> old = new HashMap<>();
		before.lessons().forEach(l -> old.put(key(l), l));
		List<LessonChange> lessons = new ArrayList<>();
		for (Lesson lesson : after.lessons()) {
			Lesson previous = old.remove(key(lesson));
			if (previous == null) {
				lessons.add(new LessonChange(lesson.title(), Change.ADDED,
						paragraphs(lesson.markdown()).stream().map(p -> new Line(Change.ADDED, p)).toList()));
			}
			else if (previous.markdown().equals(lesson.markdown()) && previous.title().equals(lesson.title())) {
				lessons.add(new LessonChange(lesson.title(), Change.UNCHANGED, List.of()));
			}
			else {
				lessons.add(new LessonChange(lesson.title(), Change.CHANGED,
						lines(paragraphs(previous.markdown()), paragraphs(lesson.markdown()))));
			}
		}
		old.values().forEach(l -> lessons.add(new LessonChange(l.title(), Change.REMOVED,
				paragraphs(l.markdown()).stream().map(p -> new Line(Change.REMOVED, p)).toList())));
		Map<String, Question> oldQuestions = new HashMap<>();
		// knowledge checks after lessons are reviewed like quiz questions
		Stream.concat(before.quiz().questions().stream(), before.knowledgeChecks().stream())
			.forEach(q -> oldQuestions.put(q.id() == null ? q.prompt() : q.id(), q));
		List<QuestionChange> questions = new ArrayList<>();
		for (Question q : Stream.concat(after.quiz().questions().stream(), after.knowledgeChecks().stream()).toList()) {
			Question previous = oldQuestions.remove(q.id() == null ? q.prompt() : q.id());
			if (previous == null) {
				questions.add(new QuestionChange(q.prompt(), Change.ADDED, null));
			}
			else if (same(previous, q)) {
				questions.add(new QuestionChange(q.prompt(), Change.UNCHANGED, null));
			}
			else {
				questions.add(new QuestionChange(q.prompt(), Change.CHANGED, describe(previous)));
			}
		}
		oldQuestions.values().forEach(q -> questions.add(new QuestionChange(q.prompt(), Change.REMOVED, null)));
		return new Report(before.version(), after.version(), header, lessons, questions);
	}

	/** Paragraphs of a lesson: blocks separated by blank lines. */
	public static List<String> paragraphs(String markdown) {
		List<String> result = new ArrayList<>();
		for (String block : (markdown == null ? "" : markdown).split("\\r?\\n\\s*\\r?\\n")) {
			if (!block.isBlank()) {
				result.add(block.strip());
			}
		}
		return result;
	}

	/** A longest-common-subsequence diff of two lists of paragraphs. */
	static List<Line> lines(List<String> a, List<String> b) {
		int[][] common = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<Line> lines = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < a.size() && j < b.size()) {
			if (a.get(i).equals(b.get(j))) {
				lines.add(new Line(Change.UNCHANGED, a.get(i)));
				i++;
				j++;
			}
			else if (common[i + 1][j] >= common[i][j + 1]) {
				lines.add(new Line(Change.REMOVED, a.get(i++)));
			}
			else {
				lines.add(new Line(Change.ADDED, b.get(j++)));
			}
		}
		while (i < a.size()) {
			lines.add(new Line(Change.REMOVED, a.get(i++)));
		}
		while (j < b.size()) {
			lines.add(new Line(Change.ADDED, b.get(j++)));
		}
		return lines;
	}

	private static String key(Lesson lesson) {
		return lesson.id() == null ? "title:" + lesson.title() : lesson.id();
	}

	private static boolean same(Question a, Question b) {
		return a.kind() == b.kind() && a.prompt().equals(b.prompt()) && a.options().equals(b.options())
				&& a.correct().equals(b.correct()) && Objects.equals(a.explanation(), b.explanation())
				&& a.scoring() == b.scoring() && a.accepted().equals(b.accepted())
				&& Objects.equals(a.similarity(), b.similarity()) && Objects.equals(a.numeric(), b.numeric())
				&& a.matches().equals(b.matches());
	}

	private static String describe(Question q) {
		switch (q.kind()) {
			case SHORT_ANSWER:
				return q.prompt() + " — accepted: " + String.join(" / ", q.accepted());
			case NUMERIC:
				return q.prompt() + " — right: " + q.numeric().describe();
			case MATCHING: {
				List<String> pairs = new ArrayList<>();
				for (int i = 0; i < q.options().size() && i < q.correct().size(); i++) {
					int match = q.correct().get(i);
					pairs.add(q.options().get(i) + " → " + (match >= 0 && match < q.matches().size() ? q.matches().get(match) : "?"));
				}
				return q.prompt() + " — pairs: " + String.join(", ", pairs);
			}
			default: {
				List<String> right = q.correct().stream().filter(i -> i < q.options().size()).map(i -> q.options().get(i)).toList();
				return q.prompt() + " — options: " + String.join(" / ", q.options()) + "; right: " + String.join(", ", right);
			}
		}
	}
}
