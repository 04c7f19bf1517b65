package io.stride.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.stride.drafting.CorpusManifest;
import io.stride.drafting.CourseDraft;
import io.stride.drafting.DraftModule;
import io.stride.drafting.DraftQuestion;
import io.stride.drafting.SourceFile;
import io.stride.drafting.internal.Embedder;
import io.stride.drafting.internal.ExtractedSource;
import io.stride.drafting.internal.OfflineEngine;
import io.stride.drafting.internal.SourceReader;

/**
 * Drafts every document of the test corpora (the unseen corpus with its manifest, and the older files in
 * src/test/resources/corpus) through the offline engine and prints, per document, what a reviewer of the draft's
 * quality looks at first, then the totals against the targets of issue 13. Run with {@code bench/draft-quality.sh};
 * not a test.
 *
 * <p>Usage: {@code [--runs N] [--warmup N] [--show FILE]}; {@code --show} prints one document's draft questions
 * verbatim instead of the table.
 */
public final class DraftQualityBench {

	static final Path OLD_CORPUS = Path.of("src/test/resources/corpus");

	static final Path BIG = OLD_CORPUS.resolve("handbook-8000.md");

	/** Markdown or HTML markup that has no place in a question's stem or key. */
	static final Pattern MARKUP = Pattern.compile("(?:^|\\s)#+[\\s\\p{L}]|\\*\\*|__|\\[[^\\]]*]\\([^)]*\\)|<[a-zA-Z/][^>]*>"
			+ "|\\{\\{|\\{%|\\||`|· ");

	static final Map<String, String> KINDS = new LinkedHashMap<>();

	static {
		KINDS.put("SINGLE_CHOICE", "single");
		KINDS.put("MULTIPLE_CHOICE", "multi");
		KINDS.put("TRUE_FALSE", "t/f");
		KINDS.put("ORDERING", "order");
		KINDS.put("MATCHING", "match");
		KINDS.put("NUMERIC", "num");
	}

	private final SourceReader reader = new SourceReader(20 << 20, 300, 600_000, 30);

	private final OfflineEngine engine = new OfflineEngine(new Embedder());

	record Row(String file, int words, Map<String, Integer> kinds, int questions, int cloze, int repeats, String repeated,
			int trueKeys, int falseKeys, int markup, String structure, boolean structureChecked, boolean structureRight,
			long p50) {
	}

