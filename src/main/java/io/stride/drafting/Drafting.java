package io.stride.drafting;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.stride.drafting.internal.DraftJobs;
import io.stride.drafting.internal.Drafts;
import io.stride.drafting.internal.DraftsUnderWay;
import io.stride.drafting.internal.ExtractedSource;
import io.stride.drafting.internal.LlmEngine;
import io.stride.drafting.internal.OfflineEngine;
import io.stride.drafting.internal.SourceReader;
import io.stride.identity.Viewer;
import io.stride.shared.ControlCharacters;
import io.stride.shared.Ids;
import io.stride.shared.NotFoundException;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Turns uploaded files and pasted text into a {@link CourseDraft}. A file that can't be used is refused with
 * a {@link SourceRejected} naming it; nothing is stored here, so a refused file loses nothing.
 */
@Service
public class Drafting {

	private final SourceReader reader;

	private final OfflineEngine offline;

	private final int maxFiles;

	private final Drafts drafts;

	private final LlmEngine llm;

	private final DraftJobs jobs;

	private final DraftsUnderWay underWay;

	/** What the course model makes of a draft; absent where no module makes courses (engine-only tests). */
	private final ObjectProvider<CourseFit> fit;

	/**
	 * Drafting is CPU work: two platform threads and a short queue, so that drafts never starve page requests
	 * (which run on virtual threads) and a flood of uploads is refused instead of piling up.
	 */
	private final ThreadPoolExecutor background = new ThreadPoolExecutor(2, 2, 0,
			TimeUnit.SECONDS, new ArrayBlockingQueue<>(20), runnable -> {
				Thread thread = new Thread(runnable, "drafting");
				thread.setDaemon(true);
				return thread;
			});

	Drafting(SourceReader reader, OfflineEngine offline, int maxFiles, Drafts drafts, LlmEngine llm, DraftJobs jobs,
			DraftsUnderWay underWay) {
		this(reader, offline, maxFiles, drafts, llm, jobs, underWay, null);
	}

	@Autowired
	Drafting(SourceReader reader, OfflineEngine offline, @Value("${stride.drafting.max-files:10}") int maxFiles,
			Drafts drafts, LlmEngine llm, DraftJobs jobs, DraftsUnderWay underWay,
			ObjectProvider<CourseFit> fit) {
		this.fit = fit;
		this.reader = reader;
		this.offline = offline;
		this.maxFiles = maxFiles;
		this.drafts = drafts;
		this.llm = llm;
		this.jobs = jobs;
		this.underWay = underWay;
	}

	/** A saved draft: what the author reviews before turning it into a course. */
	public record SavedDraft(String id, CourseDraft draft, Instant createdAt) {
	}

	/** Refuses an upload that is too large before it is read into memory. */
	public void checkSize(String fileName, long bytes) {
		reader.checkSize(new SourceFile(fileName, new byte[0]).name(), bytes);
	}

	public boolean usesLanguageModel() {
		return llm != null && llm.enabled();
	}

	/** A kept draft, for its author only. */
	public SavedDraft kept(Viewer viewer, String id) {
		if (!Ids.looksValid(id)) {
			throw new NotFoundException("Draft");
		}
		Drafts.Saved saved = drafts.find(id)
			.filter(d -> d.owner().equals(viewer.id()))
			.orElseThrow(() -> new NotFoundException("Draft"));
		return new SavedDraft(saved.id(), saved.draft(), saved.createdAt());
	}

	/** The text a kept draft's citations point into, for its author: one source, with the cited span marked. */
	public record SourceView(String name, String before, String cited, String after) {
	}

