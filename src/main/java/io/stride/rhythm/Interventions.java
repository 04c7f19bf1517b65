package io.stride.rhythm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.stride.analytics.outcomes.OutcomeMetric;
import io.stride.analytics.outcomes.Outcomes;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityCoverage;
import io.stride.capability.CapabilityId;
import io.stride.capability.CapabilityValidators;
import io.stride.capability.Coverage;
import io.stride.capability.PersonRef;
import io.stride.delivery.Delivery;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.internal.InterventionRows;
import io.stride.rhythm.internal.RitualRows;
import io.stride.shared.ConflictException;
import io.stride.shared.ControlCharacters;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A session's capability interventions, at most three: recorded (with coverage and the indicator as they were then),
 * edited and deleted by those who act on the team; marked done or dropped by them or the owner; a proposed goal taken
 * or left by the person it was proposed to. Owners and named people see theirs ("addressed to you"); 404 for others.
 */
@Service
public class Interventions {

	/** Why three: a session commits to few enough that each gets done. */
	public static final int MAX_PER_SESSION = 3;

	public static final String AT_MOST_THREE = "A session commits to at most three interventions, so that each one "
			+ "has an owner's attention and gets done. This session has three; delete one of them to record another.";

	public static final int MAX_DESCRIPTION = 1000;

	/** Holders named when a partner who does not hold the capability is refused. */
	static final int PARTNERS_NAMED = 5;

	/** Interventions listed on "addressed to you". */
	public static final int MINE_SHOWN = 100;

	public static final String CONFLICT_MESSAGE = "This intervention was changed elsewhere (another tab or person) "
			+ "after you opened it. Reload it to see the change, then try again.";

	private final InterventionRows rows;

	private final RitualRows rituals;

	private final RhythmAccess access;

	private final Organization organization;

	private final Coverage coverage;

	private final Outcomes outcomes;

	private final Authoring authoring;

	private final Delivery delivery;

	private final LearningHours learningHours;

