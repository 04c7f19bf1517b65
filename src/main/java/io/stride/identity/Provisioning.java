package io.stride.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.stride.identity.internal.ApiTokens;
import io.stride.identity.internal.People;
import io.stride.identity.internal.Teams;
import io.stride.shared.ConflictException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an identity provider's provisioning (SCIM) does to the organization: create people without a password (they
 * sign in through single sign-on, or an admin gives them one), change their name, email and whether they are active,
 * create and rename teams and change who is in them. It acts as a {@link Provisioner}, not as a person: the caller has
 * authenticated the provisioning client (a SCIM token an admin made) before it asks here, and roles and managed teams
 * are never touched from here. Deactivating ends the person's sessions and bearer tokens at once; their records stay.
 */
@Service
@Transactional
public class Provisioning {

	/** A provisioning client, named for the audit log (the name an admin gave its token). */
	public record Provisioner(String name) {

		public Provisioner {
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("A provisioner has a name");
			}
		}
	}

	private final People people;

	private final Teams teams;

	private final ApiTokens tokens;

	private final OrganizationAdministration administration;

	Provisioning(People people, Teams teams, ApiTokens tokens, OrganizationAdministration administration) {
		this.people = people;
		this.teams = teams;
		this.tokens = tokens;
		this.administration = administration;
	}

	@Transactional(readOnly = true)
	public Optional<Person> person(Provisioner by, PersonId id) {
		return people.findById(id);
	}

	@Transactional(readOnly = true)
	public Optional<Person> personByEmail(Provisioner by, String email) {
		return email == null || email.isBlank() ? Optional.empty() : people.findByEmail(email);
	}

	/** Everyone, active or not, by name; {@code offset} counts from 0. */
	@Transactional(readOnly = true)
	public List<Person> people(Provisioner by, int offset, int limit) {
		return people.page("", offset, limit);
	}

	@Transactional(readOnly = true)
	public long countPeople(Provisioner by) {
		return people.count();
	}

	/**
	 * A new active or inactive person with no password and no roles.
	 * @throws ConflictException when someone already has the email
	 * @throws InvalidInputException when the name or email breaks identity's rules (fields {@code name}, {@code email})
	 */
	public PersonId createPerson(Provisioner by, String name, String email, boolean active) {
		if (email != null && people.emailTaken(email, null)) {
			throw new ConflictException("Someone already uses the email address " + email.trim() + ".");
		}
		Map<String, String> errors = administration.validateNameAndEmail(name, email, null);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The person was not created.", errors);
		}
		PersonId id = new PersonId(Ids.newId());
		people.insert(id, name.trim(), email, null, Set.of(), Set.of(), Set.of());
		if (!active) {
			people.updateProfile(id, name.trim(), email, false);
		}
		return id;
	}

	/**
	 * Changes name, email and whether the person is active. Deactivating ends their sessions and tokens at once.
	 * @throws ConflictException when someone else already has the email
	 */
	public void updatePerson(Provisioner by, PersonId id, String name, String email, boolean active) {
		Person before = people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
		if (email != null && people.emailTaken(email, id)) {
			throw new ConflictException("Someone already uses the email address " + email.trim() + ".");
		}
		Map<String, String> errors = administration.validateNameAndEmail(name, email, id);
		if (email != null && !email.strip().equalsIgnoreCase(before.email()) && !before.roles().isEmpty()) {
			// single sign-on finds people by their email: an identity provider that could move an admin's or a
			// reviewer's email to an address it controls could sign in as them; roles are Stride's to give, so is this
			errors.put("email", "This person holds a role in Stride (" + before.roles().stream().map(Role::name)
				.map(r -> r.toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(", "))
					+ "): an admin changes their email in Stride.");
		}
		if (before.active() && !active && before.isAdmin() && people.withRole(Role.ADMIN).size() <= 1) {
			errors.put("active", "The organization's last active admin cannot be deactivated.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The person was not changed.", errors);
		}
		people.updateProfile(id, name.trim(), email, active);
		if (!active) {
			// sessions check this moment at their next request; tokens are refused from now on
			people.endSessions(id, Instant.now());
			tokens.revokeAll(id);
		}
	}

	@Transactional(readOnly = true)
	public List<Team> teams(Provisioner by) {
		return teams.all();
	}

	@Transactional(readOnly = true)
	public Optional<Team> team(Provisioner by, TeamId id) {
		return teams.findById(id);
	}

	@Transactional(readOnly = true)
	public Optional<Team> teamByName(Provisioner by, String name) {
		return name == null || name.isBlank() ? Optional.empty() : teams.findByName(name);
	}

	/**
	 * A new top-level team.
	 * @throws ConflictException when a team has the name already
	 */
	public TeamId createTeam(Provisioner by, String name) {
		String trimmed = teamName(name);
		if (teams.nameTaken(trimmed)) {
			throw new ConflictException("A team named " + trimmed + " already exists.");
		}
		TeamId id = new TeamId(Ids.newId());
		teams.insert(id, trimmed, null);
		return id;
	}

	public void renameTeam(Provisioner by, TeamId id, String name) {
		teams.findById(id).orElseThrow(() -> new NotFoundException("Team"));
		String trimmed = teamName(name);
		if (teams.nameTaken(trimmed, id)) {
			throw new ConflictException("A team named " + trimmed + " already exists.");
		}
		teams.rename(id, trimmed);
	}

	/** The team's direct members, active or not. */
	@Transactional(readOnly = true)
	public List<PersonId> members(Provisioner by, TeamId team) {
		return people.allDirectMembers(team);
	}

	public void addMembers(Provisioner by, TeamId team, Collection<PersonId> members) {
		teams.findById(team).orElseThrow(() -> new NotFoundException("Team"));
		for (PersonId member : members) {
			people.findById(member).orElseThrow(() -> new NotFoundException("Person " + member.value()));
			people.addMember(team, member);
		}
	}

	public void removeMembers(Provisioner by, TeamId team, Collection<PersonId> members) {
		members.forEach(member -> people.removeMember(team, member));
	}

	private static String teamName(String name) {
		String trimmed = name == null ? "" : name.trim();
		if (trimmed.isEmpty()) {
			throw new InvalidInputException("name", "Give the team a name.");
		}
		if (trimmed.length() > 120) {
			throw new InvalidInputException("name", "Use at most 120 characters for a team's name.");
		}
		return trimmed;
	}
}
