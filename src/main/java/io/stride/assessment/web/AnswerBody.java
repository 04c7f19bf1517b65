package io.stride.assessment.web;

import java.util.List;

import io.stride.assessment.Answer;

/** One answer in a request body: option indexes in {@code selected}, or typed {@code text}. */
record AnswerBody(List<Integer> selected, String text) {

	static Answer to(String questionId, AnswerBody body) {
		return new Answer(questionId, body == null ? null : body.selected(), body == null ? null : body.text());
	}
}
