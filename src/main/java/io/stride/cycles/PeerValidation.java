package io.stride.cycles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.CapabilityProfiles;
import io.stride.capability.CapabilityValidators;
import io.stride.capability.PersonRef;
import io.stride.cycles.internal.CycleRows;
import io.stride.cycles.internal.CycleRows.CycleRow;
import io.stride.cycles.internal.CycleRows.GoalRow;
import io.stride.cycles.internal.ValidationRows;
import io.stride.cycles.internal.ValidationRows.RequestRow;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ControlCharacters;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Peer validation of goals. A goal's owner asks colleagues to validate what was learned; a validator reads the goal
 * and its evidence through the request (not the rest of the contract, whatever its visibility), and answers once:
 * VALIDATED or NOT_YET with a note, or DECLINED. Nobody validates their own goal. When the goal names a capability
 * level and the validator holds it (or keeps the capability), a VALIDATED answer also records a capability validation,
 * which counts toward the level's "validated by N people holding the level" rule. Validators are notified and
 * reminded once.
 */
@Service
@Transactional
public class PeerValidation {

	public static final int MAX_MESSAGE = 1000;

	public static final int MAX_NOTE = 1000;

	public static final int MAX_VALIDATORS = 10;

	static final int MAX_LISTED = 200;

	static final int MAX_SUGGESTED = 10;

	/** A colleague the owner might ask, and why. */
	public record Suggestion(PersonRef person, String reason, boolean holdsLevel, boolean asked) {
	}

	private final CycleRows cycleRows;

	private final ValidationRows rows;

	private final LearningCycles cycles;

	private final Organization organization;

	private final CapabilityValidators validators;

	private final CapabilityProfiles profiles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int reminderAfterDays;

	PeerValidation(CycleRows cycleRows, ValidationRows rows, LearningCycles cycles, Organization organization,
			CapabilityValidators validators, CapabilityProfiles profiles, ApplicationEventPublisher events, Clock clock,
			@Value("${stride.cycles.validation-reminder-days:7}") int reminderAfterDays) {
		this.cycleRows = cycleRows;
		this.rows = rows;
		this.cycles = cycles;
		this.organization = organization;
		this.validators = validators;
		this.profiles = profiles;
		this.events = events;
		this.clock = clock;
		this.reminderAfterDays = reminderAfterDays;
	}

	public int reminderAfterDays() {
		return reminderAfterDays;
	}

	// --- asking ------------------------------------------------------------------------------------------------------

