package io.stride.packages.questions;

import java.util.List;

import io.stride.authoring.Question;

/**
 * One item of a question bank as read from a file: its place in the file ({@code number}, from 1), a title to find it
 * by, and either the question it becomes or why it cannot be imported ({@code unsupported}). {@code notes} say what
 * changed on the way in (per-answer feedback moved into the explanation, partial credit simplified...).
 */
record BankItem(int number, String title, Question question, String unsupported, List<String> notes) {

	BankItem {
		notes = notes == null ? List.of() : List.copyOf(notes);
	}

	static BankItem of(int number, String title, Question question, List<String> notes) {
		return new BankItem(number, title, question, null, notes);
	}

	static BankItem unsupported(int number, String title, String reason) {
		return new BankItem(number, title, null, reason, List.of());
	}

	public boolean importable() {
		return question != null;
	}

	BankItem refused(String reason) {
		return new BankItem(number, title, null, reason, notes);
	}
}
