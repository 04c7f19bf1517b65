package io.stride.drafting.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.stride.drafting.CourseDraft;
import io.stride.drafting.DraftModule;
import io.stride.drafting.DraftQuestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The optional language-model engine: any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI,
 * Ollama, vLLM), asked one module at a time (two at once at most) so that a long source never has to fit one
 * request. In the full mode the model drafts each module from that module's text; in the hybrid mode the offline
 * engine's questions stand and the model only rewrites their wording. Every part of an answer is checked before it
 * is used, and what fails is the offline engine's, part by part, with a note in the draft. Only the configured
 * host is called, with a time limit on each try and a budget for the whole model phase of a draft; the key comes
 * from the environment and is never logged, and the source text is never logged either.
 */
@Component
public class LlmEngine {

	private static final Logger log = LoggerFactory.getLogger(LlmEngine.class);

	private final LlmSettings settings;

	private final ChatCompletions chat;

	private final JsonMapper json;

	@Autowired
	public LlmEngine(@Value("${stride.drafting.llm.enabled:false}") boolean enabled,
			@Value("${stride.drafting.llm.base-url:}") String baseUrl, @Value("${stride.drafting.llm.model:}") String model,
			@Value("${stride.drafting.llm.api-key:}") String apiKey,
			@Value("${stride.drafting.llm.timeout-seconds:60}") int timeoutSeconds,
			@Value("${stride.drafting.llm.mode:full}") String mode, @Value("${stride.drafting.llm.stream:false}") boolean stream,
			@Value("${stride.drafting.llm.retries:2}") int retries,
			@Value("${stride.drafting.llm.max-retry-wait-seconds:30}") int maxRetryWait,
			@Value("${stride.drafting.llm.budget-seconds:240}") int budgetSeconds, JsonMapper json) {
		this(LlmSettings.of(enabled, baseUrl, model, apiKey, timeoutSeconds)
			.withMode(LlmSettings.Mode.of(mode))
			.withStream(stream)
			.withRetries(retries, Duration.ofSeconds(1), Duration.ofSeconds(Math.max(1, maxRetryWait)))
			.withBudget(Duration.ofSeconds(budgetSeconds)), json);
		String problem = LlmSettings.addressProblem(baseUrl);
		if (enabled && problem != null) {
			// the address is the operator's, not a secret; drafting goes on with the offline engine alone
			log.warn("The language model is switched off: {} (stride.drafting.llm.base-url, e.g. "
					+ "http://localhost:11434/v1)", problem);
		}
	}

	/** The full mode with the default retries, as most callers want it. */
	public LlmEngine(boolean enabled, String baseUrl, String model, String apiKey, int timeoutSeconds, JsonMapper json) {
		this(LlmSettings.of(enabled, baseUrl, model, apiKey, timeoutSeconds), json);
	}

	public LlmEngine(LlmSettings settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
		this.chat = new ChatCompletions(settings, json);
	}

	public boolean enabled() {
		return settings.enabled();
	}

	public LlmSettings.Mode mode() {
		return settings.mode();
	}

	/** True once the server refused structured output; this engine then asks for plain JSON. */
	public boolean usesJsonMode() {
		return chat.structuredOutputRefused();
	}

	public CourseDraft draft(List<ExtractedSource> sources, CourseDraft offline) {
		return draft(sources, offline, (step, stage) -> {
		});
	}

	/**
	 * A draft made with the model, checked part by part and completed from {@code offline}; {@code progress} hears
	 * "Module 3 of 7 …" (step 5) as modules finish.
	 */
	public CourseDraft draft(List<ExtractedSource> sources, CourseDraft offline, BiConsumer<Integer, String> progress) {
		List<Optional<ModuleSlice>> slices = ModuleSlice.of(offline, sources);
		return settings.mode() == LlmSettings.Mode.HYBRID ? hybrid(slices, offline, progress)
				: full(slices, offline, progress);
	}

