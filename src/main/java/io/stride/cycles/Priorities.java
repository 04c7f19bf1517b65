package io.stride.cycles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.Coverage;
import io.stride.cycles.internal.StoredPriorities;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organization and team priorities per period. Admins publish, edit and retire the organization's; managers of a team
 * (and admins) the team's. Everyone sees the organization's; a team's are seen by the people of its tree (its members
 * and those of the teams below it), its managers and admins; 404 for everyone else.
 */
@Service
@Transactional
public class Priorities {

	public static final int MAX_TITLE = 200;

	public static final int MAX_TEXT = 2000;

	public static final int MAX_LABEL = 60;

	public static final int MAX_CAPABILITIES = 20;

	/** Longest period: priorities are looked at again at least every two years. */
	public static final int MAX_PERIOD_DAYS = 731;

	public static final String CONFLICT_MESSAGE = "This priority was changed elsewhere (another tab or person) after you "
			+ "opened it. Reload it to see the change, then edit again.";

	private final StoredPriorities store;

	private final Organization organization;

	private final Capabilities capabilities;

	private final Coverage coverage;

	private final Clock clock;

	Priorities(StoredPriorities store, Organization organization, Capabilities capabilities, Coverage coverage,
			Clock clock) {
		this.store = store;
		this.organization = organization;
		this.capabilities = capabilities;
		this.coverage = coverage;
		this.clock = clock;
	}

	/** Every period, latest first. */
	@Transactional(readOnly = true)
	public List<Period> periods() {
		return store.periods();
	}

	/**
	 * The period today falls in (the latest started when periods overlap); else the last one ended; else the first to
	 * come; empty when there is none.
	 */
	@Transactional(readOnly = true)
	public Optional<Period> current() {
		return current(store.periods());
	}

	/** The organization's priorities of a period (its label or id; the current one when null), for everyone. */
	@Transactional(readOnly = true)
	public PriorityBoard organization(Viewer viewer, String period) {
		List<Period> periods = store.periods();
		Period shown = chosen(periods, period);
		List<Priority> own = shown == null ? List.of() : priorities(viewer, store.live(shown.id(), Set.of()));
		return new PriorityBoard(null, shown, periods, own, List.of(), List.of(), viewer.isAdmin(),
				previous(periods, shown));
	}

	/**
	 * A team's priorities of a period with those of the teams above it and the team's suggested learning needs (its
	 * short and at-risk capabilities); 404 for those who may not see the team's.
	 */
	@Transactional(readOnly = true)
	public PriorityBoard team(Viewer viewer, TeamId teamId, String period) {
		Team team = visibleTeam(viewer, teamId);
		List<Period> periods = store.periods();
		Period shown = chosen(periods, period);
		List<Priority> own = List.of();
		List<Priority> above = List.of();
		if (shown != null) {
			own = priorities(viewer, store.live(shown.id(), Set.of(teamId)));
			Set<TeamId> ancestors = new LinkedHashSet<>(organization.withAncestors(Set.of(teamId)));
			ancestors.remove(teamId);
			above = ancestors.isEmpty() ? List.of() : priorities(viewer, store.live(shown.id(), ancestors));
		}
		return new PriorityBoard(team, shown, periods, own, above, coverage.learningNeeds(viewer, teamId),
				organization.canManage(viewer, teamId), previous(periods, shown));
	}

	/** One priority, for those who may see it (404 otherwise, and for a retired one). */
	@Transactional(readOnly = true)
	public Priority get(Viewer viewer, PriorityId id) {
		StoredPriorities.Row row = live(id);
		if (row.teamId() != null) {
			visibleTeam(viewer, row.teamId());
		}
		return priorities(viewer, List.of(row)).get(0);
	}

	/**
	 * What contract goals need of the priorities they serve: title, team name and period, retired ones included (a
	 * goal keeps naming what it served). Callers check the viewer may read the goal.
	 */
	@Transactional(readOnly = true)
	Map<PriorityId, Goal.ServedPriority> served(Collection<PriorityId> ids) {
		Map<PriorityId, Goal.ServedPriority> result = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		Map<TeamId, String> teams = new HashMap<>();
		organization.allTeams().forEach(t -> teams.put(t.id(), t.name()));
		for (PriorityId id : new LinkedHashSet<>(ids)) {
			store.find(id.value())
				.ifPresent(row -> result.put(id, new Goal.ServedPriority(id, row.title(),
						row.teamId() == null ? null : teams.getOrDefault(row.teamId(), "A team"), row.period().label())));
		}
		return result;
	}

