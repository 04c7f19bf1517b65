package io.stride.identity;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.identity.internal.People;
import io.stride.identity.internal.StridePrincipal;
import io.stride.identity.internal.Teams;
import io.stride.shared.NotFoundException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is acting and what they may see. Every module asks here instead of reading identity tables: a manager
 * sees the people of the teams they manage and of all teams below those; admins see everyone; everyone else
 * sees only themselves.
 */
@Service
@Transactional(readOnly = true)
public class Organization {

	private final People people;

	private final Teams teams;

	Organization(People people, Teams teams) {
		this.people = people;
		this.teams = teams;
	}

	/** The signed-in person, read fresh so that a revoked role or deactivation applies at once. */
	public Viewer currentViewer() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof StridePrincipal principal)) {
			throw new InsufficientAuthenticationException("Not signed in");
		}
		// read once per request (the page, its navigation and its services all ask), never across requests
		var request = RequestContextHolder.getRequestAttributes();
		String key = Organization.class.getName() + ".viewer." + principal.personId().value();
		if (request != null && request.getAttribute(key, 0) instanceof Viewer known) {
			return known;
		}
		Person person = people.findById(principal.personId())
			.filter(Person::active)
			.orElseThrow(() -> new InsufficientAuthenticationException("Account is not active"));
		Viewer viewer = Viewer.of(person);
		if (request != null) {
			request.setAttribute(key, viewer, 0);
		}
		return viewer;
	}

	public Viewer viewerOf(PersonId id) {
		return people.findById(id).map(Viewer::of).orElseThrow(() -> new NotFoundException("Person"));
	}

	/** A person's name and email, for sending them what concerns them; not for showing to others. */
	public Optional<Person> contactOf(PersonId id) {
		return people.findById(id).filter(Person::active);
	}

	/** An active colleague named by email, for naming them to a role such as checklist expert. */
	public Optional<Person> activePersonByEmail(String email) {
		return email == null || email.isBlank() ? Optional.empty()
				: people.findByEmail(email.strip()).filter(Person::active);
	}

	/**
	 * Which of these ids and emails are active people, in one round trip each, for linking many records to people at
	 * once (an LRS batch): the ids found active, and the active person of each email found (emails as given).
	 */
	public ActivePeople activePeople(Collection<PersonId> ids, Collection<String> emails) {
		return new ActivePeople(people.activeAmong(ids), people.activeByEmails(emails));
	}

	public record ActivePeople(Set<PersonId> ids, Map<String, PersonId> byEmail) {
	}

	/** Active people with a role (reviewers, admins), for routing work to them. */
	public List<Person> withRole(Role role) {
		return people.withRole(role);
	}

	public List<Team> allTeams() {
		return teams.all();
	}

	/** Teams the viewer may act on as a manager: those they manage and every team below them. */
	public Set<TeamId> managedTeamTree(Viewer viewer) {
		if (viewer.isAdmin()) {
			return ids(teams.all());
		}
		return withDescendants(viewer.manages());
	}

	public boolean canManage(Viewer viewer, TeamId team) {
		return managedTeamTree(viewer).contains(team);
	}

	/** The team, if the viewer manages it (directly or above it) or is an admin; otherwise "not found". */
	public Team managedTeam(Viewer viewer, TeamId id) {
		if (!canManage(viewer, id)) {
			throw new NotFoundException("Team");
		}
		return teams.findById(id).orElseThrow(() -> new NotFoundException("Team"));
	}

	public List<Team> teamsManagedBy(Viewer viewer) {
		Set<TeamId> tree = managedTeamTree(viewer);
		return teams.all().stream().filter(team -> tree.contains(team.id())).toList();
	}

	public boolean canSee(Viewer viewer, PersonId person) {
		if (viewer.is(person) || viewer.isAdmin()) {
			return true;
		}
		if (!viewer.isManager()) {
			return false;
		}
		Set<TeamId> tree = managedTeamTree(viewer);
		return people.findById(person).map(p -> p.teamIds().stream().anyMatch(tree::contains)).orElse(false);
	}

	public Person person(Viewer viewer, PersonId id) {
		if (!canSee(viewer, id)) {
			throw new NotFoundException("Person");
		}
		return people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
	}

	/** Active members of the team and of every team below it. Callers check the viewer first. */
	public List<Person> membersOfTeamTree(TeamId team) {
		return people.membersOf(withDescendants(Set.of(team)));
	}

	/** The given teams and every team above them: a course assigned to a team reaches its sub-teams too. */
	public Set<TeamId> withAncestors(Collection<TeamId> start) {
		Map<TeamId, TeamId> parents = new HashMap<>();
		teams.all().forEach(team -> parents.put(team.id(), team.parentId()));
		Set<TeamId> result = new LinkedHashSet<>();
		for (TeamId id : start) {
			TeamId current = id;
			while (current != null && result.add(current)) {
				current = parents.get(current);
			}
		}
		return result;
	}

	public Set<TeamId> withDescendants(Collection<TeamId> start) {
		Map<TeamId, List<TeamId>> children = new HashMap<>();
		for (Team team : teams.all()) {
			if (team.parentId() != null) {
				children.computeIfAbsent(team.parentId(), k -> new ArrayList<>()).add(team.id());
			}
		}
		Set<TeamId> result = new HashSet<>();
		Deque<TeamId> queue = new ArrayDeque<>(start);
		while (!queue.isEmpty()) {
			TeamId id = queue.pop();
			if (result.add(id)) {
				queue.addAll(children.getOrDefault(id, List.of()));
			}
		}
		return result;
	}

	private static Set<TeamId> ids(List<Team> all) {
		Set<TeamId> ids = new HashSet<>();
		all.forEach(team -> ids.add(team.id()));
		return ids;
	}

	/** Active members of exactly this team, not of the teams below it. Callers check the viewer first. */
	public List<PersonId> directMembersOf(TeamId team) {
		return people.directMembers(team);
	}

	/** How a person is credited on their work: their name and their teams' names, in name order. */
	public record Credit(String name, List<String> teams) {
	}

	/**
	 * The names and teams of these people (active or not: an author who left is still credited), for lists of
	 * what they made. Callers decide who may see them.
	 */
	public Map<PersonId, Credit> credits(Collection<PersonId> ids) {
		Map<PersonId, Credit> credits = new HashMap<>();
		people.credits(ids).forEach((id, c) -> credits.put(id, new Credit(c.name(), List.copyOf(c.teams()))));
		return credits;
	}

	/** The teams, by name, these people are direct members of. */
	public List<Team> teamsOf(Collection<PersonId> ids) {
		Set<TeamId> wanted = people.teamsOf(ids);
		return teams.all().stream().filter(t -> wanted.contains(t.id()))
			.sorted(Comparator.comparing(Team::name).thenComparing(t -> t.id().value()))
			.toList();
	}

	/** An active person's membership of one team (a person in two teams has two). */
	public record Membership(PersonId personId, String name, TeamId teamId) {
	}

	/** Every active person's direct team memberships, read at once for organization-wide reports. */
	public List<Membership> memberships() {
		return people.memberships()
			.stream()
			.map(m -> new Membership(m.personId(), m.name(), m.teamId()))
			.toList();
	}

	/**
	 * The person's nearest managers: for each team they are in, the active managers of that team or, when it has
	 * none (or only the person), of the nearest team above that has. Who hears about a person's work, without every
	 * manager up to the top of the organization hearing about everyone.
	 */
	public List<PersonId> managersOf(PersonId person) {
		Person p = people.findById(person).orElse(null);
		if (p == null) {
			return List.of();
		}
		Map<TeamId, TeamId> parents = new HashMap<>();
		teams.all().forEach(team -> parents.put(team.id(), team.parentId()));
		Set<PersonId> result = new LinkedHashSet<>();
		for (TeamId team : p.teamIds()) {
			Set<TeamId> seen = new HashSet<>();
			for (TeamId current = team; current != null && seen.add(current); current = parents.get(current)) {
				List<PersonId> managers = people.activeManagersOf(Set.of(current))
					.stream()
					.filter(id -> !id.equals(person))
					.toList();
				if (!managers.isEmpty()) {
					result.addAll(managers);
					break;
				}
			}
		}
		return List.copyOf(result);
	}

	/**
	 * A team's nearest managers: its active managers or, when it has none, those of the nearest team above that has.
	 * Who hears about a team's meetings and their pre-reads.
	 */
	public List<PersonId> managersOfTeam(TeamId team) {
		Map<TeamId, TeamId> parents = new HashMap<>();
		teams.all().forEach(t -> parents.put(t.id(), t.parentId()));
		Set<TeamId> seen = new HashSet<>();
		for (TeamId current = team; current != null && seen.add(current); current = parents.get(current)) {
			List<PersonId> managers = people.activeManagersOf(Set.of(current));
			if (!managers.isEmpty()) {
				return List.copyOf(managers);
			}
		}
		return List.of();
	}
}
