package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.drafting.Citation;

/**
 * A list of members of one category ("Approved payment methods include:", "The following are exempt:", or a
 * heading such as "Supported browsers" over short items) becomes a multiple-select question: "Which of these are
 * approved payment methods?". Wrong options are short items of other lists in the document that the document
 * never mentions together with the category.
 */
final class Categories {

	private static final Pattern FOLLOWING_ARE = Pattern.compile(
			"(?i)^(?:the following|these)\\s+(?:are|are all|count as|qualify as)\\s+(?<cat>[\\p{L}][\\p{L} -]{2,60}):$");

	private static final Pattern FOLLOWING_NOUN = Pattern.compile(
			"(?i)^the following\\s+(?<cat>[\\p{L}][\\p{L} -]{2,40}?)\\s+(?<verb>are|count as|qualify as)\\s+(?<pred>[\\p{L}][\\p{L} -]{2,40}):$");

	private static final Pattern EXAMPLES = Pattern.compile(
			"(?i)^(?:(?:some\\s+)?examples|types|kinds) of\\s+(?<cat>[\\p{L}][\\p{L} -]{2,60}?)\\s+(?:include|are)(?:\\s+the following)?:$");

	private static final Pattern INCLUDE = Pattern.compile(
			"^(?:(?:The|Our)\\s+)?(?<cat>[\\p{L}][\\p{L} -]{2,60}?s)\\s+(?:include|are)(?:\\s+the following)?:$");

	/** "It covers:", "This policy includes:": what a subject covers; "It" stands for the sentence before's subject. */
	private static final Pattern COVERS = Pattern.compile("^(?<subject>It|(?:This|The)\\s+\\p{L}+)\\s+(?<verb>covers|includes):$");

	private static final Pattern SUBJECT = Pattern.compile("^(?<subject>(?:This|The)\\s+\\p{L}+)\\s");

	/** "It does not cover relocation costs, which …, or costs that …": members the text excludes. */
	private static final Pattern EXCLUDES = Pattern.compile("\\b(?:does not|doesn't)\\s+(?:cover|include)\\s+(?<what>[^.]+)");

	static final int MIN_ITEMS = 3;

	static final int MAX_ITEMS = 8;

	static final int MAX_ITEM_WORDS = 12;

	private final List<QuestionMaker.ListGroup> allLists;

	private final List<Sentence> document;

	Categories(List<QuestionMaker.ListGroup> allLists, List<Sentence> document) {
		this.allLists = allLists;
		this.document = document;
	}

	List<QuestionMaker.Candidate> candidates(List<QuestionMaker.ListGroup> lists, double[] centrality) {
		List<QuestionMaker.Candidate> found = new ArrayList<>();
		for (QuestionMaker.ListGroup group : lists) {
			question(group, centrality).ifPresent(found::add);
		}
		return found;
	}

	private Optional<QuestionMaker.Candidate> question(QuestionMaker.ListGroup group, double[] centrality) {
		List<String> members = group.items().stream().map(b -> b.text().strip()).toList();
		if (members.size() < MIN_ITEMS || members.size() > MAX_ITEMS || !members.stream().allMatch(Categories::member)) {
			return Optional.empty();
		}
		ExtractedSource source = group.source();
		Block firstItem = group.items().get(0);
		Block before = blockBefore(source, firstItem);
		if (before == null) {
			return Optional.empty();
		}
		String prompt = null;
		String category = null;
		List<String> excluded = List.of();
		int citeFrom = firstItem.start();
		if (before.is(Block.Kind.PARAGRAPH)) {
			List<int[]> spans = Sentences.split(before.text());
			int[] lastSpan = spans.get(spans.size() - 1);
			String leadIn = before.text().substring(lastSpan[0], lastSpan[1]).strip();
			Matcher m;
			if ((m = COVERS.matcher(leadIn)).matches()) {
				String subject = m.group("subject");
				if (subject.equals("It") && spans.size() > 1) {
					int[] previous = spans.get(spans.size() - 2);
					Matcher s = SUBJECT.matcher(before.text().substring(previous[0], previous[1]).strip());
					subject = s.find() ? s.group("subject") : null;
				}
				if (subject != null && !subject.equals("It")) {
					String verb = m.group("verb");
					category = (verb.equals("covers") ? "covered by " : "included in ") + Words.lower(subject);
					prompt = Phrasing.whichDoes(Words.lower(subject), verb.substring(0, verb.length() - 1));
					excluded = excluded(source, group.items().get(group.items().size() - 1));
				}
			}
			else if ((m = FOLLOWING_NOUN.matcher(leadIn)).matches()) {
				category = m.group("cat").strip();
				prompt = Phrasing.whichOfTheseAre(Words.lower(category), m.group("verb"), m.group("pred").strip());
			}
			else if ((m = FOLLOWING_ARE.matcher(leadIn)).matches() || (m = EXAMPLES.matcher(leadIn)).matches()
					|| (m = INCLUDE.matcher(leadIn)).matches()) {
				category = StructuredQuestions.lowerStart(m.group("cat").strip(), source.text());
				prompt = Phrasing.whichAre(category);
			}
			citeFrom = before.start() + before.text().indexOf(leadIn, lastSpan[0]);
		}
		else if (before.is(Block.Kind.HEADING) && categoryHeading(before.text().strip())) {
			category = StructuredQuestions.lowerStart(before.text().strip(), source.text());
			prompt = Phrasing.whichAre(category);
			citeFrom = before.start();
		}
		if (prompt == null || Words.count(category) > 6) {
			return Optional.empty();
		}
		Block lastItem = group.items().get(group.items().size() - 1);
		Citation citation = StructuredQuestions.span(source, firstItem.locator(), citeFrom, lastItem.end());
		List<String> wrong = new ArrayList<>();
		for (String item : excluded) {
			if (wrong.size() < 3 && !Words.containsTerm(citation.text(), item) && members.stream().noneMatch(x -> Words.sameMeaning(x, item))) {
				wrong.add(item);
			}
		}
		for (String item : distractors(group, members, category, citation)) {
			if (wrong.size() < 3 && wrong.stream().noneMatch(w -> Words.sameMeaning(w, item))) {
				wrong.add(item);
			}
		}
		if (wrong.size() < 2) {
			return Optional.empty();
		}
		List<String> right = members.subList(0, Math.min(4, members.size()));
		List<String> options = new ArrayList<>();
		List<Integer> correct = new ArrayList<>();
		List<Integer> order = StructuredQuestions.shuffled(right.size() + wrong.size(), members.hashCode());
		List<String> all = new ArrayList<>(right);
		all.addAll(wrong);
		for (int i = 0; i < order.size(); i++) {
			int pick = order.get(i);
			if (pick < right.size()) {
				correct.add(i);
			}
			options.add(all.get(pick));
		}
		double importance = Math.max(0, Math.min(1, group.items().stream()
			.mapToDouble(b -> document.stream().filter(s -> s.block() == b && s.index() < centrality.length)
				.mapToDouble(s -> centrality[s.index()]).max().orElse(0))
			.max().orElse(0)));
		return Optional.of(StructuredQuestions.candidate(QuestionMaker.MULTIPLE, QuestionMaker.MULTIPLE, prompt,
				options, correct, Phrasing.whichAreExplanation(category, citation.locator(), citation.source(), citation.text()),
				citation, 0.8 + 0.12 * importance, firstItem.start()));
	}

