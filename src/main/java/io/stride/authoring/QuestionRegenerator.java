package io.stride.authoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.drafting.Drafting;
import io.stride.drafting.DraftQuestion;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * "Regenerate this question": drafts another question from the same passage of the course as it reads now and
 * saves it in place of the old one (the builder's undo brings the old one back).
 */
@Service
public class QuestionRegenerator {

	private final Drafting drafting;

	private final Authoring authoring;

	QuestionRegenerator(Drafting drafting, Authoring authoring) {
		this.drafting = drafting;
		this.authoring = authoring;
	}

	/**
	 * Drafts the questions of one module again from its lessons as they read now. The module's questions are those
	 * drafted from its lessons' passages; they are replaced in place, and at least two are made when the text
	 * allows.
	 */
	public Course regenerateModule(Viewer editor, CourseId id, int revision, CourseContent content, String module) {
		Course course = authoring.editable(editor, id);
		List<Lesson> lessons = content.lessons().stream().filter(l -> module.equals(l.module())).toList();
		if (module.isBlank() || lessons.isEmpty()) {
			throw new InvalidInputException("module", "There is no such module.");
		}
		StringBuilder text = new StringBuilder();
		Set<String> passages = new HashSet<>();
		for (Lesson lesson : lessons) {
			text.append("## ").append(lesson.title()).append("\n\n").append(lesson.markdown()).append("\n\n");
			String own = lesson.id() == null ? null : lesson.id();
			course.lessons().stream().filter(l -> l.id().equals(own)).flatMap(l -> l.sources().stream())
				.forEach(note -> passages.add(note.source() + "@" + note.start()));
		}
		if (text.toString().replace("#", "").isBlank()) {
			throw new InvalidInputException("module", "Write some lesson text in this module first.");
		}
		List<Question> questions = new ArrayList<>(content.quiz().questions());
		List<Integer> slots = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			Question q = questions.get(i);
			SourceNote note = q.id() == null ? null : course.question(q.id()).map(Question::source).orElse(null);
			if (note != null && lessonsCover(course, lessons, note)) {
				slots.add(i);
			}
		}
		Set<String> taken = new HashSet<>();
		questions.forEach(q -> taken.add(q.prompt()));
		List<Question> fresh = new ArrayList<>();
		for (DraftQuestion candidate : drafting.alternatives(text.toString(), "", taken)) {
			if (fresh.size() >= Math.max(2, slots.size())) {
				break;
			}
			CourseFromDraft.question(candidate).ifPresent(q -> fresh.add(q.withSource(new SourceNote("this course",
					candidate.citation().locator(), candidate.citation().start(), candidate.citation().end(),
					candidate.citation().text()))));
		}
		if (fresh.isEmpty()) {
			throw new InvalidInputException("module", "No questions could be drafted from this module's text.");
		}
		for (int i = 0; i < slots.size() && i < fresh.size(); i++) {
			questions.set(slots.get(i), fresh.get(i));
		}
		for (int i = slots.size(); i < fresh.size(); i++) {
			questions.add(fresh.get(i));
		}
		for (int i = slots.size() - 1; i >= fresh.size(); i--) {
			questions.remove((int) slots.get(i));
		}
		return authoring.update(editor, id, revision, content.with(content.lessons(), content.quiz().withQuestions(questions)));
	}

	/** Whether a question's passage lies within the stretch of source these lessons were drafted from. */
	private static boolean lessonsCover(Course course, List<Lesson> lessons, SourceNote note) {
		int from = Integer.MAX_VALUE;
		int to = -1;
		for (Lesson lesson : lessons) {
			Lesson saved = lesson.id() == null ? null : course.lesson(lesson.id()).orElse(null);
			if (saved == null) {
				continue;
			}
			for (SourceNote source : saved.sources()) {
				if (source.source().equals(note.source())) {
					from = Math.min(from, source.start());
					to = Math.max(to, source.end());
				}
			}
		}
		return note.start() >= from && note.end() <= to;
	}

	public Course regenerate(Viewer editor, CourseId id, int revision, CourseContent content, int index) {
		Course course = authoring.editable(editor, id);
		List<Question> questions = new ArrayList<>(content.quiz().questions());
		if (index < 0 || index >= questions.size()) {
			throw new InvalidInputException("questions", "There is no such question to regenerate.");
		}
		List<Question> drafted = candidates(course, content, questions.get(index), 1);
		if (drafted.isEmpty()) {
			throw new InvalidInputException("questions", "No other question could be drafted from this passage; write one by hand.");
		}
		questions.set(index, drafted.get(0));
		return authoring.update(editor, id, revision, content.with(content.lessons(), content.quiz().withQuestions(questions)));
	}

	/**
	 * Up to {@code max} other questions drafted from the passage a question of the course's working copy was drafted
	 * from (or, for a question written by hand, from the text its prompt quotes); nothing is saved. Empty when the
	 * lessons give nothing new. For the course's editors: 404 for a question not in the working copy.
	 */
	public List<Question> alternatives(Viewer editor, CourseId id, String questionId, int max) {
		Course course = authoring.editable(editor, id);
		Question old = course.question(questionId).orElseThrow(() -> new NotFoundException("Question"));
		if (course.content().lessons().stream().allMatch(l -> l.markdown().isBlank())) {
			return List.of();
		}
		return candidates(course, course.content(), old, max);
	}

	/**
	 * Puts {@code replacement} in place of a question of the working copy, with the old one's source note, as a new
	 * question (a new id). Errors in the replacement are named {@code question.prompt}, {@code question.options} and
	 * so on; 409 when the course was saved since {@code revision}.
	 * @return the course saved, and the id its new question got
	 */
	public Replaced replace(Viewer editor, CourseId id, int revision, String questionId, Question replacement) {
		Course course = authoring.editable(editor, id);
		List<Question> questions = new ArrayList<>(course.quiz().questions());
		int index = -1;
		for (int i = 0; i < questions.size(); i++) {
			if (questions.get(i).id().equals(questionId)) {
				index = i;
			}
		}
		if (index < 0) {
			throw new NotFoundException("Question");
		}
		Question old = questions.get(index);
		questions.set(index, new Question(null, replacement.kind(), replacement.prompt(), replacement.options(),
				replacement.correct(), replacement.explanation(), old.source(), replacement.scoring(),
				replacement.accepted(), replacement.similarity(), replacement.numeric(), replacement.matches()));
		CourseContent content = course.content();
		Course saved;
		try {
			saved = authoring.update(editor, id, revision, content.with(content.lessons(), content.quiz().withQuestions(questions)));
		}
		catch (InvalidInputException e) {
			String own = "questions[" + index + "]";
			Map<String, String> errors = new LinkedHashMap<>();
			e.fieldErrors().forEach((field, message) -> errors.put(field.startsWith(own) ? "question" + field.substring(own.length())
					: field, message));
			throw new InvalidInputException("The question was not saved.", errors);
		}
		return new Replaced(saved, saved.quiz().questions().get(index).id());
	}

	/** A course saved with a new question in place of an old one. */
	public record Replaced(Course course, String newQuestionId) {
	}

	private List<Question> candidates(Course course, CourseContent content, Question old, int max) {
		SourceNote note = old.id() == null ? null : course.question(old.id()).map(Question::source).orElse(null);
		StringBuilder text = new StringBuilder();
		for (Lesson lesson : content.lessons()) {
			text.append("## ").append(lesson.title()).append("\n\n").append(lesson.markdown()).append("\n\n");
		}
		if (text.toString().isBlank()) {
			throw new InvalidInputException("questions", "Write some lesson text first: questions are drafted from it.");
		}
		Set<String> taken = new HashSet<>();
		content.quiz().questions().forEach(q -> taken.add(q.prompt()));
		String passage = note != null ? note.text().replace("…", "") : old.prompt().replaceAll("_{3,}", "").replaceAll("^Fill in the blank: ", "");
		passage = passage.length() > 200 ? passage.substring(0, 200) : passage;
		List<Question> drafted = new ArrayList<>();
		for (DraftQuestion candidate : drafting.alternatives(text.toString(), passage, taken)) {
			if (drafted.size() >= max) {
				break;
			}
			var converted = CourseFromDraft.question(candidate);
			if (converted.isPresent() && drafted.stream().noneMatch(q -> q.prompt().equals(converted.get().prompt()))) {
				boolean samePassage = note != null && candidate.citation().text().contains(note.text().strip());
				SourceNote source = samePassage ? note
						: new SourceNote("this course", candidate.citation().locator(), candidate.citation().start(),
								candidate.citation().end(), candidate.citation().text());
				// withSource keeps what a matching or numeric question's answer is made of
				drafted.add(converted.get().withId(null).withSource(source));
			}
		}
		return drafted;
	}
}
