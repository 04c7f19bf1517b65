package io.stride.analytics.course;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningRecord;
import io.stride.analytics.course.ComponentFigures.Row;
import io.stride.analytics.course.internal.ComponentQueries;
import io.stride.analytics.course.internal.CourseAnalyticsQueries;
import io.stride.analytics.course.internal.CourseAnalyticsSlice;
import io.stride.analytics.internal.CourseAnalyticsAccess;
import io.stride.analytics.items.ItemAnalysis;
import io.stride.analytics.items.ItemAnalysisQuestion;
import io.stride.analytics.items.ItemAnalysisReport;
import io.stride.analytics.items.ItemAnalysisStatistics;
import io.stride.authoring.Authoring;
import io.stride.authoring.ComponentUses;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.identity.Viewer;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures that follow a component across the courses using it: a reused lesson's reach and drop-off, a reused
 * question's item statistics, per course and pooled. The definitions are those of the course funnel and of item
 * analysis (each learner's first attempt); rows are left out for courses whose figures the viewer may not see (their
 * editors, admins and L&D see them), and a component with no row the viewer may see is not found.
 */
@Service
@Transactional(readOnly = true)
public class ComponentAnalytics {

	private final ComponentUses uses;

	private final Authoring authoring;

	private final CourseAnalyticsAccess access;

	private final CourseAnalyticsQueries queries;

	private final ItemAnalysis itemAnalysis;

	private final ComponentQueries componentQueries;

	private final LearningRecord record;

	ComponentAnalytics(ComponentUses uses, Authoring authoring, CourseAnalyticsAccess access,
			CourseAnalyticsQueries queries, ItemAnalysis itemAnalysis,
			ComponentQueries componentQueries, LearningRecord record) {
		this.uses = uses;
		this.authoring = authoring;
		this.access = access;
		this.queries = queries;
		this.itemAnalysis = itemAnalysis;
		this.componentQueries = componentQueries;
		this.record = record;
	}

	public ComponentFigures of(Viewer viewer, String componentId) {
		ComponentUses.Component component = uses.component(componentId)
			.orElseThrow(() -> new NotFoundException("Component"));
		List<CourseId> ids = component.uses().stream().map(ComponentUses.Use::courseId).distinct().toList();
		Map<CourseId, Course> live = authoring.published(ids);
		boolean lesson = "LESSON".equals(component.kind());
		if (lesson) {
			queries.catchUp();
		}
		List<Row> rows = new ArrayList<>();
		Set<CourseId> hidden = new HashSet<>();
		String title = null;
		for (ComponentUses.Use use : component.uses()) {
			Course working;
			try {
				working = authoring.forReview(use.courseId());
			}
			catch (NotFoundException gone) {
				continue;
			}
			if (!access.seesEveryone(viewer, working)) {
				hidden.add(use.courseId());
				continue;
			}
			Course taken = live.getOrDefault(use.courseId(), working);
			boolean isLive = live.containsKey(use.courseId());
			Row row = lesson ? lessonRow(use, taken, isLive) : questionRow(use, taken, isLive, component.kind());
			rows.add(row);
			if (title == null || "SOURCE".equals(use.mode())) {
				title = elementTitle(taken, use.elementId()).orElse(title);
			}
		}
		if (rows.isEmpty()) {
			throw new NotFoundException("Component");
		}
		Row pooled = lesson ? pooledLesson(rows) : pooledQuestion(rows);
		return new ComponentFigures(component.id(), component.kind(), title == null ? "(removed)" : title, rows, pooled,
				hidden.size(), itemAnalysis.thresholds().minimumAttempts());
	}

	/** Whether the viewer may see the figures of at least one course using the component (so its page is not 404). */
	public boolean mayRead(Viewer viewer, String componentId) {
		return uses.component(componentId).stream().flatMap(c -> c.uses().stream()).anyMatch(use -> {
			try {
				return access.seesEveryone(viewer, authoring.forReview(use.courseId()));
			}
			catch (NotFoundException gone) {
				return false;
			}
		});
	}

