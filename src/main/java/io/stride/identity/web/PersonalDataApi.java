package io.stride.identity.web;

import io.stride.identity.Erasure;
import io.stride.identity.PersonId;
import io.stride.identity.PersonalDataRequests;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/people/{id}")
@Tag(name = "Personal data", description = "Everything Stride holds about a person, and their erasure (admins)")
@SecurityRequirement(name = "bearer")
class PersonalDataApi {

	private final PersonalDataRequests requests;

	PersonalDataApi(PersonalDataRequests requests) {
		this.requests = requests;
	}

	record ErasureRequest(String confirmation) {
	}

	record Erased(String id, String pseudonym) {
	}

	@GetMapping("/export")
	@Operation(summary = "Everything Stride holds about a person (admins)", description = "Every module's rows about "
			+ "the person, their learning record statements included: one JSON document (format=json) or a ZIP with one "
			+ "CSV per table (format=csv). Audited.")
	ResponseEntity<?> export(Viewer me, @PathVariable String id,
			@Parameter(description = "json or csv") @RequestParam(defaultValue = "json") String format) {
		String chosen = "csv".equals(format) ? "csv" : "json";
		return PersonalDataDownloads.of(requests.export(me, new PersonId(id), chosen), chosen);
	}

	@PostMapping("/erasure")
	@Operation(summary = "Erase a person (admins)", description = "Removes or pseudonymizes the person's personal data "
			+ "in every module; learning records stay under a pseudonym for analytics, audit entries name the pseudonym. "
			+ "The body's confirmation must be the person's email. 409 for yourself, someone already erased, or the last "
			+ "active admin.")
	Erased erase(Viewer me, @PathVariable String id, @RequestBody ErasureRequest request) {
		Erasure.Pseudonym pseudonym = requests.erase(me, new PersonId(id), request.confirmation());
		return new Erased(id, pseudonym.name());
	}
}
