package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.stride.drafting.Citation;
import io.stride.drafting.CourseDraft;
import io.stride.drafting.DraftModule;
import io.stride.drafting.DraftQuestion;

/**
 * The part of a source one offline module was drafted from: the span its lessons cite, with the blocks in it. A
 * request to the language model holds one slice, and every quote in the answer must be found inside it.
 */
record ModuleSlice(int index, int count, DraftModule offline, ExtractedSource source, int start, int end, List<Block> blocks,
		int part, int parts) {

	/** A quote shorter than this many words must be a whole block (a heading, a list item) to count. */
	static final int MIN_QUOTE_WORDS = 4;

	ModuleSlice {
		blocks = List.copyOf(blocks);
	}

	/** One slice per offline module, in order; empty where a module cites no source text. */
	static List<Optional<ModuleSlice>> of(CourseDraft offline, List<ExtractedSource> sources) {
		List<Optional<ModuleSlice>> slices = new ArrayList<>();
		int count = offline.modules().size();
		for (int i = 0; i < count; i++) {
			DraftModule module = offline.modules().get(i);
			List<Citation> cited = module.lessons().stream().flatMap(l -> l.citations().stream()).toList();
			ExtractedSource source = cited.isEmpty() ? null
					: sources.stream().filter(s -> s.name().equals(cited.get(0).source())).findFirst().orElse(null);
			if (source == null) {
				slices.add(Optional.empty());
				continue;
			}
			List<Citation> own = cited.stream().filter(c -> c.source().equals(source.name())).toList();
			int start = own.stream().mapToInt(Citation::start).min().orElse(0);
			int end = Math.min(source.text().length(), own.stream().mapToInt(Citation::end).max().orElse(0));
			slices.add(Optional.of(new ModuleSlice(i, count, module, source, start, end, blocksIn(source, start, end), 1, 1)));
		}
		return slices;
	}

	private static List<Block> blocksIn(ExtractedSource source, int start, int end) {
		return source.blocks().stream().filter(b -> b.end() > start && b.start() < end).toList();
	}

	/**
	 * This slice in parts of at most {@code max} characters, cut between its lessons' passages (a passage longer than
	 * that between its blocks), so that a long module is sent in several requests instead of not at all. A single
	 * block longer than {@code max} stays a part of its own, longer than {@code max}.
	 */
	List<ModuleSlice> parts(int max) {
		if (characters() <= max) {
			return List.of(this);
		}
		List<int[]> spans = new ArrayList<>();
		offline.lessons()
			.stream()
			.flatMap(l -> l.citations().stream())
			.filter(this::holds)
			.sorted(Comparator.comparingInt(Citation::start))
			.forEach(c -> {
				if (c.end() - c.start() <= max) {
					spans.add(new int[] { c.start(), c.end() });
				}
				else {
					blocksIn(source, c.start(), c.end())
						.forEach(b -> spans.add(new int[] { Math.max(b.start(), c.start()), Math.min(b.end(), c.end()) }));
				}
			});
		List<int[]> grouped = new ArrayList<>();
		for (int[] span : spans) {
			int[] last = grouped.isEmpty() ? null : grouped.get(grouped.size() - 1);
			if (last != null && Math.max(last[1], span[1]) - last[0] <= max) {
				last[1] = Math.max(last[1], span[1]);
			}
			else {
				grouped.add(new int[] { span[0], span[1] });
			}
		}
		List<ModuleSlice> parts = new ArrayList<>();
		for (int i = 0; i < grouped.size(); i++) {
			int from = grouped.get(i)[0];
			int to = grouped.get(i)[1];
			parts.add(new ModuleSlice(index, count, offline, source, from, to, blocksIn(source, from, to), i + 1,
					grouped.size()));
		}
		return parts;
	}

	/** The slice's own text, as extracted: what a wrong option is checked against. */
	String moduleText() {
		return source.text().substring(start, end);
	}

	/** "Module 3 (“Refunds”)" */
	String name() {
		return "Module " + (index + 1) + " (“" + offline.title() + "”)";
	}

	int characters() {
		return end - start;
	}

	boolean holds(Citation citation) {
		return citation != null && citation.source().equals(source.name()) && citation.start() >= start
				&& citation.end() <= end;
	}

	/** The offline questions (knowledge check and final quiz) whose passage lies in this slice. */
	List<DraftQuestion> offlineQuestions(List<DraftQuestion> quiz) {
		List<DraftQuestion> questions = new ArrayList<>(offline.knowledgeCheck());
		quiz.stream().filter(q -> holds(q.citation())).forEach(questions::add);
		return questions;
	}

	/** The module's text for a request: one block a line, each with its offset in the source. */
	String text() {
		StringBuilder text = new StringBuilder();
		for (Block block : blocks) {
			text.append("[@").append(block.start()).append(' ').append(label(block)).append("] ")
				.append(block.text().replace('\n', ' '))
				.append('\n');
		}
		return text.toString();
	}

	private static String label(Block block) {
		return switch (block.kind()) {
			case HEADING -> "heading";
			case LIST_ITEM -> block.ordered() ? "step" : "item";
			case TABLE_ROW -> "row";
			case PARAGRAPH -> "text";
			case NOTE -> "speaker notes";
		};
	}

	/**
	 * Where a quote stands in this slice of the source (whitespace may differ, a copied block marker is ignored);
	 * empty if it is not there word for word.
	 */
	Optional<Citation> locate(String quote) {
		if (quote == null) {
			return Optional.empty();
		}
		String wanted = quote.strip().replaceFirst("^\\[@\\d+[^\\]]{0,12}\\]\\s*", "").replaceAll("\\s+", " ");
		if (wanted.length() < 8) {
			return Optional.empty();
		}
		String text = source.text();
		StringBuilder flat = new StringBuilder();
		List<Integer> positions = new ArrayList<>();
		boolean space = false;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				if (!space) {
					flat.append(' ');
					positions.add(i);
				}
				space = true;
			}
			else {
				flat.append(c);
				positions.add(i);
				space = false;
			}
		}
		int at = flat.indexOf(wanted);
		if (at < 0) {
			return Optional.empty();
		}
		int from = positions.get(at);
		int to = positions.get(at + wanted.length() - 1) + 1;
		if (ModelAnswers.words(wanted).split(" ").length < MIN_QUOTE_WORDS && blocks.stream()
			.noneMatch(b -> ModelAnswers.words(b.text()).equals(ModelAnswers.words(wanted)))) {
			// "the sales manager" stands in many sentences: a short quote is a whole heading or item, or nothing
			return Optional.empty();
		}
		String locator = blocks.stream()
			.filter(b -> b.start() <= from && from < b.end() + 2)
			.map(b -> Transcripts.locator(source, b, from, to))
			.findFirst()
			.orElse("text");
		return Optional.of(new Citation(source.name(), locator, from, to, text.substring(from, to)));
	}
}
