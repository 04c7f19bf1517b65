package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.stride.drafting.CourseDraft;
import io.stride.drafting.DraftLesson;
import io.stride.drafting.DraftModule;
import io.stride.drafting.DraftQuestion;
import io.stride.drafting.DraftWarnings;
import io.stride.drafting.GlossaryEntry;
import io.stride.drafting.QualityPanel;
import io.stride.drafting.SourceRejected;
import org.springframework.stereotype.Component;

/**
 * The built-in drafting engine: no network and no language model, only the in-process embedding model and
 * classic text processing. The same sources always give the same draft.
 */
@Component
public class OfflineEngine {

	private final Embedder embedder;

	public OfflineEngine(Embedder embedder) {
		this.embedder = embedder;
	}

	public CourseDraft draft(List<ExtractedSource> sources) {
		return draft(sources, (step, stage) -> {
		});
	}

	/** Tells {@code progress} each step as it starts (2: reading the text, 3: outline, 4: questions). */
	public CourseDraft draft(List<ExtractedSource> sources, BiConsumer<Integer, String> progress) {
		return draft(sources, progress, QualityPanel.MAX_LESSON_WORDS);
	}

	/** As {@link #draft(List, BiConsumer)}, condensing lessons over {@code wordsPerLesson}. */
	public CourseDraft draft(List<ExtractedSource> sources, BiConsumer<Integer, String> progress,
			int wordsPerLesson) {
		progress.accept(2, "Understanding the text");
		List<String> warnings = new ArrayList<>();
		List<Sentence> sentences = new ArrayList<>();
		List<Integer> firstSentence = new ArrayList<>();
		for (ExtractedSource source : sources) {
			firstSentence.add(sentences.size());
			sentences.addAll(Sentences.of(source, sentences.size()));
		}
		if (sentences.isEmpty()) {
			throw new SourceRejected(422, sources.get(0).name(), "has headings but no sentences to teach from.");
		}
		// the sentences are embedded on the model's threads while this one finds what needs no vectors
		Embedder.Pending sentenceVectors = startVectors(sentences);
		DocumentLanguage.Detected language = DocumentLanguage.of(sources.stream().map(ExtractedSource::text)
			.collect(Collectors.joining("\n")));
		if (!language.supported()) {
			warnings.add(DraftWarnings.language(sources.get(0).name(), language.tag())
				.orElse("The source is in " + language.name() + "; Stride drafts questions in English, German, French, "
						+ "Spanish and Dutch.") + " Its lessons are drafted; write the questions and objectives yourself.");
		}
		Wording wording = Wording.of(language.supported() ? language.language() : DocumentLanguage.Language.ENGLISH);
		List<Definitions.Definition> definitions = Definitions.find(sentences);
		List<Block> headings = sources.stream().flatMap(s -> s.blocks().stream()).filter(b -> b.is(Block.Kind.HEADING)).toList();
		List<KeyPhrases.Term> terms = KeyPhrases.extract(sentences, definitions, headings, 60);
		Embedder.Pending pendingTerms = embedder.start(terms.stream().map(KeyPhrases.Term::text).toList());
		List<Quantities.Quantity> quantities = new ArrayList<>();
		sentences.forEach(s -> quantities.addAll(Quantities.in(s.text())));
		float[][] vectors = vectors(sentences, sentenceVectors);
		double[] centrality = centrality(vectors);
		float[][] termVectors = pendingTerms.get();

		progress.accept(3, "Finding modules and lessons");
		List<Outline.ModulePlan> plans = new ArrayList<>();
		List<String> headingTitles = new ArrayList<>();
		for (int i = 0; i < sources.size(); i++) {
			ExtractedSource source = sources.get(i);
			List<Sentence> own = sentences.stream().filter(s -> s.source() == source).toList();
			Outline.Result outline = Outline.of(source, own, vectors, firstSentence.get(i), terms);
			headingTitles.add(outline.title());
			if (outline.segmentedByTopic() && outline.modules().size() > 1) {
				warnings.add("\"" + source.name() + "\" has no headings to follow, so its modules were found by topic; check their titles.");
			}
			plans.addAll(outline.modules());
		}
		List<QuestionMaker.ListGroup> lists = new ArrayList<>();
		for (Outline.ModulePlan plan : plans) {
			lists.addAll(listGroups(plan));
		}
		QuestionMaker maker = new QuestionMaker(terms, termVectors, quantities, definitions, lists, sentences, vectors)
			.in(wording);
		progress.accept(4, "Writing lessons and questions");

		Importance importance = new Importance(centrality, definedIn(definitions));
		QuestionScore scorer = new QuestionScore(importance, meaningVectors(sentences, vectors, terms, termVectors, definitions));
		String courseTitle = CourseTitle.of(sources, headingTitles);
		// the course's own text (glossary, objectives, summary) is written alongside the modules
		AtomicReference<CourseWords> courseWords = new AtomicReference<>();
		Runnable writeCourseWords = () -> {
			List<GlossaryEntry> glossary = Glossary.of(definitions, sentences);
			List<String> objectives = !language.supported() ? List.of()
					: language.language() == DocumentLanguage.Language.ENGLISH
							? Objectives.of(plans, sentences, centrality, glossary, courseTitle)
							: Objectives.inLanguage(plans, glossary, wording);
			courseWords.set(new CourseWords(glossary, objectives, CourseSummary.summary(sources, sentences, centrality)));
		};
		// modules are written side by side (the embeddings kept every core busy; this part would use one)
		List<ModuleWork> work = SideBySide.map(plans, plan -> plan.blocks().size(), plan -> {
			Set<Block> blocks = new HashSet<>(plan.blocks());
			List<Sentence> own = sentences.stream().filter(s -> blocks.contains(s.block())).toList();
			List<DraftLesson> lessons = plan.lessons().stream()
				.map(lesson -> LessonCondenser.write(lesson, plan.source(), sentences, vectors, wordsPerLesson))
				.toList();
			// no questions in a language Stride does not draft in, rather than English questions about it
			List<QuestionMaker.Candidate> candidates = !language.supported() ? List.of() : maker.candidates(own, centrality,
					lists.stream().filter(g -> blocks.contains(g.items().get(0))).toList());
			return new ModuleWork(lessons, CourseSummary.takeaways(own, centrality),
					new QuestionSelection.ModuleCandidates(plan.title(), own, candidates));
		}, writeCourseWords);
		List<QuestionSelection.ModuleCandidates> perModule = work.stream().map(ModuleWork::candidates).toList();
		int words = sources.stream().mapToInt(ExtractedSource::words).sum();
		int quizSize = words > 2000 ? Math.max(8, Math.min(15, plans.size() * 2)) : Math.min(8, Math.max(5, plans.size() * 2));
		QuestionSelection.Selected selected = new QuestionSelection(scorer, importance).select(perModule, quizSize);
		List<DraftModule> modules = new ArrayList<>();
		// the opening module the outline names "Introduction" is named in the document's language (after the course
		// itself where Stride does not speak it)
		String introduction = language.supported() ? wording.label("introduction") : courseTitle;
		UnaryOperator<String> named = t -> t.equals(Outline.INTRODUCTION) ? introduction : t;
		for (int m = 0; m < plans.size(); m++) {
			List<DraftLesson> lessons = work.get(m).lessons().stream()
				.map(l -> new DraftLesson(named.apply(l.title()), l.markdown(), l.citations(), l.cut()))
				.toList();
			modules.add(new DraftModule(named.apply(plans.get(m).title()), work.get(m).takeaways(), lessons,
					selected.checks().get(m), selected.untested().get(m)));
		}
		List<DraftQuestion> quiz = selected.quiz();
		if (words > 2000 && quiz.size() < 8) {
			warnings.add("Only " + quiz.size() + " final-quiz questions could be made from the source; add a few by hand.");
		}
		if (language.supported() && modules.stream().anyMatch(m -> m.knowledgeCheck().size() < 2)) {
			warnings.add("Some modules have fewer than two knowledge-check questions: their text has few facts to ask about.");
		}
		int questions = quiz.size() + modules.stream().mapToInt(m -> m.knowledgeCheck().size()).sum();
		int minutes = Math.max(3, (int) Math.ceil(words / 200.0) + (int) Math.ceil(questions / 2.0));
		CourseWords text = courseWords.get();
		return new CourseDraft(draftId(sources), courseTitle, Audience.of(sources, courseTitle), text.objectives(), minutes,
				text.summary(), modules, quiz, text.glossary(), "offline", warnings, language.tag());
	}

