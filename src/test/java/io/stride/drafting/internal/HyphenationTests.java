package io.stride.drafting.internal;

import java.util.Arrays;
import java.util.List;

import io.stride.drafting.internal.PdfLines.Line;
import io.stride.drafting.internal.PdfLines.Word;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A word broken at a line's end, put back together as the document writes it.
 */
class HyphenationTests {

	private final Hyphenation hyphenation = new Hyphenation(List.of(line("Plan a follow-up call and highlight the email",
			"address in the ticket.")));

	@Test
	void aLowerCaseContinuationJoinsWithoutTheHyphen() {
		assertThat(hyphenation.unbroken("imple-", "mentation")).isEqualTo("implementation");
		assertThat(hyphenation.unbroken("high-", "light.")).isEqualTo("highlight.");
		assertThat(hyphenation.unbroken("approv-", "ers")).isEqualTo("approvers");
	}

	@Test
	void capitalisedNumberedAndKnownCompoundsKeepTheirHyphen() {
		assertThat(hyphenation.unbroken("Self-", "Service")).isEqualTo("Self-Service");
		assertThat(hyphenation.unbroken("COVID-", "19")).isEqualTo("COVID-19");
		assertThat(hyphenation.unbroken("follow-", "up")).isEqualTo("follow-up");
		assertThat(hyphenation.unbroken("self-", "service")).isEqualTo("self-service");
		assertThat(hyphenation.unbroken("state-of-the-", "art")).isEqualTo("state-of-the-art");
	}

	@Test
	void aSoftHyphenAlwaysJoins() {
		assertThat(hyphenation.unbroken("Self\u00ad", "Service")).isEqualTo("SelfService");
	}

	@Test
	void aDashOrAnEndWithoutHyphenIsTwoWords() {
		assertThat(hyphenation.unbroken("report", "within")).isNull();
		assertThat(hyphenation.unbroken("-", "within")).isNull();
		assertThat(hyphenation.unbroken("2024-", "(draft)")).isNull();
	}

	private static Line line(String... texts) {
		List<Word> words = Arrays.stream(String.join(" ", texts).split(" ")).map(w -> new Word(w, false)).toList();
		return new Line(1, words, 11, 0, 60, 500, 100, 792);
	}
}
