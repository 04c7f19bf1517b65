package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.drafting.Citation;
import io.stride.drafting.DraftQuestion;

/**
 * Keeps the best questions: a module's knowledge check gets up to three that score at least
 * {@link #CHECK_THRESHOLD} (different kinds first), the final quiz the best of the rest, module by module, a
 * question on an important sentence nothing asks about yet before a second question on one already asked about.
 * Across the draft: one question per passage while there are others, the same right answer at most twice, and
 * true/false questions keyed true and false in turn. What stays untested is reported per module.
 */
final class QuestionSelection {

	/** A knowledge-check question scores at least this. */
	static final double CHECK_THRESHOLD = 0.6;

	/** No question below this reaches the draft. */
	static final double FLOOR = 0.45;

	static final int MAX_REPEATS = 2;

	/** A module's title, sentences and candidate questions. */
	record ModuleCandidates(String title, List<Sentence> sentences, List<QuestionMaker.Candidate> candidates) {
	}

	record Selected(List<List<DraftQuestion>> checks, List<DraftQuestion> quiz, List<List<Citation>> untested) {
	}

	private final QuestionScore scorer;

	private final Importance importance;

	private final Set<String> prompts = new HashSet<>();

	private final Set<String> passages = new HashSet<>();

	private final Map<String, Integer> answers = new HashMap<>();

	private final Set<Integer> covered = new HashSet<>();

	private int keyedTrue;

	private int keyedFalse;

	private int taken;

	/** Passages that already have a true/false question. */
	private final Set<String> statedPassages = new HashSet<>();

	QuestionSelection(QuestionScore scorer, Importance importance) {
		this.scorer = scorer;
		this.importance = importance;
	}

	Selected select(List<ModuleCandidates> modules, int quizSize) {
		// judging a candidate depends on nothing picked so far: modules are judged side by side
		List<List<QuestionScore.Judged>> judged = SideBySide.map(modules, module -> module.candidates().size(), module -> {
			List<QuestionScore.Judged> list = new ArrayList<>();
			for (QuestionMaker.Candidate candidate : module.candidates()) {
				scorer.judge(candidate, module.title(), module.sentences()).filter(j -> j.score() >= FLOOR).ifPresent(list::add);
			}
			list.sort(Comparator.comparingDouble(QuestionScore.Judged::score).reversed()
				.thenComparingInt(j -> j.candidate().position()));
			return list;
		});
		// knowledge checks leave the final quiz its share: with few passages to ask about, fewer per module
		long asked = judged.stream().flatMap(List::stream).map(j -> passage(j.citation())).distinct().count();
		long forQuiz = Math.min(quizSize, Math.max(3, asked / 3));
		int perCheck = modules.isEmpty() ? 3 : (int) Math.max(1, Math.min(3, (asked - forQuiz) / modules.size()));
		List<List<DraftQuestion>> checks = new ArrayList<>();
		for (List<QuestionScore.Judged> list : judged) {
			checks.add(check(list, perCheck));
		}
		List<DraftQuestion> quiz = quiz(judged, quizSize, true, true);
		if (quiz.size() < quizSize) {
			// a source with little but statements may need more true/false than a third
			quiz.addAll(quiz(judged, quizSize - quiz.size(), true, false));
		}
		// a passage already asked about is not asked again: a second question on it gives the first one away
		List<List<Citation>> untested = new ArrayList<>();
		for (ModuleCandidates module : modules) {
			untested.add(module.sentences().stream()
				.filter(s -> importance.important(s) && !covered.contains(s.index()))
				.map(Sentence::citation)
				.toList());
		}
		return new Selected(checks, quiz, untested);
	}

	private List<DraftQuestion> check(List<QuestionScore.Judged> list, int most) {
		List<DraftQuestion> picked = new ArrayList<>();
		Set<String> kinds = new HashSet<>();
		for (int pass = 0; pass < 2 && picked.size() < most; pass++) {
			var iterator = list.iterator();
			while (iterator.hasNext() && picked.size() < most) {
				QuestionScore.Judged j = iterator.next();
				if (j.score() >= CHECK_THRESHOLD && (pass == 1 || !kinds.contains(j.candidate().kind())) && fits(j, true, true)) {
					take(j);
					picked.add(j.question());
					kinds.add(j.candidate().kind());
					iterator.remove();
				}
			}
		}
		return picked;
	}

	private List<DraftQuestion> quiz(List<List<QuestionScore.Judged>> perModule, int count, boolean newPassagesOnly,
			boolean capTrueFalse) {
		List<DraftQuestion> quiz = new ArrayList<>();
		Map<String, Integer> kinds = new HashMap<>();
		// no kind fills more than about 40% of the quiz while others are there to choose from
		int perKind = Math.max(2, (int) Math.ceil(count * 0.4));
		boolean added = true;
		while (quiz.size() < count && added) {
			added = false;
			for (List<QuestionScore.Judged> list : perModule) {
				QuestionScore.Judged best = null;
				for (QuestionScore.Judged j : list) {
					if (!fits(j, newPassagesOnly, capTrueFalse) || kinds.getOrDefault(j.candidate().kind(), 0) >= perKind) {
						continue;
					}
					if (coversSomethingNew(j)) {
						best = j;
						break;
					}
					if (best == null) {
						best = j;
					}
				}
				if (best != null) {
					list.remove(best);
					kinds.merge(best.candidate().kind(), 1, Integer::sum);
					take(best);
					quiz.add(best.question());
					added = true;
				}
				if (quiz.size() == count) {
					break;
				}
			}
		}
		return quiz;
	}

	private boolean coversSomethingNew(QuestionScore.Judged j) {
		return j.cited().stream().anyMatch(s -> !covered.contains(s.index()) && importance.important(s));
	}

	private boolean fits(QuestionScore.Judged j, boolean newPassageOnly, boolean capTrueFalse) {
		if (prompts.contains(j.prompt()) || newPassageOnly && passages.contains(passage(j.citation()))) {
			return false;
		}
		if (j.key() != null && answers.getOrDefault(Words.lower(j.key()), 0) >= MAX_REPEATS) {
			return false;
		}
		Boolean keyed = j.keyedTrue();
		if (!newPassageOnly && keyed != null && statedPassages.contains(passage(j.citation()))) {
			// the same statement keyed true and then false asks a riddle
			return false;
		}
		if (capTrueFalse && keyed != null && keyedTrue + keyedFalse >= Math.max(2, (taken + 2) / 3)) {
			// at most about a third of the draft is true/false
			return false;
		}
		return keyed == null || (keyed ? keyedTrue <= keyedFalse : keyedFalse <= keyedTrue);
	}

	private void take(QuestionScore.Judged j) {
		prompts.add(j.prompt());
		passages.add(passage(j.citation()));
		if (j.key() != null) {
			answers.merge(Words.lower(j.key()), 1, Integer::sum);
		}
		Boolean keyed = j.keyedTrue();
		if (keyed != null) {
			if (keyed) {
				keyedTrue++;
			}
			else {
				keyedFalse++;
			}
		}
		taken++;
		if (keyed != null) {
			statedPassages.add(passage(j.citation()));
		}
		j.cited().forEach(s -> covered.add(s.index()));
	}

	private static String passage(Citation citation) {
		return citation.source() + "#" + citation.start();
	}
}