	private record CourseWords(List<GlossaryEntry> glossary, List<String> objectives, String summary) {
	}

	/**
	 * Other questions from the passage around {@code passage} (the sentence a question was drafted from), best
	 * first: those citing the passage itself, then the rest of its block, then the rest of the source.
	 */
	public List<DraftQuestion> alternatives(ExtractedSource source, String passage, int max) {
		List<Sentence> sentences = Sentences.of(source, 0);
		if (sentences.isEmpty()) {
			return List.of();
		}
		Embedder.Pending sentenceVectors = startVectors(sentences);
		List<Definitions.Definition> definitions = Definitions.find(sentences);
		List<Block> headings = source.blocks().stream().filter(b -> b.is(Block.Kind.HEADING)).toList();
		List<KeyPhrases.Term> terms = KeyPhrases.extract(sentences, definitions, headings, 60);
		Embedder.Pending pendingTerms = embedder.start(terms.stream().map(KeyPhrases.Term::text).toList());
		List<Quantities.Quantity> quantities = new ArrayList<>();
		sentences.forEach(s -> quantities.addAll(Quantities.in(s.text())));
		float[][] vectors = vectors(sentences, sentenceVectors);
		double[] centrality = centrality(vectors);
		float[][] termVectors = pendingTerms.get();
		List<QuestionMaker.ListGroup> lists = listGroups(new Outline.ModulePlan("all",
				List.of(new Outline.LessonPlan("this passage", source.blocks())), source));
		DocumentLanguage.Detected language = DocumentLanguage.of(source.text());
		if (!language.supported()) {
			return List.of();
		}
		QuestionMaker maker = new QuestionMaker(terms, termVectors, quantities, definitions, lists, sentences, vectors)
			.in(Wording.of(language.language()));
		QuestionScore scorer = new QuestionScore(new Importance(centrality, definedIn(definitions)),
				meaningVectors(sentences, vectors, terms, termVectors, definitions));
		String wanted = passage == null ? "" : passage.strip();
		List<QuestionMaker.Candidate> candidates = new ArrayList<>(maker.candidates(sentences, centrality, lists).stream()
			.filter(c -> scorer.judge(c, null, sentences).isPresent())
			.toList());
		Block home = sentences.stream().filter(s -> !wanted.isEmpty() && (s.text().contains(wanted) || wanted.contains(s.text())
				|| s.text().startsWith(wanted.substring(0, Math.min(60, wanted.length())))))
			.map(Sentence::block).findFirst().orElse(null);
		candidates.sort(Comparator.comparingInt((QuestionMaker.Candidate c) -> {
			String cited = c.question().citation().text();
			if (!wanted.isEmpty() && (cited.contains(wanted) || wanted.contains(cited)
					|| cited.startsWith(wanted.substring(0, Math.min(60, wanted.length()))))) {
				return 0;
			}
			return home != null && c.question().citation().start() >= home.start() && c.question().citation().end() <= home.end() ? 1 : 2;
		}));
		return candidates.stream().map(QuestionMaker.Candidate::question).limit(max).toList();
	}