	private final CapabilityValidators validators;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Interventions(InterventionRows rows, RitualRows rituals, RhythmAccess access, Organization organization,
			Coverage coverage, Outcomes outcomes, Authoring authoring, Delivery delivery, LearningHours learningHours,
			CapabilityValidators validators, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			Clock clock) {
		this.learningHours = learningHours;
		this.validators = validators;
		this.rows = rows;
		this.rituals = rituals;
		this.access = access;
		this.organization = organization;
		this.coverage = coverage;
		this.outcomes = outcomes;
		this.authoring = authoring;
		this.delivery = delivery;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** What an intervention names once checked. */
	private record Checked(InterventionKind kind, Capability capability, PersonId owner, LocalDate dueOn,
			String metricId, String description, CourseId course, PersonId person, BigDecimal hours, String taskId) {
	}

	/**
	 * Records an intervention at the session's lowest free position. The fourth is refused with 422 at "kind"
	 * ({@link #AT_MOST_THREE}), also when two are recorded at once for the last free position (the unique position
	 * decides); other bad input with 422 at its field. An ASSIGN_COURSE assigns the course (to the named person, else the
	 * people of the session's gaps in the capability, else the team); a PRACTICE_ON_REAL_WORK with a task asks its
	 * signers to observe it.
	 */
	public Intervention record(Viewer viewer, SessionId sessionId, InterventionDraft draft) {
		try {
			return transaction.execute(status -> recordOnce(viewer, sessionId, draft));
		}
		catch (DuplicateKeyException raced) {
			// another took the position meanwhile: a second run takes the next free one, or finds none
			try {
				return transaction.execute(status -> recordOnce(viewer, sessionId, draft));
			}
			catch (DuplicateKeyException again) {
				throw new InvalidInputException("kind", AT_MOST_THREE);
			}
		}
	}

	private Intervention recordOnce(Viewer viewer, SessionId sessionId, InterventionDraft draft) {
		Session session = session(viewer, sessionId);
		List<Integer> taken = rows.positions(sessionId.value());
		if (taken.size() >= MAX_PER_SESSION) {
			throw new InvalidInputException("kind", AT_MOST_THREE);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (!session.recordable()) {
			errors.put("kind", "This session was skipped; mark it held before recording interventions.");
		}
		Supplier<Coverage.Outlook> outlook = outlook(viewer, session.teamId());
		Checked c = check(viewer, session.teamId(), draft, null, null, outlook, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The intervention was not recorded.", errors);
		}
		int position = 1;
		while (taken.contains(position)) {
			position++;
		}
		// qualified and available, as the coverage's status and every other figure of the rhythm count them
		Integer holdersBefore = of(outlook.get(), c.capability().id()).map(CapabilityCoverage::available).orElse(0);
		BigDecimal metricBefore = c.metricId() == null ? null : latest(viewer, c.metricId());
		String id = Ids.newId();
		rows.insert(new InterventionRows.Row(id, sessionId.value(), session.teamId().value(), position, c.kind().name(),
				c.capability().id().value(), c.owner().value(), c.dueOn(), c.metricId(), c.description(),
				c.course() == null ? null : c.course().value(), c.person() == null ? null : c.person().value(), c.hours(),
				null, "OPEN", null, holdersBefore, metricBefore, 1, c.taskId(), null, session.ritualName(),
				session.startsAt()), viewer.id().value(), clock.instant());
		carryOut(viewer, session, new InterventionId(id), c);
		events.publishEvent(new InterventionRecorded(new InterventionId(id), sessionId, session.teamId(), c.kind(),
				c.owner(), c.person(), c.capability().id(), c.kind().label() + " for “" + c.capability().name() + "”: "
						+ c.description(), viewer.id()));
		return get(viewer, new InterventionId(id));
	}

	/**
	 * What recording it does at once, by kind. Managers assign and ask for sign-offs as themselves (delivery and
	 * capability check they manage the people); L&D, who act on every team but manage none of them, on the authority
	 * checked here.
	 */
	private void carryOut(Viewer viewer, Session session, InterventionId id, Checked c) {
		boolean manages = organization.canManage(viewer, session.teamId());
		if (c.kind() == InterventionKind.ALLOCATE_HOURS) {
			allocate(viewer, session.teamId(), id, c);
		}
		else if (c.kind() == InterventionKind.ASSIGN_COURSE) {
			List<PersonId> people = new ArrayList<>();
			if (c.person() != null) {
				people.add(c.person());
			}
			else {
				Set<String> fromGaps = new LinkedHashSet<>();
				rows.gaps(session.id().value())
					.stream()
					.filter(g -> g.capabilityId().equals(c.capability().id().value()))
					.forEach(g -> fromGaps.addAll(g.personIds()));
				fromGaps.forEach(p -> people.add(new PersonId(p)));
			}
			if (people.isEmpty()) {
				if (manages) {
					delivery.assign(viewer, c.course(), session.teamId(), c.dueOn());
				}
				else {
					delivery.assignOnAuthorityOf(viewer, c.course(), session.teamId(), c.dueOn());
				}
			}
			else {
				String full = "For “" + c.capability().name() + "”, from " + session.ritualName();
				String reason = full.length() > Delivery.MAX_REASON_LENGTH ? full.substring(0, Delivery.MAX_REASON_LENGTH)
						: full;
				for (PersonId person : people) {
					if (manages) {
						delivery.assignToPerson(viewer, c.course(), person, c.dueOn(), reason);
					}
					else {
						delivery.assignToPersonOnAuthorityOf(viewer, c.course(), person, c.dueOn(), reason);
					}
				}
			}
		}
		else if (c.kind() == InterventionKind.PRACTICE_ON_REAL_WORK && c.taskId() != null) {
			coverage.requestSignOff(viewer, c.person(), c.capability().id(), c.taskId());
		}
	}

	/**
	 * Puts an ALLOCATE_HOURS intervention's hours into the learning-hours plan: added to the hours of the person named
	 * (else the owner) in the team's period holding the due date (else the current one); 422 at "hours" when there is
	 * no such period or the person's hours there would exceed its length.
	 */
	private void allocate(Viewer viewer, TeamId team, InterventionId id, Checked c) {
		PersonId to = recipient(c.person(), c.owner());
		LearningHours.Added added = learningHours.addForIntervention(viewer, team, to,
				access.members(team).getOrDefault(to, "they"), c.hours(), c.dueOn(), id, c.capability().id(), "hours");
		rows.setHoursPeriod(id.value(), added.period().id());
	}

	/** Whose learning hours an ALLOCATE_HOURS intervention gives: the person it names, else its owner. */
	private static PersonId recipient(PersonId person, PersonId owner) {
		return person != null ? person : owner;
	}

	/** Takes back the hours an ALLOCATE_HOURS intervention put into the plan. */
	private void takeBackHours(Viewer viewer, Intervention current) {
		takeBackHours(viewer, current, rows.hoursPeriod(current.id().value()));
	}

	private void takeBackHours(Viewer viewer, Intervention current, Optional<String> hoursPeriod) {
		if (current.kind() != InterventionKind.ALLOCATE_HOURS || current.hours() == null) {
			return;
		}
		hoursPeriod.ifPresent(period -> learningHours.takeBack(viewer, current.teamId(), period,
				recipient(current.personId(), current.ownerId()), current.hours(), current.id(),
				current.capabilityId()));
	}

	/**
	 * Edits what may change after recording: owner, due date, indicator, description, the person named and the hours.
	 * The kind, capability and course stay (delete it and record another to change them). 409 when stale. For
	 * ALLOCATE_HOURS the hours given before are taken back and the new ones given (by the same rules as recording).
	 */
	@Transactional
	public Intervention edit(Viewer viewer, InterventionId id, int revision, InterventionDraft draft) {
		Intervention current = get(viewer, id);
		requireActor(viewer, current);
		Map<String, String> errors = new LinkedHashMap<>();
		if (draft.kind() != null && !draft.kind().isBlank() && !draft.kind().strip().equalsIgnoreCase(current.kind().name())) {
			errors.put("kind", "The kind stays; delete this intervention and record another to change it.");
		}
		if (draft.capabilityId() != null && !draft.capabilityId().isBlank()
				&& !draft.capabilityId().strip().equals(current.capabilityId().value())) {
			errors.put("capabilityId", "The capability stays; delete this intervention and record another to change it.");
		}
		InterventionDraft merged = new InterventionDraft(current.kind().name(), current.capabilityId().value(),
				draft.ownerId(), draft.dueOn(), draft.metricId(), draft.description(), current.courseId(),
				draft.personId(), draft.hours(), current.taskId());
		Checked c = check(viewer, current.teamId(), merged, current.dueOn(),
				current.kind() == InterventionKind.PAIR_OR_SHADOW ? current.personId() : null,
				outlook(viewer, current.teamId()), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The intervention was not saved.", errors);
		}
		if (!rows.update(id.value(), revision, c.owner().value(), c.dueOn(), c.metricId(), c.description(),
				c.person() == null ? null : c.person().value(), c.hours(), clock.instant())) {
			throw new ConflictException(CONFLICT_MESSAGE, Map.of("revision", current.revision()));
		}
		if (current.kind() == InterventionKind.ALLOCATE_HOURS && current.open()
				&& (current.hours() == null || c.hours().compareTo(current.hours()) != 0 || !recipient(c.person(), c.owner())
					.equals(recipient(current.personId(), current.ownerId())) || !c.dueOn().equals(current.dueOn()))) {
			takeBackHours(viewer, current);
			allocate(viewer, current.teamId(), id, c);
		}
		return get(viewer, id);
	}

	/** One intervention for those who may edit it (those who act on its team); 404 for everyone else. */
	@Transactional(readOnly = true)
	public Intervention forEdit(Viewer viewer, InterventionId id) {
		Intervention current = get(viewer, id);
		requireActor(viewer, current);
		return current;
	}

	/**
	 * Deletes an open intervention that no commission carries out; its position is free for another. Those who act on
	 * the team; 409 for one done, dropped or commissioned (its history stays: it is not a way around the three).
	 */
	@Transactional
	public void delete(Viewer viewer, InterventionId id) {
		Intervention current = get(viewer, id);
		requireActor(viewer, current);
		if (!"OPEN".equals(current.status()) || current.commissionId() != null) {
			throw new ConflictException("Only an open intervention that no commission carries out can be deleted; "
					+ "mark this one done or dropped instead.");
		}
		// deleted as read, first: a second delete (a double click) or an edit meanwhile finds it gone or changed, so
		// its hours go back once and as they were; the intervention's row is locked before the period's, as in edit
		var hoursPeriod = rows.hoursPeriod(id.value());
		if (!rows.delete(id.value(), current.revision())) {
			throw new ConflictException("This intervention was changed or deleted meanwhile; reload the session.",
					Map.of("revision", current.revision()));
		}
		// a deleted intervention was a mistake: the hours it gave go back (a dropped one keeps them: they were planned)
		takeBackHours(viewer, current, hoursPeriod);
		events.publishEvent(new InterventionDeleted(id, current.sessionId(), current.teamId(), current.kind(),
				current.capabilityId(), current.description(), viewer.id()));
	}

	/**
	 * Marks it DONE or DROPPED: its owner or those who act on the team; 409 when it changed after {@code revision} or
	 * is no longer open, 422 at "status" for another status.
	 */
	@Transactional
	public Intervention close(Viewer viewer, InterventionId id, int revision, String status) {
		Intervention current = get(viewer, id);
		if (!viewer.is(current.ownerId()) && !access.mayAct(viewer, current.teamId())) {
			throw new NotFoundException("Intervention");
		}
		String wanted = status == null ? "" : status.strip().toUpperCase(Locale.ROOT);
		if (!wanted.equals("DONE") && !wanted.equals("DROPPED")) {
			throw new InvalidInputException("status", "Mark it DONE or DROPPED.");
		}
		if (wanted.equals("DONE") && current.kind() == InterventionKind.PROPOSE_CYCLE_GOAL) {
			// a proposal is a suggestion: only the person it is made to takes it; the session may withdraw it
			throw new InvalidInputException("status", "Only the person a goal is proposed to takes it; you can drop "
					+ "the proposal instead.");
		}
		if (!rows.close(id.value(), revision, wanted, null, clock.instant())) {
			throw new ConflictException(current.open() ? CONFLICT_MESSAGE
					: "This intervention is " + current.status().toLowerCase(Locale.ROOT) + " already.",
					Map.of("revision", current.revision(), "status", current.status()));
		}
		events.publishEvent(closed(current, wanted, viewer.id()));
		return get(viewer, id);
	}

	private static InterventionClosed closed(Intervention i, String status, PersonId by) {
		return new InterventionClosed(i.id(), i.sessionId(), i.teamId(), i.kind(), i.capabilityId(), i.ownerId(),
				i.personId(), status, i.description(), by);
	}

	/**
	 * The person a goal was proposed to takes it (then adds the goal to their contract) or leaves it: only they, for
	 * PROPOSE_CYCLE_GOAL; 409 when it is no longer open.
	 */
	@Transactional
	public Intervention answer(Viewer viewer, InterventionId id, boolean take) {
		Intervention current = get(viewer, id);
		if (current.kind() != InterventionKind.PROPOSE_CYCLE_GOAL || !viewer.is(current.personId())) {
			throw new NotFoundException("Proposal");
		}
		if (!rows.close(id.value(), null, take ? "DONE" : "DROPPED", take ? "TAKEN" : "LEFT", clock.instant())) {
			throw new ConflictException("This proposal was answered or closed already.",
					Map.of("status", current.status()));
		}
		events.publishEvent(new ProposalAnswered(id, current.sessionId(), current.teamId(), current.capabilityId(),
				current.personId(), current.ownerId(), take ? "TAKEN" : "LEFT", current.description()));
		return get(viewer, id);
	}

	/** One intervention: for those who act on its team, its owner and the person it names; 404 otherwise. */
	@Transactional(readOnly = true)
	public Intervention get(Viewer viewer, InterventionId id) {
		InterventionRows.Row row = id == null || !Ids.looksValid(id.value()) ? null : rows.find(id.value()).orElse(null);
		if (row == null) {
			throw new NotFoundException("Intervention");
		}
		TeamId team = new TeamId(row.teamId());
		boolean addressed = viewer.id().value().equals(row.ownerId()) || viewer.id().value().equals(row.personId());
		if (!addressed && !access.mayAct(viewer, team)) {
			throw new NotFoundException("Intervention");
		}
		return views(viewer, List.of(row)).get(0);
	}

	/** The viewer's own interventions and proposals: open ones first by due date, then the others. */
	@Transactional(readOnly = true)
	public List<Intervention> addressedTo(Viewer viewer) {
		return views(viewer, rows.addressedTo(viewer.id().value(), MINE_SHOWN));
	}

	/** A session's interventions by position; callers have checked the viewer acts on its team. */
	@Transactional(readOnly = true)
	List<Intervention> ofSession(Viewer viewer, Session session) {
		return views(viewer, rows.ofSession(session.id().value()));
	}

	/** What the recording form offers for a session: the team's people, indicators and published courses. */
	@Transactional(readOnly = true)
	public InterventionOptions options(Viewer viewer, SessionId id) {
		Session session = session(viewer, id);
		Map<PersonId, String> people = new LinkedHashMap<>(access.members(session.teamId()));
		people.putIfAbsent(viewer.id(), viewer.name());
		return new InterventionOptions(people, metrics(viewer, session.teamId()),
				authoring.publishedCourses().stream().map(c -> new InterventionOptions.Option(c.id().value(), c.title()))
					.toList());
	}

	// --- reactions to commissions (built elsewhere in this module) ---

	@ApplicationModuleListener
	void on(CommissionCreated event) {
		if (event.intervention() != null && event.commission() != null) {
			rows.linkCommission(event.intervention().value(), event.commission().value(), clock.instant());
		}
	}

	@ApplicationModuleListener
	void on(CommissionPublished event) {
		if (event.intervention() != null && rows.close(event.intervention().value(), null, "DONE", null,
				clock.instant())) {
			rows.find(event.intervention().value())
				.ifPresent(r -> events.publishEvent(new InterventionClosed(new InterventionId(r.id()),
						new SessionId(r.sessionId()), new TeamId(r.teamId()), InterventionKind.valueOf(r.kind()),
						new CapabilityId(r.capabilityId()), new PersonId(r.ownerId()),
						r.personId() == null ? null : new PersonId(r.personId()), "DONE", r.description(), null)));
		}
	}

	// --- checks ---

	/**
	 * {@code keptDue} and {@code keptPartner}: what an edited intervention had, accepted again (a due date now past, a
	 * partner whose level has since expired).
	 */
	private Checked check(Viewer viewer, TeamId team, InterventionDraft d, LocalDate keptDue, PersonId keptPartner,
			Supplier<Coverage.Outlook> outlook, Map<String, String> errors) {
		InterventionKind kind = null;
		if (d.kind() == null || d.kind().isBlank()) {
			errors.put("kind", "Choose what the intervention does.");
		}
		else {
			try {
				kind = InterventionKind.valueOf(d.kind().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				errors.put("kind", "Choose one of " + Arrays.toString(InterventionKind.values()) + ".");
			}
		}
		Capability capability = access.activeCapability(viewer, d.capabilityId(), "capabilityId", errors);
		Map<PersonId, String> members = access.members(team);
		PersonId owner = null;
		if (d.ownerId() == null || d.ownerId().isBlank()) {
			errors.put("ownerId", "Name the owner: a member or manager of the team.");
		}
		else {
			owner = new PersonId(d.ownerId().strip());
			if (!members.containsKey(owner) && !managesTeam(owner, team)) {
				errors.put("ownerId", "The owner is a member or manager of the team.");
			}
		}
		LocalDate due = null;
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		if (d.dueOn() == null || d.dueOn().isBlank()) {
			errors.put("dueOn", "Give the due date.");
		}
		else {
			try {
				due = LocalDate.parse(d.dueOn().strip());
				if (due.isBefore(today) && !due.equals(keptDue)) {
					errors.put("dueOn", "The due date is in the past; choose today (" + today + ") or later.");
				}
				else if (due.isAfter(today.plusYears(3))) {
					errors.put("dueOn", "Choose a due date within three years.");
				}
			}
			catch (DateTimeParseException e) {
				errors.put("dueOn", "Give a date as YYYY-MM-DD, e.g. " + today.plusDays(30) + ".");
			}
		}
		String metricId = d.metricId() == null || d.metricId().isBlank() ? null : d.metricId().strip();
		if (metricId != null && metrics(viewer, team).stream().noneMatch(m -> m.id().equals(metricId))) {
			errors.put("metricId", "Choose one of the team's outcome indicators, or none.");
		}
		String description = d.description() == null ? "" : d.description().strip();
		if (description.isEmpty()) {
			errors.put("description", "Say what will be done, in a sentence.");
		}
		else if (description.length() > MAX_DESCRIPTION) {
			errors.put("description", "Keep the description to " + MAX_DESCRIPTION + " characters (it has "
					+ description.length() + ").");
		}
		else if (ControlCharacters.in(description)) {
			errors.put("description", ControlCharacters.MESSAGE);
		}
		CourseId course = null;
		PersonId person = null;
		BigDecimal hours = null;
		String taskId = null;
		if (kind != null) {
			boolean needsPerson = kind == InterventionKind.PAIR_OR_SHADOW || kind == InterventionKind.PRACTICE_ON_REAL_WORK
					|| kind == InterventionKind.PROPOSE_CYCLE_GOAL;
			boolean takesPerson = needsPerson || kind == InterventionKind.ASSIGN_COURSE
					|| kind == InterventionKind.ALLOCATE_HOURS;
			String personId = d.personId() == null || d.personId().isBlank() ? null : d.personId().strip();
			if (personId == null && needsPerson) {
				errors.put("personId", kind == InterventionKind.PAIR_OR_SHADOW
						? "Name the person to pair with: someone who holds the capability."
						: "Name the person of the team it is for.");
			}
			else if (personId != null && takesPerson) {
				person = new PersonId(personId);
				if (kind == InterventionKind.PAIR_OR_SHADOW) {
					if (organization.contactOf(person).isEmpty()) {
						errors.put("personId", "Name an active colleague who holds the capability.");
					}
					else if (capability != null && !person.equals(keptPartner)) {
						String problem = partnerProblem(capability, person, members, outlook.get());
						if (problem != null) {
							errors.put("personId", problem);
						}
					}
				}
				else if (!members.containsKey(person)) {
					errors.put("personId", "Name a person of the team (or of a team below it).");
				}
			}
			if (kind == InterventionKind.ALLOCATE_HOURS && person == null && owner != null && !members.containsKey(owner)
					&& !errors.containsKey("ownerId")) {
				errors.put("personId", "Learning hours go to a person of the team: name them here (the owner is not in "
						+ "the team).");
			}
			if (kind == InterventionKind.ASSIGN_COURSE) {
				course = publishedCourse(d.courseId(), errors);
			}
			if (kind == InterventionKind.ALLOCATE_HOURS) {
				hours = hours(d.hours(), errors);
			}
			if (kind == InterventionKind.PRACTICE_ON_REAL_WORK && d.taskId() != null && !d.taskId().isBlank()) {
				taskId = d.taskId().strip();
				String wanted = taskId;
				if (capability != null && capability.rules().stream().noneMatch(r -> wanted.equals(r.taskId()))) {
					errors.put("taskId", "No level of “" + capability.name() + "” asks for this observed task.");
				}
			}
		}
		return new Checked(kind, capability, owner, due, metricId, description, course, person, hours, taskId);
	}

	private boolean managesTeam(PersonId person, TeamId team) {
		if (organization.contactOf(person).isEmpty()) {
			return false;
		}
		Viewer them = organization.viewerOf(person);
		return !Collections.disjoint(them.manages(), organization.withAncestors(Set.of(team)));
	}

	private CourseId publishedCourse(String courseId, Map<String, String> errors) {
		if (courseId == null || courseId.isBlank()) {
			errors.put("courseId", "Choose the published course to assign.");
			return null;
		}
		try {
			Course course = authoring.published(new CourseId(courseId.strip()));
			return course.id();
		}
		catch (NotFoundException | IllegalArgumentException e) {
			errors.put("courseId", "Choose a published course.");
			return null;
		}
	}

	/**
	 * Hours above 0 to one decimal; how many a person may have is the learning period's length, checked when they are
	 * put into the plan ({@link LearningHours#addForIntervention}).
	 */
	private static BigDecimal hours(String text, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			errors.put("hours", "Give the learning hours to allocate, above 0.");
			return null;
		}
		try {
			BigDecimal hours = new BigDecimal(text.strip());
			if (hours.signum() <= 0) {
				errors.put("hours", "Allocate more than 0 hours.");
				return null;
			}
			if (hours.compareTo(BigDecimal.valueOf((long) LearningHours.MAX_DAYS * LearningPeriod.HOURS_PER_DAY)) > 0) {
				// no period is that long: said before the period is looked up (and a huge number is never stored)
				errors.put("hours", "A learning period holds at most " + LearningHours.MAX_DAYS + " days of "
						+ LearningPeriod.HOURS_PER_DAY + " hours; allocate fewer hours.");
				return null;
			}
			if (hours.stripTrailingZeros().scale() > 1) {
				errors.put("hours", "Give hours to one decimal, e.g. 2.5.");
				return null;
			}
			return hours.setScale(1, RoundingMode.UNNECESSARY);
		}
		catch (NumberFormatException | ArithmeticException e) {
			errors.put("hours", "Give the hours as a number, e.g. 4 or 2.5.");
			return null;
		}
	}

	/** The team's outcome indicators; none for those who may not read them (L&D outside the team's managers). */
	private List<OutcomeMetric> metrics(Viewer viewer, TeamId team) {
		// asked first: a refusal thrown inside this transaction would mark it for rollback
		return organization.canManage(viewer, team) ? outcomes.ofTeam(viewer, team) : List.of();
	}

	/** The team's coverage today, read once and only when asked for. */
	private Supplier<Coverage.Outlook> outlook(Viewer viewer, TeamId team) {
		Coverage.Outlook[] read = new Coverage.Outlook[1];
		return () -> {
			if (read[0] == null) {
				read[0] = coverage.outlook(viewer, team, 1);
			}
			return read[0];
		};
	}

	private static Optional<CapabilityCoverage> of(Coverage.Outlook outlook, CapabilityId capability) {
		return outlook.coverage().capabilities().stream().filter(c -> c.capabilityId().equals(capability)).findFirst();
	}

	/** The level a partner holds to pair with: the one the team's coverage counts (its target's, or level 1). */
	private static int neededLevel(Coverage.Outlook outlook, CapabilityId capability) {
		return of(outlook, capability).map(CapabilityCoverage::levelRank).orElse(1);
	}

	/**
	 * Who may be named to pair with or shadow in a capability: the team's people who hold it at the level its coverage
	 * counts (those qualified today, then those qualified but away), then up to {@code limit} people elsewhere who hold
	 * that level. The recording form offers these, and {@link #record} accepts exactly these.
	 */
	public record Partners(CapabilityId capability, String capabilityName, int levelRank, String levelName,
			List<PersonRef> people) {

		public Partners {
			people = List.copyOf(people);
		}
	}

	/** The partners offered for each of these capabilities of the session's team (one coverage read). */
	@Transactional(readOnly = true)
	public List<Partners> partners(Viewer viewer, SessionId id, Collection<CapabilityId> capabilities, int limit) {
		Session session = session(viewer, id);
		if (capabilities.isEmpty()) {
			return List.of();
		}
		Coverage.Outlook outlook = coverage.outlook(viewer, session.teamId(), 1);
		Map<PersonId, String> members = access.members(session.teamId());
		List<Partners> result = new ArrayList<>();
		for (CapabilityId capability : new LinkedHashSet<>(capabilities)) {
			Capability found = validators.active(capability).orElse(null);
			if (found == null) {
				continue;
			}
			int level = neededLevel(outlook, capability);
			List<PersonRef> people = new ArrayList<>(inTeam(outlook, capability));
			Set<PersonId> named = new HashSet<>();
			people.forEach(p -> named.add(p.id()));
			List<PersonId> elsewhere = validators.holdersAtLeast(capability, level, Math.max(0, limit) * 2 + members.size())
				.stream()
				.filter(p -> !members.containsKey(p) && !named.contains(p))
				.toList();
			Map<PersonId, Organization.Credit> credits = elsewhere.isEmpty() ? Map.of()
					: organization.credits(elsewhere);
			elsewhere.stream()
				.filter(p -> organization.contactOf(p).isPresent())
				.limit(Math.max(0, limit))
				.forEach(p -> people.add(new PersonRef(p, name(credits, p))));
			result.add(new Partners(capability, found.name(), level, found.levelName(level), people));
		}
		return result;
	}

	/** The team's people who hold the capability at the level its coverage counts: qualified today, then away. */
	private static List<PersonRef> inTeam(Coverage.Outlook outlook, CapabilityId capability) {
		List<PersonRef> people = new ArrayList<>();
		of(outlook, capability).ifPresent(c -> {
			people.addAll(c.qualified());
			people.addAll(c.away());
		});
		return people;
	}

	/**
	 * Why the person cannot be named to pair with in the capability, or null when they hold it at the level the
	 * team's coverage counts: people of the team as its coverage has them, others by the levels they hold.
	 */
	private String partnerProblem(Capability capability, PersonId partner, Map<PersonId, String> members,
			Coverage.Outlook outlook) {
		int level = neededLevel(outlook, capability.id());
		List<PersonRef> team = inTeam(outlook, capability.id());
		boolean holds = members.containsKey(partner) ? team.stream().anyMatch(p -> p.id().equals(partner))
				: validators.holdsAtLeast(partner, capability.id(), level);
		if (holds) {
			return null;
		}
		String who = members.containsKey(partner) ? members.get(partner)
				: organization.contactOf(partner).map(Person::name).orElse("They");
		String levelName = capability.levelName(level);
		List<String> holders = new ArrayList<>(team.stream().map(PersonRef::name).toList());
		if (holders.size() < PARTNERS_NAMED) {
			List<PersonId> others = validators.holdersAtLeast(capability.id(), level, PARTNERS_NAMED + members.size())
				.stream()
				.filter(p -> !members.containsKey(p))
				.limit(PARTNERS_NAMED - holders.size())
				.toList();
			Map<PersonId, Organization.Credit> credits = others.isEmpty() ? Map.of() : organization.credits(others);
			others.forEach(p -> holders.add(name(credits, p)));
		}
		String base = who + " does not hold “" + capability.name() + "” at " + levelName + " (the level the team's "
				+ "coverage counts), so cannot be paired with for it.";
		if (holders.isEmpty()) {
			return base + " Nobody holds it at that level yet; assign a course or practice on real work instead.";
		}
		return base + " Who holds it: " + String.join(", ", holders.stream().limit(PARTNERS_NAMED).toList())
				+ (holders.size() > PARTNERS_NAMED ? " and others" : "") + ".";
	}

	private BigDecimal latest(Viewer viewer, String metricId) {
		var values = outcomes.values(viewer, metricId);
		return values.isEmpty() ? null : BigDecimal.valueOf(values.get(values.lastKey()));
	}

	private void requireActor(Viewer viewer, Intervention current) {
		if (!access.mayAct(viewer, current.teamId())) {
			throw new NotFoundException("Intervention");
		}
	}

	private Session session(Viewer viewer, SessionId id) {
		RitualRows.SessionRow row = id == null || !Ids.looksValid(id.value()) ? null
				: rituals.session(id.value()).orElse(null);
		if (row == null || !access.mayAct(viewer, new TeamId(row.teamId()))) {
			throw new NotFoundException("Session");
		}
		return Sessions.session(row);
	}

	/** Rows with the names of what they name, read together (a query per kind of name, not per row). */
	private List<Intervention> views(Viewer viewer, List<InterventionRows.Row> found) {
		if (found.isEmpty()) {
			return List.of();
		}
		Set<CapabilityId> capabilities = new LinkedHashSet<>();
		Set<PersonId> people = new LinkedHashSet<>();
		Set<CourseId> courses = new LinkedHashSet<>();
		Set<TeamId> teams = new LinkedHashSet<>();
		for (InterventionRows.Row r : found) {
			capabilities.add(new CapabilityId(r.capabilityId()));
			people.add(new PersonId(r.ownerId()));
			if (r.personId() != null) {
				people.add(new PersonId(r.personId()));
			}
			if (r.courseId() != null) {
				courses.add(new CourseId(r.courseId()));
			}
			if (r.metricId() != null) {
				teams.add(new TeamId(r.teamId()));
			}
		}
		Map<CapabilityId, String> capabilityNames = access.capabilityNames(viewer, capabilities);
		Map<PersonId, Organization.Credit> credits = organization.credits(people);
		Map<CourseId, String> titles = courses.isEmpty() ? Map.of() : authoring.titles(List.copyOf(courses));
		Map<String, String> metricNames = new HashMap<>();
		for (TeamId team : teams) {
			metrics(viewer, team).forEach(m -> metricNames.put(m.id(), m.name()));
		}
		return found.stream().map(r -> {
			PersonId person = r.personId() == null ? null : new PersonId(r.personId());
			return new Intervention(new InterventionId(r.id()), new SessionId(r.sessionId()), new TeamId(r.teamId()),
					r.position(), InterventionKind.valueOf(r.kind()), new CapabilityId(r.capabilityId()),
					capabilityNames.getOrDefault(new CapabilityId(r.capabilityId()), "A capability"),
					new PersonId(r.ownerId()), name(credits, new PersonId(r.ownerId())), r.dueOn(), r.metricId(),
					r.metricId() == null ? null : metricNames.get(r.metricId()), r.description(), r.courseId(),
					r.courseId() == null ? null : titles.get(new CourseId(r.courseId())), person,
					person == null ? null : name(credits, person), r.hours(), r.taskId(), r.commissionId(), r.status(),
					r.doneAt(), r.holdersBefore(), r.metricBefore(), r.revision(), r.answer(), r.ritualName(),
					r.sessionStartsAt());
		}).toList();
	}

	private static String name(Map<PersonId, Organization.Credit> credits, PersonId id) {
		Organization.Credit credit = credits.get(id);
		return credit == null ? "Someone" : credit.name();
	}
}
