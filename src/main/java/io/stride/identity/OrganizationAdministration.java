package io.stride.identity;

import java.util.EnumSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.stride.identity.internal.ApiTokens;
import io.stride.identity.internal.People;
import io.stride.identity.internal.SignInThrottle;
import io.stride.identity.internal.Teams;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What L&D admins do to the organization: create teams, create and edit people, grant roles and managers.
 */
@Service
@Transactional
public class OrganizationAdministration {

	public static final int MIN_PASSWORD_LENGTH = 10;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final People people;

	private final Teams teams;

	private final PasswordEncoder passwords;

	private final ApiTokens tokens;

	private final SignInThrottle throttle;

	OrganizationAdministration(People people, Teams teams, PasswordEncoder passwords, ApiTokens tokens,
			SignInThrottle throttle) {
		this.throttle = throttle;
		this.people = people;
		this.teams = teams;
		this.passwords = passwords;
		this.tokens = tokens;
	}

	public record PeoplePage(List<Person> people, int page, int pageSize, long total) {

		public int pages() {
			return (int) Math.max(1, (total + pageSize - 1) / pageSize);
		}
	}

	@Transactional(readOnly = true)
	public PeoplePage people(Viewer viewer, String search, int page, int pageSize) {
		requireAdmin(viewer);
		int size = Math.min(Math.max(pageSize, 1), 100);
		int current = Math.max(page, 1);
		return new PeoplePage(people.page(search, (current - 1) * size, size), current, size, people.count(search));
	}

	@Transactional(readOnly = true)
	public Person person(Viewer viewer, PersonId id) {
		requireAdmin(viewer);
		return people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
	}

	public TeamId createTeam(Viewer viewer, String name, TeamId parent) {
		requireAdmin(viewer);
		Map<String, String> errors = new HashMap<>();
		String trimmed = name == null ? "" : name.trim();
		if (trimmed.isEmpty()) {
			errors.put("name", "Give the team a name.");
		}
		else if (trimmed.length() > 120) {
			errors.put("name", "Use at most 120 characters.");
		}
		else if (teams.nameTaken(trimmed)) {
			errors.put("name", "A team with this name already exists.");
		}
		if (parent != null && teams.findById(parent).isEmpty()) {
			errors.put("parentId", "The parent team does not exist.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The team was not created.", errors);
		}
		TeamId id = new TeamId(Ids.newId());
		teams.insert(id, trimmed, parent);
		return id;
	}

	public PersonId createPerson(Viewer viewer, NewPerson person) {
		requireAdmin(viewer);
		Map<String, String> errors = validate(person.name(), person.email(), null, person.teamIds(), person.manages());
		validatePassword(person.password(), true, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The person was not created.", errors);
		}
		PersonId id = new PersonId(Ids.newId());
		people.insert(id, person.name().trim(), person.email(), passwords.encode(person.password()), roles(person.roles()),
				person.teamIds(), person.manages());
		return id;
	}

	public void updatePerson(Viewer viewer, PersonId id, PersonChanges changes) {
		requireAdmin(viewer);
		people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
		Map<String, String> errors = validate(changes.name(), changes.email(), id, changes.teamIds(), changes.manages());
		validatePassword(changes.newPassword(), false, errors);
		if (viewer.is(id) && !changes.roles().contains(Role.ADMIN)) {
			errors.put("roles", "You cannot remove your own admin role.");
		}
		if (viewer.is(id) && !changes.active()) {
			errors.put("active", "You cannot deactivate yourself.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The changes were not saved.", errors);
		}
		people.update(id, changes.name().trim(), changes.email(), changes.active(), roles(changes.roles()),
				changes.teamIds(), changes.manages());
		if (changes.newPassword() != null && !changes.newPassword().isBlank()) {
			people.changePassword(id, passwords.encode(changes.newPassword()));
			tokens.revokeSignInTokens(id);
		}
		if (!changes.active()) {
			tokens.revokeAll(id);
		}
	}

