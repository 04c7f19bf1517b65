package io.stride.authoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.stride.drafting.Drafting;
import io.stride.drafting.DraftQuestion;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
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

	public Course regenerate(Viewer editor, CourseId id, int revision, CourseContent content, int index) {
		Course course = authoring.editable(editor, id);
		List<Question> questions = new ArrayList<>(content.quiz().questions());
		if (index < 0 || index >= questions.size()) {
			throw new InvalidInputException("questions", "There is no such question to regenerate.");
		}
		Question old = questions.get(index);
		SourceNote note = old.id() == null ? null
				: course.question(old.id()).map(Question::source).orElse(null);
		StringBuilder text = new StringBuilder();
		for (Lesson lesson : content.lessons()) {
			text.append("## ").append(lesson.title()).append("\n\n").append(lesson.markdown()).append("\n\n");
		}
		if (text.toString().isBlank()) {
			throw new InvalidInputException("questions", "Write some lesson text first: questions are drafted from it.");
		}
		Set<String> taken = new HashSet<>();
		questions.forEach(q -> taken.add(q.prompt()));
		String passage = note != null ? note.text().replace("…", "") : old.prompt().replaceAll("_{3,}", "").replaceAll("^Fill in the blank: ", "");
		passage = passage.length() > 200 ? passage.substring(0, 200) : passage;
		Question replacement = null;
		for (DraftQuestion candidate : drafting.alternatives(text.toString(), passage, taken)) {
			var converted = CourseFromDraft.question(candidate);
			if (converted.isPresent()) {
				boolean samePassage = note != null && candidate.citation().text().contains(note.text().strip());
				SourceNote source = samePassage ? note
						: new SourceNote("this course", candidate.citation().locator(), candidate.citation().start(),
								candidate.citation().end(), candidate.citation().text());
				Question q = converted.get();
				replacement = new Question(null, q.kind(), q.prompt(), q.options(), q.correct(), q.explanation(), source);
				break;
			}
		}
		if (replacement == null) {
			throw new InvalidInputException("questions", "No other question could be drafted from this passage; write one by hand.");
		}
		questions.set(index, replacement);
		return authoring.update(editor, id, revision, new CourseContent(content.title(), content.description(),
				content.lessons(), new Quiz(content.quiz().passMark(), questions), content.objectives()));
	}
}