	/**
	 * The owner asks colleagues to validate a goal, with an optional message. 422 at {@code validators} for nobody,
	 * oneself, someone not an active colleague, someone whose answer is still awaited or who validated it already, or
	 * more than {@link #MAX_VALIDATORS}; at {@code message} for one too long. A colleague who answered "not yet" (or
	 * declined) may be asked again: a new request, the earlier answer stays in the history. The request keeps the
	 * goal's capability and level as they are now. 403 for readers of the contract who are not its owner, 404 for
	 * others.
	 */
	public List<ValidationRequest> ask(Viewer viewer, GoalId goalId, List<PersonId> people, String message) {
		LearningCycles.GoalInCycle found = own(viewer, goalId);
		Map<String, String> errors = new LinkedHashMap<>();
		Set<PersonId> asked = asked(goalId);
		Set<PersonId> validated = new HashSet<>();
		rows.ofGoal(goalId)
			.stream()
			.filter(r -> r.status() == ValidationStatus.VALIDATED)
			.forEach(r -> validated.add(r.validatorId()));
		List<Person> chosen = new ArrayList<>();
		for (PersonId p : new LinkedHashSet<>(people == null ? List.<PersonId>of() : people)) {
			if (p == null) {
				continue;
			}
			if (viewer.is(p)) {
				errors.put("validators", "Nobody validates their own goal: choose colleagues other than yourself.");
				continue;
			}
			Person person = Ids.looksValid(p.value()) ? organization.contactOf(p).orElse(null) : null;
			if (person == null) {
				errors.putIfAbsent("validators", "Choose active colleagues.");
				continue;
			}
			if (validated.contains(p)) {
				errors.putIfAbsent("validators", person.name() + " validated this goal already.");
				continue;
			}
			if (asked.contains(p)) {
				errors.putIfAbsent("validators", "You already asked " + person.name()
						+ " to validate this goal; their answer is awaited.");
				continue;
			}
			chosen.add(person);
		}
		if (chosen.isEmpty() && !errors.containsKey("validators")) {
			errors.put("validators", "Choose at least one colleague to ask.");
		}
		if (chosen.size() > MAX_VALIDATORS) {
			errors.put("validators", "Ask at most " + MAX_VALIDATORS + " colleagues at once.");
		}
		String text = text(message, MAX_MESSAGE, "message", errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Nobody was asked yet.", errors);
		}
		Instant now = clock.instant();
		GoalRow goal = goalRow(goalId);
		List<ValidationRequest> result = new ArrayList<>();
		for (Person person : chosen) {
			RequestRow row = new RequestRow(Ids.newId(), goalId, viewer.id(), person.id(), text,
					ValidationStatus.REQUESTED, null, null, now, null, null, goal.capabilityId(), goal.targetLevel());
			try {
				rows.insert(row);
			}
			catch (DuplicateKeyException e) {
				// asked at the same moment from another tab (PostgreSQL keeps one open request a goal and colleague)
				throw new ConflictException("You already asked " + person.name()
						+ " to validate this goal a moment ago (another tab?); their answer is awaited.");
			}
			events.publishEvent(new GoalValidationRequested(row.id(), person.id(), viewer.name(), found.goal().what(),
					text, false));
			result.add(view(row, goal, null, false));
		}
		return result;
	}

	/** A goal's validation requests for its owner, oldest first (403 for readers, 404 for others). */
	@Transactional(readOnly = true)
	public List<ValidationRequest> ofGoal(Viewer viewer, GoalId goalId) {
		own(viewer, goalId);
		GoalRow goal = goalRow(goalId);
		return rows.ofGoal(goalId).stream().map(r -> view(r, goal, null, false)).toList();
	}

	/**
	 * Colleagues the owner might ask: those they planned to ask in the contract, then people who hold the goal's
	 * capability at its target level (or above). Not the owner; people already asked are marked.
	 */
	@Transactional(readOnly = true)
	public List<Suggestion> suggestions(Viewer viewer, GoalId goalId) {
		own(viewer, goalId);
		GoalRow goal = goalRow(goalId);
		Set<PersonId> asked = asked(goalId);
		Capability capability = goal.capabilityId() == null ? null
				: validators.find(new CapabilityId(goal.capabilityId())).orElse(null);
		Integer level = goal.targetLevel();
		Map<PersonId, Suggestion> result = new LinkedHashMap<>();
		for (String planned : cycleRows.validatorsOf(List.of(goalId)).getOrDefault(goalId, List.of())) {
			PersonId p = new PersonId(planned);
			organization.contactOf(p).filter(x -> !viewer.is(p)).ifPresent(person -> result.put(p,
					new Suggestion(new PersonRef(p, person.name()), "You planned to ask them in your contract",
							holds(p, capability, level), asked.contains(p))));
		}
		if (capability != null && level != null && level > 0) {
			for (PersonId p : validators.holdersAtLeast(capability.id(), level, MAX_SUGGESTED + 1)) {
				if (viewer.is(p) || result.containsKey(p) || result.size() >= MAX_SUGGESTED + 5) {
					continue;
				}
				organization.contactOf(p).ifPresent(person -> result.put(p, new Suggestion(
						new PersonRef(p, person.name()), "Holds “" + capability.levelName(level) + "” in "
								+ capability.name(), true, asked.contains(p))));
			}
		}
		return List.copyOf(result.values());
	}

	// --- the validator's side ----------------------------------------------------------------------------------------

