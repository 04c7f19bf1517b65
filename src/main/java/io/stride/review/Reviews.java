package io.stride.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.CoursePublished;
import io.stride.authoring.CourseSubmittedForReview;
import io.stride.authoring.ReviewPolicies;
import io.stride.authoring.ReviewPolicy;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.review.internal.ReviewCases;
import io.stride.review.internal.ReviewerProfiles;
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
 * Review cases, routed by the policy of the course's risk tier (admins edit the policies). Defaults: low risk
 * publishes at once and gets a peer spot-check within 14 days; medium needs one approval by a reviewer for the
 * course's topic or an L&D reviewer; high needs two in sequence, subject-matter expert then compliance. Nobody
 * decides on their own course or a version they edited, one person never decides two steps of the same case, and
 * of reviewers deciding the same step at once (approving, rejecting or asking for changes) only the first counts.
 */
@Service
@Transactional
public class Reviews {

	public static final String SPOT_CHECK_STEP = "Peer spot-check";

	private static final String CLOSED = "This review is closed.";

	private final ReviewCases cases;

	private final ReviewerProfiles profiles;

	private final Authoring authoring;

	private final ReviewPolicies policies;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	Reviews(ReviewCases cases, ReviewerProfiles profiles, Authoring authoring, ReviewPolicies policies,
			Organization organization, ApplicationEventPublisher events) {
		this.cases = cases;
		this.profiles = profiles;
		this.authoring = authoring;
		this.policies = policies;
		this.organization = organization;
		this.events = events;
	}

	@EventListener
	void on(CourseSubmittedForReview submitted) {
		ReviewPolicy policy = policies.policy(submitted.tier());
		List<ReviewPolicy.Step> steps = policy.steps().isEmpty()
				? List.of(new ReviewPolicy.Step("Reviewer", ReviewPolicy.Who.ANY)) : policy.steps();
		String id = Ids.newId();
		cases.open(id, ReviewCase.BEFORE_PUBLISHING, submitted.courseId(), submitted.version(), submitted.tier(),
				submitted.author(), steps, Instant.now().plus(Duration.ofHours(policy.slaHours())),
				authoring.topicOf(submitted.courseId()));
		announce(cases.find(id).orElseThrow(), submitted.title());
	}

	/** A course published at once gets the spot-check its policy asks for. */
	@EventListener
	void on(CoursePublished published) {
		ReviewPolicy policy = policies.policy(published.tier());
		if (!policy.publishesAtOnce() || policy.spotCheckDays() == null) {
			return;
		}
		Course course = authoring.forReview(published.courseId());
		String id = Ids.newId();
		cases.open(id, ReviewCase.SPOT_CHECK, course.id(), published.version(), published.tier(), course.authorId(),
				List.of(new ReviewPolicy.Step(SPOT_CHECK_STEP, ReviewPolicy.Who.ANY)),
				Instant.now().plus(Duration.ofDays(policy.spotCheckDays())), authoring.topicOf(course.id()));
		announce(cases.find(id).orElseThrow(), published.title());
	}

	/** The newest case of a course. */
	@Transactional(readOnly = true)
	public Optional<ReviewCase> latestFor(CourseId course) {
		return cases.latestFor(course);
	}

	/** The newest case before publishing: the one an author submitted. */
	@Transactional(readOnly = true)
	public Optional<ReviewCase> latestSubmissionFor(CourseId course) {
		return cases.latestFor(course, ReviewCase.BEFORE_PUBLISHING);
	}

	/** A case for its author, reviewers and admins. */
	@Transactional(readOnly = true)
	public ReviewCase reviewCase(Viewer viewer, String id) {
		ReviewCase reviewCase = find(id);
		if (!viewer.is(reviewCase.authorId()) && !isReviewer(viewer)) {
			throw new NotFoundException("Review");
		}
		return reviewCase;
	}

	/** Open cases the viewer could decide now, the soonest due first. */
	@Transactional(readOnly = true)
	public List<ReviewCase> queue(Viewer viewer) {
		if (!isReviewer(viewer)) {
			return List.of();
		}
		return cases.openCases().stream().filter(c -> refusal(viewer, c) == null).toList();
	}

	/** The author's recent cases, newest first: where their courses stand. */
	@Transactional(readOnly = true)
	public List<ReviewCase> submittedBy(Viewer author) {
		return cases.ofAuthor(author.id(), 50);
	}

	/** Whether the viewer may decide the case's current step now: approve, reject or ask for changes. */
	@Transactional(readOnly = true)
	public boolean mayDecide(Viewer viewer, ReviewCase reviewCase) {
		return refusal(viewer, reviewCase) == null;
	}

