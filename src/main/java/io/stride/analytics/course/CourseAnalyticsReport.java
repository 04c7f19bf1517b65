package io.stride.analytics.course;

import java.time.LocalDate;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.feedback.ReactionScore;

/**
 * A course's figures for a team and period. Learner counts are distinct people; rates are fractions from 0 to 1
 * (null when there is nothing to divide by); {@code reactions} are the learners' current reactions, whatever the
 * period.
 *
 * @param teamName the team filtered by, or null for everyone the viewer may see
 * @param completionRate completed / started
 * @param medianMinutes median minutes from a learner's first open or start to their completion
 * @param attempts graded quiz attempts (passed or failed); attempts still open are in {@code attemptsStarted} only
 * @param passRate passed attempts / graded attempts
 * @param trendCut whether the period is longer than the trend shows (it shows the last weeks)
 */
public record CourseAnalyticsReport(CourseId courseId, String courseTitle, String teamName, LocalDate from,
		LocalDate to, int opened, int started, int completed, Double completionRate, Double medianMinutes,
		int attemptsStarted, int attempts, int passedAttempts, Double passRate, int learnersPassed, boolean hasQuiz,
		ReactionScore reactions, int openImprovementRequests, List<LessonStep> funnel, List<Week> trend,
		boolean trendCut) {

	/**
	 * One lesson of the funnel, in lesson order.
	 * @param reached learners who read the lesson in the period
	 * @param dropOff of the learners who reached the previous lesson, the share who did not reach this one, counted
	 * from the funnel's numbers; null for the first lesson and after a lesson nobody reached
	 */
	public record LessonStep(int position, String lessonId, String lessonTitle, int reached, Double dropOff) {
	}

	/** One ISO week (Monday to Sunday, UTC): learners who opened, started and completed the course in it. */
	public record Week(String isoWeek, LocalDate weekStart, int opened, int started, int completed) {
	}

	/** The reaction score from −100 to 100, null without reactions. */
	public Integer reactionScore() {
		return reactions.score();
	}

	/** Nothing was recorded for these learners in this period. */
	public boolean isEmpty() {
		return opened == 0 && started == 0 && completed == 0 && attemptsStarted == 0 && attempts == 0;
	}

	/** The most learners any step of the funnel has, for scaling bars. */
	public int funnelMax() {
		return funnel.stream().mapToInt(LessonStep::reached).max().orElse(0);
	}

	/** The largest weekly figure, for scaling bars. */
	public int trendMax() {
		return trend.stream().mapToInt(w -> Math.max(w.opened(), Math.max(w.started(), w.completed()))).max().orElse(0);
	}
}