	/**
	 * A person changes their own password; the current one must be given, and guessing it is throttled like
	 * signing in (a session left open must not become a way to try passwords).
	 * @param clientAddress the address the request came from, as the throttle counts it
	 * @param at the moment the change counts from: sessions signed in before it end, and the session that makes the
	 * change is stamped with it before the change commits, so that none of its own requests finds it outdated
	 */
	public void changeOwnPassword(Viewer viewer, String current, String newPassword, String confirmation,
			String clientAddress, Instant at) {
		Person person = people.findById(viewer.id()).orElseThrow(() -> new NotFoundException("Person"));
		Map<String, String> errors = new HashMap<>();
		String hash = people.credentials(person.email()).map(People.Credentials::passwordHash).orElse(null);
		Optional<SignInThrottle.Refusal> refused = throttle.attempt(person.email(), clientAddress);
		if (refused.isPresent()) {
			errors.put("currentPassword", refused.get().message());
		}
		else if (current == null || hash == null || hash.isEmpty() || !passwords.matches(current, hash)) {
			errors.put("currentPassword", "This is not your current password.");
		}
		else {
			throttle.succeeded(person.email(), clientAddress);
		}
		validatePassword(newPassword, true, errors);
		if (errors.containsKey("password")) {
			errors.put("newPassword", errors.remove("password"));
		}
		if (newPassword != null && !newPassword.equals(confirmation)) {
			errors.put("confirmation", "The two new passwords differ.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Your password was not changed.", errors);
		}
		people.changePassword(person.id(), passwords.encode(newPassword), at);
		tokens.revokeSignInTokens(person.id());
	}

	/**
	 * Creates the first admin of an installation; does nothing when an admin already exists.
	 * @return whether an admin was created
	 */
	public boolean bootstrapAdmin(String name, String email, String password) {
		if (people.anyAdmin()) {
			return false;
		}
		Map<String, String> errors = validate(name, email, null, Set.of(), Set.of());
		validatePassword(password, true, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The first admin could not be created: " + errors, errors);
		}
		people.insert(new PersonId(Ids.newId()), name, email, passwords.encode(password), EnumSet.of(Role.ADMIN),
				Set.of(), Set.of());
		return true;
	}

	public Viewer adminViewer(String email) {
		Person person = people.findByEmail(email).filter(Person::isAdmin).orElseThrow(() -> new NotFoundException("Admin"));
		return Viewer.of(person);
	}

	/** Whether anyone but the given person (the bootstrap admin) has an account. */
	@Transactional(readOnly = true)
	public boolean hasPeopleBesides(String email) {
		long count = people.count();
		boolean thatOneExists = email != null && !email.isBlank() && people.findByEmail(email).isPresent();
		return count > (thatOneExists ? 1 : 0);
	}

	/** The rules for a person's name and email, for {@link Provisioning}: the same as an admin's. */
	Map<String, String> validateNameAndEmail(String name, String email, PersonId self) {
		return validate(name, email, self, Set.of(), Set.of());
	}

	private Map<String, String> validate(String name, String email, PersonId self, Set<TeamId> memberOf,
			Set<TeamId> manages) {
		Map<String, String> errors = new HashMap<>();
		if (name == null || name.isBlank()) {
			errors.put("name", "Give the person's name.");
		}
		else if (name.trim().length() > 120) {
			errors.put("name", "Use at most 120 characters.");
		}
		if (email == null || email.isBlank()) {
			errors.put("email", "Give an email address.");
		}
		else if (email.trim().length() > 254 || !EMAIL.matcher(email.trim()).matches()) {
			errors.put("email", "This is not an email address.");
		}
		else if (people.emailTaken(email, self)) {
			errors.put("email", "Someone already uses this email address.");
		}
		Set<TeamId> known = new HashSet<>();
		teams.all().forEach(team -> known.add(team.id()));
		if (!known.containsAll(memberOf)) {
			errors.put("teamIds", "One of the teams does not exist.");
		}
		if (!known.containsAll(manages)) {
			errors.put("manages", "One of the managed teams does not exist.");
		}
		return errors;
	}

	private static void validatePassword(String password, boolean required, Map<String, String> errors) {
		if (password == null || password.isEmpty()) {
			if (required) {
				errors.put("password", "Give a first password of at least " + MIN_PASSWORD_LENGTH + " characters.");
			}
			return;
		}
		if (password.length() < MIN_PASSWORD_LENGTH) {
			errors.put(required ? "password" : "newPassword",
					"Use at least " + MIN_PASSWORD_LENGTH + " characters.");
		}
		else if (password.length() > 200) {
			errors.put(required ? "password" : "newPassword", "Use at most 200 characters.");
		}
	}

	private static Set<Role> roles(Set<Role> roles) {
		return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}

	public void requireAdmin(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Only admins can change the organization.");
		}
	}

}
