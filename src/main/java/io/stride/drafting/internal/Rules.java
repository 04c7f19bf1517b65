package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.drafting.Citation;

/**
 * Rules with a condition ("If X, do Y", "When X, the lead does Y", "Do Y before X") become scenario questions:
 * "What should you do if X?" with the action as the key. Wrong options are the same action with another
 * deadline or role of the document, then other actions the document asks for, in the same grammatical form.
 * A rule whose parts cannot be told apart cleanly (a passive, a prohibition, a pronoun with nothing to refer
 * to) gives no question.
 */
final class Rules {

	/** Verbs that start an instruction, beyond those of {@link Words#VERBS}. */
	static final Set<String> IMPERATIVES = Set.of("accept", "apply", "approve", "arrange", "assign", "back", "bring",
			"cancel", "change", "clean", "contact", "declare", "delete", "disconnect", "document", "email", "encrypt",
			"escalate", "forward", "hand", "install", "invite", "label", "leave", "lock", "move", "notify", "phone",
			"print", "raise", "reconcile", "reduce", "register", "reject", "reply", "reproduce", "reset", "restart",
			"return", "ring", "save", "share", "shut", "store", "switch", "turn", "unplug", "use", "verify", "wait",
			"wash", "wear", "photograph", "attach", "book", "call", "check", "collect", "confirm", "create", "ensure",
			"inform", "log", "open", "pay", "record", "remove", "report", "request", "review", "select", "send", "sign",
			"stop", "submit", "tell", "update", "upload", "write", "ask", "add", "close", "fill", "follow", "give", "keep",
			"mark", "note", "press", "read", "take", "make", "find", "enter", "avoid", "claim", "come", "inspect", "scan");

	private static final Pattern LEADING = Pattern.compile("^(?<conn>If|When|Whenever|Before|Once)\\s+(?<rest>.+)$");

	/** "you must …", and as it is said: "you have to …", "you need to …", "you always …", "you …". */
	private static final Pattern YOU_MODAL = Pattern.compile(
			"^you\\s+(?:must|should|have to|need to|(?:will|'ll) (?:have|need) to|'ve got to|always)?\\s*(?<action>.+)$");

	private static final Pattern THIRD_PERSON = Pattern.compile(
			"^(?<actor>(?:the|your)\\s+[\\p{L}-]+(?:\\s+[\\p{L}-]+){0,3}?)\\s+(?<verb>\\p{Ll}{3,}[^s\\W]s)\\s+(?<object>.+)$");

	private static final Pattern TRAILING = Pattern.compile("^(?<action>.+?)\\s+(?<conn>if|when|whenever|before)\\s+(?<cond>.+)$");

	private static final Pattern NEGATIVE = Pattern.compile("(?i)\\b(?:not|never|no|don't|cannot|can't|nothing)\\b");

	private static final Pattern PRONOUN = Pattern.compile("(?i)^(?:it|this|that|they|these|those|so|he|she)\\b");

	private static final Pattern INSTRUCTION_AFTER_COMMA = Pattern.compile(",\\s+(?<verb>\\p{Ll}+)\\b");

	private static final Pattern LOOSE_PRONOUN = Pattern.compile("(?i)\\b(?:it|them|this|these|those)\\b");

	private static final Pattern ROLE = Pattern.compile(
			"\\b(?:\\p{Lu}[\\p{L}-]+\\s){1,3}(?:Manager|Director|Head|Lead|Officer|Audit|Operations|Team|Desk|Department|Administrator|Owner|Controller|Committee|Board)\\b");

	/** Roles held by a person, which stand in for each other (a Director for a Manager, not an Operations team). */
	private static final Pattern PERSON = Pattern.compile("(?:Manager|Director|Head|Lead|Officer|Administrator|Owner|Controller)$");

	static final int MAX_ACTION_WORDS = 18;

	/** An action the document asks for, with its content words, ready to rank as a wrong option. */
	private record Action(String text, String actor, Set<String> words, int length) {

