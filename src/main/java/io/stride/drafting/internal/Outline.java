package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Modules and lessons from a source's own structure: its headings where it has them, otherwise topic shifts
 * found by comparing the embeddings of neighbouring sentence windows.
 */
final class Outline {

	/**
	 * @param heading the source heading that opened the lesson, if any; kept so that merged lessons show it
	 */
	/** The name of the opening part of a document, before its first heading; the engine names it in the document's language. */
	static final String INTRODUCTION = "Introduction";

	record LessonPlan(String title, List<Block> blocks, Block heading) {

		LessonPlan(String title, List<Block> blocks) {
			this(title, blocks, null);
		}

		int words() {
			return blocks.stream().filter(b -> !b.is(Block.Kind.HEADING)).mapToInt(b -> Words.count(b.text())).sum();
		}
	}

	static final int MIN_LESSON_WORDS = 250;

	record ModulePlan(String title, List<LessonPlan> lessons, ExtractedSource source) {

		List<Block> blocks() {
			List<Block> all = new ArrayList<>();
			lessons.forEach(lesson -> all.addAll(lesson.blocks()));
			return all;
		}

		int words() {
			return blocks().stream().mapToInt(b -> Words.count(b.text())).sum();
		}
	}

	record Result(String title, List<ModulePlan> modules, boolean segmentedByTopic) {
	}

	static final int MAX_MODULES = 8;

	static final int LESSON_WORDS = 400;

	private Outline() {
	}

	static Result of(ExtractedSource source, List<Sentence> sentences, float[][] vectors, int firstSentence,
			List<KeyPhrases.Term> terms) {
		List<Block> headings = source.blocks().stream().filter(b -> b.is(Block.Kind.HEADING)).toList();
		String title = null;
		if (!headings.isEmpty()) {
			int top = headings.stream().mapToInt(Block::level).min().orElse(1);
			long atTop = headings.stream().filter(h -> h.level() == top).count();
			if (atTop == 1 && headings.size() > 1) {
				title = headings.stream().filter(h -> h.level() == top).findFirst().orElseThrow().text();
			}
		}
		int moduleLevel = moduleLevelOf(headings, title);
		long moduleHeadings = headings.stream().filter(h -> h.level() == moduleLevel).count();
		boolean deck = isDeck(source);
		if (deck && moduleHeadings >= 1) {
			// a deck is named by its title slide (an h1) alone: a first content slide's title names only that slide
			String named = title != null ? title : headings.stream().filter(h -> h.level() == 1).map(Block::text).findFirst().orElse(null);
			return new Result(named, group(byHeadings(source, moduleLevel, named, true)), false);
		}
		if (moduleHeadings >= 2) {
			return new Result(title != null ? title : leadingHeading(source),
					group(byHeadings(source, moduleLevel, title, false)), false);
		}
		List<ModulePlan> segmented = byTopic(source, sentences, vectors, firstSentence, terms, title);
		return new Result(title != null ? title : leadingHeading(source), segmented, true);
	}

	/** A slide deck, read by {@link Slides}: each slide's title is a heading, its speaker notes are notes. */
	static boolean isDeck(ExtractedSource source) {
		return source.name().toLowerCase(Locale.ROOT).endsWith(".pptx");
	}

	/** A document that opens with a heading is named by it. */
	private static String leadingHeading(ExtractedSource source) {
		return !source.blocks().isEmpty() && source.blocks().get(0).is(Block.Kind.HEADING) ? source.blocks().get(0).text() : null;
	}

	private static int moduleLevelOf(List<Block> headings, String title) {
		if (headings.isEmpty()) {
			return 0;
		}
		int top = headings.stream().mapToInt(Block::level).min().orElse(1);
		if (title != null) {
			return headings.stream().mapToInt(Block::level).filter(l -> l > top).min().orElse(top + 1);
		}
		return top;
	}

