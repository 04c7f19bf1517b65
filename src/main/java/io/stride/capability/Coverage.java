package io.stride.capability;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.stride.authoring.CourseId;
import io.stride.capability.internal.CatalogueStore;
import io.stride.capability.internal.CoverageCalculator;
import io.stride.capability.internal.EvidenceLoader;
import io.stride.capability.internal.Facts;
import io.stride.capability.internal.HoldingStore;
import io.stride.capability.internal.LevelEvaluator;
import io.stride.capability.internal.OrganizationCoverage;
import io.stride.capability.internal.PersonEvidenceStore;
import io.stride.capability.internal.Renewals;
import io.stride.capability.internal.TargetStore;
import io.stride.delivery.Delivery;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.mastery.Checklists;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team coverage against targets: managers see their team tree, admins and L&D reviewers every team, everyone else
 * gets 404. Managers (and admins) set targets and act on the people closest to qualifying.
 */
@Service
@Transactional
public class Coverage {

	public static final int FORECAST_DAYS = 90;

	/** How many people closest to qualifying are shown per capability. */
	public static final int CLOSEST = 3;

	public static final int MAX_TARGET = 10_000;

	/** A target as set on a team, with the warning when it asks for more people than the team has. */
	public record TargetSet(Target target, int members, String warning) {
	}

	/** Coverage points over time for a team, from the weekly (and on-demand) snapshots. */
	public record TrendPoint(LocalDate takenOn, CapabilityId capabilityId, String name, int qualified, int target) {
	}

	private final Organization organization;

	private final CatalogueStore catalogue;

	private final TargetStore targets;

	private final HoldingStore holdings;

	private final EvidenceLoader loader;

	private final Absences absences;

	private final OrganizationCoverage organizationCoverage;

	private final PersonEvidenceStore selfAssessments;

	private final Delivery delivery;

	private final Checklists checklists;

	private final Renewals renewals;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final LearningTeam learningTeam;

	Coverage(Organization organization, CatalogueStore catalogue, TargetStore targets, HoldingStore holdings,
			EvidenceLoader loader, Absences absences, OrganizationCoverage organizationCoverage,
			PersonEvidenceStore selfAssessments, Delivery delivery, Checklists checklists,
			ApplicationEventPublisher events, Clock clock, Renewals renewals, LearningTeam learningTeam) {
		this.renewals = renewals;
		this.learningTeam = learningTeam;
		this.organization = organization;
		this.catalogue = catalogue;
		this.targets = targets;
		this.holdings = holdings;
		this.loader = loader;
		this.absences = absences;
		this.organizationCoverage = organizationCoverage;
		this.selfAssessments = selfAssessments;
		this.delivery = delivery;
		this.checklists = checklists;
		this.events = events;
		this.clock = clock;
	}

	/** Coverage on {@code on} (today when null; at most {@link #FORECAST_DAYS} ahead, 422 otherwise). */
	@Transactional(readOnly = true)
	public TeamCoverage coverage(Viewer viewer, TeamId teamId, LocalDate on) {
		Team team = visibleTeam(viewer, teamId);
		LocalDate today = today();
		LocalDate day = on == null ? today : on;
		if (day.isBefore(today)) {
			throw new InvalidInputException("on", "Coverage is known from today on; coverage over time shows the past.");
		}
		if (day.isAfter(today.plusDays(FORECAST_DAYS))) {
			throw new InvalidInputException("on", "The forecast reaches " + FORECAST_DAYS + " days ahead, to "
					+ today.plusDays(FORECAST_DAYS) + ".");
		}
		TeamState state = state(viewer, team, today, day);
		return teamCoverage(team, state, today, day, closest(state, today, day),
				expiring(state, today, LevelEvaluator.EXPIRY_NOTICE_DAYS, Integer.MAX_VALUE));
	}

	/** A team's coverage today without the people closest to qualifying, and the levels expiring within some days. */
	public record Outlook(TeamCoverage coverage, List<ExpiringHolding> expiring) {

		public Outlook {
			expiring = List.copyOf(expiring);
		}
	}