	/** Items of other lists that are short like the members, never named with the category anywhere. */
	private List<String> distractors(QuestionMaker.ListGroup group, List<String> members, String category, Citation citation) {
		String head = category.replaceAll(".*\\s", "");
		String stem = head.length() > 4 ? head.substring(0, head.length() - 1) : head;
		List<Sentence> aboutCategory = document.stream().filter(s -> Words.lower(s.text()).contains(Words.lower(stem))).toList();
		double length = members.stream().mapToInt(m -> Words.count(m)).average().orElse(3);
		List<String> pool = new ArrayList<>();
		for (QuestionMaker.ListGroup other : allLists) {
			if (other == group) {
				continue;
			}
			for (Block item : other.items()) {
				String text = item.text().strip();
				if (member(text) && !Words.containsTerm(citation.text(), text) && members.stream().noneMatch(m -> Words.sameMeaning(m, text))
						&& pool.stream().noneMatch(p -> Words.sameMeaning(p, text))
						&& aboutCategory.stream().noneMatch(s -> Words.containsTerm(s.text(), text))) {
					pool.add(text);
				}
			}
		}
		pool.sort(Comparator.comparingDouble((String p) -> Math.abs(Words.count(p) - length)).thenComparing(p -> p));
		return pool.subList(0, Math.min(3, pool.size()));
	}

	/** What the paragraph after the list says is not covered: the best wrong options there are. */
	private static List<String> excluded(ExtractedSource source, Block lastItem) {
		int at = source.blocks().indexOf(lastItem);
		if (at < 0 || at + 1 >= source.blocks().size() || !source.blocks().get(at + 1).is(Block.Kind.PARAGRAPH)) {
			return List.of();
		}
		Matcher m = EXCLUDES.matcher(source.blocks().get(at + 1).text());
		if (!m.find()) {
			return List.of();
		}
		String what = m.group("what").replaceAll(",\\s*which[^,]*,?", ",");
		List<String> parts = new ArrayList<>();
		for (String part : what.split("\\s*,\\s*(?:or\\s+|and\\s+)?|\\s+or\\s+")) {
			String phrase = part.strip();
			int words = phrase.isEmpty() ? 0 : Words.count(phrase);
			if (words >= 2 && words <= MAX_ITEM_WORDS) {
				parts.add(phrase);
			}
		}
		return parts;
	}

	/** A list item that names a member: a short phrase, not a sentence or an instruction. */
	static boolean member(String item) {
		String[] words = item.split("\\s+");
		return words.length <= MAX_ITEM_WORDS && !item.endsWith(".") && !item.contains(". ") && !item.contains(":")
				&& !Words.VERBS.contains(Words.lower(words[0]));
	}

	/** "Supported browsers", "Prohibited items": a short plural noun phrase, not "Deadlines" over rules. */
	private static boolean categoryHeading(String heading) {
		String[] words = heading.split("\\s+");
		String last = Words.lower(words[words.length - 1]);
		return words.length >= 2 && words.length <= 4 && last.matches("\\p{L}+[^s]s") && !Words.lower(words[0]).endsWith("ing")
				&& !Words.isStop(words[0]) && !heading.endsWith("?");
	}

	private static Block blockBefore(ExtractedSource source, Block block) {
		int at = source.blocks().indexOf(block);
		return at > 0 ? source.blocks().get(at - 1) : null;
	}
}
