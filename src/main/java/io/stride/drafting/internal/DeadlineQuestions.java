package io.stride.drafting.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.drafting.Citation;
import io.stride.drafting.DraftQuestion;

/**
 * Deadlines and durations become numeric questions asked as questions, not blanks: "Corporate card transactions
 * must be reconciled within 10 working days of the statement date" gives "Within how many working days of the
 * statement date must corporate card transactions be reconciled in Expensio?" (10, exactly). The clause is
 * turned round only in forms known to come out grammatical (an instruction, a modal or "is/are", a third-person
 * verb); anything else gives no question.
 */
final class DeadlineQuestions {

	private static final Set<String> PREPOSITIONS = Set.of("within", "in", "after", "for");

	private static final Pattern MODAL = Pattern.compile(
			"^(?<subject>[\\p{L}][\\p{L}\\p{N}'’ -]{1,60}?)\\s+(?<aux>must|should|will|can|may|is|are)\\s+(?<rest>.+)$");

	private static final Pattern YOU_MODAL = Pattern.compile("^[Yy]ou\\s+(?<aux>must|should|can|may)\\s+(?<rest>.+)$");

	private static final Pattern SPOKEN_INSTRUCTION = Pattern.compile(
			"^[Yy]ou\\s+(?:have to|need to|'ve got to|(?:will|'ll) (?:have|need) to|always\\s+)?\\s*(?<rest>\\p{Ll}.+)$");

	private static final Pattern THIRD_PERSON = Pattern.compile(
			"^(?<subject>(?:[Tt]he|[Yy]our|[Ee]very|[Ee]ach|[Oo]ur)\\s+[\\p{L}-]+(?:\\s+[\\p{L}-]+){0,4}?)\\s+(?<verb>\\p{Ll}{2,}[^s\\W]s)\\s+(?<rest>.+)$");

	/** "Within 5 working days of closing, the lead writes …": the deadline first. */
	private static final Pattern FRONTED = Pattern.compile("^(?<pp>[^,]+),\\s+(?<clause>.+)$");

	private static final Pattern PREPOSITION = Pattern.compile("(?i)(?:^|\\s)(within|in|after|for)\\s+$");

	/** "of the statement date": what the deadline counts from. */
	private static final Pattern ANCHOR = Pattern.compile("^\\s+((?:of|from)\\s+[^,;]+?)(?=$|,|\\s+and\\s|\\s+or\\s)");

	List<QuestionMaker.Candidate> candidates(List<Sentence> sentences, double[] centrality) {
		List<QuestionMaker.Candidate> found = new ArrayList<>();
		for (Sentence sentence : sentences) {
			if (sentence.words() < 5 || sentence.words() > 45 || sentence.text().endsWith("?")
					|| sentence.block().is(Block.Kind.TABLE_ROW)) {
				continue;
			}
			for (Quantities.Quantity quantity : Quantities.in(sentence.text())) {
				if (quantity.kind() == Quantities.Kind.TIME) {
					question(sentence, quantity, sentences, centrality).ifPresent(found::add);
					break;
				}
			}
		}
		return found;
	}

	private Optional<QuestionMaker.Candidate> question(Sentence sentence, Quantities.Quantity quantity,
			List<Sentence> sentences, double[] centrality) {
		String text = sentence.text();
		// the clause holding the figure, up to a semicolon
		int clauseStart = Math.max(text.lastIndexOf("; ", quantity.start()), text.lastIndexOf(". ", quantity.start())) + 1;
		int clauseEnd = firstOf(text.indexOf("; ", quantity.end()), text.indexOf(". ", quantity.end()));
		String clause = text.substring(clauseStart, clauseEnd < 0 ? text.length() : clauseEnd).strip();
		int offset = text.indexOf(clause, clauseStart);
		int qStart = quantity.start() - offset;
		int qEnd = quantity.end() - offset;
		String before = clause.substring(0, qStart);
		Matcher preposition = PREPOSITION.matcher(before);
		if (!preposition.find() || !PREPOSITIONS.contains(Words.lower(preposition.group(1)))) {
			return Optional.empty();
		}
		String prep = Words.lower(preposition.group(1));
		String unit = unit(quantity.text());
		if (unit == null) {
			return Optional.empty();
		}
		String after = clause.substring(qEnd).replaceAll("[\\s.;:,!]+$", "");
		// "of the statement date" belongs to the deadline; "and either approves it …" is another clause and goes
		Matcher anchor = ANCHOR.matcher(after);
		String deadlineTail = "";
		String remainder = after;
		if (anchor.find()) {
			deadlineTail = anchor.group(1).strip();
			remainder = after.substring(anchor.end());
		}
		String[] parts;
		if (preposition.start(1) == 0 || before.substring(0, preposition.start(1)).isBlank()) {
			// fronted: "Within 5 working days of closing, the lead writes …"
			Matcher fronted = FRONTED.matcher(clause);
			if (!fronted.matches() || !fronted.group("pp").contains(quantity.text()) || !remainder.strip().startsWith(",")) {
				return Optional.empty();
			}
			parts = turn(StructuredQuestions.stripEnd(fronted.group("clause")));
		}
		else {
			if (!remainder.isBlank() && !remainder.matches("^(?:,|\\s+and\\s|\\s+or\\s).*")) {
				return Optional.empty();
			}
			String main = before.substring(0, preposition.start(1)).strip();
			parts = turn(main);
		}
		if (parts == null || spoken(sentence) && (parts[0].matches("is|are")
				&& !parts[2].matches("(?i)^(?:\\p{L}+(?:ed|en|wn|ne|id|lt|ht)|due|available|open|valid|kept)\\b.*")
				|| parts[1].equals("you") && parts[2].split("\\s+").length < 2)) {
			// said aloud, "signs are more than three returns in 90 days" is no passive with a deadline, and a recap's
			// "Check within 10 minutes, door first, …" says too little to ask "Within how many minutes must you check?"
			return Optional.empty();
		}
		String subject = parts[1].equals("you") ? "you" : StructuredQuestions.lowerStart(parts[1], sentence.source().text());
		String head = deadlineTail.isEmpty() ? unit : unit + " " + deadlineTail;
		String prompt = Phrasing.howMany(prep, head, parts[0], subject, parts[2]);
		if (Words.count(prompt) > 30) {
			return Optional.empty();
		}
		Citation citation = sentence.citation();
		BigDecimal value = number(quantity.text());
		if (value == null) {
			return Optional.empty();
		}
		DraftQuestion question = new DraftQuestion(QuestionMaker.id(prompt), StructuredQuestions.NUMERIC, prompt, List.of(),
				List.of(), Phrasing.quoted(citation.locator(), citation.source(), citation.text()), citation, List.of(),
				new DraftQuestion.Numeric(value, BigDecimal.ZERO, unit), null);
		double importance = StructuredQuestions.importance(sentences, centrality, citation.start(), citation.end());
		double score = Math.min(1, 0.72 + 0.2 * importance);
		score = Math.round(score * 100) / 100.0;
		return Optional.of(new QuestionMaker.Candidate(question.withScore(score), score, StructuredQuestions.NUMERIC,
				sentence.index()));
	}

