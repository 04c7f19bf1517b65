package io.stride.assessment;

import java.util.List;

import io.stride.authoring.Question;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short answers that mean the same as an accepted one count when the author switched semantic matching on, judged
 * by the in-process embedding model against the author's threshold.
 */
@SpringBootTest
class SemanticMatchTests {

	@Autowired
	Grading grading;

	private boolean right(Question question, String text) {
		return grading.grade(question, new Answer(question.id(), List.of(), text)).correct();
	}

	@Test
	void aParaphraseCountsOnlyWithSemanticMatchingOn() {
		Question textOnly = Question.shortAnswer("a", "What do you do first?", List.of("call the security desk"), null, "");
		Question semantic = Question.shortAnswer("b", "What do you do first?", List.of("call the security desk"), 0.85, "");
		assertThat(right(textOnly, "phone the security desk")).isFalse();
		assertThat(right(semantic, "phone the security desk")).isTrue();
		assertThat(right(semantic, "Call the security desk!")).as("a text match needs no model").isTrue();
		assertThat(right(semantic, "send an email to marketing")).isFalse();
		assertThat(right(semantic, "")).isFalse();
	}

	@Test
	void theThresholdDecides() {
		// "the next steps we agreed" is about 0.86 from "agreed next steps"
		Question lenient = Question.shortAnswer("c", "How does an EBR end?", List.of("agreed next steps"), 0.8, "");
		Question strict = Question.shortAnswer("d", "How does an EBR end?", List.of("agreed next steps"), 0.95, "");
		assertThat(right(lenient, "the next steps we agreed")).isTrue();
		assertThat(right(strict, "the next steps we agreed")).isFalse();
		assertThat(right(lenient, "a renewal quote")).isFalse();
	}
}
