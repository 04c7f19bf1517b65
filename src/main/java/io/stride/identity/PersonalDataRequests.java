package io.stride.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.stride.identity.internal.People;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's two requests about one person: everything Stride holds about them, gathered from every module's
 * {@link PersonalData}, and their erasure (ADR 0041).
 */
@Service
@Transactional
public class PersonalDataRequests {

	private final People people;

	private final List<PersonalData> parts;

	private final PersonalDataRows rows;

	private final ApplicationEventPublisher events;

	PersonalDataRequests(People people, List<PersonalData> parts, PersonalDataRows rows,
			ApplicationEventPublisher events) {
		this.people = people;
		// identity's own part goes last: the others find the person's name and email in its row until then
		this.parts = parts.stream().sorted(Comparator.comparing((PersonalData p) -> p.module().equals("identity"))
			.thenComparing(PersonalData::module)).toList();
		this.rows = rows;
		this.events = events;
	}

	/** Everything about a person: module name to table name to rows. */
	public record PersonalExport(Person person, Map<String, Map<String, List<Map<String, Object>>>> modules) {
	}

	/** Everything about the person, read in one transaction that also writes the audit entry. */
	public PersonalExport export(Viewer viewer, PersonId id, String format) {
		Person person = person(viewer, id);
		Map<String, Map<String, List<Map<String, Object>>>> modules = new LinkedHashMap<>();
		for (PersonalData part : parts) {
			modules.put(part.module(), rows.export(id, part.tables()));
		}
		events.publishEvent(new PersonalDataExported(viewer.id(), id, person.name(), format));
		return new PersonalExport(person, modules);
	}

	/** The tables every module declares, for checking that none with a person column is forgotten. */
	public List<String> tablesCovered() {
		List<String> names = new ArrayList<>();
		parts.forEach(part -> part.tables().forEach(table -> names.add(table.name())));
		return names;
	}

	/**
	 * Erases a person after the admin typed their email: their personal data removed or replaced by a pseudonym in
	 * every module, their learning records kept under the id that no longer names anyone.
	 * @return the pseudonym that now stands for them
	 */
	public Erasure.Pseudonym erase(Viewer viewer, PersonId id, String confirmation) {
		Person person = person(viewer, id);
		refusal(viewer, person, people.withRole(Role.ADMIN).stream().filter(Person::active).count())
			.ifPresent(reason -> {
				throw new ConflictException(reason);
			});
		if (confirmation == null || !confirmation.strip().equalsIgnoreCase(person.email())) {
			throw new InvalidInputException("Nothing was erased.",
					Map.of("confirmation", "Type " + person.email() + " to confirm."));
		}
		Erasure erasure = new Erasure(id, person.name(), person.email(), Erasure.Pseudonym.of(id));
		for (PersonalData part : parts) {
			part.erase(erasure);
		}
		events.publishEvent(new PersonErased(viewer.id(), id, erasure.pseudonym().name()));
		return erasure.pseudonym();
	}

	/** Why this person may not be erased by this admin, if they may not. */
	static Optional<String> refusal(Viewer viewer, Person person, long activeAdmins) {
		if (person.email().toLowerCase(Locale.ROOT).endsWith("@erased.invalid")) {
			return Optional.of(person.name() + " is already erased.");
		}
		if (viewer.is(person.id())) {
			return Optional.of("You cannot erase yourself: another admin can.");
		}
		if (person.isAdmin() && person.active() && activeAdmins <= 1) {
			return Optional.of("The organization's last active admin cannot be erased.");
		}
		return Optional.empty();
	}

	private Person person(Viewer viewer, PersonId id) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Only admins can export or erase a person's data.");
		}
		return people.findById(id).orElseThrow(() -> new NotFoundException("Person"));
	}
}