	/**
	 * Today's coverage as {@link #coverage} has it, but without the people closest to qualifying (which reads every
	 * member's evidence), and the levels members hold that stop holding within {@code days} (1 to
	 * {@link #FORECAST_DAYS}), soonest first, with what renews each: the manager's home looks further ahead than the
	 * 60-day notice of the coverage page. Same access as {@link #coverage}.
	 */
	@Transactional(readOnly = true)
	public Outlook outlook(Viewer viewer, TeamId teamId, int days) {
		return outlook(viewer, teamId, days, Integer.MAX_VALUE);
	}

	/**
	 * {@link #outlook(Viewer, TeamId, int)} with what renews each level only for the {@code renewals} soonest to
	 * expire (the others' renewal null): finding it reads the holders' evidence, and a division has hundreds of
	 * levels expiring within 90 days where a page shows the first few.
	 */
	@Transactional(readOnly = true)
	public Outlook outlook(Viewer viewer, TeamId teamId, int days, int renewals) {
		Team team = visibleTeam(viewer, teamId);
		if (days < 1 || days > FORECAST_DAYS) {
			throw new InvalidInputException("days", "Look 1 to " + FORECAST_DAYS + " days ahead.");
		}
		LocalDate today = today();
		TeamState state = state(viewer, team, today, today);
		Map<CapabilityId, List<ExpiringHolding>> expiring = expiring(state, today, days, renewals);
		Map<CapabilityId, List<ExpiringHolding>> notice = new HashMap<>();
		expiring.forEach((id, list) -> notice.put(id, list.stream()
			.filter(h -> h.daysLeft() <= LevelEvaluator.EXPIRY_NOTICE_DAYS).toList()));
		return new Outlook(teamCoverage(team, state, today, today, Map.of(), notice), expiring.values()
			.stream()
			.flatMap(List::stream)
			.sorted(Comparator.comparing(ExpiringHolding::expiresOn).thenComparing(ExpiringHolding::name)
				.thenComparing(ExpiringHolding::capabilityName))
			.toList());
	}

	private TeamCoverage teamCoverage(Team team, TeamState state, LocalDate today, LocalDate day,
			Map<CapabilityId, List<Candidate>> closest, Map<CapabilityId, List<ExpiringHolding>> expiring) {
		List<CapabilityCoverage> rows = new ArrayList<>();
		for (Capability capability : state.capabilities) {
			Target target = state.targets.get(capability.id());
			CoverageCalculator.Result result = state.results.get(capability.id());
			rows.add(new CapabilityCoverage(capability.id(), capability.name(), capability.category(), result.levelRank(),
					result.levelName(), target, result.qualified(), result.away(), state.members.size(), result.status(),
					result.busFactor(), result.forecast(), closest.getOrDefault(capability.id(), List.of()),
					expiring.getOrDefault(capability.id(), List.of()), target != null && target.minPeople() > state.members.size(),
					result.summary()));
		}
		rows.sort(Comparator.comparing((CapabilityCoverage c) -> rank(c.status(), c.forecast().isEmpty()))
			.thenComparing(c -> c.shortFrom() == null ? LocalDate.MAX : c.shortFrom())
			.thenComparing(c -> c.name().toLowerCase(Locale.ROOT)));
		return new TeamCoverage(team, day, today, state.members.size(), rows);
	}

