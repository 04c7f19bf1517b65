package io.stride.drafting.internal;

/**
 * Every stem and explanation the structured question generators write, in one place, so that another language can
 * get its own phrasing by giving this class a sibling. Arguments are text taken verbatim from the source.
 */
final class Phrasing {

	private Phrasing() {
	}

	static String orderSteps(String topic) {
		return topic == null ? "Put these steps in the right order." : "Put the steps for “" + topic + "” in the right order.";
	}

	static String orderStepsExplanation(String locator, String source, String text) {
		return "The steps in order, from " + locator + " of " + source + ": “" + text + "”";
	}

	static String whichAre(String category) {
		return "Which of these are " + category + "? Choose all that apply.";
	}

	/** "Which of these does this policy cover?" */
	static String whichDoes(String subject, String verb) {
		return "Which of these does " + subject + " " + verb + "? Choose all that apply.";
	}

	/** "Which of these items are prohibited?" */
	static String whichOfTheseAre(String noun, String verb, String predicate) {
		return "Which of these " + noun + " " + verb + " " + predicate + "? Choose all that apply.";
	}

	static String whichAreExplanation(String category, String locator, String source, String text) {
		return "The source lists these as " + category + " (" + locator + " of " + source + "): “" + text
				+ "”. The others come from other lists in the source.";
	}

	/** {@code set} counts the matching questions on one topic, so that each stem is different. */
	static String matchTerms(String topic, int set) {
		String which = set > 1 ? "these further terms" : "these terms";
		String numbered = set > 2 ? " (set " + set + ")" : "";
		return topic == null ? "Match " + which + " with their meanings" + numbered + "."
				: "Match " + which + " from “" + topic + "” with their meanings" + numbered + ".";
	}

	/** "What should you do if a meal is provided by a customer?" */
	static String whatShouldYouDo(String connective, String condition) {
		return "What should you do " + connective + " " + condition + "?";
	}

	/** "What does the lead do if the problem affects more than one customer?" */
	static String whatDoesSomeoneDo(String actor, String connective, String condition) {
		return "What does " + actor + " do " + connective + " " + condition + "?";
	}

	/** "What must you do before you book a flight?" */
	static String whatMustYouDo(String connective, String condition) {
		return "What must you do " + connective + " " + condition + "?";
	}

	/** "Within how many working days must corporate card transactions be reconciled in Expensio?" */
	static String howMany(String preposition, String unit, String auxiliary, String subject, String rest) {
		String head = preposition.isEmpty() ? "How many " + unit : capitalize(preposition) + " how many " + unit;
		return (head + " " + auxiliary + " " + subject + (rest.isEmpty() ? "" : " " + rest)).strip() + "?";
	}

	static String quoted(String locator, String source, String text) {
		return "The source says (" + locator + " of " + source + "): “" + text + "”";
	}

	private static String capitalize(String text) {
		return Words.capitalize(text);
	}
}