	public ReviewCase approve(Viewer reviewer, String caseId, String comment) {
		ReviewCase reviewCase = find(caseId);
		ReviewStep step = requireMayDecide(reviewer, reviewCase);
		decide(reviewCase, step, "APPROVED", reviewer, comment);
		Course course = authoring.forReview(reviewCase.courseId());
		boolean last = step.position() == reviewCase.steps().size() - 1;
		if (last) {
			close(caseId, "APPROVED");
		}
		events.publishEvent(new ReviewStepApproved(caseId, course.id(), course.title(), step.name(), reviewer.id(),
				reviewCase.authorId(), last, reviewCase.spotCheck()));
		if (last) {
			if (!reviewCase.spotCheck()) {
				authoring.publishReviewed(course.id(), reviewer.id());
			}
		}
		else {
			cases.due(caseId, Instant.now().plus(Duration.ofHours(policies.policy(reviewCase.tier()).slaHours())));
			announce(find(caseId), course.title());
		}
		return find(caseId);
	}

	/**
	 * Sends the course back to its author with what should change. For a spot-check the course stays published; its
	 * author writes a new version.
	 */
	public ReviewCase requestChanges(Viewer reviewer, String caseId, String comment, String anchor) {
		ReviewCase reviewCase = find(caseId);
		ReviewStep step = requireMayDecide(reviewer, reviewCase);
		requireText(comment, "Say what should change.");
		decide(reviewCase, step, "CHANGES_REQUESTED", reviewer, comment);
		close(caseId, "CHANGES_REQUESTED");
		cases.comment(Ids.newId(), caseId, reviewCase.courseId(), reviewCase.version(), reviewer.id(), null, trim(anchor),
				trim(comment));
		if (!reviewCase.spotCheck()) {
			authoring.returnToDraft(reviewCase.courseId());
		}
		Course course = authoring.forReview(reviewCase.courseId());
		events.publishEvent(new ChangesRequested(caseId, course.id(), course.title(), reviewer.id(), trim(comment),
				reviewCase.authorId(), trim(anchor)));
		return find(caseId);
	}

	/** Turns the submission down with a reason; the course goes back to its author as a draft. */
	public ReviewCase reject(Viewer reviewer, String caseId, String reason) {
		ReviewCase reviewCase = find(caseId);
		ReviewStep step = requireMayDecide(reviewer, reviewCase);
		requireText(reason, "Say why the course is rejected.");
		decide(reviewCase, step, "REJECTED", reviewer, reason);
		close(caseId, "REJECTED");
		cases.comment(Ids.newId(), caseId, reviewCase.courseId(), reviewCase.version(), reviewer.id(), null, null,
				"Rejected: " + trim(reason));
		if (!reviewCase.spotCheck()) {
			authoring.returnToDraft(reviewCase.courseId());
		}
		Course course = authoring.forReview(reviewCase.courseId());
		events.publishEvent(new ReviewRejected(caseId, course.id(), course.title(), reviewer.id(), trim(reason),
				reviewCase.authorId()));
		return find(caseId);
	}

	/**
	 * A comment on the course under review, anchored to a lesson, a paragraph or a question, or a reply in a thread.
	 * Reviewers comment on open cases; the author and reviewers reply to threads of the version, also after the case
	 * went back to the author.
	 */
	public ReviewCase.ReviewComment comment(Viewer viewer, String caseId, String anchor, String body, String parentId) {
		ReviewCase reviewCase = reviewCase(viewer, caseId);
		if (body == null || body.isBlank()) {
			throw new InvalidInputException("body", "Write the comment.");
		}
		ReviewCase.ReviewComment parent = null;
		if (parentId != null && !parentId.isBlank()) {
			parent = (Ids.looksValid(parentId) ? cases.findComment(parentId) : Optional.<ReviewCase.ReviewComment>empty())
				.filter(c -> reviewCase.comments().stream().anyMatch(own -> own.id().equals(c.id())))
				.orElseThrow(() -> new NotFoundException("Comment"));
			if (parent.parentId() != null) {
				throw new InvalidInputException("parentId", "Reply to the first comment of the thread.");
			}
		}
		else if (!reviewCase.open() || !isReviewer(viewer) || viewer.is(reviewCase.authorId())) {
			throw new ForbiddenException(reviewCase.open() ? "Authors reply to reviewers' comments; start a thread as a reviewer."
					: "This review is closed; reply to an existing thread instead.");
		}
		String id = Ids.newId();
		cases.comment(id, caseId, reviewCase.courseId(), reviewCase.version(), viewer.id(),
				parent == null ? null : parent.id(), parent == null ? trim(anchor) : parent.anchor(), trim(body));
		Set<PersonId> recipients = new LinkedHashSet<>();
		recipients.add(reviewCase.authorId());
		reviewCase.comments()
			.stream()
			.filter(c -> parentId != null && (c.id().equals(parentId) || parentId.equals(c.parentId())))
			.forEach(c -> recipients.add(new PersonId(c.authorId())));
		recipients.remove(viewer.id());
		Course course = authoring.forReview(reviewCase.courseId());
		events.publishEvent(new CommentPosted(caseId, course.id(), course.title(), viewer.id(), trim(body),
				List.copyOf(recipients)));
		return cases.findComment(id).orElseThrow();
	}