		static Action of(String actor, String text) {
			String capitalized = Words.capitalize(text);
			return new Action(capitalized, actor, content(capitalized), Words.count(capitalized));
		}
	}

	private final List<Action> instructionActions = new ArrayList<>();

	private final List<Action> thirdPersonActions = new ArrayList<>();

	private record Rule(Sentence sentence, String connective, String condition, String action, String actor) {
	}

	private final List<Sentence> document;

	private final List<Quantities.Quantity> quantities;

	private final List<String> instructions = new ArrayList<>();

	private final List<String[]> thirdPerson = new ArrayList<>();

	private final List<String> roles = new ArrayList<>();

	Rules(List<Sentence> document, List<Quantities.Quantity> quantities) {
		this.document = document;
		this.quantities = quantities;
		for (Sentence sentence : document) {
			if (sentence.words() > 60) {
				continue;
			}
			String text = StructuredQuestions.stripEnd(sentence.text());
			if (text.isEmpty() || sentence.block().is(Block.Kind.TABLE_ROW) || text.contains("|") || text.contains(". ")
					|| LOOSE_PRONOUN.matcher(text).find()) {
				continue;
			}
			String[] words = text.split("\\s+");
			if (words.length >= 3 && words.length <= MAX_ACTION_WORDS && IMPERATIVES.contains(words[0])
					|| words.length >= 3 && Character.isUpperCase(text.codePointAt(0))
							&& IMPERATIVES.contains(Words.lower(words[0])) && !text.contains(": ")) {
				instructions.add(text);
			}
			else if (words.length >= 4 && words[0].equals("You") && sentence.block().spoken()) {
				// a spoken instruction, "You have to log it …", is an action the document asks for like a written one
				Matcher spoken = YOU_MODAL.matcher(Words.lower(text.substring(0, 1)) + text.substring(1));
				if (spoken.matches() && IMPERATIVES.contains(spoken.group("action").split("\\s+")[0])
						&& spoken.group("action").split("\\s+").length <= MAX_ACTION_WORDS && !text.contains(": ")) {
					instructions.add(spoken.group("action"));
				}
			}
			Matcher third = THIRD_PERSON.matcher(Words.lower(text.substring(0, 1)) + text.substring(1));
			if (third.matches() && !Words.isStop(third.group("verb"))) {
				thirdPerson.add(new String[] { third.group("actor"), third.group("verb") + " " + third.group("object") });
			}
			Matcher role = ROLE.matcher(sentence.text());
			while (role.find()) {
				if (roles.stream().noneMatch(r -> r.equalsIgnoreCase(role.group()))) {
					roles.add(role.group());
				}
			}
		}
	}

	private synchronized void rankable() {
		if (instructionActions.isEmpty() && thirdPersonActions.isEmpty()) {
			instructions.forEach(i -> instructionActions.add(Action.of("", i)));
			thirdPerson.forEach(t -> thirdPersonActions.add(Action.of(t[0], t[1])));
		}
	}

	List<QuestionMaker.Candidate> candidates(List<Sentence> sentences, double[] centrality) {
		rankable();
		List<QuestionMaker.Candidate> found = new ArrayList<>();
		for (Sentence sentence : sentences) {
			if (sentence.words() < 6 || sentence.words() > 45 || sentence.text().endsWith("?")
					|| sentence.block().is(Block.Kind.TABLE_ROW)) {
				continue;
			}
			Rule rule = rule(sentence);
			if (rule != null) {
				question(rule, sentences, centrality).ifPresent(found::add);
			}
		}
		return found;
	}