	/** Reach and drop-off as in the course funnel: distinct learners who read it, and who read the next lesson. */
	private Row lessonRow(ComponentUses.Use use, Course course, boolean isLive) {
		int at = -1;
		for (int i = 0; i < course.lessons().size(); i++) {
			if (use.elementId().equals(course.lessons().get(i).id())) {
				at = i;
			}
		}
		if (!isLive || at < 0) {
			return new Row(course.id(), course.title(), use.mode(), use.elementId(), false, 0, 0, null, 0, null, null);
		}
		CourseAnalyticsSlice slice = new CourseAnalyticsSlice(course.id().value(), null, null, null);
		Map<String, Integer> reachedByIri = queries.reachedByLesson(slice);
		int reached = reachedByIri.getOrDefault(record.activityIri(ActivityType.LESSON, use.elementId()), 0);
		int next;
		if (at + 1 < course.lessons().size()) {
			Lesson following = course.lessons().get(at + 1);
			next = reachedByIri.getOrDefault(record.activityIri(ActivityType.LESSON, following.id()), 0);
		}
		else {
			// after the last lesson, going on is completing the course
			next = queries.totals(slice).completed();
		}
		int continued = Math.min(reached, next);
		return new Row(course.id(), course.title(), use.mode(), use.elementId(), true, reached, continued,
				CourseAnalytics.dropOff(reached, continued), 0, null, null);
	}

	/**
	 * A quiz question's figures from the course's item analysis (each learner's first attempt, over the quiz of the
	 * version learners take); a knowledge check's facility from each learner's first answer, with no discrimination
	 * index since it has no quiz total to set it against.
	 */
	private Row questionRow(ComponentUses.Use use, Course course, boolean isLive, String kind) {
		if ("KNOWLEDGE_CHECK".equals(kind)) {
			boolean there = course.knowledgeCheck(use.elementId()).isPresent();
			List<Double> scores = there ? componentQueries.firstCheckScores(course.id().value(),
					record.activityIri(ActivityType.QUESTION, use.elementId())) : List.of();
			Double facility = scores.isEmpty() ? null
					: CourseAnalytics.round(scores.stream().mapToDouble(Double::doubleValue).average().orElse(0));
			return new Row(course.id(), course.title(), use.mode(), use.elementId(), isLive && there, 0, 0, null,
					scores.size(), facility, null);
		}
		List<Question> questions = course.quiz().questions();
		if (!isLive || questions.stream().noneMatch(q -> use.elementId().equals(q.id()))) {
			return new Row(course.id(), course.title(), use.mode(), use.elementId(), false, 0, 0, null, 0, null, null);
		}
		List<ItemAnalysisStatistics.Attempt> attempts = itemAnalysis.attemptsAt(questions,
				itemAnalysis.firstAttemptAnswers(course.id()));
		ItemAnalysisReport report = ItemAnalysisStatistics.report(course.id(), course.title(), false, questions, attempts,
				itemAnalysis.thresholds());
		ItemAnalysisQuestion q = report.questions()
			.stream()
			.filter(r -> use.elementId().equals(r.questionId()))
			.findFirst()
			.orElseThrow();
		return new Row(course.id(), course.title(), use.mode(), use.elementId(), true, 0, 0, null, q.attempts(),
				q.facility(), q.discriminationIndex());
	}

	private static Row pooledLesson(List<Row> rows) {
		int reached = rows.stream().mapToInt(Row::reached).sum();
		int continued = rows.stream().mapToInt(Row::continued).sum();
		return new Row(null, "All courses", null, null, true, reached, continued,
				CourseAnalytics.dropOff(reached, continued), 0, null, null);
	}

	/**
	 * Facility pooled exactly (every attempt's credit over every attempt); the discrimination index as the courses'
	 * indices weighted by their attempts, since each is against its own quiz's total.
	 */
	private static Row pooledQuestion(List<Row> rows) {
		int attempts = 0;
		double credit = 0;
		int weighted = 0;
		double discrimination = 0;
		for (Row row : rows) {
			if (row.facility() != null && row.attempts() > 0) {
				attempts += row.attempts();
				credit += row.facility() * row.attempts();
			}
			if (row.discriminationIndex() != null && row.attempts() > 0) {
				weighted += row.attempts();
				discrimination += row.discriminationIndex() * row.attempts();
			}
		}
		return new Row(null, "All courses", null, null, true, 0, 0, null, attempts,
				attempts == 0 ? null : CourseAnalytics.round(credit / attempts),
				weighted == 0 ? null : CourseAnalytics.round(discrimination / weighted));
	}

	private static Optional<String> elementTitle(Course course, String elementId) {
		return course.lesson(elementId)
			.map(Lesson::title)
			.or(() -> course.question(elementId).map(Question::prompt))
			.or(() -> course.knowledgeCheck(elementId).map(Question::prompt));
	}
}
