package io.stride.analytics.items;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stride.authoring.CourseId;
import io.stride.authoring.Question;

/**
 * The arithmetic of item analysis, with Moodle's quiz statistics definitions, on attempts already read. Every
 * question is worth one mark (Stride scores a quiz as the sum of its questions' credit), so a question's mark is its
 * score fraction and an attempt's total is the sum of them. Public because component figures and redrafts compute
 * their questions' statistics with the same arithmetic.
 */
public final class ItemAnalysisStatistics {

	/** One answer: the credit earned (0 to 1) and the xAPI response as recorded ("0[,]2" for choices). */
	public record Answered(double score, String response) {
	}

	/** One submitted attempt: its answers by question id. */
	public record Attempt(String id, Map<String, Answered> answers) {

		double total() {
			return answers.values().stream().mapToDouble(Answered::score).sum();
		}

		/** The total as a fraction of the questions this attempt was asked, so attempts of different lengths compare. */
		double fraction() {
			return answers.isEmpty() ? 0 : total() / answers.size();
		}

		/** The sum of every other question's credit, added up without this one rather than subtracted from the total. */
		double restOf(String questionId) {
			double rest = 0;
			for (Map.Entry<String, Answered> answer : answers.entrySet()) {
				if (!answer.getKey().equals(questionId)) {
					rest += answer.getValue().score();
				}
			}
			return rest;
		}
	}

	/**
	 * Below this a variance or covariance counts as zero: partial credit such as 1/3 leaves rounding noise of about
	 * 1e-17 where the exact figure is 0, and dividing by it gives nonsense rather than "no spread".
	 */
	static final double NO_SPREAD = 1e-12;

	private ItemAnalysisStatistics() {
	}

