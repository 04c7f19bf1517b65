package io.stride.review;

import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.CourseSubmittedForReview;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.review.internal.ReviewCases;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review cases. The default policies: medium-risk courses need one approval by a reviewer; high-risk courses
 * two in sequence (subject-matter expert, then compliance). Nobody approves their own course or a version they
 * edited, and one person never decides two steps of the same case.
 */
@Service
@Transactional
public class Reviews {

	static List<String> stepsFor(RiskTier tier) {
		return switch (tier) {
			case LOW -> List.of();
			case MEDIUM -> List.of("Reviewer");
			case HIGH -> List.of("Subject-matter expert", "Compliance");
		};
	}

	private final ReviewCases cases;

	private final Authoring authoring;

	private final ApplicationEventPublisher events;

	Reviews(ReviewCases cases, Authoring authoring, ApplicationEventPublisher events) {
		this.cases = cases;
		this.authoring = authoring;
		this.events = events;
	}

	@EventListener
	void on(CourseSubmittedForReview submitted) {
		cases.open(Ids.newId(), submitted.courseId(), submitted.version(), submitted.tier(), submitted.author(),
				stepsFor(submitted.tier()));
	}

	/** The open case of a course, if it is in review. */
	@Transactional(readOnly = true)
	public java.util.Optional<ReviewCase> latestFor(CourseId course) {
		return cases.latestFor(course);
	}

	/** A case for its author, reviewers and admins. */
	@Transactional(readOnly = true)
	public ReviewCase reviewCase(Viewer viewer, String id) {
		ReviewCase reviewCase = (Ids.looksValid(id) ? cases.find(id) : java.util.Optional.<ReviewCase>empty())
			.orElseThrow(() -> new NotFoundException("Review"));
		if (!viewer.is(reviewCase.authorId()) && !isReviewer(viewer)) {
			throw new NotFoundException("Review");
		}
		return reviewCase;
	}

	/** Open cases the viewer could decide now: not their own, not versions they edited. */
	@Transactional(readOnly = true)
	public List<ReviewCase> queue(Viewer viewer) {
		if (!isReviewer(viewer)) {
			return List.of();
		}
		return cases.openCases().stream().filter(c -> refusal(viewer, c) == null).toList();
	}

	public ReviewCase approve(Viewer reviewer, String caseId, String comment) {
		ReviewCase reviewCase = (Ids.looksValid(caseId) ? cases.find(caseId) : java.util.Optional.<ReviewCase>empty())
			.orElseThrow(() -> new NotFoundException("Review"));
		String refused = refusal(reviewer, reviewCase);
		if (refused != null) {
			throw new ForbiddenException(refused);
		}
		ReviewStep step = reviewCase.currentStep().orElseThrow();
		if (!cases.decide(caseId, step.position(), reviewer.id(), trim(comment))) {
			throw new ForbiddenException("This step was decided a moment ago by someone else.");
		}
		Course course = authoring.forReview(reviewCase.courseId());
		events.publishEvent(new ReviewStepApproved(caseId, course.id(), course.title(), step.name(), reviewer.id()));
		if (step.position() == reviewCase.steps().size() - 1) {
			cases.close(caseId, "APPROVED");
			authoring.publishReviewed(course.id(), reviewer.id());
		}
		return cases.find(caseId).orElseThrow();
	}

	public ReviewCase requestChanges(Viewer reviewer, String caseId, String comment, String anchor) {
		ReviewCase reviewCase = (Ids.looksValid(caseId) ? cases.find(caseId) : java.util.Optional.<ReviewCase>empty())
			.orElseThrow(() -> new NotFoundException("Review"));
		if (!reviewCase.open()) {
			throw new ConflictException("This review is closed.");
		}
		if (!isReviewer(reviewer) || reviewer.is(reviewCase.authorId())) {
			throw new ForbiddenException("Only a reviewer other than the author can ask for changes.");
		}
		if (comment == null || comment.isBlank()) {
			throw new InvalidInputException("comment", "Say what should change.");
		}
		cases.comment(Ids.newId(), caseId, reviewer.id(), trim(anchor), trim(comment));
		cases.close(caseId, "CHANGES_REQUESTED");
		authoring.returnToDraft(reviewCase.courseId());
		Course course = authoring.forReview(reviewCase.courseId());
		events.publishEvent(new ChangesRequested(caseId, course.id(), course.title(), reviewer.id(), trim(comment)));
		return cases.find(caseId).orElseThrow();
	}

	/** Why this person may not approve the case's current step; null when they may. */
	private String refusal(Viewer viewer, ReviewCase reviewCase) {
		if (!reviewCase.open() || reviewCase.currentStep().isEmpty()) {
			return "This review is closed.";
		}
		if (viewer.is(reviewCase.authorId())) {
			return "You wrote this course; someone else must approve it.";
		}
		if (!isReviewer(viewer)) {
			return "Only reviewers can approve; an admin grants the role.";
		}
		if (authoring.editorsOf(reviewCase.courseId(), reviewCase.version()).contains(viewer.id())) {
			return "You edited this version; someone who did not must approve it.";
		}
		boolean decidedEarlierStep = reviewCase.steps()
			.stream()
			.anyMatch(s -> !s.pending() && viewer.id().value().equals(s.decidedBy()));
		if (decidedEarlierStep) {
			return "You approved an earlier step of this review; the next step needs another person.";
		}
		return null;
	}

	private static boolean isReviewer(Viewer viewer) {
		return viewer.roles().contains(Role.REVIEWER) || viewer.isAdmin();
	}

	private static String trim(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		return t.length() > 4000 ? t.substring(0, 4000) : t;
	}

	public record ReviewStepApproved(String caseId, CourseId courseId, String title, String step, PersonId by) {
	}

	public record ChangesRequested(String caseId, CourseId courseId, String title, PersonId by, String comment) {
	}
}
