package io.stride.drafting.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.stride.drafting.SourceFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementsTests {

	static final String TEXT = """
			# Approvals

			The Department Head approves any premium economy flight before it is booked.
			The Finance Director approves premium economy flights when the Department Head is away.
			Internal Audit reviews a sample of paid claims every quarter.
			Corporate card transactions must be reconciled within 10 working days of the statement date.
			Lost receipts must be reported within 7 days on the Missing Receipt Form.
			""";

	@Test
	void aWrongAnswerThatAnotherSentenceStatesAboutTheSameThingWouldBeTrue() throws Exception {
		ExtractedSource source = new SourceReader(20 << 20, 300, 600_000, 30)
			.read(new SourceFile("approvals.md", TEXT.getBytes(StandardCharsets.UTF_8)));
		List<Sentence> sentences = Sentences.of(source, 0);
		Statements statements = new Statements(sentences, new float[0][]);
		Sentence flights = sentences.get(0);
		assertThat(statements.trueElsewhere(flights, "Department Head", "Finance Director")).isTrue();
		assertThat(statements.trueElsewhere(flights, "Department Head", "Internal Audit")).isFalse();
		Sentence receipts = sentences.get(4);
		// "10 working days" is said of card transactions, not of lost receipts: a fair wrong answer
		assertThat(statements.trueElsewhere(receipts, "7 days", "10 working days")).isFalse();
	}
}
