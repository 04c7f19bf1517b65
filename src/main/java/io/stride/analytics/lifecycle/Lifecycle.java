package io.stride.analytics.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.analytics.course.CourseAnalytics;
import io.stride.analytics.internal.CourseOpens;
import io.stride.analytics.lifecycle.LifecycleProposal.Kind;
import io.stride.analytics.lifecycle.LifecycleProposal.Status;
import io.stride.analytics.lifecycle.LifecycleProposal.Weakness;
import io.stride.analytics.lifecycle.internal.LifecycleQueries;
import io.stride.analytics.lifecycle.internal.LifecycleQueries.RecentUse;
import io.stride.analytics.lifecycle.internal.LifecycleRecords;
import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.authoring.LibraryCourse;
import io.stride.feedback.CourseReactions;
import io.stride.feedback.Feedback;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content lifecycle: published courses nobody opened in the idle period are proposed to their owner for
 * archiving, popular courses with weak results for refinement. The daily run saves new proposals and tells each
 * owner once; the owner (the course's author) or an admin accepts or dismisses them. A decided proposal is not made
 * again until another idle period has passed.
 */
@Service
public class Lifecycle {

	private final Authoring authoring;

	private final CourseOpens opens;

	private final LifecycleQueries queries;

	private final LifecycleRecords records;

	private final Feedback feedback;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Lifecycle(Authoring authoring, CourseOpens opens, LifecycleQueries queries, LifecycleRecords records,
			Feedback feedback, ApplicationEventPublisher events, Clock clock) {
		this.authoring = authoring;
		this.opens = opens;
		this.queries = queries;
		this.records = records;
		this.feedback = feedback;
		this.events = events;
		this.clock = clock;
	}

	/** The settings in force: the saved ones, or the defaults. */
	@Transactional(readOnly = true)
	public LifecycleSettings settings() {
		return records.settings().orElse(LifecycleSettings.DEFAULTS);
	}

	/**
	 * Changes the settings (admins only, 403 otherwise); 422 with a message per field, 409 when another admin saved
	 * since {@code revision} was read.
	 */
	@Transactional
	public LifecycleSettings changeSettings(Viewer viewer, LifecycleSettings.Change change) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Only admins change the lifecycle settings.");
		}
		change.check();
		if (!records.saveSettings(change, viewer.id(), clock.instant())) {
			throw new ConflictException(
					"The lifecycle settings were changed by someone else since you opened them; reload and try again.");
		}
		return settings();
	}

	/** What the data proposes now, before comparing with saved proposals. */
	record Candidate(LibraryCourse course, Kind kind, Instant lastOpenedAt, Integer learners, Double completionRate,
			Double passRate, Integer reactionScore, List<Weakness> weak) {
	}

	/**
	 * The proposals the data makes at {@code now}. ARCHIVE: a published course whose first version is older than the
	 * idle period, with no open in it; a course with a new version in draft or review is being worked on and is left
	 * alone. REFINE: a published course opened by at least the popular number of learners in the period whose
	 * completion rate, pass rate or reaction score is below its threshold. Three queries in all, whatever the number
	 * of courses.
	 */
	List<Candidate> candidates(Instant now, LifecycleSettings settings) {
		Instant since = now.minus(Duration.ofDays(settings.idleDays()));
		List<LibraryCourse> live = authoring.library().stream().filter(LibraryCourse::isLive).toList();
		Map<String, Instant> lastOpened = opens.lastOpened(live.stream().map(c -> c.id().value()).toList());
		List<Candidate> candidates = new ArrayList<>();
		List<LibraryCourse> used = new ArrayList<>();
		for (LibraryCourse course : live) {
			Instant last = lastOpened.get(course.id().value());
			if (last != null && !last.isBefore(since)) {
				used.add(course);
			}
			else if (course.state().isPublished() && course.firstPublishedAt() != null
					&& !course.firstPublishedAt().isAfter(since)) {
				candidates.add(new Candidate(course, Kind.ARCHIVE, last, null, null, null, null, List.of()));
			}
		}
		Map<String, RecentUse> use = queries.recentUse(used.stream().map(c -> c.id().value()).toList(), since);
		List<LibraryCourse> popular = used.stream()
			.filter(c -> use.containsKey(c.id().value()) && use.get(c.id().value()).opened() >= settings.popularLearners())
			.toList();
		Map<CourseId, CourseReactions> reactions = feedback.reactionsAmong(popular.stream().map(LibraryCourse::id).toList(),
				null);
		for (LibraryCourse course : popular) {
			RecentUse u = use.get(course.id().value());
			Double completion = CourseAnalytics.share(u.completed(), u.started());
			Double pass = CourseAnalytics.share(u.passed(), u.passed() + u.failed());
			Integer score = reactions.getOrDefault(course.id(), CourseReactions.NONE).score().score();
			List<Weakness> weak = new ArrayList<>();
			if (completion != null && completion < settings.weakCompletionRate()) {
				weak.add(Weakness.COMPLETION);
			}
			if (pass != null && pass < settings.weakPassRate()) {
				weak.add(Weakness.PASS_RATE);
			}
			if (score != null && score < settings.weakReactionScore()) {
				weak.add(Weakness.REACTIONS);
			}
			if (!weak.isEmpty()) {
				candidates.add(new Candidate(course, Kind.REFINE, lastOpened.get(course.id().value()), u.opened(),
						completion, pass, score, List.copyOf(weak)));
			}
		}
		return candidates;
	}

	/**
	 * Saves the proposals that are new (none open for the course and kind, none decided within the idle period) and
	 * tells each course's owner about each in the app and by mail; the number saved. Open proposals the data no longer
	 * supports are withdrawn (dismissed by nobody). Run daily; running it again saves and sends nothing twice.
	 */
	@Transactional
	public int proposeNew() {
		Instant now = clock.instant();
		LifecycleSettings settings = settings();
		List<Candidate> candidates = candidates(now, settings);
		Set<String> proposed = new HashSet<>();
		candidates.forEach(c -> proposed.add(LifecycleRecords.key(c.course().id(), c.kind())));
		// the data no longer supports these (opened again, retired, no longer weak): withdrawn, decided by nobody
		records.list(null, true)
			.stream()
			.filter(p -> !proposed.contains(LifecycleRecords.key(p.courseId(), p.kind())))
			.forEach(p -> records.withdraw(p.id(), now));
		Set<String> open = records.openKeys();
		Set<String> decided = records.decidedSince(now.minus(Duration.ofDays(settings.idleDays())));
		int saved = 0;
		for (Candidate c : candidates) {
			String key = LifecycleRecords.key(c.course().id(), c.kind());
			if (open.contains(key) || decided.contains(key)) {
				continue;
			}
			records.insert(c.course().id(), c.course().authorId(), c.kind(), c.lastOpenedAt(), c.learners(),
					c.completionRate(), c.passRate(), c.reactionScore(), c.weak(), now);
			notifyOwner(c, settings);
			saved++;
		}
		return saved;
	}

	/** Runs the daily proposals now (admins only, 403 otherwise); the number saved. */
	@Transactional
	public int proposeNow(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Only admins run the lifecycle proposals by hand.");
		}
		return proposeNew();
	}

	private void notifyOwner(Candidate c, LifecycleSettings settings) {
		String title = c.course().title();
		if (c.kind() == Kind.ARCHIVE) {
			events.publishEvent(new CourseLifecycleProposed(c.course().authorId(), c.course().id(), "Archive “" + title + "”?",
					"Nobody opened “" + title + "” in the last " + settings.idleDays() + " days ("
							+ (c.lastOpenedAt() == null ? "it was never opened"
									: "last opened on " + LocalDate.ofInstant(c.lastOpenedAt(), ZoneOffset.UTC))
							+ "). Archive it so that it leaves the catalog, or keep it as it is."));
		}
		else {
			LifecycleProposal p = new LifecycleProposal(null, c.course().id(), title, c.course().authorId(), c.kind(),
					Status.OPEN, c.lastOpenedAt(), c.learners(), c.completionRate(), c.passRate(), c.reactionScore(),
					c.weak(), null, null, null);
			events.publishEvent(new CourseLifecycleProposed(c.course().authorId(), c.course().id(), "Refine “" + title + "”?",
					c.learners() + " learners opened “" + title + "” in the last " + settings.idleDays()
							+ " days, but its " + p.weakInWords() + (c.weak().size() == 1 ? " is" : " are")
							+ " weak. Its analytics show where learners struggle."));
		}
	}

	/** Open proposals per kind among these courses (all courses when null), for the library's health. */
	@Transactional(readOnly = true)
	public Map<Kind, Integer> openProposals(Set<CourseId> courses) {
		return records.openCounts(courses);
	}

	/** The viewer's proposals (all of them for admins), open ones first. */
	@Transactional(readOnly = true)
	public List<LifecycleProposal> proposals(Viewer viewer, boolean openOnly) {
		return titled(records.list(viewer.isAdmin() ? null : viewer.id(), openOnly));
	}

	/** One proposal, for its owner and admins; 404 for everyone else. */
	@Transactional(readOnly = true)
	public LifecycleProposal proposal(Viewer viewer, String id) {
		return titled(List.of(visible(viewer, id))).getFirst();
	}

	/**
	 * Accepts an open proposal: ARCHIVE retires the course (the course's own transition, with its rules); REFINE
	 * records that the owner takes it on. 404 for a proposal the viewer may not see; 409 once decided.
	 */
	@Transactional
	public LifecycleProposal accept(Viewer viewer, String id) {
		LifecycleProposal proposal = open(viewer, id);
		if (proposal.kind() == Kind.ARCHIVE) {
			authoring.retire(viewer, proposal.courseId());
		}
		return decide(viewer, proposal, Status.ACCEPTED);
	}

	/** Keeps the course as it is; the proposal is not made again until another idle period has passed. */
	@Transactional
	public LifecycleProposal dismiss(Viewer viewer, String id) {
		return decide(viewer, open(viewer, id), Status.DISMISSED);
	}

	private LifecycleProposal decide(Viewer viewer, LifecycleProposal proposal, Status status) {
		if (!records.decide(proposal.id(), status, viewer.id(), clock.instant())) {
			throw new ConflictException("This proposal was decided meanwhile; reload to see the decision.");
		}
		return proposal(viewer, proposal.id());
	}

	private LifecycleProposal open(Viewer viewer, String id) {
		LifecycleProposal proposal = visible(viewer, id);
		if (!proposal.isOpen()) {
			throw new ConflictException("This proposal was already " + proposal.status().name().toLowerCase() + ".");
		}
		return proposal;
	}

	private LifecycleProposal visible(Viewer viewer, String id) {
		return records.find(id)
			.filter(p -> viewer.isAdmin() || viewer.is(p.ownerId()))
			.orElseThrow(() -> new NotFoundException("Proposal"));
	}

	private List<LifecycleProposal> titled(List<LifecycleProposal> proposals) {
		Map<CourseId, String> titles = authoring
			.titles(proposals.stream().map(LifecycleProposal::courseId).distinct().toList());
		return proposals.stream().map(p -> p.withTitle(titles.getOrDefault(p.courseId(), "(deleted course)"))).toList();
	}
}
