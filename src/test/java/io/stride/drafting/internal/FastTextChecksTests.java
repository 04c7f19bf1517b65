package io.stride.drafting.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The word helpers drafting runs many thousand times per document were rewritten without regular expressions for
 * speed; they must still give exactly what the regular expressions gave, on every line of the test corpora and on
 * awkward text (accents, ligatures, numbers that are not digits, letters outside the Basic Multilingual Plane).
 */
class FastTextChecksTests {

	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

	private static final Pattern NOT_PLAIN = Pattern.compile("[^\\p{L}\\p{N} ]");

	private static final List<String> AWKWARD = List.of("", " ", "   ", " leading space", "trailing space ", "tab\tand\nnewline",
			"Straße, İstanbul and ﬁnance", "½ of Ⅻ items cost ²", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters and 😀 faces", "don't — it’s the client's",
			"e-mail, P1-ticket and 10 working days", "ÉCOLE École école", "ǅungla ǆ", "K (Kelvin) and ſ (long s)",
			"α-Beta γ", "42", "-- -", "A.B.C.", "naïve café\u00a0menu");

	private static List<String> lines;

	@BeforeAll
	static void readCorpora() throws IOException {
		lines = new ArrayList<>(AWKWARD);
		try (Stream<Path> files = Files.walk(Path.of("src/test/resources/corpus"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".vtt")).toList()) {
				lines.addAll(Files.readAllLines(file));
			}
		}
		assertThat(lines).hasSizeGreaterThan(1000);
	}

	@Test
	void plainKeepsWhatTheRegularExpressionKept() {
		for (String line : lines) {
			assertThat(Words.plain(line)).as(line)
				.isEqualTo(NOT_PLAIN.matcher(line.toLowerCase(Locale.ROOT)).replaceAll("").strip());
		}
	}

	@Test
	void stemsAreTheStemsOfTheTokensTheRegularExpressionFound() {
		for (String line : lines) {
			Set<String> expected = new HashSet<>();
			Matcher m = TOKEN.matcher(line);
			while (m.find()) {
				if (!Character.isDigit(m.group().charAt(0)) && !Words.isStop(m.group())) {
					expected.add(Words.stem(m.group()));
				}
			}
			assertThat(Words.stems(line)).as(line).isEqualTo(expected);
		}
	}

	@Test
	void countIsWhatSplittingOnWhiteSpaceCounted() {
		for (String line : lines) {
			assertThat(Words.count(line)).as("[" + line + "]").isEqualTo(line.split("\\s+").length);
		}
	}

	@Test
	void findingATermGivesWhatReadingEveryPlaceGave() {
		List<String> terms = List.of("Department Head", "e-mail", "ticket", "10 working days", "straße", "ISTANBUL", "ﬁnance",
				"école", "k", "s", "the", "P1", "client's", "it’s", "β", "café menu", "𝔘𝔫𝔦", "manager", "you");
		for (String line : lines) {
			for (String term : terms) {
				assertThat(Words.indexOfTerm(line, term)).as(term + " in " + line).isEqualTo(everyPlace(line, term));
			}
		}
	}

	@Test
	void aSentenceHoldingATermHoldsItsLongestWord() {
		List<String> terms = List.of("Department Head", "e-mail", "10 working days", "İstanbul", "ÉCOLE", "client's", "P1");
		for (String line : lines) {
			Set<String> words = Words.words(line);
			for (String term : terms) {
				if (everyPlace(line, term) >= 0) {
					assertThat(words).as(term + " in " + line).contains(Words.longestWord(term));
				}
			}
		}
		assertThat(Words.longestWord("10 working days")).isEqualTo("working");
		assertThat(Words.longestWord("—")).isNull();
		assertThat(Words.longestWord("𝔘𝔫𝔦 code")).as("no promise outside the Basic Multilingual Plane").isNull();
	}

	@Test
	void markupIsFoundWhereverItWasAndNowhereElse() {
		List<String> marked = List.of("## Heading", "Use **bold** here", "a __init value", "an _emphasis_ word", "a | b",
				"<b>tag</b>", "{{ site.title }}", "{% include x %}", "see [the page](http://x)", "- a list item",
				"text\n* item", "  + item", "```code", "> quoted", "text\u2028- item");
		List<String> clean = List.of("A plain sentence with a - dash.", "Costs 10% or 5 + 5 in total.", "snake_case_name stays",
				"E-mail the team within 24 hours.", "Price: €50 (incl. VAT).", "");
		marked.forEach(text -> assertThat(StemChecks.markup(text)).as(text).isTrue());
		clean.forEach(text -> assertThat(StemChecks.markup(text)).as(text).isFalse());
		assertThat(StemChecks.markup(null)).isFalse();
	}

	@Test
	void everyQuantityStillHasItsKindAndValue() {
		assertThat(Quantities.in("Reply within 2 working days, pay €1,250.50, walk 3 km and check 15% of 1\u202f000 units."))
			.extracting(Quantities.Quantity::text, Quantities.Quantity::kind, Quantities.Quantity::value)
			.containsExactly(tuple("2 working days", Quantities.Kind.TIME, 2.0), tuple("€1,250.50", Quantities.Kind.MONEY, 1250.5),
					tuple("3 km", Quantities.Kind.DISTANCE, 3.0), tuple("15%", Quantities.Kind.PERCENT, 15.0),
					tuple("1\u202f000 units", Quantities.Kind.COUNT, 1000.0));
		assertThat(Quantities.in("Zahlen Sie 1.250,50 EUR.")).extracting(Quantities.Quantity::value).containsExactly(1250.5);
		assertThat(Quantities.in("No numbers here, only words like seven.")).isEmpty();
	}

	/** The definition: the first place where the term starts and ends on word boundaries, ignoring case. */
	private static int everyPlace(String text, String term) {
		if (term.isEmpty()) {
			return -1;
		}
		for (int at = 0; at + term.length() <= text.length(); at++) {
			int end = at + term.length();
			if (text.regionMatches(true, at, term, 0, term.length())
					&& (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
					&& (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
				return at;
			}
		}
		return -1;
	}
}
