package io.stride.tracks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.StatementRecorded;
import io.stride.activity.StatementsRecorded;
import io.stride.activity.Verb;
import io.stride.authoring.Authoring;
import io.stride.authoring.ComponentUses;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.cycles.CycleClosed;
import io.stride.cycles.CycleId;
import io.stride.cycles.CycleStatus;
import io.stride.cycles.Goal;
import io.stride.cycles.GoalOutcome;
import io.stride.cycles.LearningCycles;
import io.stride.delivery.Delivery;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.library.Component;
import io.stride.library.ComponentKind;
import io.stride.library.Library;
import io.stride.mastery.Checklists;
import io.stride.mastery.SignOffChanged;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.tracks.internal.EnrolmentRows;
import io.stride.tracks.internal.ProgressRows;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Each enrolled person's progress step by step: rows made on enrolment, steps done here or before (work done out of
 * order counts), steps opening by their pacing (at once when their day is today; the nightly {@link StepReleaseJob}
 * for the rest), confirmations by the person or their manager, early release, and completion of the track.
 */
@Service
public class TrackProgress {

	/** How a step was done. */
	public static final String COMPLETED = "COMPLETED";

	public static final String COMPLETED_BEFORE = "COMPLETED_BEFORE";

	public static final String CONFIRMED_BY_MANAGER = "CONFIRMED_BY_MANAGER";

	public static final String CONFIRMED_BY_SELF = "CONFIRMED_BY_SELF";

	/**
	 * Where a step stands for a person: done, open now, opening on a known day, waiting for another step, or (a
	 * high-investment step whose turn has come) waiting for the manager's approval.
	 */
	public enum State {
		DONE, OPEN, SCHEDULED, WAITING, NEEDS_APPROVAL
	}

	public static final String NEEDS_APPROVAL_TEXT = "needs your manager's approval";

	/**
	 * One step as a person follows it. {@code opens} says when it opens or why it waits, in words; {@code doneHow} one of
	 * the constants above; {@code selfConfirm} and {@code managerConfirm} whether the person or a manager may mark it done;
	 * {@code declineReason} the manager's reason when they declined a step that needs their approval (else null);
	 * {@code releasedBy} the manager who opened it early (else null); {@code person} the person's name when someone else
	 * reads their progress (null when they read it themselves: the texts then speak to them).
	 */
	public record StepProgress(TrackStep step, State state, LocalDate releaseOn, Instant releasedAt, Instant doneAt,
			String doneHow, String pacing, String opens, List<String> prerequisiteTitles, boolean selfConfirm,
			boolean managerConfirm, String declineReason, PersonId releasedBy, String person) {

		/** The same step, its texts about the person rather than to them ("after Leo finishes", "opened early by Maya"). */
		StepProgress about(String name, Map<PersonId, String> managers) {
			String manager = releasedBy == null ? null : managers.getOrDefault(releasedBy, "a manager");
			return new StepProgress(step, state, releaseOn, releasedAt, doneAt, doneHow, aboutPerson(pacing, name, manager),
					aboutPerson(opens, name, manager), prerequisiteTitles, selfConfirm, managerConfirm, declineReason,
					releasedBy, name);
		}

		public String doneInWords() {
			if (doneHow == null) {
				return "";
			}
			return switch (doneHow) {
				case COMPLETED_BEFORE -> "done before it opened";
				case CONFIRMED_BY_MANAGER -> "confirmed by a manager";
				case CONFIRMED_BY_SELF -> "marked done by " + (person == null ? "you" : person);
				default -> "completed";
			};
		}
	}

	/**
	 * A person's progress in a track: every step in the order of the version they follow ({@code version}, in words:
	 * "Customer Success’s version", "the organization’s"), the next one to open, done of total.
	 */
	public record Progress(Enrolment enrolment, Track track, List<StepProgress> steps, int done, int total,
			StepProgress next, String version) {

		public int percent() {
			return total == 0 ? 0 : done * 100 / total;
		}

		/** The person's current step (see {@link TrackProgressRules#current}); null when every step is done. */
		public StepProgress current() {
			return TrackProgressRules.current(steps, s -> s.state() == State.DONE, s -> s.state() == State.OPEN);
		}

		/**
		 * The same progress as someone else (a manager) reads it: the texts name the person ({@code name}) and the
		 * manager who opened a step early ({@code managers} by id) instead of speaking to the person.
		 */
		public Progress about(String name, Map<PersonId, String> managers) {
			List<StepProgress> about = steps.stream().map(s -> s.about(name, managers)).toList();
			StepProgress nextAbout = next == null ? null : about.get(steps.indexOf(next));
			return new Progress(enrolment, track, about, done, total, nextAbout, version);
		}

		/** Who opened a step early, for {@link #about}. */
		public Set<PersonId> releasers() {
			return steps.stream().map(StepProgress::releasedBy).filter(Objects::nonNull)
				.collect(Collectors.toSet());
		}
	}