	/** {auxiliary, subject, rest} of a clause turned into a question, or null when no known form fits. */
	static String[] turn(String clause) {
		if (clause.isBlank() || clause.contains(",")) {
			return null;
		}
		String[] words = clause.split("\\s+");
		if (Rules.IMPERATIVES.contains(Words.lower(words[0])) && Character.isUpperCase(clause.codePointAt(0))) {
			return new String[] { "must", "you", Words.lower(clause.substring(0, 1)) + clause.substring(1) };
		}
		Matcher you = YOU_MODAL.matcher(clause);
		if (you.matches()) {
			return new String[] { you.group("aux"), "you", you.group("rest") };
		}
		Matcher spoken = SPOKEN_INSTRUCTION.matcher(clause);
		if (spoken.matches() && Rules.IMPERATIVES.contains(Words.lower(spoken.group("rest").split("\\s+")[0]))) {
			// as it is said: "you have to log it", "you log it" within a time is what you must do
			return new String[] { "must", "you", spoken.group("rest") };
		}
		Matcher third = THIRD_PERSON.matcher(clause);
		if (third.matches() && !Words.isStop(third.group("verb")) && !third.group("subject").matches(".*\\b(?:must|should|will|is|are|can|may)\\b.*")) {
			return new String[] { "does", third.group("subject"), base(third.group("verb")) + " " + third.group("rest") };
		}
		Matcher modal = MODAL.matcher(clause);
		if (modal.matches() && !modal.group("subject").matches("(?i).*\\b(?:you|that|which|who|when|if)\\b.*") && modal.group("subject").split("\\s+").length <= 6
				&& !Words.lower(modal.group("subject")).matches("(?:it|this|that|they|there)")) {
			String aux = modal.group("aux");
			String rest = modal.group("rest");
			return new String[] { aux, modal.group("subject"), rest };
		}
		return null;
	}

	private static boolean spoken(Sentence sentence) {
		return sentence.block().spoken();
	}

	private static int firstOf(int a, int b) {
		return a < 0 ? b : b < 0 ? a : Math.min(a, b);
	}

	/** "writes" → "write", "applies" → "apply", "reaches" → "reach". */
	static String base(String verb) {
		if (verb.endsWith("ies")) {
			return verb.substring(0, verb.length() - 3) + "y";
		}
		if (verb.matches(".*(?:sses|shes|ches|xes|zes|oes)$")) {
			return verb.substring(0, verb.length() - 2);
		}
		return verb.substring(0, verb.length() - 1);
	}

	/** The unit asked for, in the plural: "hours", "working days"; null for a unit that does not count. */
	static String unit(String quantity) {
		String unit = quantity.replaceFirst("^[\\d.,\\u202f]+\\s*", "").strip();
		if (unit.equals("mins")) {
			return "minutes";
		}
		if (!Words.lower(unit).matches("(?:working |business |calendar )?(?:day|hour|week|month|year|minute|second)s?")) {
			return null;
		}
		return unit.endsWith("s") ? unit : unit + "s";
	}

	static BigDecimal number(String quantity) {
		Matcher digits = Pattern.compile("\\d[\\d,.]*").matcher(quantity);
		if (!digits.find()) {
			return null;
		}
		String n = digits.group().replaceAll("[.,]$", "");
		n = n.matches("\\d{1,3}(,\\d{3})+") ? n.replace(",", "") : n.replace(',', '.');
		try {
			return new BigDecimal(n);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
