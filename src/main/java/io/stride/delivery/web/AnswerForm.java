package io.stride.delivery.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.stride.assessment.Answer;
import io.stride.authoring.Question;
import io.stride.shared.web.FormNumbers;
import org.springframework.util.MultiValueMap;

/**
 * Answers as the quiz and knowledge-check forms send them. For question ID: {@code q-ID} the options picked,
 * {@code q-ID-pos-N} the place (1 = first) given to step N, {@code q-ID-match-N} the match chosen for item N,
 * {@code q-ID-text} a typed answer.
 */
final class AnswerForm {

	private AnswerForm() {
	}

	static List<Answer> answers(List<Question> questions, MultiValueMap<String, String> params) {
		return questions.stream().map(question -> answer(question, params)).toList();
	}

	static Answer answer(Question question, MultiValueMap<String, String> params) {
		String prefix = "q-" + question.id();
		return switch (question.kind()) {
			case SHORT_ANSWER, NUMERIC -> new Answer(question.id(), List.of(), params.getFirst(prefix + "-text"));
			case ORDERING -> new Answer(question.id(), positions(question.id(), question.options().size(), params));
			case MATCHING -> new Answer(question.id(), matches(prefix, question.options().size(), params));
			default -> new Answer(question.id(), numbers(params.getOrDefault(prefix, List.of())));
		};
	}

	/**
	 * The learner's order from the place chosen for each step: option indexes by place, -1 for a place not filled
	 * yet. A place chosen for two steps keeps the first; nothing chosen at all is no answer.
	 */
	static List<Integer> positions(String questionId, int options, MultiValueMap<String, String> params) {
		Integer[] byPosition = new Integer[options];
		Arrays.fill(byPosition, -1);
		boolean any = false;
		for (int option = 0; option < options; option++) {
			int position = number(params.getFirst("q-" + questionId + "-pos-" + option)) - 1;
			if (position >= 0 && position < options && byPosition[position] == -1) {
				byPosition[position] = option;
				any = true;
			}
		}
		return any ? List.of(byPosition) : List.of();
	}

	private static List<Integer> matches(String prefix, int items, MultiValueMap<String, String> params) {
		List<Integer> chosen = new ArrayList<>();
		boolean any = false;
		for (int item = 0; item < items; item++) {
			int match = number(params.getFirst(prefix + "-match-" + item));
			chosen.add(match < 0 ? -1 : match);
			any |= match >= 0;
		}
		return any ? chosen : List.of();
	}

	private static List<Integer> numbers(List<String> values) {
		return values.stream().map(AnswerForm::number).toList();
	}

	/** -1 for anything that is not a number: refused as an option that does not exist. */
	private static int number(String value) {
		return FormNumbers.wholeNumber(value).orElse(-1);
	}
}
