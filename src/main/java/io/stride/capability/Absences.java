package io.stride.capability;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.stride.capability.internal.AbsenceFiles;
import io.stride.capability.internal.AbsenceStore;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is away when. A person and their managers record a person's absences; admins import them as CSV or iCalendar
 * (all or nothing: nothing of a bad file is saved). Kinds are seen by the person, their managers and admins only.
 */
@Service
@Transactional
public class Absences {

	public static final int MAX_DAYS = 366;

	/** How far back or ahead an absence may be recorded. */
	static final int MAX_YEARS = 2;

	/** An import with more bad lines lists the first ones only, so that the answer stays readable. */
	static final int MAX_LISTED_PROBLEMS = 100;

	/** What an import added. */
	public record ImportResult(int added, int people) {
	}

	private final AbsenceStore store;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Absences(AbsenceStore store, Organization organization, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.organization = organization;
		this.events = events;
		this.clock = clock;
	}

	/** The person's absences from {@code from} on (all when null); 404 unless the viewer may see the person's kinds. */
	@Transactional(readOnly = true)
	public List<Absence> of(Viewer viewer, PersonId person, LocalDate from) {
		Person who = organization.person(viewer, person);
		return store.ofPerson(person, from).stream().map(row -> absence(row, who.name())).toList();
	}