	/**
	 * The team's short and at-risk capabilities as suggested learning needs, for anyone in the team's tree (members of
	 * the team or a team below it), its managers, admins and L&D; 404 for everyone else. Short first. Unlike
	 * {@link #coverage} it names nobody and no absence, so members who may not read coverage can see it.
	 */
	@Transactional(readOnly = true)
	public List<LearningNeed> learningNeeds(Viewer viewer, TeamId teamId) {
		boolean inTree = organization.withAncestors(viewer.teamIds()).contains(teamId);
		if (!inTree && !organization.canManage(viewer, teamId) && !learningTeam.includes(viewer)) {
			throw new NotFoundException("Team");
		}
		Team team = organization.allTeams()
			.stream()
			.filter(t -> t.id().equals(teamId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Team"));
		LocalDate today = today();
		TeamState state = state(viewer, team, today, today);
		List<LearningNeed> needs = new ArrayList<>();
		for (Capability capability : state.capabilities) {
			CoverageCalculator.Result r = state.results.get(capability.id());
			if (!state.targets.containsKey(capability.id())
					|| (r.status() != CoverageStatus.SHORT && r.status() != CoverageStatus.AT_RISK)) {
				continue;
			}
			needs.add(new LearningNeed(capability.id(), capability.name(), r.levelRank(), r.levelName(), r.status(),
					r.forecast().isEmpty() ? null : r.forecast().get(0).from()));
		}
		needs.sort(Comparator.comparing((LearningNeed n) -> rank(n.status(), n.shortFrom() == null))
			.thenComparing(n -> n.name().toLowerCase(Locale.ROOT)));
		return needs;
	}

	/** The matrix, optionally of one category and of capabilities in one status. */
	@Transactional(readOnly = true)
	public CapabilityMatrix matrix(Viewer viewer, TeamId teamId, String category, CoverageStatus status) {
		Team team = visibleTeam(viewer, teamId);
		LocalDate today = today();
		TeamState state = state(viewer, team, today, today);
		List<CapabilityMatrix.Column> columns = new ArrayList<>();
		List<Capability> shown = new ArrayList<>();
		for (Capability capability : state.capabilities) {
			CoverageCalculator.Result result = state.results.get(capability.id());
			if (category != null && !category.isBlank() && !capability.category().equalsIgnoreCase(category.strip())) {
				continue;
			}
			if (status != null && result.status() != status) {
				continue;
			}
			shown.add(capability);
			columns.add(new CapabilityMatrix.Column(capability.id(), capability.name(), capability.category(),
					capability.levels(), state.targets.get(capability.id()), result.status(), result.qualified().size()));
		}
		Map<String, Integer> says = new HashMap<>();
		selfAssessments.selfAssessments(state.members.stream().map(PersonRef::id).toList(),
				shown.stream().map(Capability::id).toList())
			.forEach(row -> says.put(row.personId().value() + "/" + row.capabilityId().value(), row.levelRank()));
		List<CapabilityMatrix.Row> rows = new ArrayList<>();
		for (PersonRef member : state.members) {
			List<CapabilityMatrix.Cell> cells = new ArrayList<>();
			for (Capability capability : shown) {
				List<HoldingStore.Holding> held = state.held.getOrDefault(capability.id(), Map.of()).get(member.id());
				int level = CoverageCalculator.levelOn(held, today);
				LocalDate expires = null;
				if (level > 0) {
					for (HoldingStore.Holding h : held) {
						if (h.levelRank() == level) {
							expires = h.validUntil();
						}
					}
				}
				cells.add(new CapabilityMatrix.Cell(level == 0 ? null : level, level == 0 ? null : capability.levelName(level),
						expires, says.get(member.id().value() + "/" + capability.id().value())));
			}
			rows.add(new CapabilityMatrix.Row(member.id(), member.name(), cells));
		}
		return new CapabilityMatrix(team, today, columns, rows);
	}

	/** Targets that apply to the team: its own and those inherited from the nearest team above. */
	@Transactional(readOnly = true)
	public List<Target> targets(Viewer viewer, TeamId teamId) {
		Team team = visibleTeam(viewer, teamId);
		Map<CapabilityId, Target> applying = applyingTargets(team);
		Map<CapabilityId, Capability> capabilities = catalogue.byIds(applying.keySet());
		return applying.values()
			.stream()
			.filter(t -> capabilities.containsKey(t.capabilityId()) && capabilities.get(t.capabilityId()).active())
			.sorted(Comparator.comparing(t -> capabilities.get(t.capabilityId()).name().toLowerCase(Locale.ROOT)))
			.toList();
	}

	/**
	 * Sets (or changes) the team's own target; managers of the team and admins. 422 for {@code minPeople} ≤ 0, an
	 * unknown level or a retired capability; above the team's size is allowed with a warning.
	 */
	public TargetSet setTarget(Viewer viewer, TeamId teamId, CapabilityId capabilityId, int levelRank, int minPeople) {
		Team team = organization.managedTeam(viewer, teamId);
		Map<String, String> errors = new LinkedHashMap<>();
		Capability capability = capabilityId == null ? null : catalogue.find(capabilityId).orElse(null);
		if (capability == null) {
			errors.put("capabilityId", "Choose a capability from the catalogue.");
		}
		else if (!capability.active()) {
			errors.put("capabilityId", "“" + capability.name() + "” is retired; choose an active capability.");
		}
		else if (capability.ownerTeamId() != null
				&& !organization.withAncestors(Set.of(teamId)).contains(capability.ownerTeamId())) {
			errors.put("capabilityId", "This capability belongs to another team; choose one of the organization's or your team's.");
		}
		else if (capability.level(levelRank).isEmpty()) {
			errors.put("level", "Choose one of the capability's levels (1 to " + capability.levels().size() + ").");
		}
		if (minPeople <= 0) {
			errors.put("minPeople", "A target asks for at least 1 person.");
		}
		else if (minPeople > MAX_TARGET) {
			errors.put("minPeople", "Ask for at most " + MAX_TARGET + " people.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The target was not set.", errors);
		}
		targets.set(teamId, capabilityId, levelRank, minPeople, viewer.id(), clock.instant());
		int members = organization.membersOfTeamTree(teamId).size();
		events.publishEvent(new CapabilityTargetChanged(teamId, team.name(), capabilityId, capability.name(),
				capability.levelName(levelRank), minPeople, viewer.id()));
		Target target = new Target(capabilityId, teamId, team.name(), levelRank, capability.levelName(levelRank), minPeople,
				false);
		String warning = minPeople > members ? "The team has " + members + (members == 1 ? " person" : " people")
				+ "; this target asks for " + minPeople + ", so it shows as short until the team grows." : null;
		return new TargetSet(target, members, warning);
	}

	public void removeTarget(Viewer viewer, TeamId teamId, CapabilityId capabilityId) {
		Team team = organization.managedTeam(viewer, teamId);
		Capability capability = catalogue.find(capabilityId).orElseThrow(() -> new NotFoundException("Target"));
		if (!targets.remove(teamId, capabilityId)) {
			throw new NotFoundException("Target");
		}
		events.publishEvent(new CapabilityTargetChanged(teamId, team.name(), capabilityId, capability.name(), null, 0,
				viewer.id()));
	}

	/** Admins and L&D reviewers; 404 for everyone else. */
	@Transactional(readOnly = true)
	public RiskReport riskReport(Viewer viewer, LocalDate on) {
		if (!learningTeam.includes(viewer)) {
			throw new NotFoundException("Report");
		}
		LocalDate today = today();
		List<OrganizationCoverage.Pair> pairs = organizationCoverage.compute(null, today, FORECAST_DAYS, viewer.isAdmin());
		Map<CapabilityId, List<RiskReport.TeamRisk>> byCapability = new LinkedHashMap<>();
		Map<CapabilityId, Capability> capabilities = new HashMap<>();
		for (OrganizationCoverage.Pair pair : pairs) {
			CoverageCalculator.Result r = pair.result();
			boolean risky = r.status() == CoverageStatus.SHORT || r.status() == CoverageStatus.AT_RISK
					|| !r.forecast().isEmpty();
			if (!risky) {
				continue;
			}
			Shortfall first = r.forecast().isEmpty() ? null : r.forecast().get(0);
			capabilities.put(pair.capability().id(), pair.capability());
			byCapability.computeIfAbsent(pair.capability().id(), k -> new ArrayList<>())
				.add(new RiskReport.TeamRisk(pair.team().id(), pair.team().name(), r.status(),
						r.qualified().size() - r.away().size(),
						pair.target().minPeople(), pair.target().levelName(), r.busFactor(),
						first == null ? null : first.from(), first == null ? null : first.to()));
		}
		List<RiskReport.CapabilityRisk> risks = new ArrayList<>();
		byCapability.forEach((id, teams) -> {
			teams.sort(Comparator.comparing((RiskReport.TeamRisk t) -> rank(t.status(), t.shortFrom() == null))
				.thenComparing(t -> t.shortFrom() == null ? LocalDate.MAX : t.shortFrom())
				.thenComparing(RiskReport.TeamRisk::teamName));
			int shortNow = (int) teams.stream().filter(t -> t.status() == CoverageStatus.SHORT).count();
			int atRisk = (int) teams.stream().filter(t -> t.status() == CoverageStatus.AT_RISK).count();
			int soon = (int) teams.stream()
				.filter(t -> t.status() != CoverageStatus.SHORT && t.shortFrom() != null)
				.count();
			LocalDate firstShort = teams.stream()
				.map(RiskReport.TeamRisk::shortFrom)
				.filter(Objects::nonNull)
				.min(Comparator.naturalOrder())
				.orElse(null);
			Capability c = capabilities.get(id);
			risks.add(new RiskReport.CapabilityRisk(id, c.name(), c.category(), shortNow, atRisk, soon, firstShort,
					List.copyOf(teams)));
		});
		risks.sort(Comparator.comparing((RiskReport.CapabilityRisk r) -> -(r.teamsShort() + r.teamsShortSoon()))
			.thenComparing(r -> r.firstShortOn() == null ? LocalDate.MAX : r.firstShortOn())
			.thenComparing(r -> -r.teamsAtRisk())
			.thenComparing(RiskReport.CapabilityRisk::name));
		return new RiskReport(today, risks);
	}

	/** Takes today's snapshot of the team tree (admins: of every team when {@code team} is null); how many rows. */
	public int snapshot(Viewer viewer, TeamId team) {
		Set<TeamId> teams;
		if (team == null) {
			if (!viewer.isAdmin()) {
				throw new NotFoundException("Team");
			}
			teams = null;
		}
		else {
			organization.managedTeam(viewer, team);
			teams = organization.withDescendants(Set.of(team));
		}
		return snapshotOf(teams);
	}

	/** The weekly snapshot of every team, for the scheduler. */
	public int snapshotEveryTeam() {
		return snapshotOf(null);
	}

	private int snapshotOf(Set<TeamId> teams) {
		LocalDate today = today();
		List<TargetStore.SnapshotRow> rows = new ArrayList<>();
		for (OrganizationCoverage.Pair pair : organizationCoverage.compute(teams, today, 0, false)) {
			rows.add(new TargetStore.SnapshotRow(pair.team().id(), pair.capability().id(), today,
					pair.target().levelRank(), pair.target().minPeople(),
					pair.result().qualified().size() - pair.result().away().size(), pair.members()));
		}
		targets.snapshot(teams == null ? organization.allTeams().stream().map(Team::id).toList() : teams, today, rows);
		return rows.size();
	}

	@Transactional(readOnly = true)
	public List<TrendPoint> trend(Viewer viewer, TeamId teamId) {
		Team team = visibleTeam(viewer, teamId);
		List<TargetStore.SnapshotRow> rows = targets.snapshots(team.id(), today().minusWeeks(52));
		Map<CapabilityId, Capability> names = catalogue.byIds(rows.stream().map(TargetStore.SnapshotRow::capabilityId)
			.collect(Collectors.toSet()));
		return rows.stream()
			.filter(r -> names.containsKey(r.capabilityId()))
			.map(r -> new TrendPoint(r.takenOn(), r.capabilityId(), names.get(r.capabilityId()).name(), r.qualified(),
					r.target()))
			.toList();
	}

	/**
	 * Assigns the course a person lacks for a capability (a one-person assignment); managers of the person. The
	 * course appears in the person's My learning as assigned, with the capability as the reason.
	 */
	public void assignMissingCourse(Viewer viewer, PersonId personId, CapabilityId capabilityId, CourseId course,
			LocalDate dueDate) {
		Person person = managedPerson(viewer, personId);
		Capability capability = catalogue.find(capabilityId).filter(Capability::active)
			.orElseThrow(() -> new NotFoundException("Capability"));
		EvidenceRule rule = capability.rules()
			.stream()
			.filter(r -> course != null && course.equals(r.courseId()))
			.min(Comparator.comparing(EvidenceRule::level))
			.orElseThrow(() -> new InvalidInputException("courseId", "No level of “" + capability.name()
					+ "” asks for this course."));
		// the reason names the level the person's team wants (its target), when the course is on the way to it
		int wanted = targets.forTeams(organization.withAncestors(person.teamIds()))
			.stream()
			.filter(t -> t.capabilityId().equals(capabilityId) && t.levelRank() >= rule.level())
			.mapToInt(TargetStore.TargetRow::levelRank)
			.max()
			.orElse(rule.level());
		delivery.assignToPerson(viewer, course, person.id(), dueDate == null ? today().plusDays(30) : dueDate,
				"For “" + capability.name() + "”: " + capability.levelName(wanted));
	}

	/**
	 * Asks the people who may sign off the task (the person's managers, the checklist's experts) to observe it: the
	 * person's managers ask, and L&D (who act on every team's capabilities) too.
	 */
	public void requestSignOff(Viewer viewer, PersonId personId, CapabilityId capabilityId, String taskId) {
		Person person = learningTeam.includes(viewer) && !viewer.is(personId)
				? organization.contactOf(personId).orElseThrow(() -> new NotFoundException("Person"))
				: managedPerson(viewer, personId);
		Capability capability = catalogue.find(capabilityId).filter(Capability::active)
			.orElseThrow(() -> new NotFoundException("Capability"));
		if (taskId == null || capability.rules().stream().noneMatch(r -> taskId.equals(r.taskId()))) {
			throw new InvalidInputException("taskId", "No level of “" + capability.name() + "” asks for this task.");
		}
		Checklists.TaskInfo task = checklists.taskInfo(taskId).orElseThrow(() -> new NotFoundException("Task"));
		List<PersonId> signers = checklists.signersFor(taskId, person.id());
		events.publishEvent(new SignOffRequested(person.id(), person.name(), task.task().title(), capability.name(),
				"/teams/" + task.task().teamId().value() + "/mastery/" + task.task().courseId().value(), signers,
				viewer.name()));
	}

	private Person managedPerson(Viewer viewer, PersonId personId) {
		if (viewer.is(personId) || !(viewer.isAdmin() || viewer.isManager())) {
			throw new NotFoundException("Person");
		}
		return organization.person(viewer, personId);
	}

	private Team visibleTeam(Viewer viewer, TeamId teamId) {
		if (organization.canManage(viewer, teamId)) {
			return organization.managedTeam(viewer, teamId);
		}
		if (learningTeam.includes(viewer)) {
			return organization.allTeams()
				.stream()
				.filter(t -> t.id().equals(teamId))
				.findFirst()
				.orElseThrow(() -> new NotFoundException("Team"));
		}
		throw new NotFoundException("Team");
	}

	private Map<CapabilityId, Target> applyingTargets(Team team) {
		Map<TeamId, Team> teams = new HashMap<>();
		organization.allTeams().forEach(t -> teams.put(t.id(), t));
		Map<TeamId, List<TargetStore.TargetRow>> own = new HashMap<>();
		for (TargetStore.TargetRow row : targets.forTeams(organization.withAncestors(Set.of(team.id())))) {
			own.computeIfAbsent(row.teamId(), k -> new ArrayList<>()).add(row);
		}
		Map<CapabilityId, TargetStore.TargetRow> nearest = new LinkedHashMap<>();
		Set<TeamId> seen = new HashSet<>();
		for (Team current = team; current != null && seen.add(current.id());
				current = current.parentId() == null ? null : teams.get(current.parentId())) {
			for (TargetStore.TargetRow row : own.getOrDefault(current.id(), List.of())) {
				nearest.putIfAbsent(row.capabilityId(), row);
			}
		}
		Map<CapabilityId, Capability> capabilities = catalogue.byIds(nearest.keySet());
		Map<CapabilityId, Target> result = new LinkedHashMap<>();
		nearest.forEach((id, row) -> {
			Capability c = capabilities.get(id);
			if (c != null) {
				result.put(id, new Target(id, row.teamId(), teams.get(row.teamId()).name(), row.levelRank(),
						c.levelName(row.levelRank()), row.minPeople(), !row.teamId().equals(team.id())));
			}
		});
		return result;
	}

	/** What a team's pages are made of: members, the capabilities shown, targets, holdings and absences. */
	private final class TeamState {

		List<PersonRef> members;

		List<Capability> capabilities;

		Map<CapabilityId, Target> targets;

		Map<CapabilityId, Map<PersonId, List<HoldingStore.Holding>>> held = new HashMap<>();

		Map<PersonId, List<Absence>> absences;

		Map<CapabilityId, CoverageCalculator.Result> results = new HashMap<>();
	}

	private TeamState state(Viewer viewer, Team team, LocalDate today, LocalDate day) {
		TeamState state = new TeamState();
		state.members = organization.membersOfTeamTree(team.id())
			.stream()
			.map(p -> new PersonRef(p.id(), p.name()))
			.sorted(Comparator.comparing(PersonRef::name))
			.toList();
		state.targets = applyingTargets(team);
		List<PersonId> ids = state.members.stream().map(PersonRef::id).toList();
		for (HoldingStore.Holding h : holdings.ofPeople(ids, today)) {
			state.held.computeIfAbsent(h.capabilityId(), k -> new HashMap<>())
				.computeIfAbsent(h.personId(), k -> new ArrayList<>())
				.add(h);
		}
		Set<CapabilityId> shown = new LinkedHashSet<>(state.targets.keySet());
		shown.addAll(state.held.keySet());
		state.capabilities = catalogue.byIds(shown).values().stream().filter(Capability::active).filter(c -> {
			Target t = state.targets.get(c.id());
			return t == null || c.level(t.levelRank()).isPresent();
		}).toList();
		state.absences = absences.between(ids, today, today.plusDays(FORECAST_DAYS));
		boolean showKinds = viewer.isAdmin() || organization.canManage(viewer, team.id());
		// each capability's figures come from the members holding some level of it, in the members' (name) order: a
		// division of thousands holding a few levels each is walked by its holdings, not by capability x member
		Map<PersonId, Integer> place = new HashMap<>();
		for (int i = 0; i < state.members.size(); i++) {
			place.put(state.members.get(i).id(), i);
		}
		for (Capability capability : state.capabilities) {
			Map<PersonId, List<HoldingStore.Holding>> held = state.held.getOrDefault(capability.id(), Map.of());
			List<PersonRef> holders = held.keySet().stream()
				.map(place::get)
				.filter(Objects::nonNull)
				.sorted()
				.map(state.members::get)
				.toList();
			state.results.put(capability.id(), CoverageCalculator.calculate(new CoverageCalculator.Input(capability,
					state.targets.get(capability.id()), holders, held, state.absences, today, day, FORECAST_DAYS,
					showKinds, state.members.size())));
		}
		return state;
	}

	/** For capabilities short or at risk (now or in the forecast): who lacks the least evidence to qualify. */
	private Map<CapabilityId, List<Candidate>> closest(TeamState state, LocalDate today, LocalDate day) {
		List<Capability> needing = state.capabilities.stream().filter(c -> {
			CoverageCalculator.Result r = state.results.get(c.id());
			return state.targets.containsKey(c.id()) && (r.status() != CoverageStatus.COVERED || !r.forecast().isEmpty());
		}).toList();
		if (needing.isEmpty()) {
			return Map.of();
		}
		Map<PersonId, Facts> facts = loader.load(state.members.stream().map(PersonRef::id).toList(), needing, true);
		Map<CapabilityId, List<Candidate>> result = new HashMap<>();
		for (Capability capability : needing) {
			CoverageCalculator.Result r = state.results.get(capability.id());
			Set<PersonId> qualified = new HashSet<>();
			r.qualified().forEach(p -> qualified.add(p.id()));
			Level level = capability.level(r.levelRank()).orElseThrow();
			List<Candidate> candidates = new ArrayList<>();
			for (PersonRef member : state.members) {
				if (qualified.contains(member.id())) {
					continue;
				}
				LevelEvaluator.LevelResult wanted = LevelEvaluator.level(capability, level,
						facts.getOrDefault(member.id(), Facts.NONE), today);
				List<MissingEvidence> missing = wanted.rules()
					.stream()
					.filter(rule -> !rule.met())
					.map(LevelEvaluator.RuleResult::missing)
					.filter(Objects::nonNull)
					.toList();
				if (missing.isEmpty()) {
					continue;
				}
				int now = CoverageCalculator.levelOn(state.held.getOrDefault(capability.id(), Map.of()).get(member.id()), day);
				candidates.add(new Candidate(member.id(), member.name(), now == 0 ? null : now,
						now == 0 ? null : capability.levelName(now), missing));
			}
			candidates.sort(Comparator.comparing((Candidate c) -> c.missing().size())
				.thenComparing(c -> -(c.levelRank() == null ? 0 : c.levelRank()))
				.thenComparing(Candidate::name));
			result.put(capability.id(), List.copyOf(candidates.subList(0, Math.min(CLOSEST, candidates.size()))));
		}
		return result;
	}

	/** Levels members hold that stop holding within {@code days}, with what renews the {@code renewed} soonest. */
	private Map<CapabilityId, List<ExpiringHolding>> expiring(TeamState state, LocalDate today, int days, int renewed) {
		List<HoldingStore.Holding> soon = new ArrayList<>();
		for (Capability capability : state.capabilities) {
			// the members holding some level of it (state.held holds members' holdings only)
			for (List<HoldingStore.Holding> h : state.held.getOrDefault(capability.id(), Map.of()).values()) {
				int level = CoverageCalculator.levelOn(h, today);
				if (level == 0) {
					continue;
				}
				for (HoldingStore.Holding holding : h) {
					if (holding.levelRank() == level && daysLeft(holding.validUntil(), today, days) != null) {
						soon.add(holding);
					}
				}
			}
		}
		Map<CapabilityId, Capability> byId = new HashMap<>();
		state.capabilities.forEach(c -> byId.put(c.id(), c));
		Map<PersonId, String> names = new HashMap<>();
		state.members.forEach(m -> names.put(m.id(), m.name()));
		// in the outlook's order: soonest first, then by name and capability
		List<HoldingStore.Holding> renewing = soon.size() <= renewed ? soon : soon.stream()
			.sorted(Comparator.comparing(HoldingStore.Holding::validUntil)
				.thenComparing(h -> names.get(h.personId()), Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(h -> byId.get(h.capabilityId()).name()))
			.limit(renewed)
			.toList();
		Map<String, MissingEvidence> renewals = this.renewals.of(renewing, byId, today);
		Map<CapabilityId, List<ExpiringHolding>> result = new HashMap<>();
		for (HoldingStore.Holding h : soon) {
			Capability capability = byId.get(h.capabilityId());
			result.computeIfAbsent(h.capabilityId(), k -> new ArrayList<>())
				.add(new ExpiringHolding(h.personId(), names.get(h.personId()), capability.id(), capability.name(),
						h.levelRank(), capability.levelName(h.levelRank()), h.validUntil(),
						daysLeft(h.validUntil(), today, days), renewals.get(Renewals.key(h))));
		}
		result.values().forEach(list -> list.sort(Comparator.comparing(ExpiringHolding::expiresOn)
			.thenComparing(ExpiringHolding::name, Comparator.nullsLast(Comparator.naturalOrder()))));
		return result;
	}

	private static Long daysLeft(LocalDate until, LocalDate today, int within) {
		if (until == null) {
			return null;
		}
		long days = ChronoUnit.DAYS.between(today, until);
		return days >= 0 && days <= within ? days : null;
	}

	private static int rank(CoverageStatus status, boolean noShortfall) {
		return switch (status) {
			case SHORT -> 0;
			case AT_RISK -> 1;
			case COVERED -> noShortfall ? 3 : 2;
			case NO_TARGET -> 4;
		};
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