	private CourseDraft full(List<Optional<ModuleSlice>> slices, CourseDraft offline, BiConsumer<Integer, String> progress) {
		ModuleDrafting drafting = new ModuleDrafting(chat);
		Attempts attempts = new Attempts(Instant.now().plus(settings.budget()), progress);
		List<ModuleDrafting.Outcome> outcomes = eachModule(slices, progress, "drafted with the language model",
				slice -> slice.map(s -> drafting.draft(s, attempts)).orElse(null), attempts);
		List<String> warnings = new ArrayList<>(offline.warnings());
		List<DraftModule> modules = new ArrayList<>();
		List<List<DraftQuestion>> offered = new ArrayList<>();
		Set<String> prompts = new HashSet<>();
		ChatCompletions.Unavailable firstFailure = null;
		for (int i = 0; i < outcomes.size(); i++) {
			ModuleDrafting.Outcome outcome = outcomes.get(i);
			if (outcome == null) {
				modules.add(offline.modules().get(i));
				offered.add(List.of());
				continue;
			}
			firstFailure = firstFailure == null ? outcome.failure() : firstFailure;
			// a question the model wrote twice in different modules is asked once
			List<DraftQuestion> check = outcome.module().knowledgeCheck().stream().filter(q -> prompts.add(q.prompt())).toList();
			DraftModule module = outcome.module();
			if (check.size() < 2 && check.size() < module.knowledgeCheck().size()) {
				warnings.add(slices.get(i).map(ModuleSlice::name).orElse("A module") + " has " + check.size()
						+ " knowledge-check question" + (check.size() == 1 ? "" : "s") + " left: the language model "
						+ "asked the others in an earlier module too. Add one before publishing.");
			}
			modules.add(new DraftModule(module.title(), module.takeaways(), module.lessons(), check, module.untested()));
			offered.add(outcome.quiz());
			warnings.addAll(outcome.warnings());
		}
		if (outcomes.stream().noneMatch(o -> o != null && o.byModel())) {
			String reason = attempts.wasStopped() ? "drafting was stopped"
					: firstFailure != null ? firstFailure.getMessage() : "none of its modules passed the checks";
			return offlineDraft(offline, "The language model could not be used (" + reason
					+ "), so the offline engine drafted this course.");
		}
		List<DraftQuestion> quiz = quiz(offered, offline.quiz(), prompts, warnings);
		attempts.stoppedWarning().ifPresent(warnings::add);
		CourseText.Result text = new CourseText(chat).full(offline, modules, attempts.call(null));
		if (text.failure() != null) {
			warnings.add("The course title, summary and objectives came from the offline engine: " + text.failure() + ".");
		}
		return new CourseDraft(offline.id(), text.title(), offline.audience(), text.objectives(), offline.estimatedMinutes(),
				text.summary(), modules, quiz, offline.glossary(), "llm", warnings, offline.language());
	}

	/** The model's quiz questions, taken from each module in turn, completed with the offline quiz's. */
	private static List<DraftQuestion> quiz(List<List<DraftQuestion>> offered, List<DraftQuestion> offlineQuiz,
			Set<String> prompts, List<String> warnings) {
		int wanted = offlineQuiz.size();
		List<DraftQuestion> quiz = new ArrayList<>();
		for (int round = 0; quiz.size() < wanted && round < 2; round++) {
			for (List<DraftQuestion> questions : offered) {
				if (round < questions.size() && quiz.size() < wanted && prompts.add(questions.get(round).prompt())) {
					quiz.add(questions.get(round));
				}
			}
		}
		int completed = 0;
		for (DraftQuestion q : offlineQuiz) {
			if (quiz.size() >= wanted) {
				break;
			}
			if (prompts.add(q.prompt())) {
				quiz.add(q);
				completed++;
			}
		}
		if (completed > 0) {
			warnings.add("The final quiz was completed with " + completed + " question" + (completed == 1 ? "" : "s")
					+ " from the offline engine.");
		}
		return quiz;
	}