	/**
	 * Rows {@code [from, to)} of an upper triangle of {@code n} rows in about {@code count} bands of equal area, each
	 * as {from, to, area}.
	 */
	static List<int[]> bands(int n, int count) {
		List<int[]> bands = new ArrayList<>();
		long total = (long) n * (n - 1) / 2;
		long share = Math.max(1, total / Math.max(1, count));
		int from = 0;
		long area = 0;
		for (int i = 0; i < n; i++) {
			area += n - 1 - i;
			if (area >= share || i == n - 1) {
				bands.add(new int[] { from, i + 1, (int) Math.min(Integer.MAX_VALUE, area) });
				from = i + 1;
				area = 0;
			}
		}
		return bands;
	}

	private record ModuleWork(List<DraftLesson> lessons, List<String> takeaways,
			QuestionSelection.ModuleCandidates candidates) {
	}

	/** At most this many sentences are embedded and ranked; the rest get a neutral vector (memory stays bounded). */
	static final int MAX_SENTENCES = 2500;

	private Embedder.Pending startVectors(List<Sentence> sentences) {
		return embedder.start(sentences.subList(0, Math.min(sentences.size(), MAX_SENTENCES)).stream().map(Sentence::text).toList());
	}

	/** The vectors of all sentences: those started, and a neutral one for each beyond {@link #MAX_SENTENCES}. */
	private static float[][] vectors(List<Sentence> sentences, Embedder.Pending started) {
		int embedded = Math.min(sentences.size(), MAX_SENTENCES);
		float[][] some = started.get();
		if (embedded == sentences.size()) {
			return some;
		}
		float[][] all = new float[sentences.size()][];
		System.arraycopy(some, 0, all, 0, embedded);
		float[] neutral = new float[Embedder.DIMENSION];
		for (int i = embedded; i < all.length; i++) {
			all[i] = neutral;
		}
		return all;
	}