	/** Whether a priority is still live: not retired, and its period has not ended. */
	@Transactional(readOnly = true)
	boolean isLive(PriorityId id) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		return store.find(id.value())
			.filter(row -> row.retiredAt() == null && !row.period().endsOn().isBefore(today))
			.isPresent();
	}

	/**
	 * The live priorities a person's goals may serve today: the organization's and those of the person's teams and
	 * the teams above them, in the current period.
	 */
	@Transactional(readOnly = true)
	public List<Priority> servable(Viewer viewer) {
		Optional<Period> period = current();
		if (period.isEmpty()) {
			return List.of();
		}
		List<Priority> result = new ArrayList<>(priorities(viewer, store.live(period.get().id(), Set.of())));
		Set<TeamId> teams = organization.withAncestors(viewer.teamIds());
		if (!teams.isEmpty()) {
			result.addAll(priorities(viewer, store.live(period.get().id(), teams)));
		}
		return result;
	}

	/** One priority for those who may edit it: 403 for those who only see it, 404 for the rest. */
	@Transactional(readOnly = true)
	public Priority forEdit(Viewer viewer, PriorityId id) {
		StoredPriorities.Row row = editable(viewer, id);
		return priorities(viewer, List.of(row)).get(0);
	}

	/**
	 * Publishes a priority of the organization ({@code teamId} null; admins) or of a team (its managers and admins) in
	 * the period labelled {@code period}, which is created with {@code startsOn} and {@code endsOn} when new. 422 at the
	 * field for a missing or ill-fitting kind, a blank or long title, a long text, an unknown or retired capability, or
	 * period dates that are missing, reversed, too far apart or different from the existing period's.
	 */
	public Priority publish(Viewer viewer, TeamId teamId, String period, String startsOn, String endsOn,
			PriorityContent content) {
		requireEditor(viewer, teamId);
		Map<String, String> errors = new LinkedHashMap<>();
		List<Period> periods = store.periods();
		Period found = period(periods, period, startsOn, endsOn, errors);
		List<String> linked = check(viewer, teamId, content, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The priority was not published.", errors);
		}
		var now = clock.instant();
		if (periods.stream().noneMatch(p -> p.id().equals(found.id()))) {
			store.addPeriod(found, viewer.id().value(), now);
		}
		String id = Ids.newId();
		store.insert(new StoredPriorities.Row(id, found, teamId, content.kind(), content.title().strip(),
				text(content), linked, 1, viewer.id().value(), now, now, null));
		return get(viewer, new PriorityId(id));
	}

	/**
	 * Edits what a priority says (its period stays); 409 when someone saved it after {@code revision}, 422 at the field
	 * as for {@link #publish}.
	 */
	public Priority edit(Viewer viewer, PriorityId id, int revision, PriorityContent content) {
		StoredPriorities.Row row = editable(viewer, id);
		Map<String, String> errors = new LinkedHashMap<>();
		List<String> linked = check(viewer, row.teamId(), content, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The priority was not saved.", errors);
		}
		if (!store.update(row.id(), revision, content.kind(), content.title().strip(), text(content), linked,
				viewer.id().value(), clock.instant())) {
			throw new ConflictException(CONFLICT_MESSAGE, Map.of("revision", row.revision()));
		}
		return get(viewer, id);
	}

	/** Retires a priority: it is no longer shown; goals that named it keep its id. */
	public void retire(Viewer viewer, PriorityId id) {
		StoredPriorities.Row row = editable(viewer, id);
		if (!store.retire(row.id(), viewer.id().value(), clock.instant())) {
			throw new NotFoundException("Priority");
		}
	}

	/**
	 * "Start from the previous period": copies the live priorities of the organization ({@code teamId} null) or the
	 * team from the period before {@code period} into it, as new priorities with new ids. Nothing is copied
	 * automatically; 409 when the period already has priorities here, 422 when there is no earlier period.
	 */
	public int startFromPrevious(Viewer viewer, TeamId teamId, String period) {
		requireEditor(viewer, teamId);
		List<Period> periods = store.periods();
		Period into = find(periods, period).orElseThrow(() -> new NotFoundException("Period"));
		Set<TeamId> scope = teamId == null ? Set.of() : Set.of(teamId);
		if (!store.live(into.id(), scope).isEmpty()) {
			throw new ConflictException("“" + into.label() + "” already has priorities here; edit them instead.");
		}
		Period from = previous(periods, into);
		if (from == null) {
			throw new InvalidInputException("period", "No period comes before “" + into.label() + "”.");
		}
		var now = clock.instant();
		int copied = 0;
		for (StoredPriorities.Row row : store.live(from.id(), scope)) {
			store.insert(new StoredPriorities.Row(Ids.newId(), into, teamId, row.kind(), row.title(), row.text(),
					row.capabilityIds(), 1, viewer.id().value(), now, now, null));
			copied++;
		}
		return copied;
	}

	private void requireEditor(Viewer viewer, TeamId teamId) {
		if (teamId == null) {
			if (!viewer.isAdmin()) {
				throw new ForbiddenException("Only admins publish the organization's priorities.");
			}
			return;
		}
		visibleTeam(viewer, teamId);
		if (!organization.canManage(viewer, teamId)) {
			throw new ForbiddenException("Only the team's managers and admins publish its priorities.");
		}
	}

	private StoredPriorities.Row editable(Viewer viewer, PriorityId id) {
		StoredPriorities.Row row = live(id);
		requireEditor(viewer, row.teamId());
		return row;
	}

	private StoredPriorities.Row live(PriorityId id) {
		return store.find(id.value())
			.filter(r -> r.retiredAt() == null)
			.orElseThrow(() -> new NotFoundException("Priority"));
	}

	private Team visibleTeam(Viewer viewer, TeamId teamId) {
		boolean inTree = organization.withAncestors(viewer.teamIds()).contains(teamId);
		if (!inTree && !organization.canManage(viewer, teamId)) {
			throw new NotFoundException("Team");
		}
		return organization.allTeams()
			.stream()
			.filter(t -> t.id().equals(teamId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Team"));
	}

	/** The existing period with this label, or a new one from the dates; errors at the fields otherwise. */
	private static Period period(List<Period> periods, String label, String startsOn, String endsOn,
			Map<String, String> errors) {
		String wanted = label == null ? "" : label.strip();
		if (wanted.isEmpty()) {
			errors.put("period", "Name the period, e.g. “2027 H1”.");
			return null;
		}
		if (wanted.length() > MAX_LABEL) {
			errors.put("period", "Keep the period's name to " + MAX_LABEL + " characters.");
			return null;
		}
		LocalDate start = day(startsOn, "startsOn", errors);
		LocalDate end = day(endsOn, "endsOn", errors);
		Optional<Period> existing = periods.stream().filter(p -> p.label().equalsIgnoreCase(wanted)).findFirst();
		if (existing.isPresent()) {
			Period p = existing.get();
			if ((start != null && !start.equals(p.startsOn())) || (end != null && !end.equals(p.endsOn()))) {
				errors.put("startsOn", "“" + p.label() + "” runs from " + p.startsOn() + " to " + p.endsOn()
						+ "; leave the dates empty or give those.");
			}
			return p;
		}
		if (start == null && !errors.containsKey("startsOn")) {
			errors.put("startsOn", "A new period needs its first day.");
		}
		if (end == null && !errors.containsKey("endsOn")) {
			errors.put("endsOn", "A new period needs its last day.");
		}
		if (start != null && end != null) {
			if (end.isBefore(start)) {
				errors.put("endsOn", "The last day comes on or after the first day (" + start + ").");
			}
			else if (ChronoUnit.DAYS.between(start, end) >= MAX_PERIOD_DAYS) {
				errors.put("endsOn", "A period lasts at most two years.");
			}
		}
		return new Period(Ids.newId(), wanted, start, end);
	}

	private static LocalDate day(String text, String field, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			errors.put(field, "Give a date as YYYY-MM-DD, e.g. 2027-01-01.");
			return null;
		}
	}

	/** Checks the content; the linked capability ids, distinct, in the order given. */
	private List<String> check(Viewer viewer, TeamId teamId, PriorityContent content, Map<String, String> errors) {
		if (content.kind() == null) {
			errors.put("kind", "Choose what this priority is.");
		}
		else if (content.kind().forTeam() != (teamId != null)) {
			errors.put("kind", (teamId == null ? "The organization publishes " : "A team publishes ")
					+ String.join(", ", PriorityKind.of(teamId != null).stream().map(PriorityKind::label).toList()) + ".");
		}
		String title = content.title() == null ? "" : content.title().strip();
		if (title.isEmpty()) {
			errors.put("title", "Give the priority a title.");
		}
		else if (title.length() > MAX_TITLE) {
			errors.put("title", "Keep the title to " + MAX_TITLE + " characters (it has " + title.length() + ").");
		}
		if (text(content).length() > MAX_TEXT) {
			errors.put("text", "Keep the text to " + MAX_TEXT + " characters (it has " + text(content).length() + ").");
		}
		List<String> linked = new ArrayList<>(new LinkedHashSet<>(content.capabilityIds().stream()
			.filter(Objects::nonNull)
			.map(CapabilityId::value)
			.toList()));
		if (linked.size() > MAX_CAPABILITIES) {
			errors.put("capabilityIds", "Link at most " + MAX_CAPABILITIES + " capabilities.");
			return linked;
		}
		for (String id : linked) {
			Capability capability;
			try {
				capability = capabilities.get(viewer, new CapabilityId(id));
			}
			catch (NotFoundException e) {
				errors.put("capabilityIds", "No capability has the id “" + id + "”; choose from the catalogue.");
				break;
			}
			if (!capability.active()) {
				errors.put("capabilityIds", "“" + capability.name() + "” is retired; choose an active capability.");
				break;
			}
		}
		return linked;
	}

	private static String text(PriorityContent content) {
		return content.text() == null ? "" : content.text().strip();
	}

	private List<Priority> priorities(Viewer viewer, List<StoredPriorities.Row> rows) {
		Map<String, Priority.LinkedCapability> names = new HashMap<>();
		for (StoredPriorities.Row row : rows) {
			for (String id : row.capabilityIds()) {
				names.computeIfAbsent(id, k -> {
					Capability c = capabilities.get(viewer, new CapabilityId(k));
					return new Priority.LinkedCapability(c.id(), c.name(), c.active());
				});
			}
		}
		return rows.stream()
			.map(r -> new Priority(new PriorityId(r.id()), r.period(), r.teamId(), r.kind(), r.title(), r.text(),
					r.capabilityIds().stream().map(names::get).toList(), r.revision(),
					new PersonId(r.publishedBy()), r.publishedAt(),
					r.updatedAt()))
			.toList();
	}

	private Period chosen(List<Period> periods, String period) {
		if (period == null || period.isBlank()) {
			return current(periods).orElse(null);
		}
		return find(periods, period).orElseThrow(() -> new NotFoundException("Period"));
	}

	private static Optional<Period> find(List<Period> periods, String period) {
		String wanted = period == null ? "" : period.strip();
		return periods.stream().filter(p -> p.id().equals(wanted) || p.label().equalsIgnoreCase(wanted)).findFirst();
	}

	private Optional<Period> current(List<Period> periods) {
		LocalDate today = LocalDate.now(clock);
		Comparator<Period> byStart = Comparator.comparing(Period::startsOn);
		Optional<Period> now = periods.stream().filter(p -> p.includes(today)).max(byStart);
		if (now.isPresent()) {
			return now;
		}
		Optional<Period> ended = periods.stream().filter(p -> p.endsOn().isBefore(today)).max(Comparator.comparing(Period::endsOn));
		return ended.isPresent() ? ended : periods.stream().min(byStart);
	}

	/** The period that started last before this one, if any. */
	private static Period previous(List<Period> periods, Period period) {
		if (period == null) {
			return null;
		}
		return periods.stream()
			.filter(p -> p.startsOn().isBefore(period.startsOn()))
			.max(Comparator.comparing(Period::startsOn))
			.orElse(null);
	}
}
