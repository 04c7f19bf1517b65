package io.stride.capability;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
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

	/** What an import added. */
	public record ImportResult(int added, int people) {
	}

	/** The person's absences from {@code from} on (all when null); 404 unless the viewer may see the person's kinds. */
	@Transactional(readOnly = true)
	public List<Absence> of(Viewer viewer, PersonId person, LocalDate from) {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * Records an absence; 422 for an end before the start, more than {@link #MAX_DAYS} days, or one that overlaps
	 * another absence of the person.
	 */
	public Absence add(Viewer viewer, PersonId person, LocalDate startsOn, LocalDate endsOn, AbsenceKind kind) {
		throw new UnsupportedOperationException("not yet");
	}

	public void remove(Viewer viewer, String absenceId) {
		throw new UnsupportedOperationException("not yet");
	}

	/** CSV with a header: email,starts_on,ends_on,kind. 422 with a field error per bad line ("line 3"). Admins only. */
	public ImportResult importCsv(Viewer admin, byte[] csv) {
		throw new UnsupportedOperationException("not yet");
	}

	/** An iCalendar file: one VEVENT per absence, the person as ATTENDEE or ORGANIZER mailto. Admins only. */
	public ImportResult importCalendar(Viewer admin, byte[] ics) {
		throw new UnsupportedOperationException("not yet");
	}

	/** Absences of these people overlapping the days, for coverage; callers check the viewer. */
	@Transactional(readOnly = true)
	public Map<PersonId, List<Absence>> between(Collection<PersonId> people, LocalDate from, LocalDate to) {
		throw new UnsupportedOperationException("not yet");
	}

	/** Every absence overlapping the days, for the organization's risk report; callers check the viewer. */
	@Transactional(readOnly = true)
	public Map<PersonId, List<Absence>> allBetween(LocalDate from, LocalDate to) {
		throw new UnsupportedOperationException("not yet");
	}
}