	/**
	 * Requests to the viewer: open ones first, each with the goal's evidence, then the answered ones. A fixed number of
	 * reads for the goals, cycles, links and check-ins however many requests; capabilities, people and whether an
	 * answer would count are read once each.
	 */
	@Transactional(readOnly = true)
	public List<ValidationRequest> inbox(Viewer viewer) {
		List<RequestRow> requests = rows.toValidator(viewer.id(), MAX_LISTED);
		Map<GoalId, GoalRow> goals = new HashMap<>();
		cycleRows.goals(requests.stream().map(RequestRow::goalId).toList()).forEach(g -> goals.put(g.id(), g));
		Map<CycleId, CycleRow> cycleById = new HashMap<>();
		cycleRows.cycles(goals.values().stream().map(GoalRow::cycleId).toList())
			.forEach(c -> cycleById.put(c.id(), c));
		Map<GoalId, List<CycleRows.LinkRow>> links = cycleRows.linksOf(goals.keySet());
		Map<GoalId, List<ValidationRows.CheckInRow>> checkIns = rows.checkInsOf(goals.keySet());
		Reads reads = new Reads();
		Map<String, Boolean> counts = new HashMap<>();
		Map<GoalId, GoalEvidence> evidence = new HashMap<>();
		List<ValidationRequest> result = new ArrayList<>();
		for (RequestRow r : requests) {
			GoalRow goal = goals.get(r.goalId());
			CycleRow cycle = goal == null ? null : cycleById.get(goal.cycleId());
			if (cycle == null) {
				continue; // removed from its contract
			}
			boolean wouldCount = r.open() && counts.computeIfAbsent(
					r.requesterId().value() + "/" + r.capabilityId() + "/" + r.targetLevel(), k -> wouldCount(viewer, r));
			result.add(view(r, goal, evidence.computeIfAbsent(goal.id(), id -> evidence(goal, cycle,
					links.getOrDefault(id, List.of()), checkIns.getOrDefault(id, List.of()), reads)), wouldCount,
					reads));
		}
		return result;
	}

	/** Requests the viewer made, latest first. */
	@Transactional(readOnly = true)
	public List<ValidationRequest> requested(Viewer viewer) {
		List<RequestRow> requests = rows.byRequester(viewer.id(), MAX_LISTED);
		Map<GoalId, GoalRow> goals = new HashMap<>();
		cycleRows.goals(requests.stream().map(RequestRow::goalId).toList()).forEach(g -> goals.put(g.id(), g));
		Reads reads = new Reads();
		List<ValidationRequest> result = new ArrayList<>();
		for (RequestRow r : requests) {
			GoalRow goal = goals.get(r.goalId());
			if (goal != null) {
				result.add(view(r, goal, null, false, reads));
			}
		}
		return result;
	}

	/** One request with the goal's evidence, for its validator and the goal's owner; 404 for everyone else. */
	@Transactional(readOnly = true)
	public ValidationRequest request(Viewer viewer, String requestId) {
		RequestRow row = visible(viewer, requestId);
		GoalRow goal = cycleRows.goal(row.goalId()).orElseThrow(() -> new NotFoundException("Validation request"));
		return view(row, goal, evidence(goal), row.open() && viewer.is(row.validatorId())
				&& wouldCount(viewer, row));
	}

