package io.stride.analytics.items;

import java.util.List;

import io.stride.authoring.CourseId;

/**
 * A course's final quiz analysed as in Moodle's quiz statistics report: per quiz and per question, over the first
 * attempt of each learner or over all attempts. Scores are fractions from 0 to 1; null where not computable.
 * @param allAttempts false when only each learner's first attempt counts (the default)
 * @param cronbachAlpha internal consistency (KR-20 when every question is right or wrong), over the attempts that
 * were asked every question
 */
public record ItemAnalysisReport(CourseId courseId, String courseTitle, boolean allAttempts, int attempts,
		Double meanScore, Double medianScore, Double standardDeviation, Double cronbachAlpha,
		List<ItemAnalysisQuestion> questions, ItemAnalysisThresholds thresholds) {

	public boolean empty() {
		return attempts == 0;
	}

	public long flaggedQuestions() {
		return questions.stream().filter(ItemAnalysisQuestion::flagged).count();
	}
}