	/** PageRank over sentence similarity: sentences many others resemble carry the source's main points. */
	static double[] centrality(float[][] all) {
		// beyond the cap every sentence ranks 0; the square matrix stays within MAX_SENTENCES²
		float[][] vectors = all.length > MAX_SENTENCES ? Arrays.copyOf(all, MAX_SENTENCES) : all;
		int n = vectors.length;
		// similarity is symmetric: each pair is compared once (bands of rows side by side, each writing only its
		// own pairs); weights below 0.1 count as unrelated
		float[] weights = new float[n * n];
		SideBySide.map(bands(n, 16), band -> band[2], band -> {
			for (int i = band[0]; i < band[1]; i++) {
				for (int j = i + 1; j < n; j++) {
					float similarity = Embedder.cosine(vectors[i], vectors[j]);
					if (similarity > 0.1f) {
						weights[i * n + j] = similarity;
						weights[j * n + i] = similarity;
					}
				}
			}
			return band;
		});
		double[] outSum = new double[n];
		for (int i = 0; i < n; i++) {
			int row = i * n;
			for (int j = 0; j < n; j++) {
				outSum[i] += weights[row + j];
			}
		}
		// row j holds what flows into sentence j from each sentence i, so that an iteration reads memory in order
		for (int j = 0; j < n; j++) {
			int row = j * n;
			for (int i = 0; i < n; i++) {
				if (weights[row + i] != 0) {
					weights[row + i] = (float) (weights[row + i] / outSum[i]);
				}
			}
		}
		double[] rank = new double[n];
		Arrays.fill(rank, 1.0 / Math.max(1, n));
		double[] next = new double[n];
		for (int iteration = 0; iteration < 20; iteration++) {
			for (int j = 0; j < n; j++) {
				int row = j * n;
				double sum = 0;
				for (int i = 0; i < n; i++) {
					sum += weights[row + i] * rank[i];
				}
				next[j] = 0.15 / n + 0.85 * sum;
			}
			double[] swap = rank;
			rank = next;
			next = swap;
		}
		double max = Arrays.stream(rank).max().orElse(1);
		double[] result = new double[all.length];
		for (int i = 0; i < n; i++) {
			result[i] = rank[i] / max;
		}
		return result;
	}

