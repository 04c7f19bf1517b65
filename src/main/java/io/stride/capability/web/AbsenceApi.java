package io.stride.capability.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.stride.capability.Absence;
import io.stride.capability.AbsenceKind;
import io.stride.capability.Absences;
import io.stride.capability.internal.AbsenceFiles;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Absences", description = "Who is away when: dates and a kind (never a reason), recorded by the person or "
		+ "their managers, imported by admins as CSV or iCalendar")
@SecurityRequirement(name = "bearer")
class AbsenceApi {

	private final Absences absences;

	AbsenceApi(Absences absences) {
		this.absences = absences;
	}

	/** {@code kind}: LEAVE, TRAINING, PARENTAL or OTHER; {@code source}: MANUAL, CSV or ICALENDAR. */
	record AbsenceView(String id, String personId, String personName, LocalDate startsOn, LocalDate endsOn,
			String kind, String source) {

		static AbsenceView of(Absence a) {
			return new AbsenceView(a.id(), a.personId().value(), a.personName(), a.startsOn(), a.endsOn(),
					a.kind() == null ? null : a.kind().name(), a.source());
		}
	}

	record AbsenceBody(LocalDate startsOn, LocalDate endsOn, String kind) {
	}

	record ImportView(int added, int people) {
	}

	/** A file above the import limit: refused before it is read. */
	static final class ImportTooLarge extends RuntimeException {

		ImportTooLarge() {
			super("The file is larger than 2 MB; split it into smaller files.");
		}
	}

	@GetMapping("/people/{id}/absences")
	@Operation(summary = "A person's absences, earliest first (those ending on or after 'from' when given); for the "
			+ "person, their managers and admins (404 otherwise)")
	List<AbsenceView> list(Viewer me, @PathVariable String id,
			@Parameter(description = "ISO date; absences ending before it are left out") @RequestParam(required = false) LocalDate from) {
		return absences.of(me, new PersonId(id), from).stream().map(AbsenceView::of).toList();
	}

	@PostMapping("/people/{id}/absences")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record an absence: first and last day (inclusive, at most 366 days, up to two years back or "
			+ "ahead) and a kind. 422 with field errors for bad dates or a clash with another absence of the person")
	AbsenceView add(Viewer me, @PathVariable String id, @RequestBody AbsenceBody body) {
		return AbsenceView.of(absences.add(me, new PersonId(id), body.startsOn(),
				body.endsOn(), kind(body.kind())));
	}

	@DeleteMapping("/people/{id}/absences/{absenceId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove an absence (the person, their managers, admins; 404 otherwise)")
	void remove(Viewer viewer, @PathVariable String id, @PathVariable String absenceId) {
		// the absence must be this person's: a wrong pair of ids names nothing
		if (absences.of(viewer, new PersonId(id), null).stream().noneMatch(a -> a.id().equals(absenceId))) {
			throw new NotFoundException("Absence");
		}
		absences.remove(viewer, absenceId);
	}

	@PostMapping(path = "/absences/import", consumes = "multipart/form-data")
	@Operation(summary = "Import absences (admins; 404 otherwise) from the multipart part \"file\": CSV with the header "
			+ "email,starts_on,ends_on,kind (ISO dates, kind LEAVE, TRAINING, PARENTAL or OTHER, empty for OTHER), or an "
			+ "iCalendar file (.ics: one VEVENT per absence, the person as ATTENDEE or ORGANIZER mailto:, DTEND "
			+ "exclusive, the kind from CATEGORIES or SUMMARY). All or nothing: 422 names each bad line (\"line 3\") or "
			+ "event (\"event 2\") under errors; 413 above 2 MB")
	ImportView importFile(Viewer viewer,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "Choose a CSV or iCalendar (.ics) file.");
		}
		if (file.getSize() > AbsenceFiles.MAX_BYTES) {
			throw new ImportTooLarge();
		}
		byte[] content = file.getBytes();
		Absences.ImportResult result = isCalendar(file.getOriginalFilename(), file.getContentType(), content)
				? absences.importCalendar(viewer, content) : absences.importCsv(viewer, content);
		return new ImportView(result.added(), result.people());
	}

	@ExceptionHandler(ImportTooLarge.class)
	ProblemDetail tooLarge(ImportTooLarge e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
	}

	/** By the file's name, then its declared type, then its first line: calendars all start alike. */
	static boolean isCalendar(String fileName, String contentType, byte[] content) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".ics") || name.endsWith(".ical") || name.endsWith(".ifb")) {
			return true;
		}
		if (name.endsWith(".csv")) {
			return false;
		}
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/calendar")) {
			return true;
		}
		String start = new String(content, 0, Math.min(content.length, 64), StandardCharsets.UTF_8);
		return start.strip().replace("\uFEFF", "").toUpperCase(Locale.ROOT).startsWith("BEGIN:VCALENDAR");
	}

	static AbsenceKind kind(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		try {
			return AbsenceKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("kind", "Choose a kind: LEAVE, TRAINING, PARENTAL or OTHER.");
		}
	}
}
