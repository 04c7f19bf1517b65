package io.stride.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.TeamId;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * People with their roles and team links. Emails are stored lower-cased so that sign-in ignores case.
 */
@Repository
public class People {

	private final JdbcClient jdbc;

	public People(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Credentials(PersonId id, String email, String passwordHash, boolean active) {
	}

	public Optional<Person> findById(PersonId id) {
		// every request asks for its viewer: straight to the rows, no lookup of the id first
		return findAll(List.of(id.value())).stream().findFirst();
	}

	public Optional<Person> findByEmail(String email) {
		return load(jdbc.sql("SELECT id, name, email, active FROM people WHERE email = ?").param(normalize(email)));
	}

	/** The active ones of these ids. */
	public Set<PersonId> activeAmong(Collection<PersonId> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		Set<PersonId> active = new HashSet<>();
		jdbc.sql("SELECT id FROM people WHERE id = ANY(:ids) AND active")
			.param("ids", SqlArrays.varchars(ids.stream().map(PersonId::value).toList()))
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list()
			.forEach(active::add);
		return active;
	}

	/** The active person of each of these emails that has one, keyed by the email as given. */
	public Map<String, PersonId> activeByEmails(Collection<String> emails) {
		if (emails.isEmpty()) {
			return Map.of();
		}
		Map<String, List<String>> given = new HashMap<>();
		emails.forEach(email -> given.computeIfAbsent(normalize(email), k -> new ArrayList<>()).add(email));
		Map<String, PersonId> found = new HashMap<>();
		jdbc.sql("SELECT email, id FROM people WHERE email = ANY(:emails) AND active")
			.param("emails", SqlArrays.varchars(List.copyOf(given.keySet())))
			.query((rs, n) -> Map.entry(rs.getString(1), new PersonId(rs.getString(2))))
			.list()
			.forEach(row -> given.getOrDefault(row.getKey(), List.of()).forEach(email -> found.put(email, row.getValue())));
		return found;
	}

	public Optional<Credentials> credentials(String email) {
		return jdbc.sql("SELECT id, email, password_hash, active FROM people WHERE email = ?")
			.param(normalize(email))
			.query((rs, n) -> new Credentials(new PersonId(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getBoolean(4)))
			.optional();
	}

	public boolean emailTaken(String email, PersonId except) {
		return jdbc.sql("SELECT COUNT(*) FROM people WHERE email = ? AND id <> ?")
			.param(normalize(email))
			.param(except == null ? "" : except.value())
			.query(Integer.class)
			.single() > 0;
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM people").query(Long.class).single();
	}

	public long count(String search) {
		return jdbc.sql("SELECT COUNT(*) FROM people WHERE LOWER(name) LIKE ? OR email LIKE ?")
			.param(like(search))
			.param(like(search))
			.query(Long.class)
			.single();
	}

	public boolean anyAdmin() {
		return jdbc.sql("SELECT COUNT(*) FROM person_roles WHERE role = 'ADMIN'").query(Integer.class).single() > 0;
	}

	public List<Person> page(String search, int offset, int limit) {
		List<String> ids = jdbc
			.sql("SELECT id FROM people WHERE LOWER(name) LIKE ? OR email LIKE ? ORDER BY LOWER(name), id LIMIT ? OFFSET ?")
			.param(like(search))
			.param(like(search))
			.param(limit)
			.param(offset)
			.query(String.class)
			.list();
		return findAll(ids);
	}

	/** Active people holding a role, by name. */
	public List<Person> withRole(Role role) {
		List<String> ids = jdbc.sql("SELECT p.id, LOWER(p.name) AS sort_name FROM people p JOIN person_roles r ON r.person_id = p.id "
				+ "WHERE r.role = ? AND p.active = TRUE ORDER BY sort_name, p.id")
			.param(role.name())
			.query((rs, n) -> rs.getString(1))
			.list();
		return findAll(ids);
	}

	public List<Person> membersOf(Set<TeamId> teams) {
		if (teams.isEmpty()) {
			return List.of();
		}
		List<String> ids = jdbc
			.sql("SELECT DISTINCT p.id, LOWER(p.name) AS sort_name FROM people p JOIN team_members m ON m.person_id = p.id "
					+ "WHERE m.team_id IN (:teams) AND p.active = TRUE ORDER BY sort_name, p.id")
			.param("teams", teams.stream().map(TeamId::value).toList())
			.query((rs, n) -> rs.getString(1))
			.list();
		return findAll(ids);
	}

	public record MembershipRow(PersonId personId, String name, TeamId teamId) {
	}

	/** Active members of exactly this team (not of the teams below it). */
	public List<PersonId> directMembers(TeamId team) {
		return jdbc.sql("SELECT m.person_id FROM team_members m JOIN people p ON p.id = m.person_id "
				+ "WHERE m.team_id = ? AND p.active = TRUE")
			.param(team.value())
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list();
	}

	/** The names of these people, active or not, and their teams' names (in name order): for credits on a course. */
	public record Credit(String name, List<String> teams) {
	}

	public Map<PersonId, Credit> credits(Collection<PersonId> ids) {
		Map<PersonId, Credit> credits = new HashMap<>();
		if (ids.isEmpty()) {
			return credits;
		}
		var array = SqlArrays.varchars(ids.stream().map(PersonId::value).distinct().toList());
		jdbc.sql("SELECT id, name FROM people WHERE id = ANY(:ids)").param("ids", array).query(rs -> {
			credits.put(new PersonId(rs.getString(1)), new Credit(rs.getString(2), new ArrayList<>()));
		});
		jdbc.sql("SELECT m.person_id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id "
				+ "WHERE m.person_id = ANY(:ids) ORDER BY t.name")
			.param("ids", array)
			.query(rs -> {
				Credit credit = credits.get(new PersonId(rs.getString(1)));
				if (credit != null) {
					credit.teams().add(rs.getString(2));
				}
			});
		return credits;
	}

	/** The teams these people are direct members of. */
	public Set<TeamId> teamsOf(Collection<PersonId> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT DISTINCT team_id FROM team_members WHERE person_id = ANY(:ids)")
			.param("ids", SqlArrays.varchars(ids.stream().map(PersonId::value).distinct().toList()))
			.query((rs, n) -> new TeamId(rs.getString(1)))
			.list());
	}

	/** Every active person's direct memberships in one pass, ordered by name then team, for organization reports. */
	public List<MembershipRow> memberships() {
		return jdbc.sql("SELECT p.id, p.name, m.team_id, LOWER(p.name) AS sort_name FROM people p "
				+ "JOIN team_members m ON m.person_id = p.id WHERE p.active = TRUE ORDER BY sort_name, p.id, m.team_id")
			.query((rs, n) -> new MembershipRow(new PersonId(rs.getString(1)), rs.getString(2),
					new TeamId(rs.getString(3))))
			.list();
	}

	/** Active people managing any of these teams, by name. */
	public List<PersonId> activeManagersOf(Set<TeamId> teams) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT DISTINCT p.id, LOWER(p.name) AS sort_name FROM people p "
				+ "JOIN team_managers g ON g.person_id = p.id "
				+ "WHERE g.team_id IN (:teams) AND p.active = TRUE ORDER BY sort_name, p.id")
			.param("teams", teams.stream().map(TeamId::value).toList())
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list();
	}

	public void insert(PersonId id, String name, String email, String passwordHash, Set<Role> roles,
			Set<TeamId> teams, Set<TeamId> manages) {
		jdbc.sql("INSERT INTO people (id, name, email, password_hash, active, created_at) VALUES (?, ?, ?, ?, TRUE, ?)")
			.params(id.value(), name, normalize(email), passwordHash, Timestamp.from(Instant.now()))
			.update();
		replaceLinks(id, roles, teams, manages);
	}

	public void update(PersonId id, String name, String email, boolean active, Set<Role> roles, Set<TeamId> teams,
			Set<TeamId> manages) {
		jdbc.sql("UPDATE people SET name = ?, email = ?, active = ? WHERE id = ?")
			.params(name, normalize(email), active, id.value())
			.update();
		replaceLinks(id, roles, teams, manages);
	}

	/** A provisioning system's change: name, email and whether the person is active; roles and teams stay. */
	public void updateProfile(PersonId id, String name, String email, boolean active) {
		jdbc.sql("UPDATE people SET name = ?, email = ?, active = ? WHERE id = ?")
			.params(name, normalize(email), active, id.value())
			.update();
	}

	/** Ends every session signed in before {@code at} (at its next request), without touching the password. */
	public void endSessions(PersonId id, Instant at) {
		jdbc.sql("UPDATE people SET credentials_changed_at = ? WHERE id = ?").params(Timestamp.from(at), id.value()).update();
	}

	/** Every direct member of the team, active or not: a provisioning system keeps its own list of them. */
	public List<PersonId> allDirectMembers(TeamId team) {
		return jdbc.sql("SELECT person_id FROM team_members WHERE team_id = ? ORDER BY person_id")
			.param(team.value())
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list();
	}

	public void addMember(TeamId team, PersonId person) {
		boolean member = jdbc.sql("SELECT COUNT(*) FROM team_members WHERE team_id = ? AND person_id = ?")
			.params(team.value(), person.value())
			.query(Integer.class)
			.single() > 0;
		if (!member) {
			jdbc.sql("INSERT INTO team_members (team_id, person_id) VALUES (?, ?)").params(team.value(), person.value()).update();
		}
	}

	public void removeMember(TeamId team, PersonId person) {
		jdbc.sql("DELETE FROM team_members WHERE team_id = ? AND person_id = ?").params(team.value(), person.value()).update();
	}

	/** Sets the password and marks every session signed in until now as ended. */
	public Instant changePassword(PersonId id, String passwordHash) {
		return changePassword(id, passwordHash, Instant.now());
	}

	/** Sets a new password as of {@code now}: sessions signed in before it end at their next request. */
	public Instant changePassword(PersonId id, String passwordHash, Instant now) {
		jdbc.sql("UPDATE people SET password_hash = ?, credentials_changed_at = ? WHERE id = ?")
			.params(passwordHash, Timestamp.from(now), id.value())
			.update();
		return now;
	}

	/**
	 * The same password hashed again with stronger parameters, at sign-in: not a change of password, so no session
	 * ends; written only if the hash is still the one checked (a change of password meanwhile wins).
	 */
	public void rehash(PersonId id, String checkedHash, String strongerHash) {
		jdbc.sql("UPDATE people SET password_hash = ? WHERE id = ? AND password_hash = ?")
			.params(strongerHash, id.value(), checkedHash)
			.update();
	}

	/** When the person's password last changed, if it ever did. */
	public Optional<Instant> credentialsChangedAt(PersonId id) {
		return jdbc.sql("SELECT credentials_changed_at FROM people WHERE id = ?")
			.param(id.value())
			.query((rs, n) -> rs.getTimestamp(1))
			.optional()
			.filter(Objects::nonNull)
			.map(Timestamp::toInstant);
	}

	private void replaceLinks(PersonId id, Set<Role> roles, Set<TeamId> teams, Set<TeamId> manages) {
		jdbc.sql("DELETE FROM person_roles WHERE person_id = ?").param(id.value()).update();
		jdbc.sql("DELETE FROM team_members WHERE person_id = ?").param(id.value()).update();
		jdbc.sql("DELETE FROM team_managers WHERE person_id = ?").param(id.value()).update();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO person_roles (person_id, role) VALUES (?, ?)").params(id.value(), role.name()).update();
		}
		for (TeamId team : teams) {
			jdbc.sql("INSERT INTO team_members (team_id, person_id) VALUES (?, ?)")
				.params(team.value(), id.value())
				.update();
		}
		for (TeamId team : manages) {
			jdbc.sql("INSERT INTO team_managers (team_id, person_id) VALUES (?, ?)")
				.params(team.value(), id.value())
				.update();
		}
	}

	private Optional<Person> load(JdbcClient.StatementSpec spec) {
		List<String> ids = spec.query((rs, n) -> rs.getString(1)).list();
		return findAll(ids).stream().findFirst();
	}

	private List<Person> findAll(List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		record Row(String id, String name, String email, boolean active) {
		}
		Map<String, Row> rows = new LinkedHashMap<>();
		ids.forEach(id -> rows.put(id, null));
		// one array parameter, not one per person: a division's thousands of people made these slow to parse and bind
		var array = SqlArrays.varchars(ids);
		jdbc.sql("SELECT id, name, email, active FROM people WHERE id = ANY(:ids)")
			.param("ids", array)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
			.list()
			.forEach(row -> rows.put(row.id(), row));
		if (rows.values().stream().allMatch(row -> row == null)) {
			return List.of();
		}
		// roles, memberships and managed teams in one round trip
		Map<String, Set<Role>> roles = new HashMap<>();
		Map<String, Set<TeamId>> members = new HashMap<>();
		Map<String, Set<TeamId>> managers = new HashMap<>();
		jdbc.sql("SELECT 'R', person_id, role FROM person_roles WHERE person_id = ANY(:ids) "
				+ "UNION ALL SELECT 'M', person_id, team_id FROM team_members WHERE person_id = ANY(:ids) "
				+ "UNION ALL SELECT 'G', person_id, team_id FROM team_managers WHERE person_id = ANY(:ids)")
			.param("ids", array)
			.query(rs -> {
				String person = rs.getString(2);
				switch (rs.getString(1)) {
					case "R" -> roles.computeIfAbsent(person, k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(3)));
					case "M" -> members.computeIfAbsent(person, k -> new HashSet<>()).add(new TeamId(rs.getString(3)));
					default -> managers.computeIfAbsent(person, k -> new HashSet<>()).add(new TeamId(rs.getString(3)));
				}
			});
		return rows.values()
			.stream()
			.filter(row -> row != null)
			.map(row -> new Person(new PersonId(row.id()), row.name(), row.email(), row.active(),
					Set.copyOf(roles.getOrDefault(row.id(), Set.of())), Set.copyOf(members.getOrDefault(row.id(), Set.of())),
					Set.copyOf(managers.getOrDefault(row.id(), Set.of()))))
			.toList();
	}

	static String normalize(String email) {
		return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
	}

	private static String like(String search) {
		String s = search == null ? "" : search.trim().toLowerCase(Locale.ROOT);
		return "%" + s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}
}