	/** Runs of list items, each named after the nearest heading above it (else its lesson). */
	private static List<QuestionMaker.ListGroup> listGroups(Outline.ModulePlan plan) {
		List<QuestionMaker.ListGroup> groups = new ArrayList<>();
		for (Outline.LessonPlan lesson : plan.lessons()) {
			List<Block> run = new ArrayList<>();
			// a lesson several short sections were merged into is titled "A · B"; its lists sit under the last of them
			String heading = lesson.heading() != null ? sectionName(lesson.heading().text())
					: lesson.title().substring(lesson.title().lastIndexOf(" · ") + 1).replaceFirst("^· ", "").strip();
			String runHeading = heading;
			for (Block block : lesson.blocks()) {
				if (block.is(Block.Kind.LIST_ITEM) && (run.isEmpty() || run.get(0).ordered() == block.ordered())) {
					if (run.isEmpty()) {
						runHeading = heading;
					}
					run.add(block);
				}
				else {
					addGroup(groups, runHeading, run, plan.source());
					run = new ArrayList<>();
					if (block.is(Block.Kind.HEADING)) {
						heading = sectionName(block.text());
					}
					runHeading = heading;
					if (block.is(Block.Kind.LIST_ITEM)) {
						run.add(block);
					}
				}
			}
			addGroup(groups, runHeading, run, plan.source());
		}
		return groups;
	}

	/** A heading without its section number: "2.3 Job statuses" → "Job statuses". */
	private static String sectionName(String heading) {
		String name = Outline.clean(heading).replaceFirst("^\\d+(?:\\.\\d+)*\\.?\\s+(?=\\p{L})", "");
		return name.isBlank() ? heading : name;
	}

	private static void addGroup(List<QuestionMaker.ListGroup> groups, String heading, List<Block> run,
			ExtractedSource source) {
		if (run.size() >= 3) {
			groups.add(new QuestionMaker.ListGroup(heading, List.copyOf(run), source, run.get(0).ordered()));
		}
	}

	private static Set<Sentence> definedIn(List<Definitions.Definition> definitions) {
		Set<Sentence> defined = new HashSet<>();
		definitions.forEach(d -> defined.add(d.sentence()));
		return defined;
	}

	/** Vectors already computed, by text: sentences, key terms, and definitions (by their sentence's vector). */
	private static Map<String, float[]> meaningVectors(List<Sentence> sentences, float[][] vectors,
			List<KeyPhrases.Term> terms, float[][] termVectors, List<Definitions.Definition> definitions) {
		Map<String, float[]> byText = new HashMap<>();
		for (int i = 0; i < sentences.size() && i < vectors.length; i++) {
			byText.putIfAbsent(Words.lower(sentences.get(i).text().strip()), vectors[i]);
		}
		for (int i = 0; i < terms.size() && i < termVectors.length; i++) {
			byText.putIfAbsent(Words.lower(terms.get(i).text().strip()), termVectors[i]);
		}
		for (Definitions.Definition d : definitions) {
			float[] vector = d.sentence().index() < vectors.length ? vectors[d.sentence().index()] : null;
			if (vector != null) {
				byText.putIfAbsent(Words.lower(d.definition().strip()), vector);
			}
		}
		return byText;
	}

	private static String draftId(List<ExtractedSource> sources) {
		int hash = 17;
		for (ExtractedSource source : sources) {
			hash = 31 * hash + source.name().hashCode();
			hash = 31 * hash + source.text().hashCode();
		}
		return "draft-" + Integer.toHexString(hash).toLowerCase(Locale.ROOT);
	}
}
