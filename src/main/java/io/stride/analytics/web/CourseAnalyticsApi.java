package io.stride.analytics.web;

import java.time.LocalDate;
import java.util.List;

import io.stride.analytics.course.CourseAnalytics;
import io.stride.analytics.course.CourseAnalyticsFilter;
import io.stride.analytics.course.CourseAnalyticsReport;
import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Analytics", description = "Course figures from the learning record, and where learners struggle")
@SecurityRequirement(name = "bearer")
class CourseAnalyticsApi {

	private final CourseAnalytics analytics;

	CourseAnalyticsApi(CourseAnalytics analytics) {
		this.analytics = analytics;
	}

	record FunnelStepView(String lessonId, String lessonTitle, int position, int reached, Double dropOff) {
	}

	record WeekView(String week, LocalDate weekStart, int opened, int started, int completed) {
	}

	record ReactionsView(int helpful, int unclear, int outdated, int total) {
	}

	record AnalyticsView(int opened, int started, int completed, Double passRate, Double medianMinutes,
			Integer reactionScore, List<FunnelStepView> funnel, String courseId, String courseTitle, String teamId,
			String teamName, LocalDate from, LocalDate to, Double completionRate, int attemptsStarted, int attempts,
			int passedAttempts, int learnersPassed, int openImprovementRequests, ReactionsView reactions,
			List<WeekView> trend, boolean trendCut) {

		static AnalyticsView of(CourseAnalyticsReport r, CourseAnalyticsFilter filter) {
			return new AnalyticsView(r.opened(), r.started(), r.completed(), r.passRate(), r.medianMinutes(),
					r.reactionScore(),
					r.funnel()
						.stream()
						.map(s -> new FunnelStepView(s.lessonId(), s.lessonTitle(), s.position(), s.reached(), s.dropOff()))
						.toList(),
					r.courseId().value(), r.courseTitle(), filter.team() == null ? null : filter.team().value(), r.teamName(),
					r.from(), r.to(), r.completionRate(), r.attemptsStarted(), r.attempts(), r.passedAttempts(),
					r.learnersPassed(), r.openImprovementRequests(),
					new ReactionsView(r.reactions().helpful(), r.reactions().unclear(), r.reactions().outdated(),
							r.reactions().total()),
					r.trend()
						.stream()
						.map(w -> new WeekView(w.isoWeek(), w.weekStart(), w.opened(), w.started(), w.completed()))
						.toList(),
					r.trendCut());
		}
	}

	@GetMapping("/courses/{id}/analytics")
	@Operation(summary = "A course's figures for a team (its sub-teams included) and a period of whole UTC days. Learner "
			+ "counts are distinct people: opened, started (read a lesson or started the quiz), completed; completionRate "
			+ "= completed / started and passRate = passed / graded attempts, as fractions from 0 to 1 (null when there "
			+ "is nothing to divide by); medianMinutes from a learner's first open or start to completion; funnel: learners "
			+ "who read each lesson in lesson order, with dropOff = share of the previous lesson's learners who did not "
			+ "reach it; reactionScore from −100 to 100 (current reactions, whatever the period); trend per ISO week (at "
			+ "most 156 weeks, the last ones). The course's authors, admins and L&D reviewers see everyone, a manager their own team "
			+ "tree; 404 for everyone else and for a team the manager does not manage; 422 for a date that is not "
			+ "YYYY-MM-DD, from after to, or an unknown team")
	AnalyticsView analytics(Viewer me, @PathVariable String id,
			@Parameter(description = "a team id; omitted: everyone the caller may see") @RequestParam(required = false) String teamId,
			@Parameter(description = "first day counted, YYYY-MM-DD (UTC)") @RequestParam(required = false) String from,
			@Parameter(description = "last day counted, YYYY-MM-DD (UTC)") @RequestParam(required = false) String to) {
		CourseAnalyticsFilter filter = CourseAnalyticsFilter.parse(teamId, from, to);
		return AnalyticsView.of(analytics.report(me, new CourseId(id), filter), filter);
	}
}