	private CourseDraft hybrid(List<Optional<ModuleSlice>> slices, CourseDraft offline, BiConsumer<Integer, String> progress) {
		QuestionRewriting rewriting = new QuestionRewriting(chat, json);
		Attempts attempts = new Attempts(Instant.now().plus(settings.budget()), progress);
		List<QuestionRewriting.Outcome> outcomes = eachModule(slices, progress, "rewritten by the language model",
				slice -> slice.map(s -> rewriting.rewrite(s, s.offlineQuestions(offline.quiz()), attempts)).orElse(null),
				attempts);
		List<String> warnings = new ArrayList<>(offline.warnings());
		Map<DraftQuestion, DraftQuestion> rewritten = new HashMap<>();
		int rejected = 0;
		String firstFailure = null;
		for (int i = 0; i < outcomes.size(); i++) {
			QuestionRewriting.Outcome outcome = outcomes.get(i);
			if (outcome == null) {
				continue;
			}
			rewritten.putAll(outcome.rewritten());
			rejected += outcome.rejected();
			if (outcome.failure() != null) {
				firstFailure = firstFailure == null ? outcome.failure() : firstFailure;
				warnings.add(slices.get(i).map(ModuleSlice::name).orElse("A module") + " keeps the offline engine's "
						+ "questions as drafted: " + outcome.failure() + ".");
			}
		}
		if (outcomes.stream().noneMatch(o -> o != null && o.byModel())) {
			String reason = attempts.wasStopped() ? "drafting was stopped"
					: firstFailure == null ? "no question could be rewritten"
							: firstFailure.replaceFirst("^the language model could not be used \\((.*)\\)$", "$1");
			return offlineDraft(offline, "The language model could not be used (" + reason
					+ "), so the offline engine drafted this course.");
		}
		warnings.add(0, "Drafted in hybrid mode: the offline engine chose the passages and the answers; the language model "
				+ "reworded " + rewritten.size() + " question" + (rewritten.size() == 1 ? "" : "s") + " and the objectives.");
		if (rejected > 0) {
			warnings.add(rejected + " of the language model's rewritten questions failed the checks (the answer changed "
					+ "or no longer in the cited passage, a giveaway stem, or repeated options) and keep the offline engine's wording.");
		}
		List<DraftModule> modules = offline.modules()
			.stream()
			.map(m -> new DraftModule(m.title(), m.takeaways(), m.lessons(),
					m.knowledgeCheck().stream().map(q -> rewritten.getOrDefault(q, q)).toList(), m.untested()))
			.toList();
		List<DraftQuestion> quiz = offline.quiz().stream().map(q -> rewritten.getOrDefault(q, q)).toList();
		attempts.stoppedWarning().ifPresent(warnings::add);
		CourseText.Result text = new CourseText(chat).hybrid(offline, modules, attempts.call(null));
		if (text.failure() != null) {
			warnings.add("The objectives came from the offline engine: " + text.failure() + ".");
		}
		return new CourseDraft(offline.id(), offline.title(), offline.audience(), text.objectives(),
				offline.estimatedMinutes(), offline.summary(), modules, quiz, offline.glossary(), "llm", warnings,
				offline.language());
	}

