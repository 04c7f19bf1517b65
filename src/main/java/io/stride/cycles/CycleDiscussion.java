package io.stride.cycles;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.cycles.internal.CycleRows.CycleRow;
import io.stride.cycles.internal.CycleRows.GoalRow;
import io.stride.cycles.internal.CycleRows;
import io.stride.cycles.internal.DiscussionRows.CommentRow;
import io.stride.cycles.internal.DiscussionRows;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ControlCharacters;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Discussing a contract: its owner invites named colleagues, who then read it; everyone who may see the contract (a
 * manager who only sees that it exists included) comments on a goal or replies to a comment. The owner and readers
 * read the whole discussion; a manager who only sees that the contract exists reads only their own comments and the
 * replies to them. The owner hears of every comment, an author of the replies to theirs. Nobody else learns that the
 * discussion exists (404).
 */
@Service
@Transactional
public class CycleDiscussion {

	public static final int MAX_COMMENT = 2000;

	public static final int MAX_MESSAGE = 500;

	/** A comment with its replies (one level: a reply to a reply shows under the comment that started the thread). */
	public record Comment(String id, GoalId goalId, String parentId, PersonId authorId, String authorName, String body,
			Instant createdAt, List<Comment> replies) {

		public Comment {
			replies = List.copyOf(replies);
		}
	}

	private final LearningCycles cycles;

	private final CycleRows rows;