	/**
	 * @param deck whether the source is a slide deck: then each slide is a lesson of its own, never merged with its
	 *        neighbours, and the title slide's own text (a subtitle, a presenter's name) is the cover, not a lesson;
	 *        its speaker notes, if any, still are
	 */
	private static List<ModulePlan> byHeadings(ExtractedSource source, int moduleLevel, String title, boolean deck) {
		List<ModulePlan> modules = new ArrayList<>();
		String moduleTitle = null;
		List<LessonPlan> lessons = new ArrayList<>();
		String lessonTitle = null;
		Block lessonHeading = null;
		List<Block> blocks = new ArrayList<>();
		boolean titleSkipped = false;
		String cover = null;
		for (Block block : source.blocks()) {
			if (block.is(Block.Kind.HEADING) && block.level() < moduleLevel) {
				if (!titleSkipped && block.text().equals(title)) {
					titleSkipped = true;
					cover = deck ? block.locator() : null;
					continue;
				}
			}
			if (cover != null && moduleTitle == null && !block.is(Block.Kind.HEADING) && !block.is(Block.Kind.NOTE)
					&& block.locator().equals(cover)) {
				continue;
			}
			if (block.is(Block.Kind.HEADING) && block.level() <= moduleLevel) {
				closeLesson(lessons, lessonTitle, blocks, moduleTitle, lessonHeading);
				closeModule(modules, moduleTitle, lessons, source, deck);
				moduleTitle = block.text();
				lessons = new ArrayList<>();
				lessonTitle = null;
				lessonHeading = null;
				blocks = new ArrayList<>();
			}
			else if (block.is(Block.Kind.HEADING) && block.level() == moduleLevel + 1) {
				closeLesson(lessons, lessonTitle, blocks, moduleTitle, lessonHeading);
				lessonTitle = block.text();
				lessonHeading = block;
				blocks = new ArrayList<>();
			}
			else {
				blocks.add(block);
			}
		}
		closeLesson(lessons, lessonTitle, blocks, moduleTitle, lessonHeading);
		closeModule(modules, moduleTitle, lessons, source, deck);
		return modules;
	}

	static String clean(String title) {
		return title == null ? null : title.replaceFirst("(?i)^slide\\s*\\d+\\s*[:.–-]\\s*", "").strip();
	}

	private static void closeLesson(List<LessonPlan> lessons, String title, List<Block> blocks, String moduleTitle,
			Block heading) {
		title = clean(title);
		moduleTitle = clean(moduleTitle);
		if (blocks.stream().anyMatch(b -> !b.is(Block.Kind.HEADING))) {
			lessons.add(new LessonPlan(title != null ? title : moduleTitle != null ? moduleTitle : INTRODUCTION,
					List.copyOf(blocks), heading));
		}
	}