	/**
	 * The validator answers: VALIDATED or NOT_YET with a note saying what they saw, or DECLINED (a note is optional).
	 * 422 at {@code answer} for a request on the viewer's own goal, a second answer, or no answer; at {@code note} for
	 * a missing or too long note. 404 for anyone neither the validator nor the owner.
	 */
	public ValidationRequest answer(Viewer viewer, String requestId, ValidationStatus answer, String note) {
		RequestRow row = visible(viewer, requestId);
		GoalRow goal = cycleRows.goal(row.goalId()).orElseThrow(() -> new NotFoundException("Validation request"));
		Map<String, String> errors = new LinkedHashMap<>();
		if (!viewer.is(row.validatorId()) || viewer.is(row.requesterId())) {
			throw new InvalidInputException("answer", "Nobody validates their own goal: the colleagues you asked answer.");
		}
		if (!row.open()) {
			throw new InvalidInputException("answer", "You already answered this request (“"
					+ row.status().label() + "”); an answer is given once.");
		}
		if (answer == null || !answer.isAnswer()) {
			errors.put("answer", "Choose Validated, Not yet, or Decline.");
		}
		String text = text(note, MAX_NOTE, "note", errors);
		if (text == null && (answer == ValidationStatus.VALIDATED || answer == ValidationStatus.NOT_YET)
				&& !errors.containsKey("note")) {
			errors.put("note", answer == ValidationStatus.VALIDATED ? "Say what you saw that shows it was learned."
					: "Say what is still missing, so that they know what to work on.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Your answer was not saved.", errors);
		}
		Instant now = clock.instant();
		if (!rows.answer(requestId, answer, text, now)) {
			throw new InvalidInputException("answer", "This request was answered already; an answer is given once.");
		}
		String capabilityValidation = null;
		if (answer == ValidationStatus.VALIDATED && wouldCount(viewer, row)) {
			// toward the capability and level the validator was asked about, whatever the goal names since
			capabilityValidation = profiles.validate(viewer, row.requesterId(), new CapabilityId(row.capabilityId()),
					row.targetLevel(), text).id();
			rows.linkCapabilityValidation(requestId, capabilityValidation);
		}
		RequestRow answered = rows.find(requestId).orElseThrow();
		ValidationRequest result = view(answered, goal, null, false);
		events.publishEvent(new GoalValidationAnswered(requestId, goal.id(), row.requesterId(), viewer.id(),
				viewer.name(), goal.what(), answer, text, result.levelNote()));
		return result;
	}

	// --- the reminder ------------------------------------------------------------------------------------------------

	/**
	 * Reminds validators, once, of requests still open {@link #reminderAfterDays()} days after they were made; how many
	 * were reminded. A second run (or node) reminds nobody twice.
	 */
	public int sendReminders() {
		Instant now = clock.instant();
		int sent = 0;
		for (RequestRow r : rows.dueForReminder(now.minus(Duration.ofDays(reminderAfterDays)), 500)) {
			GoalRow goal = cycleRows.goal(r.goalId()).orElse(null);
			if (goal == null) {
				continue; // removed since the read
			}
			if (organization.contactOf(r.validatorId()).isEmpty()) {
				// the validator left: nobody to remind; marked so that the request no longer comes up as due
				rows.markReminded(r.id(), now);
				continue;
			}
			if (!rows.markReminded(r.id(), now)) {
				continue;
			}
			events.publishEvent(new GoalValidationRequested(r.id(), r.validatorId(), cycles.ref(r.requesterId()).name(),
					goal.what(), r.message(), true));
			sent++;
		}
		return sent;
	}

	// --- helpers -----------------------------------------------------------------------------------------------------

	/** The goal when the viewer owns it: 403 for readers of the contract (and managers who see it exists), 404 else. */
	LearningCycles.GoalInCycle own(Viewer viewer, GoalId goalId) {
		LearningCycles.GoalInCycle found = cycles.goal(viewer, goalId);
		if (found.cycle().access() != CycleAccess.OWNER) {
			throw new ForbiddenException("Only the goal's owner asks for its validation.");
		}
		return found;
	}

	private RequestRow visible(Viewer viewer, String requestId) {
		RequestRow row = requestId != null && Ids.looksValid(requestId) ? rows.find(requestId).orElse(null) : null;
		if (row == null || !viewer.is(row.validatorId()) && !viewer.is(row.requesterId())) {
			throw new NotFoundException("Validation request");
		}
		return row;
	}

	private GoalRow goalRow(GoalId id) {
		return cycleRows.goal(id).orElseThrow(() -> new NotFoundException("Goal"));
	}

