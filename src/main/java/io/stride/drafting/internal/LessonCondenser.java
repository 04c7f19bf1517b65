package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.stride.drafting.DraftLesson;
import io.stride.standards.MarkdownChecks;

/**
 * Brings a lesson that is over the words per lesson within it by leaving out asides: sentences in brackets,
 * examples ("For example, …"), remarks ("Note that …") and restatements ("In other words, …", or a sentence saying
 * again what an earlier one said). Only whole sentences go, so every sentence that stays is the author's as written,
 * and every one that goes is kept with its citation for the author to put back. Warnings, deadlines and figures
 * stay, and so does a lesson's first sentence; a lesson within the limit is left as it is.
 */
final class LessonCondenser {

	private static final Pattern PARENTHETICAL = Pattern.compile("^\\(.*\\)[.!]?$|^\\(.*[.!]\\)$");

	private static final Pattern EXAMPLE = Pattern.compile("(?i)^(?:for example|for instance|e\\.g\\.|as an example|"
			+ "to give an example|example:|say,)\\b.*");

	private static final Pattern REMARK = Pattern.compile("(?i)^(?:note that|note:|please note|as an aside|incidentally|"
			+ "by the way|of course|interestingly|fun fact|side note)\\b.*");

	private static final Pattern RESTATEMENT = Pattern.compile("(?i)^(?:in other words|that is,|to put it (?:another way|simply)|"
			+ "put simply|simply put|in short|to summari[sz]e|to sum up|as (?:mentioned|noted|said|described|explained) "
			+ "(?:above|earlier|before)|remember(?:,)? that|again,|once again)\\b.*");

	private static final Pattern MUST_STAY = Pattern.compile("(?i)\\b(?:do not|don't|never|must|must not|warning|"
			+ "deadline|no later than|within|at the latest)\\b");

	/** Sentences at least this alike say the same thing twice. */
	private static final double SAME_POINT = 0.9;

	private LessonCondenser() {
	}

	/** The lesson, condensed to {@code maxWords} if it is longer; {@code sentences} index into {@code vectors}. */
	static DraftLesson write(Outline.LessonPlan plan, ExtractedSource source, List<Sentence> sentences, float[][] vectors,
			int maxWords) {
		DraftLesson full = LessonWriter.write(plan, source);
		int words = MarkdownChecks.words(full.markdown());
		if (maxWords <= 0 || words <= maxWords) {
			return full;
		}
		Set<Block> blocks = new HashSet<>(plan.blocks());
		List<Sentence> own = sentences.stream()
			.filter(s -> blocks.contains(s.block()) && s.block().is(Block.Kind.PARAGRAPH))
			.toList();
		record Aside(Sentence sentence, String reason, int rank) {
		}
		List<Aside> asides = new ArrayList<>();
		for (int i = 1; i < own.size(); i++) {
			Sentence sentence = own.get(i);
			String text = sentence.text();
			if (!sentence.block().markdown().contains(text)) {
				// formatting inside the sentence: leaving it out would mean rewriting the author's Markdown
				continue;
			}
			if (PARENTHETICAL.matcher(text).matches()) {
				asides.add(new Aside(sentence, "an aside in brackets", 0));
			}
			else if (EXAMPLE.matcher(text).matches()) {
				asides.add(new Aside(sentence, "an example", 1));
			}
			else if (MUST_STAY.matcher(text).find() || !Quantities.in(text).isEmpty()) {
				continue;
			}
			else if (REMARK.matcher(text).matches()) {
				asides.add(new Aside(sentence, "a remark", 2));
			}
			else if (RESTATEMENT.matcher(text).matches() || restates(sentence, own.subList(0, i), vectors)) {
				asides.add(new Aside(sentence, "says again what the lesson already says", 3));
			}
		}
		// the least needed first; among equals, from the end of the lesson
		asides.sort(Comparator.comparingInt(Aside::rank).thenComparing(a -> -a.sentence().index()));
		Map<Block, List<Sentence>> leftOut = new HashMap<>();
		List<DraftLesson.CutPassage> cut = new ArrayList<>();
		DraftLesson condensed = full;
		for (Aside aside : asides) {
			if (words <= maxWords) {
				break;
			}
			leftOut.computeIfAbsent(aside.sentence().block(), b -> new ArrayList<>()).add(aside.sentence());
			cut.add(new DraftLesson.CutPassage(aside.sentence().text(), aside.reason(), aside.sentence().citation()));
			condensed = LessonWriter.write(without(plan, leftOut), source);
			words = MarkdownChecks.words(condensed.markdown());
		}
		if (cut.isEmpty()) {
			return full;
		}
		cut.sort(Comparator.comparingInt(c -> c.citation().start()));
		return new DraftLesson(condensed.title(), condensed.markdown(), full.citations(), cut);
	}

	private static boolean restates(Sentence sentence, List<Sentence> earlier, float[][] vectors) {
		if (sentence.index() >= vectors.length) {
			return false;
		}
		return earlier.stream().anyMatch(e -> e.index() < vectors.length
				&& Embedder.cosine(vectors[e.index()], vectors[sentence.index()]) >= SAME_POINT);
	}

	/** The lesson's blocks with the given sentences taken out of their paragraphs; text and spans stay the source's. */
	private static Outline.LessonPlan without(Outline.LessonPlan plan, Map<Block, List<Sentence>> leftOut) {
		List<Block> blocks = new ArrayList<>();
		for (Block block : plan.blocks()) {
			List<Sentence> out = leftOut.get(block);
			if (out == null) {
				blocks.add(block);
				continue;
			}
			String markdown = block.markdown();
			for (Sentence sentence : out) {
				markdown = markdown.replace(sentence.text(), "");
			}
			markdown = markdown.replaceAll("[ \\t]{2,}", " ").strip();
			if (!markdown.isEmpty()) {
				blocks.add(new Block(block.kind(), block.level(), block.ordered(), block.text(), markdown, block.cells(),
						block.bold(), block.locator(), block.start(), block.end(), block.cues()));
			}
		}
		return new Outline.LessonPlan(plan.title(), blocks, plan.heading());
	}
}