	/** Short sections are read together: neighbours merge until a lesson has a sitting's worth of text. */
	private static List<LessonPlan> mergeShort(List<LessonPlan> lessons) {
		List<LessonPlan> merged = new ArrayList<>();
		for (LessonPlan lesson : lessons) {
			LessonPlan last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && last.words() < MIN_LESSON_WORDS && last.words() + lesson.words() <= LESSON_WORDS) {
				List<Block> blocks = new ArrayList<>(last.blocks());
				if (lesson.heading() != null) {
					blocks.add(lesson.heading());
				}
				blocks.addAll(lesson.blocks());
				String title = last.title().equals(lesson.title()) ? last.title() : last.title() + " · " + lesson.title();
				merged.set(merged.size() - 1, new LessonPlan(title.length() > 120 ? last.title() : title, blocks, last.heading()));
			}
			else {
				merged.add(lesson);
			}
		}
		return merged;
	}

	private static void closeModule(List<ModulePlan> modules, String title, List<LessonPlan> lessons,
			ExtractedSource source, boolean deck) {
		if (lessons.isEmpty()) {
			return;
		}
		List<LessonPlan> split = new ArrayList<>();
		// a slide is short by nature, and its title is the author's own division: slides are not read together
		for (LessonPlan lesson : deck ? lessons : mergeShort(lessons)) {
			split.addAll(splitLong(lesson));
		}
		modules.add(new ModulePlan(title != null ? clean(title) : INTRODUCTION, split, source));
	}

	/** A lesson much longer than a sitting is cut at paragraph boundaries into numbered parts. */
	private static List<LessonPlan> splitLong(LessonPlan lesson) {
		int words = lesson.blocks().stream().mapToInt(b -> Words.count(b.text())).sum();
		if (words <= LESSON_WORDS * 1.5) {
			return List.of(lesson);
		}
		List<LessonPlan> parts = new ArrayList<>();
		List<Block> current = new ArrayList<>();
		int count = 0;
		for (int i = 0; i < lesson.blocks().size(); i++) {
			Block block = lesson.blocks().get(i);
			current.add(block);
			count += Words.count(block.text());
			boolean atBoundary = i + 1 == lesson.blocks().size() || !lesson.blocks().get(i + 1).is(block.kind())
					|| block.is(Block.Kind.PARAGRAPH);
			if (count >= LESSON_WORDS && atBoundary) {
				parts.add(new LessonPlan(lesson.title(), List.copyOf(current)));
				current.clear();
				count = 0;
			}
		}
		if (!current.isEmpty()) {
			parts.add(new LessonPlan(lesson.title(), List.copyOf(current)));
		}
		if (parts.size() == 1) {
			return parts;
		}
		List<LessonPlan> numbered = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			numbered.add(new LessonPlan(lesson.title() + " (" + (i + 1) + " of " + parts.size() + ")", parts.get(i).blocks()));
		}
		return numbered;
	}

	/** Many small modules (e.g. one per slide) are gathered into at most {@link #MAX_MODULES}. */
	private static List<ModulePlan> group(List<ModulePlan> modules) {
		if (modules.size() <= MAX_MODULES) {
			return modules;
		}
		int size = (modules.size() + MAX_MODULES - 1) / MAX_MODULES;
		List<ModulePlan> grouped = new ArrayList<>();
		for (int i = 0; i < modules.size(); i += size) {
			List<ModulePlan> part = modules.subList(i, Math.min(modules.size(), i + size));
			List<LessonPlan> lessons = new ArrayList<>();
			for (ModulePlan module : part) {
				for (LessonPlan lesson : module.lessons()) {
					lessons.add(lesson.title().equals(module.title()) || module.lessons().size() == 1
							? new LessonPlan(module.title(), lesson.blocks()) : lesson);
				}
			}
			grouped.add(new ModulePlan(part.get(0).title(), lessons, part.get(0).source()));
		}
		return grouped;
	}

	private static List<ModulePlan> byTopic(ExtractedSource source, List<Sentence> sentences, float[][] vectors,
			int first, List<KeyPhrases.Term> terms, String title) {
		List<Block> body = source.blocks().stream().filter(b -> !b.is(Block.Kind.HEADING)).toList();
		int words = source.words();
		int wanted = sentences.size() < 8 ? 1 : Math.max(2, Math.min(6, Math.round(words / 180f)));
		List<Integer> cuts = new ArrayList<>();
		if (wanted > 1) {
			int window = 3;
			record Gap(int after, double similarity) {
			}
			List<Gap> gaps = new ArrayList<>();
			for (int i = window - 1; i < sentences.size() - window; i++) {
				if (sentences.get(i).block() == sentences.get(i + 1).block()) {
					continue;
				}
				double similarity = Embedder.cosine(mean(vectors, first + i - window + 1, first + i + 1),
						mean(vectors, first + i + 1, first + i + 1 + window));
				gaps.add(new Gap(i, similarity));
			}
			gaps.sort(Comparator.comparingDouble(Gap::similarity).thenComparingInt(Gap::after));
			for (Gap gap : gaps) {
				if (cuts.size() == wanted - 1) {
					break;
				}
				if (cuts.stream().allMatch(c -> Math.abs(c - gap.after()) >= 3)) {
					cuts.add(gap.after());
				}
			}
			cuts.sort(Integer::compare);
		}
		List<ModulePlan> modules = new ArrayList<>();
		List<Block> current = new ArrayList<>();
		int cut = 0;
		Set<String> usedTitles = new HashSet<>();
		for (Block block : body) {
			current.add(block);
			boolean endsSegment = cut < cuts.size() && sentences.get(cuts.get(cut)).block() == block;
			if (endsSegment) {
				modules.add(topicModule(source, current, terms, usedTitles, modules.size()));
				current = new ArrayList<>();
				cut++;
			}
		}
		if (!current.isEmpty()) {
			modules.add(topicModule(source, current, terms, usedTitles, modules.size()));
		}
		return modules;
	}

	private static ModulePlan topicModule(ExtractedSource source, List<Block> blocks, List<KeyPhrases.Term> terms,
			Set<String> used, int number) {
		String text = String.join(" ", blocks.stream().map(Block::text).toList());
		String title = null;
		for (int pass = 0; pass < 2 && title == null; pass++) {
			for (KeyPhrases.Term term : terms) {
				boolean fits = pass == 1 || term.text().contains(" ");
				if (fits && term.answerable() && Words.containsTerm(text, term.text()) && used.add(Words.lower(term.text()))) {
					title = Words.capitalize(term.text());
					break;
				}
			}
		}
		if (title == null) {
			title = "Part " + (number + 1);
		}
		LessonPlan lesson = new LessonPlan(title, List.copyOf(blocks));
		return new ModulePlan(title, splitLong(lesson), source);
	}

	private static float[] mean(float[][] vectors, int from, int to) {
		float[] sum = new float[vectors[from].length];
		for (int i = from; i < to; i++) {
			for (int d = 0; d < sum.length; d++) {
				sum[d] += vectors[i][d];
			}
		}
		double norm = 0;
		for (float v : sum) {
			norm += v * v;
		}
		norm = Math.sqrt(norm);
		for (int d = 0; d < sum.length; d++) {
			sum[d] /= (float) (norm == 0 ? 1 : norm);
		}
		return sum;
	}
}