	public static void main(String[] args) throws Exception {
		int runs = 5;
		int warmup = 2;
		String show = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--runs" -> runs = Integer.parseInt(args[++i]);
				case "--warmup" -> warmup = Integer.parseInt(args[++i]);
				case "--show" -> show = args[++i];
				default -> throw new IllegalArgumentException("unknown argument " + args[i]
						+ "; usage: [--runs N] [--warmup N] [--show FILE]");
			}
		}
		DraftQualityBench bench = new DraftQualityBench();
		if (show != null) {
			bench.show(Path.of(show));
			return;
		}
		bench.table(warmup, runs);
	}

	private void table(int warmup, int runs) throws IOException {
		CorpusManifest manifest = CorpusManifest.read();
		List<Row> rows = new ArrayList<>();
		System.out.printf("%-36s %5s  %-44s %5s %3s %-7s %6s  %7s  %s%n", "document", "words", "questions by kind",
				"cloze", "rep", "t/f", "markup", "p50 ms", "title, modules");
		System.out.printf("(rep: the most times one answer is a key; t/f: true/false questions keyed true/false; markup: questions "
				+ "with markup in the stem or key; p50 over %d runs after %d warm-up, handbook-8000.md 15 after 5)%n", runs, warmup);
		for (CorpusManifest.Document document : manifest.documents()) {
			for (CorpusManifest.File file : document.files()) {
				rows.add(print(measure(CorpusManifest.DIRECTORY.resolve(file.name()), document, file, warmup, runs)));
			}
		}
		List<Path> old;
		try (Stream<Path> files = Files.list(OLD_CORPUS)) {
			old = files.filter(Files::isRegularFile).sorted().toList();
		}
		for (Path file : old) {
			boolean big = file.equals(BIG);
			rows.add(print(measure(file, null, null, big ? 5 : warmup, big ? 15 : runs)));
		}
		int questions = rows.stream().mapToInt(Row::questions).sum();
		int cloze = rows.stream().mapToInt(Row::cloze).sum();
		int markup = rows.stream().mapToInt(Row::markup).sum();
		Row mostRepeated = rows.stream().max(java.util.Comparator.comparingInt(Row::repeats)).orElseThrow();
		long overTwice = rows.stream().filter(r -> r.repeats() > 2).count();
		int trueKeys = rows.stream().mapToInt(Row::trueKeys).sum();
		int falseKeys = rows.stream().mapToInt(Row::falseKeys).sum();
		List<Row> checked = rows.stream().filter(Row::structureChecked).toList();
		long right = checked.stream().filter(Row::structureRight).count();
		long bigP50 = rows.stream().filter(r -> r.file().equals(BIG.getFileName().toString())).findFirst().orElseThrow().p50();
		Map<String, Integer> kinds = new TreeMap<>();
		rows.forEach(r -> r.kinds().forEach((k, n) -> kinds.merge(k, n, Integer::sum)));
		System.out.println();
		System.out.printf("totals: %d documents, %d questions (%s); true/false keys %d true, %d false%n", rows.size(),
				questions, kinds, trueKeys, falseKeys);
		System.out.printf("documents over 40%% cloze: %d; documents with an answer keyed more than twice: %d%n",
				rows.stream().filter(r -> r.questions() > 0 && r.cloze() * 100 >= 40 * r.questions()).count(), overTwice);
		System.out.println("targets:");
		target("cloze share under 40%", cloze * 100 < 40 * Math.max(1, questions),
				percent(cloze, questions) + " of " + questions + " questions");
		target("no markup in any stem or key", markup == 0, markup + " questions with markup");
		target("no answer keyed more than twice", mostRepeated.repeats() <= 2, "most: " + mostRepeated.repeats() + "× “"
				+ mostRepeated.repeated() + "” in " + mostRepeated.file());
		target("titles and modules right", right == checked.size(), right + " of " + checked.size()
				+ " files with headings (awaiting files included)");
		target("p50 under 1 s for handbook-8000.md", bigP50 < 1000, bigP50 + " ms");
	}

	private static void target(String name, boolean pass, String figure) {
		System.out.printf("  %-4s %-34s %s%n", pass ? "PASS" : "FAIL", name, figure);
	}

	private static String percent(int part, int whole) {
		return whole == 0 ? "-" : Math.round(100.0 * part / whole) + "%";
	}

	private Row measure(Path path, CorpusManifest.Document document, CorpusManifest.File file, int warmup, int runs)
			throws IOException {
		SourceFile source = new SourceFile(path.getFileName().toString(), Files.readAllBytes(path));
		ExtractedSource extracted = reader.read(source);
		for (int i = 0; i < warmup; i++) {
			engine.draft(List.of(reader.read(source)));
		}
		long[] millis = new long[Math.max(1, runs)];
		CourseDraft draft = null;
		for (int i = 0; i < millis.length; i++) {
			long start = System.nanoTime();
			draft = engine.draft(List.of(reader.read(source)));
			millis[i] = (System.nanoTime() - start) / 1_000_000;
		}
		Arrays.sort(millis);
		List<DraftQuestion> questions = draft.allQuestions();
		Map<String, Integer> kinds = new LinkedHashMap<>();
		Map<String, Integer> keys = new HashMap<>();
		int cloze = 0;
		int trueKeys = 0;
		int falseKeys = 0;
		int markup = 0;
		for (DraftQuestion q : questions) {
			kinds.merge(KINDS.getOrDefault(q.kind(), q.kind()), 1, Integer::sum);
			if (q.prompt().contains("_____")) {
				cloze++;
			}
			if (q.kind().equals("TRUE_FALSE")) {
				if (q.correct().equals(List.of(0))) {
					trueKeys++;
				}
				else {
					falseKeys++;
				}
			}
			List<String> answers = answers(q);
			if (!q.kind().equals("TRUE_FALSE") && !q.kind().equals("ORDERING")) {
				answers.forEach(a -> keys.merge(a.toLowerCase(Locale.ROOT).strip(), 1, Integer::sum));
			}
			if (hasMarkup(q.prompt()) || answers.stream().anyMatch(DraftQualityBench::hasMarkup)) {
				markup++;
			}
		}
		Map.Entry<String, Integer> most = keys.entrySet()
			.stream()
			.max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.orElse(Map.entry("-", 0));
		String structure = "n/a";
		boolean checked = false;
		boolean right = false;
		if (document != null && document.hasHeadings()) {
			checked = true;
			List<String> modules = draft.modules().stream().map(DraftModule::title).toList();
			boolean titleRight = document.title().equals(draft.title());
			boolean modulesRight = document.modulesMatch(modules);
			right = titleRight && modulesRight;
			structure = (titleRight ? "title ok" : "TITLE") + (modulesRight ? " mods ok" : " MODS")
					+ (file.awaits() != null ? " (awaits " + file.awaits() + ")" : "");
		}
		return new Row(source.name(), extracted.words(), kinds, questions.size(), cloze, most.getValue(), most.getKey(),
				trueKeys, falseKeys, markup, structure, checked, right, millis[(int) Math.ceil(0.5 * millis.length) - 1]);
	}

	/** Markup in a stem or key; the blank of a fill-in-the-blank question is not markup. */
	static boolean hasMarkup(String text) {
		return MARKUP.matcher(text.replace("_____", " ")).find();
	}

	/** What a question keys as right: the keyed options, a numeric value, or the matched pairs. */
	static List<String> answers(DraftQuestion q) {
		List<String> answers = new ArrayList<>();
		switch (q.kind()) {
			case "NUMERIC" -> answers.add(q.numeric() == null ? "" : q.numeric().value().toPlainString()
					+ (q.numeric().unit() == null ? "" : " " + q.numeric().unit()));
			case "MATCHING" -> {
				for (int i = 0; i < q.correct().size() && i < q.options().size(); i++) {
					int match = q.correct().get(i);
					answers.add(q.options().get(i) + " = " + (match < q.matches().size() ? q.matches().get(match) : "?"));
				}
			}
			default -> q.correct().stream().filter(i -> i < q.options().size()).forEach(i -> answers.add(q.options().get(i)));
		}
		return answers;
	}

	private static Row print(Row row) {
		String kinds = row.kinds()
			.entrySet()
			.stream()
			.map(e -> e.getKey() + " " + e.getValue())
			.reduce((a, b) -> a + ", " + b)
			.orElse("none");
		System.out.printf("%-36s %5d  %-44s %5s %3d %-7s %6d  %7d  %s%n", abbreviate(row.file(), 36), row.words(),
				row.questions() + ": " + kinds, percent(row.cloze(), row.questions()), row.repeats(),
				row.trueKeys() + "T/" + row.falseKeys() + "F", row.markup(), row.p50(), row.structure());
		return row;
	}

	private static String abbreviate(String text, int width) {
		return text.length() <= width ? text : text.substring(0, width - 1) + "…";
	}

	private void show(Path path) throws IOException {
		SourceFile source = new SourceFile(path.getFileName().toString(), Files.readAllBytes(path));
		CourseDraft draft = engine.draft(List.of(reader.read(source)));
		System.out.printf("%s%ntitle: %s%nmodules: %s%n", source.name(), draft.title(),
				draft.modules().stream().map(DraftModule::title).toList());
		int number = 0;
		for (DraftModule module : draft.modules()) {
			System.out.printf("%n== module: %s (knowledge check)%n", module.title());
			for (DraftQuestion q : module.knowledgeCheck()) {
				print(++number, q);
			}
		}
		System.out.printf("%n== final quiz%n");
		for (DraftQuestion q : draft.quiz()) {
			print(++number, q);
		}
	}

	private static void print(int number, DraftQuestion q) {
		boolean markup = hasMarkup(q.prompt()) || answers(q).stream().anyMatch(DraftQualityBench::hasMarkup);
		System.out.printf("%n%d. [%s%s%s] %s%n", number, q.kind(),
				q.score() == null ? "" : String.format(Locale.ROOT, ", score %.2f", q.score()), markup ? ", MARKUP" : "",
				q.prompt());
		switch (q.kind()) {
			case "NUMERIC" -> System.out.printf("   answer: %s%n", answers(q).get(0));
			case "MATCHING" -> answers(q).forEach(pair -> System.out.printf("   %s%n", pair));
			case "ORDERING" -> {
				System.out.printf("   shown: %s%n", q.options());
				System.out.printf("   order: %s%n", q.correct().stream().map(i -> q.options().get(i)).toList());
			}
			default -> {
				for (int i = 0; i < q.options().size(); i++) {
					System.out.printf("   %s %s%n", q.correct().contains(i) ? "[x]" : "[ ]", q.options().get(i));
				}
			}
		}
		if (q.citation() != null) {
			System.out.printf("   cited: %s, %s [%d,%d)%n", q.citation().source(), q.citation().locator(), q.citation().start(),
					q.citation().end());
		}
	}
}
