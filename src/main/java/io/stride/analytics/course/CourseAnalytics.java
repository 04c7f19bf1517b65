package io.stride.analytics.course;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningRecord;
import io.stride.analytics.course.CourseAnalyticsReport.LessonStep;
import io.stride.analytics.course.CourseAnalyticsReport.Week;
import io.stride.analytics.course.internal.CourseAnalyticsQueries;
import io.stride.analytics.course.internal.CourseAnalyticsSlice;
import io.stride.analytics.course.internal.CourseAnalyticsTotals;
import io.stride.analytics.internal.CourseAnalyticsAccess;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.feedback.CourseReactions;
import io.stride.feedback.Feedback;
import io.stride.feedback.ReactionScore;
import io.stride.identity.Team;
import io.stride.identity.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A course's figures from the learning record: reach, completion, time to complete, the funnel through its lessons,
 * quiz results, reactions and the weekly trend. A course's editors, admins and L&D reviewers see every learner, a manager the
 * learners of their team tree, everyone else gets "not found".
 */
@Service
@Transactional(readOnly = true)
public class CourseAnalytics {

	/** The most weeks a trend shows; a longer period shows its last weeks. */
	public static final int MAX_TREND_WEEKS = 156;

	private final CourseAnalyticsAccess access;

	private final CourseAnalyticsQueries queries;

	private final Feedback feedback;

	private final LearningRecord record;

	CourseAnalytics(CourseAnalyticsAccess access, CourseAnalyticsQueries queries, Feedback feedback,
			LearningRecord record) {
		this.access = access;
		this.queries = queries;
		this.feedback = feedback;
		this.record = record;
	}

	public CourseAnalyticsReport report(Viewer viewer, CourseId courseId, CourseAnalyticsFilter filter) {
		CourseAnalyticsAccess.Scope scope = access.scope(viewer, courseId, filter);
		Course course = scope.course();
		Team team = scope.team();
		if (scope.learners() != null && scope.learners().isEmpty()) {
			return empty(course, team, filter);
		}
		queries.catchUp();
		CourseAnalyticsSlice slice = new CourseAnalyticsSlice(course.id().value(), filter.start(), filter.end(), scope.actorIds());
		CourseAnalyticsTotals totals = queries.totals(slice);
		int attempts = totals.passedAttempts() + totals.failedAttempts();
		CourseReactions reactions = feedback.reactionsAmong(List.of(course.id()), scope.learners())
			.getOrDefault(course.id(), CourseReactions.NONE);
		List<Week> trend = new ArrayList<>();
		boolean cut = trend(slice, filter, totals, trend);
		return new CourseAnalyticsReport(course.id(), course.title(), team == null ? null : team.name(), filter.from(),
				filter.to(), totals.opened(), totals.started(), totals.completed(), share(totals.completed(), totals.started()),
				medianMinutes(queries.timesToComplete(slice)), totals.attemptsStarted(), attempts, totals.passedAttempts(),
				share(totals.passedAttempts(), attempts), totals.learnersPassed(), !course.quiz().isEmpty(),
				reactions.score(), reactions.openRequests(), funnel(course, queries.reachedByLesson(slice)), trend, cut);
	}

	/** What a filter form offers: the course and the teams the viewer may filter by. */
	public record FilterChoices(CourseId courseId, String courseTitle, List<Team> teams) {
	}

	/** The course and the teams the viewer may filter its figures by (404 as for the figures). */
	public FilterChoices filterChoices(Viewer viewer, CourseId courseId) {
		Course course = access.scope(viewer, courseId, CourseAnalyticsFilter.EVERYTHING).course();
		List<Team> teams = access.teams(viewer, course)
			.stream()
			.sorted(Comparator.comparing(Team::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
		return new FilterChoices(course.id(), course.title(), teams);
	}

	private CourseAnalyticsReport empty(Course course, Team team, CourseAnalyticsFilter filter) {
		return new CourseAnalyticsReport(course.id(), course.title(), team == null ? null : team.name(), filter.from(),
				filter.to(), 0, 0, 0, null, null, 0, 0, 0, null, 0, !course.quiz().isEmpty(),
				ReactionScore.NONE, 0, funnel(course, Map.of()), List.of(), false);
	}

	private List<LessonStep> funnel(Course course, Map<String, Integer> reachedByIri) {
		List<LessonStep> steps = new ArrayList<>();
		Integer previous = null;
		int position = 1;
		for (Lesson lesson : course.lessons()) {
			int reached = reachedByIri.getOrDefault(record.activityIri(ActivityType.LESSON, lesson.id()), 0);
			steps.add(new LessonStep(position++, lesson.id(), lesson.title(), reached, dropOff(previous, reached)));
			previous = reached;
		}
		return steps;
	}

	/**
	 * The share of the previous lesson's learners who did not reach this one. Counted from the two totals, so a
	 * learner who skipped a lesson offsets one who stopped; lessons are read in order far more often than not.
	 */
	public static Double dropOff(Integer previous, int reached) {
		if (previous == null || previous == 0) {
			return null;
		}
		return round(Math.max(0, previous - reached) / (double) previous);
	}

	/** Fills {@code trend} with the period's ISO weeks; answers whether earlier weeks were left out. */
	private boolean trend(CourseAnalyticsSlice slice, CourseAnalyticsFilter filter, CourseAnalyticsTotals totals, List<Week> trend) {
		LocalDate first = filter.from() != null ? filter.from() : day(totals.first());
		LocalDate last = filter.to() != null ? filter.to() : day(totals.last());
		if (first == null || last == null) {
			return false;
		}
		LocalDate firstMonday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate lastMonday = last.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		boolean cut = false;
		if (firstMonday.plusWeeks(MAX_TREND_WEEKS).isBefore(lastMonday.plusWeeks(1))) {
			firstMonday = lastMonday.minusWeeks(MAX_TREND_WEEKS - 1);
			cut = true;
		}
		List<Instant> bounds = new ArrayList<>();
		List<LocalDate> mondays = new ArrayList<>();
		for (LocalDate monday = firstMonday; !monday.isAfter(lastMonday); monday = monday.plusWeeks(1)) {
			mondays.add(monday);
			bounds.add(monday.atStartOfDay(ZoneOffset.UTC).toInstant());
		}
		bounds.add(lastMonday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		List<int[]> rows = queries.weekly(slice, bounds);
		for (int i = 0; i < mondays.size(); i++) {
			LocalDate monday = mondays.get(i);
			String iso = String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
					monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			int[] row = rows.get(i);
			trend.add(new Week(iso, monday, row[0], row[1], row[2]));
		}
		return cut;
	}

	/** The median of the durations in minutes to one decimal; the mean of the middle two for an even count. */
	static Double medianMinutes(List<Duration> times) {
		if (times.isEmpty()) {
			return null;
		}
		List<Long> seconds = times.stream().map(Duration::toSeconds).sorted().toList();
		int n = seconds.size();
		double middle = n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2.0;
		return BigDecimal.valueOf(middle / 60.0).setScale(1, RoundingMode.HALF_UP).doubleValue();
	}

	/** The part as a share of the whole, rounded; null when the whole is zero. */
	public static Double share(int part, int whole) {
		return whole == 0 ? null : round(part / (double) whole);
	}

	/** Four decimals: enough for a percentage with two, without binary noise in JSON and CSV. */
	public static double round(double value) {
		return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
	}

	private static LocalDate day(Instant instant) {
		return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}
}