	/**
	 * Records an absence; 422 for an end before the start, more than {@link #MAX_DAYS} days, or one that overlaps
	 * another absence of the person.
	 */
	public Absence add(Viewer viewer, PersonId person, LocalDate startsOn, LocalDate endsOn, AbsenceKind kind) {
		Person who = organization.person(viewer, person);
		Map<String, String> errors = new LinkedHashMap<>();
		if (startsOn == null) {
			errors.put("startsOn", "Give the first day away.");
		}
		if (endsOn == null) {
			errors.put("endsOn", "Give the last day away (the same day for a single day).");
		}
		if (kind == null) {
			errors.put("kind", "Choose a kind: leave, training, parental or other.");
		}
		if (errors.isEmpty()) {
			String problem = datesProblem(startsOn, endsOn);
			if (problem != null) {
				// the start is wrong only when it is too far back; every other date problem is the end's
				errors.put(startsOn.isBefore(LocalDate.now(clock).minusYears(MAX_YEARS)) ? "startsOn" : "endsOn", problem);
			}
			else {
				store.overlapping(person, startsOn, endsOn)
					.stream()
					.findFirst()
					.ifPresent(clash -> errors.put("startsOn", overlapMessage(clash.startsOn(), clash.endsOn())));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The absence was not saved.", errors);
		}
		AbsenceStore.Row row = new AbsenceStore.Row(Ids.newId(), person, startsOn, endsOn, kind, "MANUAL");
		store.insert(row, viewer.id(), Instant.now(clock));
		events.publishEvent(new AbsencesChanged(viewer.id(), "ABSENCE_ADDED", person.value(), who.name(),
				startsOn + " to " + endsOn));
		return absence(row, who.name());
	}

	public void remove(Viewer viewer, String absenceId) {
		if (!Ids.looksValid(absenceId)) {
			throw new NotFoundException("Absence");
		}
		AbsenceStore.Row row = store.find(absenceId).orElseThrow(() -> new NotFoundException("Absence"));
		if (!organization.canSee(viewer, row.personId())) {
			throw new NotFoundException("Absence");
		}
		store.delete(absenceId);
		events.publishEvent(new AbsencesChanged(viewer.id(), "ABSENCE_REMOVED", row.personId().value(),
				organization.viewerOf(row.personId()).name(), row.startsOn() + " to " + row.endsOn()));
	}

	/** CSV with a header: email,starts_on,ends_on,kind. 422 with a field error per bad line ("line 3"). Admins only. */
	public ImportResult importCsv(Viewer admin, byte[] csv) {
		requireAdmin(admin);
		return save(admin, read(csv, AbsenceFiles::csv), "CSV");
	}

	/** An iCalendar file: one VEVENT per absence, the person as ATTENDEE or ORGANIZER mailto. Admins only. */
	public ImportResult importCalendar(Viewer admin, byte[] ics) {
		requireAdmin(admin);
		return save(admin, read(ics, AbsenceFiles::calendar), "ICALENDAR");
	}

	/** Absences of these people overlapping the days, for coverage; callers check the viewer. */
	@Transactional(readOnly = true)
	public Map<PersonId, List<Absence>> between(Collection<PersonId> people, LocalDate from, LocalDate to) {
		if (people.isEmpty()) {
			return Map.of();
		}
		return grouped(store.between(people, from, to));
	}

	/**
	 * Every absence overlapping the days, for the organization's risk report; callers check the viewer. Names are
	 * left out ({@code personName} null): tens of thousands of people may be away, and the callers know them.
	 */
	@Transactional(readOnly = true)
	public Map<PersonId, List<Absence>> allBetween(LocalDate from, LocalDate to) {
		Map<PersonId, List<Absence>> result = new HashMap<>();
		for (AbsenceStore.Row row : store.allBetween(from, to)) {
			result.computeIfAbsent(row.personId(), k -> new ArrayList<>()).add(absence(row, null));
		}
		return result;
	}

	private Map<PersonId, List<Absence>> grouped(List<AbsenceStore.Row> rows) {
		// the names in one read: one per person made a division's coverage (a thousand people away) slow
		Map<PersonId, String> names = new HashMap<>();
		organization.credits(rows.stream().map(AbsenceStore.Row::personId).distinct().toList())
			.forEach((id, credit) -> names.put(id, credit.name()));
		Map<PersonId, List<Absence>> result = new LinkedHashMap<>();
		for (AbsenceStore.Row row : rows) {
			String name = names.computeIfAbsent(row.personId(), id -> organization.viewerOf(id).name());
			result.computeIfAbsent(row.personId(), k -> new ArrayList<>()).add(absence(row, name));
		}
		result.replaceAll((person, list) -> List.copyOf(list));
		return result;
	}

	private static List<AbsenceFiles.Entry> read(byte[] content, Function<byte[], List<AbsenceFiles.Entry>> reader) {
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "Choose a file to import.");
		}
		if (content.length > AbsenceFiles.MAX_BYTES) {
			throw new InvalidInputException("file", "The file is larger than 2 MB; split it into smaller files.");
		}
		try {
			return reader.apply(content);
		}
		catch (AbsenceFiles.Unreadable e) {
			throw new InvalidInputException("file", e.getMessage());
		}
	}

	/** Checks every entry against the people and the absences saved and read so far; saves all or none. */
	private ImportResult save(Viewer admin, List<AbsenceFiles.Entry> entries, String source) {
		Map<String, String> problems = new LinkedHashMap<>();
		int unlisted = 0;
		Map<String, Optional<Person>> people = new HashMap<>();
		Map<PersonId, List<AbsenceStore.Row>> accepted = new HashMap<>();
		List<AbsenceStore.Row> rows = new ArrayList<>();
		for (AbsenceFiles.Entry entry : entries) {
			String problem = entry.problem();
			if (problem == null) {
				Optional<Person> person = people.computeIfAbsent(entry.email().toLowerCase(Locale.ROOT),
						email -> organization.activePersonByEmail(entry.email()));
				if (person.isEmpty()) {
					problem = "No active person has the email " + entry.email() + ".";
				}
				else {
					problem = datesProblem(entry.startsOn(), entry.endsOn());
					if (problem == null) {
						problem = clash(person.get().id(), entry, accepted);
					}
					if (problem == null) {
						AbsenceStore.Row row = new AbsenceStore.Row(Ids.newId(), person.get().id(), entry.startsOn(),
								entry.endsOn(), entry.kind(), source);
						rows.add(row);
						accepted.computeIfAbsent(row.personId(), k -> new ArrayList<>()).add(row);
					}
				}
			}
			if (problem != null && problems.size() < MAX_LISTED_PROBLEMS) {
				problems.put(entry.label(), problem);
			}
			else if (problem != null) {
				unlisted++;
			}
		}
		if (!problems.isEmpty()) {
			if (unlisted > 0) {
				problems.put("file", "And " + unlisted + " more with problems; only the first " + MAX_LISTED_PROBLEMS
						+ " are listed.");
			}
			throw new InvalidInputException("Nothing was imported: correct these and import the whole file again.",
					problems);
		}
		Instant now = Instant.now(clock);
		rows.forEach(row -> store.insert(row, admin.id(), now));
		events.publishEvent(new AbsencesChanged(admin.id(), "ABSENCES_IMPORTED", source, source + " import",
				rows.size() + " absences of " + accepted.size() + " people"));
		return new ImportResult(rows.size(), accepted.size());
	}

	private String clash(PersonId person, AbsenceFiles.Entry entry, Map<PersonId, List<AbsenceStore.Row>> accepted) {
		for (AbsenceStore.Row earlier : accepted.getOrDefault(person, List.of())) {
			if (!earlier.startsOn().isAfter(entry.endsOn()) && !earlier.endsOn().isBefore(entry.startsOn())) {
				return "Overlaps another absence of the same person in this file, from " + earlier.startsOn() + " to "
						+ earlier.endsOn() + ".";
			}
		}
		return store.overlapping(person, entry.startsOn(), entry.endsOn())
			.stream()
			.findFirst()
			.map(saved -> overlapMessage(saved.startsOn(), saved.endsOn()))
			.orElse(null);
	}

	/** Why the dates cannot be an absence, or null when they can. */
	private String datesProblem(LocalDate startsOn, LocalDate endsOn) {
		if (endsOn.isBefore(startsOn)) {
			return "The last day cannot be before the first day.";
		}
		if (ChronoUnit.DAYS.between(startsOn, endsOn) >= MAX_DAYS) {
			return "An absence can last at most " + MAX_DAYS + " days; record a longer one in parts.";
		}
		LocalDate today = LocalDate.now(clock);
		if (startsOn.isBefore(today.minusYears(MAX_YEARS)) || endsOn.isAfter(today.plusYears(MAX_YEARS))) {
			return "Absences can be recorded from " + today.minusYears(MAX_YEARS) + " to " + today.plusYears(MAX_YEARS) + ".";
		}
		return null;
	}

	private static String overlapMessage(LocalDate startsOn, LocalDate endsOn) {
		return "Overlaps the absence already recorded from " + startsOn + " to " + endsOn + ".";
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.isAdmin()) {
			// not "forbidden": who may import is no one else's business
			throw new NotFoundException("Page");
		}
	}

	private static Absence absence(AbsenceStore.Row row, String name) {
		return new Absence(row.id(), row.personId(), name, row.startsOn(), row.endsOn(), row.kind(), row.source());
	}
}
