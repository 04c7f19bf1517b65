package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The in-process sentence embeddings every offline draft rests on. */
class EmbedderTests {

	private static final Embedder EMBEDDER = new Embedder();

	@Test
	void sentencesThatMeanTheSameAreCloserThanSentencesAboutSomethingElse() {
		float[][] v = EMBEDDER.embed(List.of("Reset your password from the sign-in page.",
				"You can change a forgotten password on the login screen.",
				"Spare parts are delivered to the depot by 08:00 the next working day."));
		assertThat(Embedder.cosine(v[0], v[1])).isGreaterThan(0.5f);
		assertThat(Embedder.cosine(v[0], v[1])).isGreaterThan(Embedder.cosine(v[0], v[2]) + 0.3f);
	}

	@Test
	void vectorsAreNormalizedAndTheSameTextAlwaysGetsTheSameVector() {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			texts.add("Sentence number " + i + " about escalation within " + (i + 1) + " hours.");
		}
		texts.add("Sentence number 3 about escalation within 4 hours.");
		float[][] first = EMBEDDER.embed(texts);
		float[][] again = EMBEDDER.embed(List.of(texts.get(3), texts.get(0)));
		assertThat(first.length).isEqualTo(41);
		for (float[] vector : first) {
			assertThat(vector).hasSize(Embedder.DIMENSION);
			assertThat((double) Embedder.cosine(vector, vector)).isCloseTo(1.0, within(1e-4));
		}
		// texts run on different threads in any order; a text's vector never depends on which or with what
		assertThat(first[40]).containsExactly(first[3]);
		assertThat(again[0]).containsExactly(first[3]);
		assertThat(again[1]).containsExactly(first[0]);
	}

	@Test
	void oddTextsStillGetAVector() {
		String longest = "漢字".repeat(600);
		float[][] v = EMBEDDER.embed(List.of("", "   ", longest, "word ".repeat(400), "🙂"));
		assertThat(v.length).isEqualTo(5);
		for (float[] vector : v) {
			assertThat(vector).hasSize(Embedder.DIMENSION);
		}
		assertThat(EMBEDDER.embed(List.of()).length).isZero();
	}

	@Test
	void embeddingCanStartWhileTheCallerGoesOn() {
		Embedder.Pending pending = EMBEDDER.start(List.of("Log every job in the Field App before leaving the site."));
		float[][] direct = EMBEDDER.embed(List.of("Log every job in the Field App before leaving the site."));
		assertThat(pending.get()[0]).containsExactly(direct[0]);
	}
}