	/** Marks a thread resolved: by the course's author or a reviewer. */
	public ReviewCase.ReviewComment resolve(Viewer viewer, String commentId) {
		ReviewCase.ReviewComment comment = (Ids.looksValid(commentId) ? cases.findComment(commentId)
				: Optional.<ReviewCase.ReviewComment>empty()).orElseThrow(() -> new NotFoundException("Comment"));
		reviewCase(viewer, cases.caseOfComment(commentId));
		if (comment.parentId() != null) {
			throw new InvalidInputException("commentId", "Resolve the thread from its first comment.");
		}
		if (!cases.resolve(commentId, viewer.id())) {
			throw new ConflictException("This thread is already resolved.");
		}
		return cases.findComment(commentId).orElseThrow();
	}

	/** Reviewers and how they are set up, for admins. */
	@Transactional(readOnly = true)
	public List<ReviewerEntry> reviewers(Viewer admin) {
		requireAdmin(admin);
		List<ReviewerEntry> result = new ArrayList<>();
		for (Person person : organization.withRole(Role.REVIEWER)) {
			result.add(new ReviewerEntry(person.id(), person.name(), person.email(), profile(person.id())));
		}
		return result;
	}

	public ReviewerProfile setUp(Viewer admin, PersonId reviewer, String topics, boolean learningTeam, boolean compliance) {
		requireAdmin(admin);
		Viewer person = organization.viewerOf(reviewer);
		if (!person.roles().contains(Role.REVIEWER) && !person.isAdmin()) {
			throw new InvalidInputException("personId", "Give this person the reviewer role first.");
		}
		List<String> list = topics == null ? List.of()
				: Arrays.stream(topics.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
		if (list.size() > 20 || list.stream().anyMatch(t -> t.length() > 100)) {
			throw new InvalidInputException("topics", "List at most 20 topics, each up to 100 characters, separated by commas.");
		}
		ReviewerProfile profile = new ReviewerProfile(reviewer, list, learningTeam, compliance);
		profiles.save(profile);
		return profile;
	}

	public ReviewerProfile profile(PersonId person) {
		return profiles.find(person).orElseGet(() -> ReviewerProfile.unset(person));
	}

	public record ReviewerEntry(PersonId id, String name, String email, ReviewerProfile profile) {
	}

	/**
	 * What an author waits for: the open review's current step, who may decide it (by name, at most
	 * {@code NAMES_SHOWN}) and when it is due; empty when the course has no open review. Callers show it to those
	 * who may edit the course.
	 */
	@Transactional(readOnly = true)
	public Optional<NextReview> nextReview(CourseId course) {
		return cases.latestFor(course).filter(ReviewCase::open).flatMap(reviewCase -> reviewCase.currentStep().map(step -> {
			List<String> names = eligible(reviewCase).stream().map(Person::name).sorted().toList();
			return new NextReview(step.name(), step.who().label()
					+ (step.who() == ReviewPolicy.Who.TOPIC && reviewCase.topic() != null ? " (" + reviewCase.topic() + ")" : ""),
					names.stream().limit(NextReview.NAMES_SHOWN).toList(), Math.max(0, names.size() - NextReview.NAMES_SHOWN),
					reviewCase.dueAt());
		}));
	}

	/**
	 * The current step of a course's review: its name, who may decide it, some of them by name (and how many more),
	 * and when it is due (null without a deadline).
	 */
	public record NextReview(String step, String who, List<String> reviewers, int more, Instant dueAt) {

		public static final int NAMES_SHOWN = 3;
	}

	private List<Person> eligible(ReviewCase reviewCase) {
		return organization.withRole(Role.REVIEWER)
			.stream()
			.filter(p -> refusal(organization.viewerOf(p.id()), reviewCase) == null)
			.toList();
	}

	/** Tells the people who may decide the case's current step that it waits for them. */
	private void announce(ReviewCase reviewCase, String title) {
		reviewCase.currentStep().ifPresent(step -> {
			List<PersonId> reviewers = eligible(reviewCase).stream().map(Person::id).toList();
			events.publishEvent(new ReviewRequested(reviewCase.id(), reviewCase.courseId(), title, step.name(),
					reviewCase.spotCheck(), reviewCase.dueAt(), reviewers));
		});
	}

	/**
	 * The one gate for every decision (approve, reject, request changes), from the API and the pages alike: the step
	 * it decides. A case decided meanwhile is a conflict, not a refusal: the caller lost a race.
	 */
	private ReviewStep requireMayDecide(Viewer reviewer, ReviewCase reviewCase) {
		String refused = refusal(reviewer, reviewCase);
		if (CLOSED.equals(refused)) {
			throw decidedMeanwhile(reviewCase.id());
		}
		if (refused != null) {
			throw new ForbiddenException(refused);
		}
		return reviewCase.currentStep().orElseThrow();
	}

	/**
	 * Records the decision only if the step is still pending and the case still open. Whoever finds it decided
	 * throws before anything else is written or announced, so their transaction rolls back having done nothing.
	 */
	private void decide(ReviewCase reviewCase, ReviewStep step, String outcome, Viewer reviewer, String comment) {
		if (!cases.decide(reviewCase.id(), step.position(), outcome, reviewer.id(), trim(comment))) {
			throw decidedMeanwhile(reviewCase.id());
		}
	}

	private void close(String caseId, String outcome) {
		if (!cases.close(caseId, outcome)) {
			throw decidedMeanwhile(caseId);
		}
	}

	/** A 409 that says where the case stands now, read after the decision that won was committed. */
	private ConflictException decidedMeanwhile(String caseId) {
		ReviewCase now = find(caseId);
		String outcome = switch (now.status()) {
			case "APPROVED" -> "approved";
			case "REJECTED" -> "rejected";
			case "CHANGES_REQUESTED" -> "sent back for changes";
			default -> null;
		};
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("caseId", now.id());
		state.put("caseStatus", now.status());
		state.put("steps", now.steps().stream().map(step -> {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("name", step.name());
			s.put("status", step.status());
			s.put("decidedBy", step.decidedBy());
			s.put("decidedAt", step.decidedAt());
			return s;
		}).toList());
		return new ConflictException(outcome == null
				? "This step was decided a moment ago by someone else; the review has moved on. Reload it to see where it stands."
				: "This review was already decided: the course was " + outcome + ".", state);
	}

	private static void requireText(String text, String missing) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("comment", missing);
		}
	}

	private ReviewCase find(String id) {
		return (Ids.looksValid(id) ? cases.find(id) : Optional.<ReviewCase>empty())
			.orElseThrow(() -> new NotFoundException("Review"));
	}

	/**
	 * Why this person may not decide the case's current step, whichever the decision; null when they may. The same
	 * rules route the queue and the announcements, so nobody is asked for a decision they may not make.
	 */
	private String refusal(Viewer viewer, ReviewCase reviewCase) {
		if (viewer.is(reviewCase.authorId())) {
			return "You wrote this course; someone else must decide on it.";
		}
		if (!isReviewer(viewer)) {
			return "Only reviewers can decide on a course; an admin grants the role.";
		}
		boolean decidedAStep = reviewCase.steps()
			.stream()
			.anyMatch(s -> !s.pending() && viewer.id().value().equals(s.decidedBy()));
		if (decidedAStep) {
			// four eyes: one person never decides two steps of a case, whatever they decided
			return reviewCase.open() ? "You decided an earlier step of this review; the next step needs another person."
					: "You already decided this review.";
		}
		if (!reviewCase.open() || reviewCase.currentStep().isEmpty()) {
			return CLOSED;
		}
		if (authoring.editorsOf(reviewCase.courseId(), reviewCase.version()).contains(viewer.id())) {
			return "You edited this version; someone who did not must decide on it.";
		}
		ReviewStep step = reviewCase.currentStep().orElseThrow();
		if (!profile(viewer.id()).mayDecide(step.who(), reviewCase.topic())) {
			return "The step \"" + step.name() + "\" needs " + step.who().label()
					+ (step.who() == ReviewPolicy.Who.TOPIC && reviewCase.topic() != null ? " (" + reviewCase.topic() + ")" : "")
					+ "; an admin sets up who reviews what.";
		}
		return null;
	}

	private static boolean isReviewer(Viewer viewer) {
		return viewer.roles().contains(Role.REVIEWER) || viewer.isAdmin();
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Only admins set up reviewers.");
		}
	}

	private static String trim(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		return t.length() > 4000 ? t.substring(0, 4000) : t;
	}

	public record ReviewRequested(String caseId, CourseId courseId, String title, String step, boolean spotCheck,
			Instant dueAt, List<PersonId> reviewers) {
	}

	public record ReviewStepApproved(String caseId, CourseId courseId, String title, String step, PersonId by,
			PersonId author, boolean lastStep, boolean spotCheck) {
	}

	public record ChangesRequested(String caseId, CourseId courseId, String title, PersonId by, String comment,
			PersonId author, String anchor) {
	}

	public record ReviewRejected(String caseId, CourseId courseId, String title, PersonId by, String reason,
			PersonId author) {
	}

	public record CommentPosted(String caseId, CourseId courseId, String title, PersonId by, String body,
			List<PersonId> recipients) {
	}
}