	/** A text written to the person ("7 days after you finish …") rewritten about them for someone else. */
	static String aboutPerson(String text, String name, String manager) {
		if (text == null) {
			return null;
		}
		return text.replace("(opened early by your manager)", "(opened early by " + (manager == null ? "a manager" : manager) + ")")
			.replace(" you finish “", " " + name + " finishes “")
			.replace("(you had finished it before)", "(" + name + " had finished it before)")
			.replace("after you enrolled", "after " + name + " enrolled")
			.replace("after you enrol", "after " + name + " enrols")
			.replace("when you enrol", "when " + name + " enrols")
			.replace("declined by your manager", "declined")
			.replace(NEEDS_APPROVAL_TEXT, "needs a manager's approval")
			.replace("you complete the", name + " completes the");
	}

	private final TrackDefinitions definitions;

	private final EnrolmentRows enrolments;

	private final ProgressRows rows;

	private final EnrolmentAccess access;

	private final LearningRecord record;

	private final Delivery delivery;

	private final Checklists checklists;

	private final LearningCycles cycles;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String lessonIri;

	private final ComponentUses componentUses;

	private final Library library;

	private final Authoring authoring;

	private final String courseIri;

	TrackProgress(TrackDefinitions definitions, EnrolmentRows enrolments, ProgressRows rows, EnrolmentAccess access,
			LearningRecord record, Delivery delivery, Checklists checklists, LearningCycles cycles,
			Organization organization, ApplicationEventPublisher events, Clock clock,
			@Value("${stride.base-url}") String baseUrl, ComponentUses componentUses, Library library,
			Authoring authoring) {
		this.componentUses = componentUses;
		this.library = library;
		this.authoring = authoring;
		this.definitions = definitions;
		this.enrolments = enrolments;
		this.rows = rows;
		this.access = access;
		this.record = record;
		this.delivery = delivery;
		this.checklists = checklists;
		this.cycles = cycles;
		this.organization = organization;
		this.events = events;
		this.clock = clock;
		this.lessonIri = record.activityIri(ActivityType.LESSON, "");
		this.courseIri = record.activityIri(ActivityType.COURSE, "");
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

	/**
	 * Starts an enrolment that just became active: a row per step of the track as the person's team follows it, steps
	 * already done marked so, then what opens today opened. Joins the caller's transaction. On joining again, steps
	 * done in an earlier enrolment stay done (with their day); the others are planned afresh.
	 */
	void start(Enrolment enrolment, EffectiveTrack track) {
		rows.deleteNotDone(enrolment.id());
		catchUp(enrolment, track);
	}

	/**
	 * Gives the steps the enrolment has no row for (all of them at the start; those added to the track since) their
	 * row, marks those the person already did elsewhere done, then plans and opens as {@link #refresh} does.
	 */
	void catchUp(Enrolment enrolment, EffectiveTrack track) {
		Set<String> have = new HashSet<>();
		rows.of(enrolment.id()).forEach(row -> have.add(row.stepId()));
		List<TrackStep> added = track.steps().stream().filter(step -> !have.contains(step.id())).toList();
		for (TrackStep step : added) {
			rows.insert(enrolment.id(), step.id(), step.position());
		}
		Set<String> doneBefore = added.isEmpty() ? Set.of() : doneBefore(enrolment.personId(), added);
		if (!doneBefore.isEmpty()) {
			Instant now = clock.instant();
			String name = access.nameOf(enrolment.personId());
			for (TrackStep step : added) {
				if (doneBefore.contains(step.id()) && rows.done(enrolment.id(), step.id(), now, COMPLETED_BEFORE, null)) {
					record.record(new LearningAction(enrolment.personId(), name, Verb.COMPLETED, ActivityType.TRACK_STEP,
							step.id(), step.title(), null, Result.completion(true), enrolment.id()));
				}
			}
		}
		refresh(enrolment, track);
	}

	/**
	 * Plans each step's day from what is done, opens those whose day has come (one notice for the person), and
	 * completes the enrolment when every step is done. Steps added to the track since get their row.
	 */
	void refresh(Enrolment enrolment, EffectiveTrack track) {
		List<ProgressRows.Row> current = rows.of(enrolment.id());
		Map<String, ProgressRows.Row> byStep = new HashMap<>();
		current.forEach(row -> byStep.put(row.stepId(), row));
		Set<String> inTrack = new HashSet<>();
		for (TrackStep step : track.steps()) {
			inTrack.add(step.id());
			if (!byStep.containsKey(step.id())) {
				rows.insert(enrolment.id(), step.id(), step.position());
			}
		}
		for (ProgressRows.Row row : current) {
			if (!inTrack.contains(row.stepId()) && !row.done()) {
				// a step taken out of the track no longer holds the person back
				rows.delete(enrolment.id(), row.stepId());
			}
		}
		Map<String, LocalDate> doneOn = doneOn(current);
		Map<String, LocalDate> dates = TrackProgressRules.releaseDates(track.steps(), doneOn, enrolment.enrolledOn());
		LocalDate today = today();
		Instant now = clock.instant();
		String run = Ids.newId();
		List<TrackStep> opened = new ArrayList<>();
		boolean allDone = true;
		for (TrackStep step : track.steps()) {
			LocalDate date = dates.get(step.id());
			rows.plan(enrolment.id(), step.id(), step.position(), date);
			ProgressRows.Row row = byStep.get(step.id());
			boolean done = row != null && row.done();
			allDone &= done;
			boolean approvedIfNeeded = !step.highInvestment() || row != null && row.approved();
			if (!done && approvedIfNeeded && date != null && !date.isAfter(today) && (row == null || !row.released())
					&& rows.release(enrolment.id(), step.id(), now, run, null)) {
				opened.add(step);
			}
		}
		String name = access.nameOf(enrolment.personId());
		for (TrackStep step : opened) {
			record.record(new LearningAction(enrolment.personId(), name, Verb.LAUNCHED, ActivityType.TRACK_STEP, step.id(),
					step.title(), null, Result.NONE, enrolment.id()));
		}
		if (!opened.isEmpty()) {
			events.publishEvent(new EnrolmentStepsReleased(run, opened.size()));
		}
		if (allDone && !track.steps().isEmpty() && enrolments.complete(enrolment.id(), now)) {
			record.record(new LearningAction(enrolment.personId(), name, Verb.COMPLETED, ActivityType.TRACK,
					track.track().id().value(), track.track().title(), null, Result.completion(true), enrolment.id()));
			events.publishEvent(new EnrolmentChanged(null, enrolment.id(), track.track().title(), "COMPLETED",
					"person " + enrolment.personId().value()));
		}
	}

	/**
	 * Plans many locked, active enrolments again after a pacing change, set-based: the new days are worked out per person
	 * (as {@link #refresh} does) but written with one statement per step and day for all who share them. An enrolment for
	 * which re-planning means more than new days (a step to add or take out, one to open now, the track complete) goes
	 * through {@link #catchUp} as before, so the outcome is the same as re-planning person by person.
	 */
	void replan(List<Enrolment> locked, Function<Enrolment, EffectiveTrack> trackOf) {
		Map<String, List<ProgressRows.Row>> all = rows.of(locked.stream().map(Enrolment::id).toList());
		Map<Plan, List<String>> plans = new LinkedHashMap<>();
		for (Enrolment enrolment : locked) {
			EffectiveTrack track = trackOf.apply(enrolment);
			if (track != null && !onlyNewDays(enrolment, track, all.getOrDefault(enrolment.id(), List.of()), plans)) {
				catchUp(enrolment, track);
			}
		}
		plans.forEach((plan, ids) -> rows.plan(ids, plan.stepId(), plan.position(), plan.releaseOn()));
	}

	/** A step's place and day, shared by the enrolments planned so. */
	private record Plan(String stepId, int position, LocalDate releaseOn) {
	}

	/**
	 * Adds the enrolment's changed days to {@code plans} and answers true when that is all {@link #refresh} would do for
	 * it; false (nothing added) when it would also add or remove a row, open a step or complete the enrolment.
	 */
	private boolean onlyNewDays(Enrolment enrolment, EffectiveTrack track, List<ProgressRows.Row> current,
			Map<Plan, List<String>> plans) {
		Map<String, ProgressRows.Row> byStep = new HashMap<>();
		current.forEach(row -> byStep.put(row.stepId(), row));
		Set<String> inTrack = new HashSet<>();
		for (TrackStep step : track.steps()) {
			inTrack.add(step.id());
			if (!byStep.containsKey(step.id())) {
				return false;
			}
		}
		for (ProgressRows.Row row : current) {
			if (!inTrack.contains(row.stepId()) && !row.done()) {
				return false;
			}
		}
		Map<String, LocalDate> dates = TrackProgressRules.releaseDates(track.steps(), doneOn(current), enrolment.enrolledOn());
		LocalDate today = today();
		List<Plan> changed = new ArrayList<>();
		boolean allDone = true;
		for (TrackStep step : track.steps()) {
			LocalDate date = dates.get(step.id());
			ProgressRows.Row row = byStep.get(step.id());
			allDone &= row.done();
			boolean approvedIfNeeded = !step.highInvestment() || row.approved();
			if (!row.done() && approvedIfNeeded && date != null && !date.isAfter(today) && !row.released()) {
				return false;
			}
			if (row.position() != step.position() || !Objects.equals(row.releaseOn(), date)) {
				changed.add(new Plan(step.id(), step.position(), date));
			}
		}
		if (allDone && !track.steps().isEmpty()) {
			return false;
		}
		changed.forEach(plan -> plans.computeIfAbsent(plan, k -> new ArrayList<>()).add(enrolment.id()));
		return true;
	}

	/** A high-investment step whose turn has come for someone, waiting for their manager's approval. */
	public record StepWaiting(Enrolment enrolment, String personName, String trackTitle, String stepTitle) {
	}

	/**
	 * The steps of the viewer's teams' people whose turn has come and that wait for their approval (not declined yet):
	 * empty for anyone who manages no team (L&D and admins find them on each track's people page).
	 */
	@Transactional(readOnly = true)
	public List<StepWaiting> stepsWaiting(Viewer viewer) {
		Set<PersonId> people = access.managedPeople(viewer);
		if (people == null || people.isEmpty()) {
			return List.of();
		}
		List<Progress> all = progressOf(enrolments.activeOf(people));
		Map<PersonId, Organization.Credit> credits = organization.credits(all.stream().map(p -> p.enrolment().personId())
			.collect(Collectors.toSet()));
		List<StepWaiting> waiting = new ArrayList<>();
		for (Progress p : all) {
			for (StepProgress s : p.steps()) {
				if (s.state() == State.NEEDS_APPROVAL && s.declineReason() == null) {
					Organization.Credit credit = credits.get(p.enrolment().personId());
					waiting.add(new StepWaiting(p.enrolment(), credit == null ? "Someone" : credit.name(),
							p.track().title(), s.step().title()));
				}
			}
		}
		return waiting;
	}

	/** The person's progress as the viewer may read it (404 for others' enrolments). */
	@Transactional(readOnly = true)
	public Progress progress(Viewer viewer, String enrolmentId) {
		return progress(access.visible(viewer, enrolmentId));
	}

	/** An enrolment's progress, for callers that checked who reads it. */
	Progress progress(Enrolment enrolment) {
		EffectiveTrack track = definitions.effective(enrolment.trackId(), enrolment.team())
			.orElseThrow(() -> new NotFoundException("Track"));
		Map<String, ProgressRows.Row> byStep = new HashMap<>();
		rows.of(enrolment.id()).forEach(row -> byStep.put(row.stepId(), row));
		return progress(enrolment, track, byStep);
	}

	/** Progress of several enrolments at once (the learner's tracks), two queries and one read per track. */
	@Transactional(readOnly = true)
	public List<Progress> progressOf(List<Enrolment> list) {
		Map<String, List<ProgressRows.Row>> all = rows.of(list.stream().map(Enrolment::id).toList());
		List<Progress> result = new ArrayList<>();
		Map<String, Optional<EffectiveTrack>> tracks = new HashMap<>();
		for (Enrolment enrolment : list) {
			var track = tracks.computeIfAbsent(enrolment.trackId().value() + "/"
					+ (enrolment.team() == null ? "" : enrolment.team().value()),
					k -> definitions.effective(enrolment.trackId(), enrolment.team()));
			if (track.isEmpty()) {
				continue;
			}
			Map<String, ProgressRows.Row> byStep = new HashMap<>();
			all.getOrDefault(enrolment.id(), List.of()).forEach(row -> byStep.put(row.stepId(), row));
			result.add(progress(enrolment, track.get(), byStep));
		}
		return result;
	}

	private Progress progress(Enrolment enrolment, EffectiveTrack track, Map<String, ProgressRows.Row> byStep) {
		boolean following = enrolment.status() == EnrolmentStatus.ACTIVE || enrolment.status() == EnrolmentStatus.COMPLETED;
		Map<String, String> titles = new HashMap<>();
		track.steps().forEach(step -> titles.put(step.id(), step.title()));
		Map<String, LocalDate> doneOn = doneOn(byStep.values());
		List<StepProgress> steps = new ArrayList<>();
		TrackStep previous = null;
		int done = 0;
		StepProgress next = null;
		for (TrackStep step : track.steps()) {
			ProgressRows.Row row = following ? byStep.get(step.id()) : null;
			String pacing = TrackProgressRules.inWords(step.pacing(), previous == null ? null : previous.title());
			State state;
			String opens;
			LocalDate releaseOn = row == null ? null : row.releaseOn();
			if (row != null && row.done()) {
				state = State.DONE;
				opens = "";
				done++;
			}
			else if (row != null && row.released()) {
				state = State.OPEN;
				opens = openSince(row, releaseOn);
			}
			else if (row != null && step.highInvestment() && !row.approved() && releaseOn != null
					&& !releaseOn.isAfter(today())) {
				state = State.NEEDS_APPROVAL;
				// "Next: Certification, declined by your manager for now: the budget opens in April." (one full stop)
				opens = row.declineReason() == null ? NEEDS_APPROVAL_TEXT
						: "declined by your manager for now: " + row.declineReason().replaceAll("[.\\s]+$", "");
			}
			else if (row != null && releaseOn != null) {
				state = State.SCHEDULED;
				ProgressRows.Row before = previous == null ? null : byStep.get(previous.id());
				opens = "opens on " + TrackProgressRules.day(releaseOn) + reason(step, previous,
						before != null && before.done() && COMPLETED_BEFORE.equals(before.doneHow())
								? LocalDate.ofInstant(before.doneAt(), ZoneOffset.UTC) : null);
			}
			else {
				state = State.WAITING;
				opens = following ? waitsFor(step, previous, doneOn, titles) : pacing;
			}
			List<String> prerequisites = step.prerequisites().stream().map(id -> titles.getOrDefault(id, "a removed step"))
				.sorted().toList();
			boolean confirmable = confirmable(step);
			StepProgress progress = new StepProgress(step, state, releaseOn, row == null ? null : row.releasedAt(),
					row == null ? null : row.doneAt(), row == null ? null : row.doneHow(), pacing, opens, prerequisites,
					confirmable && step.confirmation() != Confirmation.MANAGER, confirmable,
					state == State.NEEDS_APPROVAL ? row.declineReason() : null, row == null || row.releasedBy() == null ? null : new PersonId(row.releasedBy()), null);
			steps.add(progress);
			if (next == null && following && state != State.DONE && state != State.OPEN) {
				next = progress;
			}
			previous = step;
		}
		return new Progress(enrolment, track.track(), steps, done, track.steps().size(), next, track.versionInWords());
	}

	/**
	 * Since when an open step is open, truthfully: an open step stays open, so when the pacing now in force would open
	 * it later (or not yet) it says why it opened before then: a manager opened it early, or the pacing changed since.
	 */
	private static String openSince(ProgressRows.Row row, LocalDate plannedNow) {
		LocalDate opened = LocalDate.ofInstant(row.releasedAt(), ZoneOffset.UTC);
		String since = "open since " + TrackProgressRules.day(opened);
		if (row.releasedBy() != null) {
			return since + " (opened early by your manager)";
		}
		if (plannedNow == null || plannedNow.isAfter(opened)) {
			return since + " (opened before the pacing changed)";
		}
		return since;
	}

	/**
	 * Why a step opens on its day. After a step finished before (elsewhere, before it was on the track) the days count
	 * from the day it was counted as done ({@code previousCounted}): said so, not "after you finish" it.
	 */
	private static String reason(TrackStep step, TrackStep previous, LocalDate previousCounted) {
		Pacing pacing = step.pacing();
		int days = pacing.days() == null ? 0 : pacing.days();
		String span = days == 1 ? "1 day" : days + " days";
		return switch (pacing.rule()) {
			case AFTER_PREVIOUS -> previous == null ? ""
					: previousCounted != null ? " — " + (days == 0 ? "from " : span + " after ")
							+ TrackProgressRules.day(previousCounted) + ", when “" + previous.title()
							+ "” was counted as done (you had finished it before)"
					: " — " + (days == 0 ? "when" : span + " after") + " you finish “" + previous.title() + "”";
			case AFTER_ENROLMENT -> days == 0 ? "" : " — " + (days == 1 ? "1 day" : days + " days") + " after you enrolled";
			case FIXED_DATE -> " — the date set for everyone";
			case ON_ENROLMENT -> "";
		};
	}

	private static String waitsFor(TrackStep step, TrackStep previous, Map<String, LocalDate> doneOn,
			Map<String, String> titles) {
		List<String> missing = step.prerequisites().stream().filter(id -> !doneOn.containsKey(id))
			.map(id -> "“" + titles.getOrDefault(id, "a removed step") + "”").sorted().toList();
		if (!missing.isEmpty()) {
			return "waits for " + String.join(" and ", missing);
		}
		if (previous != null) {
			return "waits for “" + previous.title() + "”";
		}
		return "waits";
	}

	/** Steps Stride cannot see done by itself: an external activity, an observed task that names no checklist task. */
	static boolean confirmable(TrackStep step) {
		return step.kind() == StepKind.EXTERNAL || step.kind() == StepKind.OBSERVED_TASK && step.checklistTaskId() == null;
	}

	/**
	 * Marks a step done by confirmation: the person for a step they confirm themselves, their manager (or L&D, an admin)
	 * for any confirmable step. 422 at {@code stepId} for a step Stride sees done by itself; 409 when done already.
	 */
	@Transactional
	public Progress markDone(Viewer viewer, String enrolmentId, String stepId) {
		Enrolment enrolment = access.visible(viewer, enrolmentId);
		enrolment = enrolments.lock(enrolment.id()).orElseThrow(() -> new NotFoundException("Enrolment"));
		EffectiveTrack track = following(enrolment);
		TrackStep step = stepOf(track, stepId);
		if (!confirmable(step)) {
			throw new InvalidInputException("stepId", "This step is done when " + doneWhen(step) + "; it cannot be marked done by hand.");
		}
		boolean self = viewer.is(enrolment.personId());
		if (self && step.confirmation() == Confirmation.MANAGER) {
			throw new ForbiddenException("Your manager confirms this step.");
		}
		if (self && step.highInvestment() && !approved(enrolment.id(), step.id())) {
			throw new ForbiddenException("This step " + NEEDS_APPROVAL_TEXT + " before it counts.");
		}
		String how = self ? CONFIRMED_BY_SELF : CONFIRMED_BY_MANAGER;
		if (!rows.done(enrolment.id(), step.id(), clock.instant(), how, viewer.id())) {
			throw new ConflictException("This step is done already.");
		}
		record.record(new LearningAction(enrolment.personId(), access.nameOf(enrolment.personId()), Verb.COMPLETED,
				ActivityType.TRACK_STEP, step.id(), step.title(), null, Result.completion(true), enrolment.id()));
		events.publishEvent(new EnrolmentChanged(viewer.id(), enrolment.id(), track.track().title(),
				self ? "STEP_MARKED_DONE" : "STEP_CONFIRMED", "step " + step.title()));
		refresh(enrolment, track);
		return progress(enrolments.find(enrolment.id()).orElseThrow());
	}

	/**
	 * Opens a step early for a person (their manager, L&D or an admin; 403 for the person): only once its
	 * prerequisites are done (422 at {@code stepId}); 409 when it is open or done already.
	 */
	@Transactional
	public Progress releaseEarly(Viewer viewer, String enrolmentId, String stepId) {
		Enrolment enrolment = access.visible(viewer, enrolmentId);
		if (!access.mayDecideFor(viewer, enrolment.personId())) {
			throw new ForbiddenException("Only the person's manager releases a step early.");
		}
		enrolment = enrolments.lock(enrolment.id()).orElseThrow(() -> new NotFoundException("Enrolment"));
		EffectiveTrack track = following(enrolment);
		TrackStep step = stepOf(track, stepId);
		Map<String, LocalDate> doneOn = doneOn(rows.of(enrolment.id()));
		List<String> missing = step.prerequisites().stream().filter(id -> !doneOn.containsKey(id)).toList();
		if (!missing.isEmpty()) {
			Map<String, String> titles = new HashMap<>();
			track.steps().forEach(s -> titles.put(s.id(), s.title()));
			throw new InvalidInputException("stepId", "A step cannot be released before its prerequisite: "
					+ String.join(", ", missing.stream().map(id -> "“" + titles.getOrDefault(id, id) + "”").sorted().toList())
					+ " is not done yet.");
		}
		String run = Ids.newId();
		if (!rows.release(enrolment.id(), step.id(), clock.instant(), run, viewer.id())) {
			throw new ConflictException("This step is open or done already.");
		}
		if (step.highInvestment()) {
			// the manager opening a high-investment step is their approval of it
			rows.approve(enrolment.id(), step.id(), clock.instant(), viewer.id());
		}
		record.record(new LearningAction(enrolment.personId(), access.nameOf(enrolment.personId()), Verb.LAUNCHED,
				ActivityType.TRACK_STEP, step.id(), step.title(), null, Result.NONE, enrolment.id()));
		events.publishEvent(new EnrolmentChanged(viewer.id(), enrolment.id(), track.track().title(), "STEP_RELEASED_EARLY",
				"step " + step.title()));
		events.publishEvent(new EnrolmentStepsReleased(run, 1));
		return progress(enrolment);
	}

	/**
	 * Approves a high-investment step (a certification, an external programme) for a person: their manager, L&D or an
	 * admin (403 for the person and other managers who see it). It opens at once when its day has come and its
	 * prerequisites are done, else on its day. 422 at {@code stepId} for a step that needs no approval; 409 when
	 * approved or done already, or the enrolment is not active.
	 */
	@Transactional
	public Progress approveStep(Viewer viewer, String enrolmentId, String stepId) {
		Enrolment enrolment = access.visible(viewer, enrolmentId);
		if (!access.mayDecideFor(viewer, enrolment.personId())) {
			throw new ForbiddenException("Only the person's manager approves this step.");
		}
		enrolment = enrolments.lock(enrolment.id()).orElseThrow(() -> new NotFoundException("Enrolment"));
		EffectiveTrack track = following(enrolment);
		TrackStep step = stepOf(track, stepId);
		if (!step.highInvestment()) {
			throw new InvalidInputException("stepId", "This step needs no approval: it opens on its own.");
		}
		if (!rows.approve(enrolment.id(), step.id(), clock.instant(), viewer.id())) {
			throw new ConflictException("This step is approved or done already.");
		}
		events.publishEvent(new EnrolmentChanged(viewer.id(), enrolment.id(), track.track().title(), "STEP_APPROVED",
				"step " + step.title()));
		refresh(enrolment, track);
		return progress(enrolments.find(enrolment.id()).orElseThrow());
	}

	/**
	 * Declines a high-investment step for now, with a reason the person reads: it stays closed and waiting for approval
	 * (the manager may still approve it later). Who may: as {@link #approveStep}. 422 at {@code reason} when blank or too
	 * long, at {@code stepId} for a step that needs no approval; 409 when approved, open, done or declined already.
	 */
	@Transactional
	public Progress declineStep(Viewer viewer, String enrolmentId, String stepId, String reason) {
		Enrolment enrolment = access.visible(viewer, enrolmentId);
		if (!access.mayDecideFor(viewer, enrolment.personId())) {
			throw new ForbiddenException("Only the person's manager declines this step.");
		}
		String cleanReason = Enrolments.note(reason, "reason");
		if (cleanReason == null) {
			throw new InvalidInputException("reason", "Give a reason: the person reads it.");
		}
		enrolment = enrolments.lock(enrolment.id()).orElseThrow(() -> new NotFoundException("Enrolment"));
		EffectiveTrack track = following(enrolment);
		TrackStep step = stepOf(track, stepId);
		if (!step.highInvestment()) {
			throw new InvalidInputException("stepId", "This step needs no approval: it opens on its own.");
		}
		if (!rows.decline(enrolment.id(), step.id(), clock.instant(), viewer.id(), cleanReason)) {
			throw new ConflictException("This step is approved, open, done or declined already.");
		}
		events.publishEvent(new StepDeclined(enrolment.id(), track.track().id(), track.track().title(),
				enrolment.personId(), step.title(), cleanReason, viewer.name()));
		events.publishEvent(new EnrolmentChanged(viewer.id(), enrolment.id(), track.track().title(), "STEP_DECLINED",
				"step " + step.title() + "; reason: " + cleanReason));
		return progress(enrolment);
	}

	private boolean approved(String enrolmentId, String stepId) {
		return rows.of(enrolmentId).stream().anyMatch(row -> row.stepId().equals(stepId) && row.approved());
	}

	/** Who to tell of what a release run opened: one notice per person, by track. */
	@Transactional(readOnly = true)
	public List<StepReleaseNotice> noticesOf(String run) {
		List<StepReleaseNotice> notices = new ArrayList<>();
		Map<String, Map<String, List<ProgressRows.ReleasedRow>>> byPerson = new LinkedHashMap<>();
		for (ProgressRows.ReleasedRow row : rows.releasedIn(run)) {
			byPerson.computeIfAbsent(row.personId(), k -> new LinkedHashMap<>())
				.computeIfAbsent(row.trackId(), k -> new ArrayList<>())
				.add(row);
		}
		byPerson.forEach((person, tracks) -> notices.add(new StepReleaseNotice(new PersonId(person), tracks.values().stream()
			.map(steps -> new StepReleaseNotice.Opened(new TrackId(steps.get(0).trackId()), steps.get(0).trackTitle(),
					steps.stream().map(ProgressRows.ReleasedRow::stepTitle).toList()))
			.toList())));
		return notices;
	}

	private EffectiveTrack following(Enrolment enrolment) {
		if (enrolment.status() != EnrolmentStatus.ACTIVE) {
			throw new ConflictException("This enrolment is " + enrolment.status().name().toLowerCase(Locale.ROOT)
					+ ": its steps do not change.", Map.of("status", enrolment.status().name()));
		}
		return definitions.effective(enrolment.trackId(), enrolment.team()).orElseThrow(() -> new NotFoundException("Track"));
	}

	private static TrackStep stepOf(EffectiveTrack track, String stepId) {
		return track.steps().stream().filter(s -> s.id().equals(stepId)).findFirst()
			.orElseThrow(() -> new NotFoundException("Step"));
	}

	private static String doneWhen(TrackStep step) {
		return switch (step.kind()) {
			case COURSE -> "you complete the course";
			case COMPONENT -> "you complete the lesson";
			case OBSERVED_TASK -> "the task is signed off";
			case GOAL_SUGGESTION -> "a goal taken from it is closed as learned";
			case EXTERNAL -> "it is confirmed";
		};
	}

	private static Map<String, LocalDate> doneOn(Collection<ProgressRows.Row> list) {
		Map<String, LocalDate> doneOn = new LinkedHashMap<>();
		for (ProgressRows.Row row : list) {
			if (row.done()) {
				doneOn.put(row.stepId(), LocalDate.ofInstant(row.doneAt(), ZoneOffset.UTC));
			}
		}
		return doneOn;
	}

	// --- work done out of order: before enrolling, and elsewhere while enrolled ---

	/** Steps the person has already done: courses completed, lessons read, tasks signed off, goals closed as learned. */
	private Set<String> doneBefore(PersonId person, List<TrackStep> steps) {
		Set<String> done = new HashSet<>();
		Set<CourseId> courses = delivery.doneBy(List.of(person)).getOrDefault(person, Set.of());
		Set<String> lessons = null;
		List<String> tasks = steps.stream().filter(s -> s.checklistTaskId() != null).map(TrackStep::checklistTaskId).toList();
		Set<String> signedOff = new HashSet<>();
		if (!tasks.isEmpty()) {
			checklists.signOffsOf(List.of(person), tasks).forEach(signOff -> signedOff.add(signOff.taskId()));
		}
		List<Goal> learned = null;
		for (TrackStep step : steps) {
			switch (step.kind()) {
				case COURSE -> {
					if (step.courseId() != null && courses.contains(step.courseId())) {
						done.add(step.id());
					}
				}
				case COMPONENT -> {
					if (lessons == null) {
						lessons = lessonsRead(person);
					}
					if (step.componentId() != null && componentRead(person, step.componentId(), lessons)) {
						done.add(step.id());
					}
				}
				case OBSERVED_TASK -> {
					if (step.checklistTaskId() != null && signedOff.contains(step.checklistTaskId())) {
						done.add(step.id());
					}
				}
				case GOAL_SUGGESTION -> {
					if (learned == null) {
						learned = goalsLearned(person, null);
					}
					if (learned.stream().anyMatch(goal -> fromSuggestion(goal, step))) {
						done.add(step.id());
					}
				}
				case EXTERNAL -> {
				}
			}
		}
		return done;
	}

	/**
	 * Whether the lessons read cover the component: a lesson read in its source course or in any course that reused
	 * it (linked or copied, and copies of copies); a module when each of its lessons is so read. A question is not
	 * read.
	 */
	private boolean componentRead(PersonId person, String componentId, Set<String> lessonsRead) {
		Optional<ComponentUses.Component> element = componentUses.component(componentId);
		if (element.isPresent()) {
			return "LESSON".equals(element.get().kind()) && readAnywhere(element.get(), lessonsRead);
		}
		Component module;
		try {
			module = library.component(organization.viewerOf(person), componentId);
		}
		catch (NotFoundException e) {
			return lessonsRead.contains(componentId);
		}
		if (module.kind() != ComponentKind.MODULE) {
			return lessonsRead.contains(componentId);
		}
		List<Lesson> lessons;
		try {
			lessons = authoring.published(module.sourceCourseId()).lessons().stream()
				.filter(lesson -> module.moduleName().equals(lesson.module()))
				.toList();
		}
		catch (NotFoundException e) {
			return false;
		}
		return !lessons.isEmpty() && lessons.stream().allMatch(lesson -> componentUses.component(lesson.id())
			.map(uses -> readAnywhere(uses, lessonsRead))
			.orElse(lessonsRead.contains(lesson.id())));
	}

	private static boolean readAnywhere(ComponentUses.Component component, Set<String> lessonsRead) {
		return component.uses().stream().anyMatch(use -> lessonsRead.contains(use.elementId()));
	}

	private Set<String> lessonsRead(PersonId person) {
		Set<String> lessons = new HashSet<>();
		for (var statement : record.statementsOf(person)) {
			if ((Verb.EXPERIENCED.iri().equals(statement.verbIri()) || Verb.COMPLETED.iri().equals(statement.verbIri()))
					&& statement.objectId().startsWith(lessonIri)) {
				lessons.add(statement.objectId().substring(lessonIri.length()));
			}
		}
		return lessons;
	}

	/** Goals the person closed as learned (in one cycle, or in all their closed cycles when {@code cycle} is null). */
	private List<Goal> goalsLearned(PersonId person, CycleId cycle) {
		Viewer owner = organization.viewerOf(person);
		List<CycleId> closed = cycle != null ? List.of(cycle)
				: cycles.mine(owner).stream().filter(c -> c.status() == CycleStatus.CLOSED).map(c -> c.id()).toList();
		List<Goal> learned = new ArrayList<>();
		for (var id : closed) {
			cycles.cycle(owner, id).goals().stream().filter(goal -> goal.outcome() == GoalOutcome.LEARNED).forEach(learned::add);
		}
		return learned;
	}

	/** A goal taken from a suggestion: it names the suggestion's capability, or says what the suggestion says. */
	private static boolean fromSuggestion(Goal goal, TrackStep step) {
		if (step.goalText() != null && goal.what() != null
				&& goal.what().strip().equalsIgnoreCase(step.goalText().strip())) {
			return true;
		}
		return step.capabilityId() != null && goal.capability() != null && goal.capability().id() != null
				&& step.capabilityId().equals(goal.capability().id().value());
	}

	/** Statements recorded together count as each recorded alone. */
	@EventListener
	void on(StatementsRecorded batch) {
		batch.statements().forEach(this::on);
	}

	/** A course completed or a lesson read anywhere marks the steps that ask for it done (in the same transaction). */
	@EventListener
	void on(StatementRecorded statement) {
		String objectId = statement.objectId();
		if (objectId == null) {
			return;
		}
		if (Verb.COMPLETED.iri().equals(statement.verbIri()) && objectId.startsWith(courseIri)) {
			doneElsewhere(new PersonId(statement.actorId()), rows.openFor(new PersonId(statement.actorId()), "course_id",
					objectId.substring(courseIri.length())));
		}
		else if (Verb.EXPERIENCED.iri().equals(statement.verbIri()) && objectId.startsWith(lessonIri)) {
			PersonId person = new PersonId(statement.actorId());
			List<ProgressRows.OpenComponent> open = rows.openComponentSteps(person);
			if (open.isEmpty()) {
				return;
			}
			String lesson = objectId.substring(lessonIri.length());
			Set<String> read = lessonsRead(person);
			read.add(lesson);
			Map<String, Boolean> covered = new HashMap<>();
			doneElsewhere(person, open.stream()
				.filter(step -> covered.computeIfAbsent(step.componentId(), id -> componentRead(person, id, read)))
				.map(ProgressRows.OpenComponent::open)
				.toList());
		}
	}

	@EventListener
	void on(SignOffChanged event) {
		if (event.signedOff()) {
			doneElsewhere(event.personId(), rows.openFor(event.personId(), "checklist_task_id", event.taskId()));
		}
	}

	@EventListener
	void on(CycleClosed event) {
		List<ProgressRows.Open> open = rows.openGoalSteps(event.person());
		if (open.isEmpty()) {
			return;
		}
		List<Goal> learned = goalsLearned(event.person(), event.cycleId());
		List<ProgressRows.Open> done = new ArrayList<>();
		Map<String, EffectiveTrack> tracks = new HashMap<>();
		for (ProgressRows.Open step : open) {
			Enrolment enrolment = enrolments.find(step.enrolmentId()).orElseThrow();
			EffectiveTrack track = tracks.computeIfAbsent(enrolment.id(),
					k -> definitions.effective(enrolment.trackId(), enrolment.team()).orElseThrow());
			track.steps().stream().filter(s -> s.id().equals(step.stepId())).findFirst()
				.filter(s -> learned.stream().anyMatch(goal -> fromSuggestion(goal, s)))
				.ifPresent(s -> done.add(step));
		}
		doneElsewhere(event.person(), done);
	}

	private void doneElsewhere(PersonId person, List<ProgressRows.Open> open) {
		if (open.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		String name = access.nameOf(person);
		Map<String, List<String>> byEnrolment = new LinkedHashMap<>();
		open.forEach(o -> byEnrolment.computeIfAbsent(o.enrolmentId(), k -> new ArrayList<>()).add(o.stepId()));
		for (var entry : byEnrolment.entrySet()) {
			Enrolment enrolment = enrolments.lock(entry.getKey()).orElse(null);
			if (enrolment == null || enrolment.status() != EnrolmentStatus.ACTIVE) {
				continue;
			}
			EffectiveTrack track = definitions.effective(enrolment.trackId(), enrolment.team()).orElse(null);
			if (track == null) {
				continue;
			}
			for (String stepId : entry.getValue()) {
				var step = track.steps().stream().filter(s -> s.id().equals(stepId)).findFirst();
				if (step.isPresent() && rows.done(enrolment.id(), stepId, now, COMPLETED, null)) {
					record.record(new LearningAction(person, name, Verb.COMPLETED, ActivityType.TRACK_STEP, stepId,
							step.get().title(), null, Result.completion(true), enrolment.id()));
				}
			}
			refresh(enrolment, track);
		}
	}
}
