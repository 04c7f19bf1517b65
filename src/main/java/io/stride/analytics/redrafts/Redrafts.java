package io.stride.analytics.redrafts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.analytics.items.ItemAnalysis;
import io.stride.analytics.items.ItemAnalysisQuestion;
import io.stride.analytics.items.ItemAnalysisStatistics;
import io.stride.analytics.redrafts.internal.RedraftRecords;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.QuestionRegenerator;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The redraft loop of item analysis: alternatives to a flagged question drafted from its source passage, the one
 * the author picks (and may edit) saved in its place in the course's working copy, which then goes through the
 * course's review policy like any change; and, once the new question is live, its statistics beside the old one's.
 * The course's editors redraft; its reviewers see the redrafts; for everyone else the course is not found.
 */
@Service
public class Redrafts {

	/** First attempts at a new question before its statistics are shown beside the old one's. */
	public static final int ENOUGH_ATTEMPTS = 10;

	/** Alternatives offered for one question. */
	public static final int MAX_ALTERNATIVES = 3;

	private final Authoring authoring;

	private final QuestionRegenerator regenerator;

	private final ItemAnalysis analysis;

	private final RedraftRecords redrafts;

	private final Clock clock;

	Redrafts(Authoring authoring, QuestionRegenerator regenerator, ItemAnalysis analysis,
			RedraftRecords redrafts, Clock clock) {
		this.authoring = authoring;
		this.regenerator = regenerator;
		this.analysis = analysis;
		this.redrafts = redrafts;
		this.clock = clock;
	}

	/** What the redraft page shows for one question of the working copy: its statistics and the alternatives. */
	public record Alternatives(Course course, Question question, Optional<ItemAnalysisQuestion> analysed,
			List<Question> candidates) {
	}

	/**
	 * Drafts up to {@link #MAX_ALTERNATIVES} alternatives to a question of the working copy from the same passage;
	 * nothing is saved. 404 for a question not in the working copy.
	 */
	@Transactional(readOnly = true)
	public Alternatives alternatives(Viewer editor, CourseId id, String questionId) {
		Alternatives question = question(editor, id, questionId);
		// the redraft form edits choice and ordering questions; matching and numeric ones are written in the builder
		List<Question> editable = regenerator.alternatives(editor, id, questionId, MAX_ALTERNATIVES * 3)
			.stream()
			.filter(q -> q.kind().choice() || q.kind() == QuestionKind.ORDERING)
			.limit(MAX_ALTERNATIVES)
			.toList();
		return new Alternatives(question.course(), question.question(), question.analysed(), editable);
	}

	/** The same without drafting: the question of the working copy and its statistics. */
	@Transactional(readOnly = true)
	public Alternatives question(Viewer editor, CourseId id, String questionId) {
		Course course = editable(editor, id);
		Question question = inWorkingCopy(course, questionId);
		Optional<ItemAnalysisQuestion> analysed = analysis.of(editor, id, false)
			.questions()
			.stream()
			.filter(q -> q.questionId().equals(questionId))
			.findFirst();
		return new Alternatives(course, question, analysed, List.of());
	}

	/**
	 * Saves {@code replacement} in place of the question in the working copy (a published course gets a new draft
	 * version first) and records the link between the two. 422 with errors named {@code question.*}, 409 when the
	 * course was saved since {@code revision} or is in review.
	 */
	@Transactional
	public Redraft redraft(Viewer editor, CourseId id, String questionId, Integer revision, Question replacement) {
		Course course = editable(editor, id);
		if (revision == null) {
			throw new InvalidInputException("revision", "Send the revision of the course you last read.");
		}
		if (replacement == null) {
			throw new InvalidInputException("question", "Send the new question.");
		}
		inWorkingCopy(course, questionId);
		QuestionRegenerator.Replaced replaced = regenerator.replace(editor, id, revision, questionId, replacement);
		Redraft redraft = new Redraft(Ids.newId(), id, questionId, replaced.newQuestionId(), course.liveVersion(),
				replaced.course().version(), editor.id(), clock.instant());
		redrafts.add(redraft);
		return redraft;
	}

	/**
	 * The course's redrafts, oldest first, with where each stands and the statistics before and after. For the
	 * course's editors, reviewers and admins.
	 */
	@Transactional(readOnly = true)
	public List<RedraftReport> of(Viewer viewer, CourseId id) {
		return reports(visible(viewer, id));
	}

	/** The course's working copy for those who see its item analysis; for anyone else it is not found. */
	private Course visible(Viewer viewer, CourseId id) {
		Course course = authoring.forReview(id);
		if (!analysis.visibleTo(viewer, course)) {
			throw new NotFoundException("Course");
		}
		return course;
	}