	/**
	 * Runs {@code work} for every module, at most {@link LlmSettings#parallel()} at once, telling {@code progress}
	 * "Module k of n …" as each finishes; the results come back in module order. Interrupted, it stops the modules
	 * under way and gives null (the offline module) for each module not finished, keeping the interrupt.
	 */
	private <T> List<T> eachModule(List<Optional<ModuleSlice>> slices, BiConsumer<Integer, String> progress, String done,
			Function<Optional<ModuleSlice>, T> work, Attempts attempts) {
		int count = slices.size();
		AtomicInteger finished = new AtomicInteger();
		progress.accept(5, "Sending " + count + " module" + (count == 1 ? "" : "s") + " to the language model");
		List<Future<T>> futures = new ArrayList<>();
		ExecutorService modules = Executors.newFixedThreadPool(settings.parallel(),
				Thread.ofVirtual().name("drafting-llm-", 0).factory());
		List<T> results = new ArrayList<>();
		try {
			for (Optional<ModuleSlice> slice : slices) {
				futures.add(modules.submit(() -> {
					T result = work.apply(slice);
					synchronized (progress) {
						progress.accept(5, "Module " + finished.incrementAndGet() + " of " + count + " " + done);
					}
					return result;
				}));
			}
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException e) {
			modules.shutdownNow();
			Thread.currentThread().interrupt();
			attempts.stopped();
			for (int i = results.size(); i < futures.size(); i++) {
				Future<T> future = futures.get(i);
				results.add(future.state() == Future.State.SUCCESS ? future.resultNow() : null);
			}
			return results;
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
		}
		finally {
			modules.shutdownNow();
			awaitQuietly(modules);
		}
	}

	/** Waits a moment for the stopped modules' threads, keeping an interrupt for the caller. */
	private static void awaitQuietly(ExecutorService modules) {
		try {
			modules.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * What one draft allows the model. It is worth asking for the next module unless two failed with no answer at
	 * all (no connection, time limits: the remaining modules then go to the offline engine at once instead of
	 * waiting too), the draft's time budget is spent, or drafting was stopped. Each wait before a retry is told to the
	 * drafting page ("Module 3: the server is busy, trying again in 20 s") so that the page does not look stalled.
	 */
	static final class Attempts {

		private final AtomicInteger failures = new AtomicInteger();

		private final AtomicBoolean answered = new AtomicBoolean();

		private final AtomicBoolean stopped = new AtomicBoolean();

		private final AtomicBoolean outOfTime = new AtomicBoolean();

		private final Instant until;

		private final BiConsumer<Integer, String> progress;

		Attempts(Instant until, BiConsumer<Integer, String> progress) {
			this.until = until;
			this.progress = progress;
		}

		/** Null if the model is worth asking; otherwise why not, in words for the draft's warnings. */
		String whyNot() {
			if (stopped.get() || Thread.currentThread().isInterrupted()) {
				return "drafting was stopped";
			}
			if (!Instant.now().isBefore(until)) {
				outOfTime.set(true);
				return "the time set aside for the language model ran out";
			}
			return answered.get() || failures.get() < 2 ? null : "the language model failed for the modules before it";
		}

		/** What a request for {@code slice} (null: the course text) may take, and who hears of its retries. */
		ChatCompletions.Call call(ModuleSlice slice) {
			String who = slice == null ? "The course text" : "Module " + (slice.index() + 1);
			return new ChatCompletions.Call(until, wait -> {
				synchronized (progress) {
					progress.accept(5, who + ": the server is busy, trying again in " + Math.max(1, wait.toSeconds()) + " s");
				}
			});
		}

		void answered() {
			answered.set(true);
		}

		void failed() {
			failures.incrementAndGet();
		}

		void stopped() {
			stopped.set(true);
		}

		boolean wasStopped() {
			return stopped.get();
		}

		/** A warning for the draft when the budget ran out or drafting was stopped before every module was asked. */
		Optional<String> stoppedWarning() {
			if (stopped.get()) {
				return Optional.of("Drafting was stopped before the language model had finished; the remaining modules "
						+ "came from the offline engine.");
			}
			return outOfTime.get() ? Optional.of("The time set aside for the language model ran out; the remaining "
					+ "modules came from the offline engine.") : Optional.empty();
		}
	}

	private static CourseDraft offlineDraft(CourseDraft offline, String warning) {
		List<String> warnings = new ArrayList<>(offline.warnings());
		warnings.add(0, warning);
		return new CourseDraft(offline.id(), offline.title(), offline.audience(), offline.objectives(),
				offline.estimatedMinutes(), offline.summary(), offline.modules(), offline.quiz(), offline.glossary(), "offline",
				warnings, offline.language());
	}
}