	/** The report over these attempts at these questions, flagged by the thresholds. */
	public static ItemAnalysisReport report(CourseId courseId, String title, boolean allAttempts, List<Question> questions,
			List<Attempt> attempts, ItemAnalysisThresholds thresholds) {
		double[] fractions = attempts.stream()
			.filter(a -> !a.answers().isEmpty())
			.mapToDouble(Attempt::fraction)
			.toArray();
		Set<String> strong = strongGroup(attempts);
		List<ItemAnalysisQuestion> rows = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			rows.add(question(i + 1, questions.get(i), attempts, strong, thresholds));
		}
		return new ItemAnalysisReport(courseId, title, allAttempts, attempts.size(), mean(fractions), median(fractions),
				sampleSd(fractions), cronbachAlpha(questions, attempts), rows, thresholds);
	}

	private static ItemAnalysisQuestion question(int position, Question question, List<Attempt> attempts,
			Set<String> strong, ItemAnalysisThresholds thresholds) {
		List<Attempt> asked = attempts.stream().filter(a -> a.answers().containsKey(question.id())).toList();
		double[] marks = new double[asked.size()];
		double[] rest = new double[asked.size()];
		boolean choice = question.kind().choice();
		int[] counts = new int[choice ? question.options().size() : 0];
		int[] strongCounts = new int[counts.length];
		for (int j = 0; j < asked.size(); j++) {
			Attempt attempt = asked.get(j);
			Answered answered = attempt.answers().get(question.id());
			marks[j] = answered.score();
			rest[j] = attempt.restOf(question.id());
			for (int option : picks(answered.response(), counts.length)) {
				counts[option]++;
				if (strong.contains(attempt.id())) {
					strongCounts[option]++;
				}
			}
		}
		Double facility = mean(marks);
		Double discrimination = correlation(marks, rest);
		Double efficiency = efficiency(marks, rest);
		List<Integer> optionCounts = Arrays.stream(counts).boxed().toList();
		List<Integer> strongGroupCounts = Arrays.stream(strongCounts).boxed().toList();
		return new ItemAnalysisQuestion(question.id(), position, question.prompt(), question.kind(), question.options(),
				question.correct(), asked.size(), facility, sampleSd(marks), discrimination, efficiency, optionCounts,
				strongGroupCounts, flags(question, asked.size(), facility, discrimination, optionCounts,
						strongGroupCounts, thresholds));
	}

	static List<ItemAnalysisFlag> flags(Question question, int asked, Double facility, Double discrimination,
			List<Integer> optionCounts, List<Integer> strongGroupCounts, ItemAnalysisThresholds thresholds) {
		List<ItemAnalysisFlag> flags = new ArrayList<>();
		if (asked == 0 || asked < thresholds.minimumAttempts()) {
			return flags;
		}
		if (facility != null && facility > thresholds.tooEasy()) {
			flags.add(new ItemAnalysisFlag(ItemAnalysisFlag.Kind.TOO_EASY, null,
					"Too easy: facility " + fixed(facility) + " is above " + fixed(thresholds.tooEasy()) + "."));
		}
		if (facility != null && facility < thresholds.tooHard()) {
			flags.add(new ItemAnalysisFlag(ItemAnalysisFlag.Kind.TOO_HARD, null,
					"Too hard: facility " + fixed(facility) + " is below " + fixed(thresholds.tooHard()) + "."));
		}
		if (discrimination != null && discrimination < thresholds.weakDiscrimination()) {
			flags.add(new ItemAnalysisFlag(ItemAnalysisFlag.Kind.WEAK_DISCRIMINATION, null,
					"Weak discrimination: " + fixed(discrimination) + " is below " + fixed(thresholds.weakDiscrimination())
							+ "; learners who do well overall do not do better here."));
		}
		Set<Integer> right = Set.copyOf(question.correct());
		int bestRight = right.stream()
			.filter(i -> i >= 0 && i < strongGroupCounts.size())
			.mapToInt(strongGroupCounts::get)
			.max()
			.orElse(0);
		for (int option = 0; option < optionCounts.size(); option++) {
			if (right.contains(option)) {
				continue;
			}
			String name = "option " + (option + 1) + " “" + question.options().get(option) + "”";
			if (optionCounts.get(option) == 0) {
				flags.add(new ItemAnalysisFlag(ItemAnalysisFlag.Kind.UNUSED_DISTRACTOR, option,
						"Nobody picked " + name + "; it distracts no one."));
			}
			// only a real pull counts: a distractor no strong learner picked never "beats" an answer none picked
			else if (strongGroupCounts.get(option) > bestRight) {
				flags.add(new ItemAnalysisFlag(ItemAnalysisFlag.Kind.STRONG_GROUP_DISTRACTOR, option,
						"The strongest learners picked " + name + " more often (" + strongGroupCounts.get(option)
								+ ") than the right answer (" + bestRight + "): check the key and the wording."));
			}
		}
		return flags;
	}

	/**
	 * The top 27% of attempts by score, as a fraction of the questions each was asked (attempts drawing a subset of
	 * the questions, or of another version, compare fairly). Attempts tied with the last one in are all in, so the
	 * group does not depend on the order attempts were read in.
	 */
	static Set<String> strongGroup(List<Attempt> attempts) {
		Set<String> strong = new HashSet<>();
		if (attempts.isEmpty()) {
			return strong;
		}
		List<Attempt> byTotal = attempts.stream().sorted(Comparator.comparingDouble(Attempt::fraction).reversed()).toList();
		int size = Math.max(1, (int) Math.ceil(ItemAnalysisThresholds.STRONG_GROUP_SHARE * attempts.size()));
		double cut = byTotal.get(size - 1).fraction();
		byTotal.stream().filter(a -> a.fraction() >= cut - NO_SPREAD).forEach(a -> strong.add(a.id()));
		return strong;
	}

	/**
	 * Cronbach's alpha, k/(k-1) × (1 - Σ item variances / variance of the totals), over the attempts that were asked
	 * every question; null with fewer than two questions or attempts, or when the totals do not vary.
	 */
	static Double cronbachAlpha(List<Question> questions, List<Attempt> attempts) {
		int k = questions.size();
		List<Attempt> complete = attempts.stream()
			.filter(a -> questions.stream().allMatch(q -> a.answers().containsKey(q.id())))
			.toList();
		if (k < 2 || complete.size() < 2) {
			return null;
		}
		double itemVariances = 0;
		for (Question question : questions) {
			double[] marks = complete.stream().mapToDouble(a -> a.answers().get(question.id()).score()).toArray();
			itemVariances += variance(marks);
		}
		double totalVariance = variance(complete.stream().mapToDouble(a -> totalOver(a, questions)).toArray());
		if (totalVariance < NO_SPREAD) {
			return null;
		}
		return (double) k / (k - 1) * (1 - itemVariances / totalVariance);
	}

	private static double totalOver(Attempt attempt, List<Question> questions) {
		return questions.stream().mapToDouble(q -> attempt.answers().get(q.id()).score()).sum();
	}

	/** The options a recorded choice response names ("0[,]2"); anything unreadable or out of range is left out. */
	static List<Integer> picks(String response, int options) {
		List<Integer> picks = new ArrayList<>();
		if (response == null || response.isBlank() || options == 0) {
			return picks;
		}
		for (String part : response.split("\\[,\\]")) {
			try {
				int option = Integer.parseInt(part.strip());
				if (option >= 0 && option < options && !picks.contains(option)) {
					picks.add(option);
				}
			}
			catch (NumberFormatException unreadable) {
				// a response from another format (an xAPI client's own) names no option of ours
			}
		}
		return picks;
	}

	static Double mean(double[] values) {
		return values.length == 0 ? null : Arrays.stream(values).sum() / values.length;
	}

	static Double median(double[] values) {
		if (values.length == 0) {
			return null;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** Sample standard deviation (n - 1), as Moodle reports it; null below two values. */
	static Double sampleSd(double[] values) {
		return values.length < 2 ? null : Math.sqrt(variance(values));
	}

	private static double variance(double[] values) {
		return covariance(values, values);
	}

	private static double covariance(double[] x, double[] y) {
		double mx = Arrays.stream(x).average().orElse(0);
		double my = Arrays.stream(y).average().orElse(0);
		double sum = 0;
		for (int i = 0; i < x.length; i++) {
			sum += (x[i] - mx) * (y[i] - my);
		}
		return sum / (x.length - 1);
	}

	/** Pearson correlation; null below two values or when either side does not vary. */
	static Double correlation(double[] x, double[] y) {
		if (x.length < 2) {
			return null;
		}
		double vx = variance(x);
		double vy = variance(y);
		if (vx < NO_SPREAD || vy < NO_SPREAD) {
			return null;
		}
		return covariance(x, y) / Math.sqrt(vx * vy);
	}

	/**
	 * Moodle's discriminative efficiency: the covariance of the question with the rest of the test over the largest
	 * covariance the same two lists of scores reach when both are sorted and paired; null when that is zero.
	 */
	static Double efficiency(double[] x, double[] y) {
		if (x.length < 2) {
			return null;
		}
		double[] sx = x.clone();
		double[] sy = y.clone();
		Arrays.sort(sx);
		Arrays.sort(sy);
		double max = covariance(sx, sy);
		if (max < NO_SPREAD) {
			return null;
		}
		return covariance(x, y) / max;
	}

	private static String fixed(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}
}