	private List<RedraftReport> reports(Course course) {
		CourseId id = course.id();
		List<Redraft> all = redrafts.of(id);
		if (all.isEmpty()) {
			return List.of();
		}
		Map<String, PersonId> learners = analysis.submittedAttemptsWithLearners(id);
		Map<String, Map<String, ItemAnalysisStatistics.Answered>> answers = analysis.answers(id, learners.keySet());
		List<RedraftReport> reports = new ArrayList<>();
		for (Redraft redraft : all) {
			Optional<Course> oldVersion = redraft.fromVersion() == null ? Optional.empty()
					: authoring.publishedVersion(id, redraft.fromVersion());
			Optional<Course> newVersion = course.liveVersion() != null && course.liveVersion() >= redraft.madeInVersion()
					? authoring.publishedVersion(id, redraft.madeInVersion())
						.filter(v -> v.question(redraft.newQuestionId()).isPresent())
					: Optional.empty();
			RedraftReport.State state;
			if (newVersion.isPresent()) {
				state = RedraftReport.State.PUBLISHED;
			}
			else if (course.version() == redraft.madeInVersion() && course.question(redraft.newQuestionId()).isPresent()
					&& !course.isRetired()) {
				state = course.isInReview() ? RedraftReport.State.IN_REVIEW : RedraftReport.State.DRAFT;
			}
			else {
				state = RedraftReport.State.WITHDRAWN;
			}
			ItemAnalysisQuestion before = oldVersion.flatMap(v -> statistics(v, redraft.oldQuestionId(), learners, answers))
				.orElse(null);
			ItemAnalysisQuestion after = newVersion.flatMap(v -> statistics(v, redraft.newQuestionId(), learners, answers))
				.orElse(null);
			int afterAttempts = after == null ? 0 : after.attempts();
			int needed = state == RedraftReport.State.PUBLISHED ? Math.max(0, ENOUGH_ATTEMPTS - afterAttempts) : ENOUGH_ATTEMPTS;
			String newPrompt = newVersion.or(() -> Optional.of(course))
				.flatMap(v -> v.question(redraft.newQuestionId()))
				.map(Question::prompt)
				.orElse(null);
			String oldPrompt = oldVersion.or(() -> Optional.of(course))
				.flatMap(v -> v.question(redraft.oldQuestionId()))
				.map(Question::prompt)
				.orElse(null);
			reports.add(new RedraftReport(redraft, oldPrompt, newPrompt, state,
					state == RedraftReport.State.PUBLISHED ? redraft.madeInVersion() : null, before,
					needed == 0 ? after : null, afterAttempts, needed));
		}
		return reports;
	}

	/**
	 * What the item analysis page says about redrafts: whether the viewer may make them, the course's state, and
	 * whether its working copy can now be published or submitted for review.
	 */
	public record Overview(boolean mayRedraft, String courseStatus, int revision, boolean submittable,
			List<RedraftReport> redrafts) {

		/** Whether this question was redrafted and its replacement is not published yet. */
		public boolean pending(String questionId) {
			return redrafts.stream()
				.anyMatch(r -> r.redraft().oldQuestionId().equals(questionId) && (r.state() == RedraftReport.State.DRAFT
						|| r.state() == RedraftReport.State.IN_REVIEW));
		}
	}

	@Transactional(readOnly = true)
	public Overview overview(Viewer viewer, CourseId id) {
		Course course = visible(viewer, id);
		List<RedraftReport> reports = reports(course);
		boolean mayRedraft = Authoring.mayEdit(viewer, course);
		return new Overview(mayRedraft, course.statusLabel(), course.revision(),
				mayRedraft && course.state().canPublish(), reports);
	}

	/**
	 * Publishes the working copy with its redrafts, or submits it for review, as the course's review policy says.
	 * @return the course, published or in review
	 */
	@Transactional
	public Course submit(Viewer editor, CourseId id, int revision) {
		editable(editor, id);
		return authoring.requestPublication(editor, id, revision);
	}

	/**
	 * One question's statistics in a version, over each learner's first attempt that was asked it; the rest of the
	 * test is that version's other questions. Empty when nobody was asked it.
	 */
	private Optional<ItemAnalysisQuestion> statistics(Course version, String questionId, Map<String, PersonId> learners,
			Map<String, Map<String, ItemAnalysisStatistics.Answered>> answers) {
		List<Question> questions = version.quiz().questions();
		Set<PersonId> seen = new HashSet<>();
		List<ItemAnalysisStatistics.Attempt> firsts = analysis.attemptsAt(questions, answers)
			.stream()
			.filter(a -> a.answers().containsKey(questionId))
			.filter(a -> seen.add(learners.get(a.id())))
			.toList();
		if (firsts.isEmpty()) {
			return Optional.empty();
		}
		return ItemAnalysisStatistics.report(version.id(), version.title(), false, questions, firsts, analysis.thresholds())
			.questions()
			.stream()
			.filter(q -> q.questionId().equals(questionId))
			.findFirst();
	}

	/**
	 * The question in the working copy; 409 for one learners still have but the draft replaced (redrafted already),
	 * 404 for one the course never had.
	 */
	private Question inWorkingCopy(Course course, String questionId) {
		Optional<Question> question = course.question(questionId);
		if (question.isPresent()) {
			return question.get();
		}
		if (course.liveVersion() != null && authoring.published(course.id()).question(questionId).isPresent()) {
			throw new ConflictException("This question is no longer in the course's draft of version " + course.version()
					+ ": it was replaced (redrafted) or removed there. Redraft the question that took its place, or "
					+ "edit the draft in the course builder.");
		}
		throw new NotFoundException("Question");
	}

	/** Editors and admins redraft; others who see item analysis (L&D) are refused; anyone else finds no course. */
	private Course editable(Viewer viewer, CourseId id) {
		Course course = authoring.forReview(id);
		if (Authoring.mayEdit(viewer, course)) {
			return course;
		}
		if (analysis.visibleTo(viewer, course)) {
			throw new ForbiddenException("Only the course's author or an admin can redraft its questions.");
		}
		throw new NotFoundException("Course");
	}
}