	public SourceView source(Viewer viewer, String draftId, String name, int start, int end) {
		kept(viewer, draftId);
		Drafts.SourceText source = drafts.sources(draftId)
			.stream()
			.filter(s -> s.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Source"));
		String text = source.text();
		int from = Math.max(0, Math.min(start, text.length()));
		int to = Math.max(from, Math.min(end, text.length()));
		return new SourceView(source.name(), text.substring(0, from), text.substring(from, to), text.substring(to));
	}

	public List<Drafts.Summary> keptBy(Viewer viewer) {
		return drafts.of(viewer.id());
	}

	public CourseDraft draft(List<SourceFile> files, String text) {
		return draft(read(files, text), (step, stage) -> {
		});
	}

	/**
	 * The uploaded files, read only once the author may start another draft: a person's flood of uploads is refused
	 * before their bytes take up memory.
	 */
	@FunctionalInterface
	public interface Uploads {

		List<SourceFile> read() throws IOException;
	}

	/** One source's extracted text, into which the draft's citations point: {@code text.substring(start, end)}. */
	public record Source(String name, String text) {
	}

	/** A draft kept for its author, with the text of its sources. */
	public record Kept(String id, CourseDraft draft, List<Source> sources) {
	}

	/**
	 * Drafts on the spot for an author, who may have only a few drafts under way at once (a refusal says when to try
	 * again), and keeps the draft as the draft page does, so that a course can be made from it.
	 */
	public Kept keep(Viewer author, Uploads files, String text) throws IOException {
		try (DraftsUnderWay.Draft under = underWay.begin(author.id())) {
			return keep(author, read(files.read(), text));
		}
		catch (OutOfMemoryError e) {
			throw shortOfMemory(e);
		}
	}

	/** Drafts from a transcript made here from a recording, named after the recording, and keeps the draft. */
	Kept keepTranscript(Viewer author, String name, String vtt) {
		try (DraftsUnderWay.Draft under = underWay.begin(author.id())) {
			return keep(author, List.of(reader.readTranscript(name, vtt)));
		}
		catch (OutOfMemoryError e) {
			throw shortOfMemory(e);
		}
	}

	private Kept keep(Viewer author, List<ExtractedSource> sources) {
		CourseDraft draft = draft(sources, (step, stage) -> {
		});
		String id = Ids.newId();
		draft = new CourseDraft(id, draft.title(), draft.audience(), draft.objectives(), draft.estimatedMinutes(),
				draft.summary(), draft.modules(), draft.quiz(), draft.glossary(), draft.engine(), draft.warnings());
		drafts.insert(id, author.id(), draft,
				sources.stream().map(s -> new Drafts.SourceText(s.name(), s.text())).toList());
		return new Kept(id, draft, sources.stream().map(s -> new Source(s.name(), s.text())).toList());
	}

	/** The text of a kept draft's sources, for its author; empty when they were too long to keep. */
	public List<Source> sources(Viewer viewer, String draftId) {
		kept(viewer, draftId);
		return drafts.sources(draftId).stream().map(s -> new Source(s.name(), s.text())).toList();
	}

	private static SourceRejected shortOfMemory(OutOfMemoryError e) {
		LoggerFactory.getLogger(Drafting.class).error("Ran out of memory while drafting", e);
		return new SourceRejected(503, "input", "was not drafted: the server is short of memory right now. "
				+ "Nothing was saved; try again in a minute.", 60);
	}

	/**
	 * Reads the sources at once (so that a refused file is reported on the spot, with the form intact), then drafts
	 * in the background; the returned job id lets the page follow the progress.
	 */
	public String startDraft(Viewer author, List<SourceFile> files, String text) throws IOException {
		return startDraft(author, () -> files, text, draftId -> {
		});
	}

	/**
	 * Like {@link #startDraft(Viewer, List, String)}, reading the files once the author may start a draft;
	 * {@code whenKept} gets the new draft's id once it is stored and before the job reports done, to keep something
	 * with the draft (the template the author chose). Should it fail, the draft is kept all the same.
	 */
	public String startDraft(Viewer author, Uploads files, String text, Consumer<String> whenKept)
			throws IOException {
		return startDraft(author, files, text, QualityPanel.MAX_LESSON_WORDS, whenKept);
	}

	/**
	 * Like {@link #startDraft(Viewer, Uploads, String, Consumer)}, condensing lessons longer than
	 * {@code wordsPerLesson} (the template's limit) by leaving out their asides.
	 */
	public String startDraft(Viewer author, Uploads files, String text, int wordsPerLesson,
			Consumer<String> whenKept) throws IOException {
		// the draft stays under way until the background job ends, however it ends
		DraftsUnderWay.Draft under = underWay.begin(author.id());
		try {
			return startDraft(author, files.read(), text, wordsPerLesson, whenKept, under);
		}
		catch (RuntimeException | IOException e) {
			under.close();
			throw e;
		}
		catch (OutOfMemoryError e) {
			under.close();
			throw shortOfMemory(e);
		}
	}

	private String startDraft(Viewer author, List<SourceFile> files, String text, int wordsPerLesson,
			Consumer<String> whenKept, DraftsUnderWay.Draft under) {
		List<ExtractedSource> sources = read(files, text);
		String job = Ids.newId();
		if (background.getQueue().remainingCapacity() == 0) {
			throw new SourceRejected(503, "input", "can't be drafted right now: Stride is busy with other drafts. Try again in a minute.", 60);
		}
		jobs.start(job, author.id());
		try {
			background.execute(() -> draftInBackground(job, author, sources, wordsPerLesson, whenKept, under));
		}
		catch (RejectedExecutionException full) {
			// the queue filled between the check above and now: the job is ended, not left showing as running
			jobs.failed(job, "Stride is busy with other drafts; nothing was saved. Try again in a minute.");
			throw new SourceRejected(503, "input", "can't be drafted right now: Stride is busy with other drafts. Try again in a minute.", 60);
		}
		return job;
	}

	/**
	 * The offline draft, on the CPU pool; then, if a language model is configured, the model phase on a virtual
	 * thread of its own. Waiting for a slow or busy provider (minutes, at worst) must not hold one of the two CPU
	 * threads that other authors' offline drafts need.
	 */
	private void draftInBackground(String job, Viewer author, List<ExtractedSource> sources, int wordsPerLesson,
			Consumer<String> whenKept, DraftsUnderWay.Draft under) {
		BiConsumer<Integer, String> progress = (step, stage) -> jobs.stage(job, step, stage);
		CourseDraft offlineDraft;
		try {
			offlineDraft = offline.draft(sources, progress, wordsPerLesson);
		}
		catch (RuntimeException | Error e) {
			try (under) {
				failed(job, e);
			}
			return;
		}
		if (!usesLanguageModel()) {
			keep(job, author, sources, () -> withWarnings(offlineDraft), whenKept, under);
			return;
		}
		try {
			Thread.ofVirtual()
				.name("drafting-llm-" + job)
				.start(() -> keep(job, author, sources, () -> withWarnings(llm.draft(sources, offlineDraft, progress)), whenKept, under));
		}
		catch (RuntimeException | Error e) {
			try (under) {
				failed(job, e);
			}
		}
	}

	/** Finishes a draft, stores it and ends its job, however it ends; the author's draft is no longer under way. */
	private void keep(String job, Viewer author, List<ExtractedSource> sources, Supplier<CourseDraft> drafting,
			Consumer<String> whenKept, DraftsUnderWay.Draft under) {
		try (under) {
			CourseDraft draft = drafting.get();
			String id = Ids.newId();
			drafts.insert(id, author.id(), draft, sources.stream().map(s -> new Drafts.SourceText(s.name(), s.text())).toList());
			try {
				whenKept.accept(id);
			}
			catch (RuntimeException e) {
				LoggerFactory.getLogger(Drafting.class).warn("Kept a draft, but not what goes with it", e);
			}
			jobs.done(job, id);
		}
		catch (RuntimeException | Error e) {
			failed(job, e);
		}
	}

	private void failed(String job, Throwable e) {
		if (e instanceof SourceRejected rejected) {
			jobs.failed(job, rejected.getMessage());
		}
		else if (e instanceof OutOfMemoryError memory) {
			jobs.failed(job, shortOfMemory(memory).getMessage());
		}
		else {
			LoggerFactory.getLogger(Drafting.class).error("Drafting failed", e);
			jobs.failed(job, "Drafting failed unexpectedly; nothing was saved. Try again with a shorter source.");
		}
	}

	/**
	 * Alternatives for one question, drafted again from the author's current text around the passage the question
	 * came from. The text is what the course says now, so the alternatives fit the edited lessons.
	 */
	public List<DraftQuestion> alternatives(String courseText, String passage, Set<String> avoidPrompts) {
		ExtractedSource source = reader.readText(courseText);
		return offline.alternatives(source, passage, 40)
			.stream()
			.filter(q -> !avoidPrompts.contains(q.prompt()))
			.toList();
	}

	public record Progress(String stage, int step, int steps, boolean done, boolean failed, String draftId, String error) {
	}

	/** How a background draft is getting on; for its author only. */
	public Progress progress(Viewer viewer, String jobId) {
		DraftJobs.Job job = (Ids.looksValid(jobId) ? jobs.find(jobId) : Optional.<DraftJobs.Job>empty())
			.filter(j -> j.owner().equals(viewer.id()))
			.orElseThrow(() -> new NotFoundException("Drafting job"));
		boolean stale = job.running() && job.updatedAt().isBefore(Instant.now().minusSeconds(300));
		return new Progress(job.stage(), job.step(), DraftJobs.STEPS, "DONE".equals(job.status()),
				"FAILED".equals(job.status()) || stale, job.draftId(),
				stale ? "Drafting stopped without finishing (the server may have restarted). Try again." : job.error());
	}

	private CourseDraft draft(List<ExtractedSource> sources, BiConsumer<Integer, String> progress) {
		return draft(sources, progress, QualityPanel.MAX_LESSON_WORDS);
	}

	private CourseDraft draft(List<ExtractedSource> sources, BiConsumer<Integer, String> progress,
			int wordsPerLesson) {
		CourseDraft draft = offline.draft(sources, progress, wordsPerLesson);
		if (llm != null && llm.enabled()) {
			// step 5 counts the modules as the model finishes them
			draft = llm.draft(sources, draft, progress);
		}
		return withWarnings(draft);
	}

	/**
	 * The draft with what its author must know before creating the course: that it has no questions, and what the
	 * course model makes of it (several courses, a question it can't hold).
	 */
	private CourseDraft withWarnings(CourseDraft draft) {
		List<String> warnings = new ArrayList<>(draft.warnings());
		// a draft in a language Stride does not draft questions in says so already, and why
		if (draft.allQuestions().isEmpty() && DraftWarnings.DRAFTED_LANGUAGES.contains(draft.language())) {
			warnings.add(DraftWarnings.NO_QUESTIONS);
		}
		CourseFit courses = fit == null ? null : fit.getIfAvailable();
		if (courses != null) {
			warnings.addAll(courses.warnings(draft));
		}
		if (warnings.size() == draft.warnings().size()) {
			return draft;
		}
		return draft.withWarnings(warnings);
	}

	private List<ExtractedSource> read(List<SourceFile> files, String text) {
		List<SourceFile> given = files == null ? List.of() : files.stream().filter(f -> f.content().length > 0 || !f.name().equals("upload")).toList();
		boolean hasText = text != null && !text.isBlank();
		if (given.isEmpty() && !hasText) {
			throw new SourceRejected(422, "input", "is empty: upload a file or paste some text.");
		}
		// what the author pasted is theirs to correct, like any text they type; documents are cleaned instead
		if (hasText && ControlCharacters.in(text)) {
			throw new SourceRejected(422, "text", "contains a control character (such as NUL); only tabs and line "
					+ "breaks are allowed. Remove it and try again.");
		}
		if (given.size() > maxFiles) {
			throw new SourceRejected(413, given.get(maxFiles).name(), "is one file too many: draft from at most " + maxFiles + " files at once.");
		}
		List<ExtractedSource> sources = new ArrayList<>();
		int characters = 0;
		for (SourceFile file : given) {
			ExtractedSource source = reader.read(file);
			characters += source.text().length();
			if (characters > reader.maxChars()) {
				throw new SourceRejected(422, file.name(), "brings the total text over " + reader.maxChars()
						+ " characters. Draft from fewer or shorter files.");
			}
			sources.add(source);
		}
		if (hasText) {
			if (characters + text.length() > reader.maxChars()) {
				throw new SourceRejected(422, "text", "brings the total text over " + reader.maxChars() + " characters.");
			}
			sources.add(reader.readText(text));
		}
		return sources;
	}
}
