package io.stride.drafting.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a sentence into a question where its grammar allows it without guessing: a deadline in a rule or an
 * instruction ("Submit every claim within 30 days of …" → "Within how many days of … must you submit every
 * claim?") and a role that does what the sentence says ("Finance Operations checks …" → "Who checks …?").
 * Anything else stays a blank.
 */
final class Rephrase {

	/** "S must [be] V … within Q[ of …][.]": a modal rule with a deadline. */
	private static final Pattern MODAL = Pattern.compile("^(?<subject>[^,;:]{3,80}?)\\s+(?<modal>must|should|shall)\\s+(?<verb>[^,;:]{3,120}?)\\s+within\\s+$");

	/** "V … within Q": an instruction with a deadline. */
	private static final Pattern INSTRUCTION = Pattern.compile("^(?<verb>\\p{Lu}\\p{Ll}+\\b[^,;:]{3,120}?)\\s+within\\s+$");

	/** "[The|Your] Role verb-s …": the role does something. */
	private static final Pattern DOER = Pattern.compile("^(?:(?:The|Your|A|An)\\s+)?(?<role>.+?)\\s+(?<verb>\\p{Ll}{2,}(?:s|es)(?<!ss)|must|will|should|can|may)\\s+"
			+ "(?<rest>(?:the|a|an|your|their|his|her|its|it|them|all|every|each|any|to|with|in|on|for|by|up|out|back|be|not|only|\\p{Ll}+ly)\\b.+?)[.!]?$");

	private Rephrase() {
	}

	/** A "Within how many …?" question for a deadline, when the sentence is one plain rule or instruction. */
	static Optional<String> numberQuestion(String sentence, Quantities.Quantity answer) {
		if (answer.kind() != Quantities.Kind.TIME || sentence.indexOf(". ") >= 0 || sentence.contains("?")) {
			return Optional.empty();
		}
		String before = sentence.substring(0, answer.start());
		String after = sentence.substring(answer.end()).replaceAll("[.!]\\s*$", "");
		if (after.contains(",") || after.contains(";") || after.contains(" and ") || after.contains(" or ")) {
			return Optional.empty();
		}
		String unit = units(answer.text());
		String of = after.matches("^\\s+(?:of|after|from)\\b.*") ? after : "";
		String tail = of.isEmpty() ? after : "";
		if (before.matches("(?i).*\\b(?:and|that|they|which|who|when|if|will|then)\\b.*")) {
			// the deadline may belong to another clause than the one a question would ask about
			return Optional.empty();
		}
		Matcher modal = MODAL.matcher(before);
		if (modal.matches() && !Words.lower(modal.group("subject")).matches(".*\\b(?:you|we|they)\\b.*")) {
			return Optional.of("Within how many " + unit + of + " " + modal.group("modal") + " " + lowerFirst(modal.group("subject"))
					+ " " + modal.group("verb") + tail + "?");
		}
		Matcher instruction = INSTRUCTION.matcher(before);
		boolean imperative = instruction.matches() && (Words.VERBS.contains(Words.lower(before.split("\\s+")[0]))
				|| before.matches("^\\p{Lu}\\p{Ll}+\\s+(?:the|a|an|your|any|all|every|each|it|them)\\b.*"));
		if (imperative) {
			return Optional.of("Within how many " + unit + of + " must you " + lowerFirst(instruction.group("verb")) + tail + "?");
		}
		return Optional.empty();
	}

	/** "Who checks …?" when the answer is a role at the start of the sentence, doing what the rest says. */
	static Optional<String> whoQuestion(String sentence, String answer, KeyPhrases.Kind kind) {
		if (kind != KeyPhrases.Kind.ROLE || sentence.indexOf(". ") >= 0 || sentence.contains("?")) {
			return Optional.empty();
		}
		Matcher doer = DOER.matcher(sentence.strip());
		if (!doer.matches() || !doer.group("role").equalsIgnoreCase(answer)
				|| Words.containsTerm(doer.group("rest"), answer)) {
			return Optional.empty();
		}
		return Optional.of("Who " + doer.group("verb") + " " + doer.group("rest") + "?");
	}

	/** "30 days" → "days", "1 working day" → "working days". */
	static String units(String quantity) {
		String unit = Words.lower(quantity.replaceAll("^[\\d.,\\s\\u202f]+", "").strip());
		return unit.endsWith("s") ? unit : unit + "s";
	}

	private static String lowerFirst(String text) {
		if (text.length() > 1 && Character.isUpperCase(text.codePointAt(0)) && !Character.isUpperCase(text.codePointAt(1))) {
			return Words.lower(text.substring(0, 1)) + text.substring(1);
		}
		return text;
	}
}
