package io.stride.capability.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.capability.CapabilityId;
import io.stride.capability.CapabilityProfiles;
import io.stride.capability.PersonCapabilities;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Capability evidence", description = "Evidence people add: self-assessments (shown, never counted), "
		+ "external certificates (counted once a manager confirms them) and validations by colleagues who hold the level")
@SecurityRequirement(name = "bearer")
class PersonEvidenceApi {

	private final CapabilityProfiles profiles;

	PersonEvidenceApi(CapabilityProfiles profiles) {
		this.profiles = profiles;
	}

	record LevelBody(Integer level, String note) {
	}

	record DecisionBody(Boolean confirm, String note) {
	}

	record ValidationView(String id, String personId, String capabilityId, int level, String validatorId,
			String validatorName, LocalDate validatedOn, String note) {

		static ValidationView of(CapabilityProfiles.Validation v) {
			return new ValidationView(v.id(), v.personId().value(), v.capabilityId().value(), v.levelRank(),
					v.validatorId().value(), v.validatorName(), v.validatedOn(), v.note());
		}
	}

	/** {@code status}: PENDING, CONFIRMED or REJECTED. */
	record CertificateView(String id, String capabilityId, String name, String issuer, LocalDate issuedOn,
			LocalDate expiresOn, String status, String fileName, String decisionNote, Instant uploadedAt) {

		static CertificateView of(PersonCapabilities.CertificateView c) {
			return new CertificateView(c.id(), c.capabilityId().value(), c.name(), c.issuer(), c.issuedOn(),
					c.expiresOn(), c.status(), c.fileName(), c.decisionNote(), c.uploadedAt());
		}
	}

	record PendingView(String personId, String personName, String capabilityName, CertificateView certificate) {
	}

	@PutMapping("/people/{id}/capabilities/{capabilityId}/self-assessment")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set your own self-assessment of a capability (a level rank and a note up to 1,000 "
			+ "characters); a null level clears it. Only for yourself (404 for anyone else)")
	void selfAssess(Viewer viewer, @PathVariable String id, @PathVariable String capabilityId,
			@RequestBody LevelBody body) {
		if (!viewer.is(new PersonId(id))) {
			throw new NotFoundException("Person");
		}
		profiles.selfAssess(viewer, new CapabilityId(capabilityId), body.level(), body.note());
	}

	@PostMapping("/people/{id}/capabilities/{capabilityId}/validations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Validate a colleague's level: any active colleague who holds the level (or above) today; "
			+ "403 for yourself or without the level, 409 for a second validation of the same level, 422 without a note")
	ValidationView validate(Viewer me, @PathVariable String id, @PathVariable String capabilityId,
			@RequestBody LevelBody body) {
		if (body.level() == null) {
			throw new InvalidInputException("level", "Choose the level you validate.");
		}
		return ValidationView.of(profiles.validate(me, new PersonId(id),
				new CapabilityId(capabilityId), body.level(), body.note()));
	}

	@PostMapping(path = "/people/{id}/capabilities/{capabilityId}/certificates", consumes = "multipart/form-data")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload your own external certificate (multipart: name, issuer, issuedOn, expiresOn, file): "
			+ "a PDF, PNG or JPEG up to 5 MB, checked by its content. It counts once a manager confirms it")
	CertificateView upload(Viewer viewer, @PathVariable String id, @PathVariable String capabilityId,
			@RequestParam(required = false) String name, @RequestParam(required = false) String issuer,
			@RequestParam(required = false) String issuedOn, @RequestParam(required = false) String expiresOn,
			@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		if (!viewer.is(new PersonId(id))) {
			throw new NotFoundException("Person");
		}
		return CertificateView.of(profiles.uploadCertificate(viewer, new CapabilityId(capabilityId),
				upload(name, issuer, issuedOn, expiresOn, file)));
	}

	@PostMapping("/certificates/{id}/decision")
	@Operation(summary = "Confirm (\"confirm\": true) or reject a pending certificate, with an optional note: a manager "
			+ "of its owner or an admin, never the owner (403); 409 once decided")
	CertificateView decide(Viewer me, @PathVariable String id, @RequestBody DecisionBody body) {
		if (body.confirm() == null) {
			throw new InvalidInputException("confirm", "Say whether you confirm (true) or reject (false) the certificate.");
		}
		return CertificateView.of(profiles.decideCertificate(me, id, body.confirm(),
				body.note()));
	}

	@GetMapping("/certificates/pending")
	@Operation(summary = "Pending certificates of the people you manage (everyone's for admins), oldest first")
	List<PendingView> pending(Viewer me) {
		return profiles.pendingReview(me)
			.stream()
			.map(p -> new PendingView(p.person().id().value(), p.person().name(), p.capabilityName(),
					CertificateView.of(p.certificate())))
			.toList();
	}

	@GetMapping("/certificates/{id}/file")
	@Operation(summary = "A certificate's file, as an attachment: for its owner, their managers, admins and L&D "
			+ "reviewers (404 otherwise)")
	ResponseEntity<byte[]> file(Viewer me, @PathVariable String id) {
		return CertificateDownload.of(profiles.certificateFile(me, id));
	}

	static CapabilityProfiles.CertificateUpload upload(String name, String issuer, String issuedOn, String expiresOn,
			MultipartFile file) throws IOException {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate issued = date(issuedOn, "issuedOn", errors);
		LocalDate expires = date(expiresOn, "expiresOn", errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The certificate was not uploaded.", errors);
		}
		if (file != null && file.getSize() > CapabilityProfiles.MAX_CERTIFICATE_BYTES) {
			// refused by its size, without reading it into memory
			throw new InvalidInputException("file", CapabilityProfiles.TOO_LARGE);
		}
		byte[] content = file == null || file.isEmpty() ? null : file.getBytes();
		return new CapabilityProfiles.CertificateUpload(name, issuer, issued, expires,
				file == null ? null : file.getOriginalFilename(), content);
	}

	private static LocalDate date(String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			errors.put(field, "Give a date like 2026-11-02.");
			return null;
		}
	}
}