	private Rule rule(Sentence sentence) {
		String text = StructuredQuestions.stripEnd(sentence.text());
		if (text.contains(". ") || text.contains("|")) {
			return null; // a list item of several sentences: where the rule ends is not clear
		}
		Matcher leading = LEADING.matcher(text);
		if (leading.matches()) {
			String rest = leading.group("rest");
			// the comma after which the action starts: "If a meal is provided by a customer, a conference or a hotel rate, reduce …"
			for (int comma = rest.indexOf(", "); comma > 0; comma = rest.indexOf(", ", comma + 1)) {
				String condition = rest.substring(0, comma);
				String action = rest.substring(comma + 2);
				if (instructionInside(condition)) {
					return null; // the action started at an earlier comma that did not read as one
				}
				Rule rule = withAction(sentence, Words.lower(leading.group("conn")), condition, action);
				if (rule != null) {
					return rule;
				}
			}
			return null;
		}
		Matcher trailing = TRAILING.matcher(text);
		if (trailing.matches() && !trailing.group("cond").contains(",") && !trailing.group("action").matches("(?i).*\\b(?:even|only|except)$")
				&& !trailing.group("action").endsWith(",")) {
			String action = trailing.group("action");
			String first = Words.lower(action.split("\\s+")[0]);
			Matcher spoken = YOU_MODAL.matcher(Words.lower(action.substring(0, 1)) + action.substring(1));
			if (IMPERATIVES.contains(first) || Words.lower(action).matches("^you (must|should) .*")
					|| spoken.matches() && IMPERATIVES.contains(spoken.group("action").split("\\s+")[0])) {
				return withAction(sentence, trailing.group("conn"), trailing.group("cond"), Words.lower(action.substring(0, 1)) + action.substring(1));
			}
		}
		return null;
	}

	private static boolean instructionInside(String condition) {
		Matcher m = INSTRUCTION_AFTER_COMMA.matcher(condition);
		while (m.find()) {
			if (IMPERATIVES.contains(m.group("verb"))) {
				return true;
			}
		}
		return false;
	}

	private static Rule withAction(Sentence sentence, String connective, String condition, String fullAction) {
		// "ask your manager before you spend the money, not afterwards": the emphasis is not part of the action
		String action = fullAction.replaceFirst(",\\s+not\\s+[\\p{L} ]+$", "");
		boolean gerund = condition.matches("\\p{Ll}+ing");
		if (PRONOUN.matcher(condition).find() || NEGATIVE.matcher(action).find() || Words.count(condition) < 2 && !gerund
				|| LOOSE_PRONOUN.matcher(action).find() || LOOSE_PRONOUN.matcher(condition).find()
				|| Words.count(action) > MAX_ACTION_WORDS) {
			return null;
		}
		String first = action.split("\\s+")[0];
		if (IMPERATIVES.contains(first)) {
			return new Rule(sentence, connective, condition, action, null);
		}
		Matcher modal = YOU_MODAL.matcher(action);
		if (modal.matches() && IMPERATIVES.contains(modal.group("action").split("\\s+")[0])) {
			return new Rule(sentence, connective, condition, modal.group("action"), null);
		}
		Matcher third = THIRD_PERSON.matcher(action);
		if (third.matches() && !Words.isStop(third.group("verb")) && !condition.contains(",")) {
			return new Rule(sentence, connective, condition, third.group("verb") + " " + third.group("object"), third.group("actor"));
		}
		return null;
	}

	private Optional<QuestionMaker.Candidate> question(Rule rule, List<Sentence> sentences, double[] centrality) {
		Citation citation = rule.sentence().citation();
		String key = Words.capitalize(rule.action());
		List<String> distractors = distractors(rule, key, citation);
		if (distractors.size() < 2) {
			return Optional.empty();
		}
		String prompt = rule.actor() == null ? Phrasing.whatShouldYouDo(rule.connective(), rule.condition())
				: Phrasing.whatDoesSomeoneDo(rule.actor(), rule.connective(), rule.condition());
		double importance = StructuredQuestions.importance(sentences, centrality, citation.start(), citation.end());
		double plausibility = distractors.size() == 3 ? 0.04 : 0;
		return Optional.of(StructuredQuestions.singleChoice(StructuredQuestions.SCENARIO, prompt, key,
				distractors, Phrasing.quoted(citation.locator(), citation.source(), citation.text()), citation,
				0.74 + 0.18 * importance + plausibility, citation.start()));
	}

