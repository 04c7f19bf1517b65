package io.stride.drafting;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style: documents assembled at random (seeded, so a failure can be replayed) from odd pieces such as
 * empty headings, bare list markers, tables, emoji, very long words, numbers without units and stray markup.
 * Each gives a well-formed draft or a clear refusal naming the file, never an exception.
 */
class OddDocumentsPropertyTests {

	private static final String[] PIECES = { "#", "## ", "### 🚀", "# Title with **bold** and `code`", "- ", "1.", "2. two",
			"* * *", "| a | b |\n|---|---|\n| 1 | 2 |", "| only header |", "😀😀😀 🎉", "x".repeat(5000),
			"The team replies within 3 working days and escalates after 48 hours.", "Refunds up to EUR 500 need no approval.",
			"**Term** means a thing that is defined here for the test.", "> Warning: never share your password.",
			"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[click here](javascript:alert(1))",
			"1 2 3 4 5 6 7 8 9 10 11 12", "Zoë Müller and José Peña meet at the Ångström café.", "\t\t\t",
			"Ünïcödé ünd Übergrößenträger: Straße 12.", "...", "???", "- [ ] task", "```\ncode block\n```" };

	static Stream<Long> seeds() {
		return IntStream.range(0, 30).mapToObj(i -> 7919L * i + 17);
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void anyMixOfOddPiecesGivesADraftOrAClearRefusal(long seed) {
		Random random = new Random(seed);
		StringBuilder document = new StringBuilder();
		int pieces = 1 + random.nextInt(25);
		for (int i = 0; i < pieces; i++) {
			document.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextBoolean() ? "\n\n" : "\n");
		}
		String name = "odd-" + seed + (random.nextBoolean() ? ".md" : ".txt");
		try {
			CourseDraft draft = DraftingQualityTests.DRAFTING
				.draft(List.of(new SourceFile(name, document.toString().getBytes(StandardCharsets.UTF_8))), null);
			assertThat(draft.title()).as(document.toString()).isNotBlank();
			assertThat(draft.modules()).isNotEmpty().allSatisfy(m -> assertThat(m.lessons()).isNotEmpty());
			assertThat(draft.allQuestions()).allSatisfy(q -> {
				assertThat(q.correct()).isNotEmpty();
				assertThat(q.options().stream().distinct().count()).isEqualTo(q.options().size());
			});
		}
		catch (SourceRejected refused) {
			assertThat(refused.status()).isIn(413, 415, 422);
			assertThat(refused.getMessage()).contains("\"" + name + "\"");
		}
	}
}
