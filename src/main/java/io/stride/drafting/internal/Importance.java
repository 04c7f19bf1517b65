package io.stride.drafting.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How much a sentence matters to a learner: a rule (must, never, only, within …), a step, a number, a
 * definition, how central it is to the source, and how much it shares with its module's title.
 */
final class Importance {

	private static final Pattern RULE = Pattern.compile("(?i)\\b(?:must|must not|never|always|do not|don't|only|required|"
			+ "mandatory|may not|not allowed|at least|at most|no more than|no later than|within|before|unless|prohibited|forbidden)\\b");

	private static final Pattern SEQUENCE = Pattern.compile("(?i)^(?:first|then|next|finally|afterwards|after that|once)\\b.*");

	/** Centrality (0..1) above which a sentence counts as one of the source's main points. */
	static final double CENTRAL = 0.75;

	private final double[] centrality;

	private final Set<Sentence> definitions;

	Importance(double[] centrality, Set<Sentence> definitions) {
		this.centrality = centrality;
		this.definitions = definitions;
	}

	static boolean rule(String text) {
		return RULE.matcher(text).find();
	}

	static boolean step(Sentence sentence) {
		String text = sentence.text();
		String first = Words.lower(text.split("[\\s,]+")[0]);
		return sentence.block().is(Block.Kind.LIST_ITEM) && sentence.block().ordered() || SEQUENCE.matcher(text).matches()
				|| Words.VERBS.contains(first) && !StemChecks.fragment(text);
	}

	static boolean number(String text) {
		return !Quantities.in(text).isEmpty();
	}

	boolean definition(Sentence sentence) {
		return definitions.contains(sentence);
	}

	double centrality(Sentence sentence) {
		return sentence.index() < centrality.length ? centrality[sentence.index()] : 0;
	}

	/** A sentence a module's questions should cover: a rule, step, number or definition, or a main point. */
	boolean important(Sentence sentence) {
		String text = sentence.text();
		if (sentence.words() < 5 || sentence.block().is(Block.Kind.TABLE_ROW) || text.endsWith("?") || StemChecks.leadIn(text)
				|| StemChecks.markup(text) || StemChecks.aboutTheDocument(text) || StemChecks.leansOnContext(text)) {
			return false;
		}
		return rule(text) || number(text) || definition(sentence) || step(sentence) && !StemChecks.fragment(text)
				|| centrality(sentence) >= CENTRAL;
	}

	/** 0..1: centrality, the kind of fact, and overlap with the module's title. */
	/** {@link #of} by sentence and title: every candidate question on a sentence asks again. */
	private final Map<String, Double> known = new ConcurrentHashMap<>();

	double of(Sentence sentence, String title) {
		return known.computeIfAbsent(title == null ? String.valueOf(sentence.index()) : sentence.index() + "\u0000" + title,
				key -> computed(sentence, title));
	}

	private double computed(Sentence sentence, String title) {
		String text = sentence.text();
		double value = 0.4 * centrality(sentence);
		if (rule(text) || step(sentence)) {
			value += 0.25;
		}
		if (number(text)) {
			value += 0.2;
		}
		if (definition(sentence)) {
			value += 0.2;
		}
		if (title != null) {
			Set<String> heading = Words.stems(title);
			if (Words.stems(text).stream().anyMatch(heading::contains)) {
				value += 0.15;
			}
		}
		return Math.min(1, value);
	}

	/** What kind of fact a sentence holds, in words. */
	String kindInWords(Sentence sentence) {
		String text = sentence.text();
		if (definition(sentence)) {
			return "a definition";
		}
		if (number(text)) {
			return Quantities.in(text).get(0).kind() == Quantities.Kind.TIME ? "a deadline or duration" : "a number";
		}
		if (rule(text)) {
			return "a rule";
		}
		if (step(sentence)) {
			return "a step";
		}
		return centrality(sentence) >= CENTRAL ? "a main point" : "a detail";
	}
}