	/** The key with another deadline or role first, then the document's other actions of the same form. */
	private List<String> distractors(Rule rule, String key, Citation citation) {
		List<String> chosen = new ArrayList<>();
		List<Quantities.Quantity> inKey = Quantities.in(key);
		if (!inKey.isEmpty()) {
			Quantities.Quantity q = inKey.get(0);
			quantities.stream()
				.filter(o -> o.kind() == q.kind() && o.base() != q.base())
				.sorted(Comparator.comparingDouble(o -> Math.abs(Math.log1p(o.value()) - Math.log1p(q.value()))))
				.map(o -> key.substring(0, q.start()) + o.text() + key.substring(q.end()))
				.filter(v -> acceptable(v, key, citation, chosen))
				.findFirst()
				.ifPresent(chosen::add);
		}
		Matcher role = ROLE.matcher(key);
		if (role.find()) {
			String own = role.group();
			boolean person = PERSON.matcher(own).find();
			roles.stream()
				.filter(r -> !r.equalsIgnoreCase(own) && !Words.sameMeaning(r, own) && PERSON.matcher(r).find() == person)
				.map(r -> key.substring(0, role.start()) + r + key.substring(role.end()))
				.filter(v -> acceptable(v, key, citation, chosen))
				.findFirst()
				.ifPresent(chosen::add);
		}
		// the document's other actions in the same form, what the same person does first, then the closest in words
		Set<String> keyWords = content(key);
		int keyLength = Words.count(key);
		record Ranked(String text, int sameActor, int overlap, int lengthGap) {
		}
		List<Ranked> ranked = new ArrayList<>();
		for (Action action : rule.actor() == null ? instructionActions : thirdPersonActions) {
			ranked.add(new Ranked(action.text(), rule.actor() != null && action.actor().equalsIgnoreCase(rule.actor()) ? 0 : 1,
					-overlap(action.words(), keyWords), Math.abs(action.length() - keyLength)));
		}
		ranked.sort(Comparator.comparingInt(Ranked::sameActor).thenComparingInt(Ranked::overlap)
			.thenComparingInt(Ranked::lengthGap).thenComparing(Ranked::text));
		List<String> pool = ranked.stream().map(Ranked::text).toList();
		for (String candidate : pool) {
			if (chosen.size() == 3) {
				break;
			}
			if (Words.count(candidate) <= MAX_ACTION_WORDS && !NEGATIVE.matcher(candidate).find() && !candidate.contains(". ")
					&& acceptable(candidate, key, citation, chosen)) {
				chosen.add(candidate);
			}
		}
		return chosen;
	}

	/** A wrong option: not in the cited rule, not the key in other words, not stated as true anywhere in the text. */
	private boolean acceptable(String option, String key, Citation citation, List<String> chosen) {
		String bare = StructuredQuestions.stripEnd(option);
		return !Words.containsTerm(citation.text(), bare) && !Words.sameMeaning(bare, key)
				&& chosen.stream().noneMatch(c -> Words.sameMeaning(c, bare) || Words.lower(c).equals(Words.lower(bare)))
				&& (isFromDocument(bare) || document.stream().noneMatch(s -> Words.containsTerm(s.text(), bare)));
	}

	private boolean isFromDocument(String option) {
		return instructions.stream().anyMatch(i -> i.equalsIgnoreCase(option))
				|| thirdPerson.stream().anyMatch(t -> t[1].equalsIgnoreCase(option));
	}

	private static Set<String> content(String text) {
		Set<String> words = new HashSet<>();
		Matcher m = Words.TOKEN.matcher(Words.lower(text));
		while (m.find()) {
			if (!Words.isStop(m.group()) && m.group().length() > 2) {
				words.add(m.group());
			}
		}
		return words;
	}

	private static int overlap(Set<String> a, Set<String> b) {
		int n = 0;
		for (String word : a) {
			if (b.contains(word)) {
				n++;
			}
		}
		return n;
	}
}