	/** Whether a VALIDATED answer would count toward the capability level the request was made for. */
	private boolean wouldCount(Viewer viewer, RequestRow request) {
		return request.capabilityId() != null && request.targetLevel() != null && request.targetLevel() > 0
				&& validators.mayValidate(viewer, request.requesterId(), new CapabilityId(request.capabilityId()),
						request.targetLevel());
	}

	/** The colleagues whose answer on the goal is awaited (asked, not answered yet). */
	private Set<PersonId> asked(GoalId goalId) {
		Set<PersonId> asked = new HashSet<>();
		rows.ofGoal(goalId).stream().filter(RequestRow::open).forEach(r -> asked.add(r.validatorId()));
		return asked;
	}

	private boolean holds(PersonId person, Capability capability, Integer level) {
		return capability != null && level != null && level > 0
				&& validators.holdsAtLeast(person, capability.id(), level);
	}

	/** Capabilities and people read once each while building a list. */
	private final class Reads {

		private final Map<String, Optional<Capability>> capabilities = new HashMap<>();

		private final Map<PersonId, PersonRef> people = new HashMap<>();

		Optional<Capability> capability(String id) {
			return id == null ? Optional.empty()
					: capabilities.computeIfAbsent(id, k -> validators.find(new CapabilityId(k)));
		}

		PersonRef ref(PersonId person) {
			return people.computeIfAbsent(person, cycles::ref);
		}
	}

	/** The goal's evidence as its validator reads it: the goal, not the rest of the contract. */
	GoalEvidence evidence(GoalRow goal) {
		CycleRow cycle = cycleRows.cycle(goal.cycleId()).orElseThrow(() -> new NotFoundException("Goal"));
		return evidence(goal, cycle, cycleRows.linksOf(List.of(goal.id())).getOrDefault(goal.id(), List.of()),
				rows.checkInsOf(goal.id()), new Reads());
	}

	private GoalEvidence evidence(GoalRow goal, CycleRow cycle, List<CycleRows.LinkRow> links,
			List<ValidationRows.CheckInRow> checkInRows, Reads reads) {
		Optional<Capability> capability = reads.capability(goal.capabilityId());
		String levelName = capability.isPresent() && goal.targetLevel() != null && goal.targetLevel() > 0
				? capability.get().levelName(goal.targetLevel()) : null;
		List<Goal.Link> produced = links.stream()
			.filter(l -> "PRODUCED".equals(l.kind()))
			.map(l -> new Goal.Link(l.id(), l.title(), l.url()))
			.toList();
		List<GoalEvidence.CheckInNote> checkIns = checkInRows.stream()
			.map(c -> new GoalEvidence.CheckInNote(c.note(), c.progress(), c.minutes(), c.at()))
			.toList();
		return new GoalEvidence(goal.id(), goal.cycleId(), reads.ref(cycle.personId()), goal.what(),
				capability.map(Capability::name).orElse(null), levelName, goal.evidence(), produced, checkIns,
				goal.progress(), goal.outcome(), goal.reflection(), cycle.status() == CycleStatus.CLOSED);
	}

	private ValidationRequest view(RequestRow r, GoalRow goal, GoalEvidence evidence, boolean wouldCount) {
		return view(r, goal, evidence, wouldCount, new Reads());
	}

	/** A request as its validator and requester read it: the capability level it was asked for. */
	private ValidationRequest view(RequestRow r, GoalRow goal, GoalEvidence evidence, boolean wouldCount,
			Reads reads) {
		Optional<Capability> capability = reads.capability(r.capabilityId());
		String levelName = capability.isPresent() && r.targetLevel() != null && r.targetLevel() > 0
				? capability.get().levelName(r.targetLevel()) : null;
		return new ValidationRequest(r.id(), r.goalId(), goal.what(), reads.ref(r.requesterId()),
				reads.ref(r.validatorId()), r.message(), r.status(), r.note(), r.capabilityValidationId() != null,
				wouldCount, levelName == null ? null : capability.get().name(), levelName, r.createdAt(), r.answeredAt(),
				r.remindedAt(), evidence);
	}

	private static String text(String value, int max, String field, Map<String, String> errors) {
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
