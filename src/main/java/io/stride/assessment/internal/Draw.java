package io.stride.assessment.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

import io.stride.assessment.DrawnQuestion;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;

/**
 * Which questions an attempt asks and in which order it shows their options.
 */
public final class Draw {

	private Draw() {
	}

	/**
	 * The quiz's questions, or as many as it draws at random (kept in the author's order); options shuffled when the
	 * quiz says so, matches always.
	 */
	public static List<DrawnQuestion> attempt(Quiz quiz, RandomGenerator random) {
		List<Question> questions = quiz.questions();
		Integer count = quiz.settings().drawCount();
		List<Integer> picked = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			picked.add(i);
		}
		if (count != null && count < questions.size()) {
			shuffle(picked, random);
			picked = new ArrayList<>(picked.subList(0, count));
			Collections.sort(picked);
		}
		List<DrawnQuestion> drawn = new ArrayList<>();
		for (int index : picked) {
			Question question = questions.get(index);
			drawn.add(new DrawnQuestion(question, order(question, quiz.settings().shuffleOptions(), random)));
		}
		return drawn;
	}

	/** The order a question shows its options in outside a shuffled quiz: the same on every visit. */
	public static List<Integer> fixed(Question question) {
		return order(question, false, new Random(question.id() == null ? 0 : question.id().hashCode()));
	}

	private static List<Integer> order(Question question, boolean shuffle, RandomGenerator random) {
		QuestionKind kind = question.kind();
		if (kind.typed()) {
			return List.of();
		}
		if (kind == QuestionKind.MATCHING) {
			List<Integer> order = identity(question.matches().size());
			shuffle(order, random);
			return order;
		}
		if (kind.ordered()) {
			// steps never start out in the right order
			List<Integer> order = new ArrayList<>(question.correct());
			shuffle(order, shuffle ? random : new Random(question.id() == null ? 0 : question.id().hashCode()));
			if (order.equals(question.correct()) && order.size() > 1) {
				Collections.swap(order, 0, order.size() - 1);
			}
			return order;
		}
		List<Integer> order = identity(question.options().size());
		if (shuffle && kind != QuestionKind.TRUE_FALSE) {
			shuffle(order, random);
		}
		return order;
	}

	private static List<Integer> identity(int size) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			order.add(i);
		}
		return order;
	}

	private static void shuffle(List<Integer> list, RandomGenerator random) {
		for (int i = list.size() - 1; i > 0; i--) {
			Collections.swap(list, i, random.nextInt(i + 1));
		}
	}
}