	private final DiscussionRows discussion;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CycleDiscussion(LearningCycles cycles, CycleRows rows, DiscussionRows discussion, Organization organization,
			ApplicationEventPublisher events, Clock clock) {
		this.cycles = cycles;
		this.rows = rows;
		this.discussion = discussion;
		this.organization = organization;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The owner invites colleagues to discuss the contract; they may read it from now on (whatever its visibility) and
	 * are notified once. People already invited are left as they are. 422 at {@code people} for nobody, oneself, an
	 * unknown or inactive colleague or more than {@link LearningCycles#MAX_PEOPLE}; at {@code message} for a message
	 * that is too long or holds control characters. 403 for readers, 404 for everyone else.
	 */
	public LearningCycle invite(Viewer viewer, CycleId cycleId, Collection<PersonId> people, String message) {
		CycleRow cycle = cycles.readable(viewer, cycleId);
		if (!viewer.is(cycle.personId())) {
			throw new ForbiddenException("Only the owner of a contract invites people to discuss it.");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		List<PersonId> chosen = new ArrayList<>();
		for (PersonId p : new LinkedHashSet<>(people == null ? List.<PersonId>of() : people)) {
			if (p == null || p.value() == null || p.value().isBlank()) {
				continue;
			}
			if (viewer.is(p)) {
				errors.put("people", "Invite colleagues other than yourself.");
			}
			else if (!Ids.looksValid(p.value()) || organization.contactOf(p).isEmpty()) {
				errors.put("people", "Choose active colleagues.");
			}
			else {
				chosen.add(p);
			}
		}
		if (chosen.isEmpty() && !errors.containsKey("people")) {
			errors.put("people", "Choose at least one colleague to invite.");
		}
		Map<PersonId, Boolean> viewers = rows.viewers(cycle.id());
		List<PersonId> fresh = chosen.stream().filter(p -> !Boolean.TRUE.equals(viewers.get(p))).toList();
		long invitedAlready = viewers.values().stream().filter(Boolean::booleanValue).count();
		if (invitedAlready + fresh.size() > LearningCycles.MAX_PEOPLE) {
			errors.put("people", "Invite at most " + LearningCycles.MAX_PEOPLE + " people to discuss a contract.");
		}
		String note = text(message, MAX_MESSAGE, "message", errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Nobody was invited.", errors);
		}
		fresh.forEach(p -> rows.invite(cycle.id(), p));
		if (!fresh.isEmpty()) {
			events.publishEvent(new DiscussionInvited(cycle.id(), cycle.title(), viewer.name(), fresh, note));
		}
		return cycles.cycle(viewer, cycle.id());
	}

	/**
	 * The discussion of a goal, oldest thread first: all of it for the owner and readers of the contract; for a
	 * manager who only sees that the contract exists, only their own comments and the replies to them. 404 for
	 * anyone who may not see the contract.
	 */
	@Transactional(readOnly = true)
	public List<Comment> comments(Viewer viewer, GoalId goalId) {
		GoalRow goal = readableGoal(viewer, goalId);
		List<CommentRow> all = discussion.of(goal.id());
		return thread(existenceOnly(viewer, goal) ? ownAndRepliesToOwn(viewer.id(), all) : all);
	}

	/** Whether the viewer sees only that the goal's contract exists (a manager or admin outside its audience). */
	private boolean existenceOnly(Viewer viewer, GoalRow goal) {
		CycleRow cycle = rows.cycle(goal.cycleId()).orElseThrow(() -> new NotFoundException("Goal"));
		return cycles.access(viewer, cycle, rows.viewers(cycle.id())).orElse(null) == CycleAccess.EXISTENCE;
	}

	/** The comments a person wrote and the replies to them. */
	static List<CommentRow> ownAndRepliesToOwn(PersonId person, List<CommentRow> all) {
		Set<String> own = new HashSet<>();
		all.stream().filter(c -> c.authorId().equals(person)).forEach(c -> own.add(c.id()));
		return all.stream()
			.filter(c -> own.contains(c.id()) || (c.parentId() != null && own.contains(c.parentId())))
			.toList();
	}

	/**
	 * Comments on a goal, or replies to one of its comments ({@code parentId}). 422 at {@code body} for an empty,
	 * too long or control-character text; at {@code parentId} for a comment that is not one of this goal's. 404 for
	 * anyone who may not see the contract.
	 */
	public Comment comment(Viewer viewer, GoalId goalId, String parentId, String body) {
		GoalRow goal = readableGoal(viewer, goalId);
		CycleRow cycle = rows.cycle(goal.cycleId()).orElseThrow(() -> new NotFoundException("Goal"));
		Map<String, String> errors = new LinkedHashMap<>();
		String text = text(body, MAX_COMMENT, "body", errors);
		if (text == null && !errors.containsKey("body")) {
			errors.put("body", "Write your comment.");
		}
		CommentRow parent = null;
		if (parentId != null && !parentId.isBlank()) {
			parent = Ids.looksValid(parentId.strip()) ? discussion.comment(parentId.strip())
				.filter(c -> c.goalId().equals(goal.id()))
				.orElse(null) : null;
			// a manager who only sees that the contract exists replies only within what they read: their own
			// comments and the replies to them
			if (parent != null && existenceOnly(viewer, goal)) {
				String parentAuthorParent = parent.parentId();
				boolean theirs = parent.authorId().equals(viewer.id()) || (parentAuthorParent != null
						&& discussion.comment(parentAuthorParent).map(c -> c.authorId().equals(viewer.id())).orElse(false));
				if (!theirs) {
					parent = null;
				}
			}
			if (parent == null) {
				errors.put("parentId", "Reply to a comment of this goal.");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The comment was not posted.", errors);
		}
		CommentRow row = new CommentRow(Ids.newId(), goal.id(), parent == null ? null : parent.id(), viewer.id(),
				viewer.name(), text, clock.instant());
		discussion.insert(row);
		LinkedHashSet<PersonId> recipients = new LinkedHashSet<>();
		recipients.add(cycle.personId());
		if (parent != null) {
			recipients.add(parent.authorId());
		}
		recipients.remove(viewer.id());
		// who may be told, checked now: a full reader hears what the goal is; a manager who only sees that the
		// contract exists hears of a reply to them without the goal's text; someone who no longer sees the contract
		// at all (a former reader) is not told
		Map<PersonId, Boolean> viewers = rows.viewers(cycle.id());
		List<PersonId> readers = new ArrayList<>();
		List<PersonId> existenceOnly = new ArrayList<>();
		for (PersonId p : recipients) {
			CycleAccess access = recipientAccess(p, cycle, viewers);
			if (access == CycleAccess.OWNER || access == CycleAccess.READ) {
				readers.add(p);
			}
			else if (access == CycleAccess.EXISTENCE) {
				existenceOnly.add(p);
			}
		}
		if (!readers.isEmpty()) {
			events.publishEvent(new GoalCommented(goal.id(), goal.what(), viewer.name(), text, parent != null,
					readers));
		}
		if (!existenceOnly.isEmpty()) {
			events.publishEvent(new GoalCommented(goal.id(), null, viewer.name(), text, parent != null,
					existenceOnly));
		}
		return new Comment(row.id(), row.goalId(), row.parentId(), row.authorId(), row.authorName(), row.body(),
				row.createdAt(), List.of());
	}

	private CycleAccess recipientAccess(PersonId person, CycleRow cycle, Map<PersonId, Boolean> viewers) {
		if (person.equals(cycle.personId())) {
			return CycleAccess.OWNER;
		}
		Optional<Person> active = organization.contactOf(person);
		if (active.isEmpty()) {
			return null;
		}
		return cycles.access(Viewer.of(active.get()), cycle, viewers).orElse(null);
	}

	/** The active colleagues an owner may invite: the people of their teams, sorted by name, without themselves. */
	@Transactional(readOnly = true)
	public List<Person> colleagues(Viewer viewer) {
		Map<PersonId, Person> found = new LinkedHashMap<>();
		for (var team : viewer.teamIds()) {
			organization.membersOfTeamTree(team)
				.stream()
				.filter(p -> !viewer.is(p.id()))
				.forEach(p -> found.putIfAbsent(p.id(), p));
		}
		return found.values()
			.stream()
			.sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	GoalRow readableGoal(Viewer viewer, GoalId goalId) {
		GoalRow goal = goalId == null || goalId.value() == null || !Ids.looksValid(goalId.value()) ? null
				: rows.goal(goalId).orElse(null);
		if (goal == null) {
			throw new NotFoundException("Goal");
		}
		cycles.readable(viewer, goal.cycleId());
		return goal;
	}

	static List<Comment> thread(List<CommentRow> all) {
		Map<String, CommentRow> byId = new HashMap<>();
		all.forEach(c -> byId.put(c.id(), c));
		Map<String, List<CommentRow>> replies = new LinkedHashMap<>();
		List<CommentRow> roots = new ArrayList<>();
		for (CommentRow c : all) {
			String root = rootOf(c, byId);
			if (root == null) {
				roots.add(c);
			}
			else {
				replies.computeIfAbsent(root, k -> new ArrayList<>()).add(c);
			}
		}
		return roots.stream()
			.map(r -> new Comment(r.id(), r.goalId(), null, r.authorId(), r.authorName(), r.body(), r.createdAt(),
					replies.getOrDefault(r.id(), List.of())
						.stream()
						.map(c -> new Comment(c.id(), c.goalId(), c.parentId(), c.authorId(), c.authorName(), c.body(),
								c.createdAt(), List.of()))
						.toList()))
			.toList();
	}

	private static String rootOf(CommentRow c, Map<String, CommentRow> byId) {
		String root = null;
		CommentRow at = c;
		for (int depth = 0; at.parentId() != null && depth < 50; depth++) {
			CommentRow parent = byId.get(at.parentId());
			if (parent == null) {
				break;
			}
			root = parent.id();
			at = parent;
		}
		return root;
	}

	static String text(String value, int max, String field, Map<String, String> errors) {
		String t = value == null ? "" : value.strip();
		if (t.isEmpty()) {
			return null;
		}
		if (t.length() > max) {
			errors.put(field, "Keep it to " + max + " characters (this has " + t.length() + ").");
		}
		else if (ControlCharacters.in(t)) {
			errors.put(field, ControlCharacters.MESSAGE);
		}
		return t;
	}
}
