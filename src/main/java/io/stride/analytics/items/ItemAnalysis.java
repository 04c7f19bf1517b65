package io.stride.analytics.items;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningRecord;
import io.stride.analytics.internal.CourseAnalyticsAccess;
import io.stride.analytics.items.internal.ItemAnalysisRecords;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Question;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Item analysis of a course's final quiz, computed from the learning record: each submitted attempt's answers are
 * the statements that carry its registration. The course's editors, admins and L&D reviewers see it; for everyone else
 * the course is not found. Admins set the thresholds that flag questions.
 */
@Service
public class ItemAnalysis {

	private final Authoring authoring;

	private final LearningRecord record;

	private final ItemAnalysisRecords records;

	private final Clock clock;

	private final CourseAnalyticsAccess access;

	ItemAnalysis(Authoring authoring, LearningRecord record, ItemAnalysisRecords records, Clock clock,
			CourseAnalyticsAccess access) {
		this.authoring = authoring;
		this.access = access;
		this.record = record;
		this.records = records;
		this.clock = clock;
	}

	/**
	 * The quiz's statistics over each learner's first submitted attempt, or over every attempt with
	 * {@code allAttempts}. Questions are those of the published version learners take (the working copy before the
	 * first publication); answers to questions no longer in it are left out.
	 */
	@Transactional(readOnly = true)
	public ItemAnalysisReport of(Viewer viewer, CourseId id, boolean allAttempts) {
		Course course = authoring.forReview(id);
		if (!visibleTo(viewer, course)) {
			throw new NotFoundException("Course");
		}
		Course taken = course.isLive() ? authoring.published(id) : course;
		List<Question> questions = taken.quiz().questions();
		List<ItemAnalysisStatistics.Attempt> attempts = attemptsAt(questions,
				records.answers(id, records.submittedAttempts(id, !allAttempts)));
		return ItemAnalysisStatistics.report(course.id(), course.title(), allAttempts, questions, attempts,
				thresholds());
	}

	/** Whether the viewer sees this course's item analysis: its editors, admins and the L&D team. */
	public boolean visibleTo(Viewer viewer, Course course) {
		return access.seesEveryone(viewer, course);
	}

	/**
	 * The attempts as answers to these questions, by question id; answers to other questions are left out, and so
	 * are attempts none of whose questions are among them.
	 */
	public List<ItemAnalysisStatistics.Attempt> attemptsAt(List<Question> questions,
			Map<String, Map<String, ItemAnalysisStatistics.Answered>> answersByAttempt) {
		Map<String, String> questionByIri = new HashMap<>();
		questions.forEach(q -> questionByIri.put(record.activityIri(ActivityType.QUESTION, q.id()), q.id()));
		List<ItemAnalysisStatistics.Attempt> attempts = new ArrayList<>();
		answersByAttempt.forEach((attemptId, byIri) -> {
			Map<String, ItemAnalysisStatistics.Answered> answers = new HashMap<>();
			byIri.forEach((iri, answered) -> {
				String questionId = questionByIri.get(iri);
				if (questionId != null) {
					answers.put(questionId, answered);
				}
			});
			// an attempt none of whose questions are in this version says nothing about its questions
			if (!answers.isEmpty()) {
				attempts.add(new ItemAnalysisStatistics.Attempt(attemptId, answers));
			}
		});
		return attempts;
	}

	/**
	 * The answers of each learner's first submitted attempt at the course, by attempt id and then by question IRI; the
	 * caller has checked that the viewer sees them.
	 */
	public Map<String, Map<String, ItemAnalysisStatistics.Answered>> firstAttemptAnswers(CourseId course) {
		return records.answers(course, records.submittedAttempts(course, true));
	}

	/** Every submitted attempt at the course with the learner who made it, by attempt id, oldest first. */
	public Map<String, PersonId> submittedAttemptsWithLearners(CourseId course) {
		return records.submittedAttemptsWithLearners(course);
	}

	/** The answers of these attempts at the course, by attempt id and then by question IRI. */
	public Map<String, Map<String, ItemAnalysisStatistics.Answered>> answers(CourseId course, Set<String> attempts) {
		return records.answers(course, attempts);
	}

	/** The thresholds in force: the saved ones, or the defaults. */
	@Transactional(readOnly = true)
	public ItemAnalysisThresholds thresholds() {
		return records.thresholds().orElse(ItemAnalysisThresholds.DEFAULTS);
	}

	/**
	 * Changes the thresholds (admins only, 403 otherwise); 422 with a message per field, 409 when another admin saved
	 * since {@code revision} was read.
	 */
	@Transactional
	public ItemAnalysisThresholds changeThresholds(Viewer viewer, ItemAnalysisThresholds.Change change) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Only admins change the item analysis thresholds.");
		}
		change.check();
		if (!records.saveThresholds(change, viewer.id(), clock.instant())) {
			throw new ConflictException(
					"The thresholds were changed by someone else since you opened them; reload and try again.");
		}
		return thresholds();
	}
}
