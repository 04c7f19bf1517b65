package io.stride.capability;

import java.time.LocalDate;
import java.util.List;

import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's capabilities and the evidence they add themselves: self-assessments (never counted), external
 * certificates (counted once a manager confirms them) and validations by people who hold the level. A person sees
 * their own; managers their team tree; admins and L&D reviewers everyone; everyone else gets 404.
 */
@Service
@Transactional
public class CapabilityProfiles {

	public static final int MAX_CERTIFICATE_BYTES = 5 * 1024 * 1024;

	/** A certificate file as uploaded. */
	public record CertificateUpload(String name, String issuer, LocalDate issuedOn, LocalDate expiresOn,
			String fileName, byte[] content) {
	}

	/** A certificate's file, for its owner, their managers and admins. */
	public record CertificateFile(String fileName, String contentType, byte[] content) {
	}

	/** A validation given by someone who holds the level. */
	public record Validation(String id, PersonId personId, CapabilityId capabilityId, int levelRank,
			PersonId validatorId, String validatorName, LocalDate validatedOn, String note) {
	}

	@Transactional(readOnly = true)
	public PersonCapabilities profile(Viewer viewer, PersonId person) {
		throw new UnsupportedOperationException("not yet");
	}

	/** The viewer's own self-assessment; a null level clears it. */
	public void selfAssess(Viewer viewer, CapabilityId capability, Integer levelRank, String note) {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * Validates that {@code person} works at the level; only someone who holds the level (or above) may, never the
	 * person themselves; once per validator and level.
	 */
	public Validation validate(Viewer viewer, PersonId person, CapabilityId capability, int levelRank, String note) {
		throw new UnsupportedOperationException("not yet");
	}

	/** The viewer uploads a certificate of their own: PDF, PNG or JPEG up to 5 MB; 422 otherwise. */
	public PersonCapabilities.CertificateView uploadCertificate(Viewer viewer, CapabilityId capability,
			CertificateUpload upload) {
		throw new UnsupportedOperationException("not yet");
	}

	/** A manager of the person (or an admin) confirms or rejects a pending certificate. */
	public PersonCapabilities.CertificateView decideCertificate(Viewer viewer, String certificateId, boolean confirm,
			String note) {
		throw new UnsupportedOperationException("not yet");
	}

	/** Pending certificates of the people the viewer manages. */
	@Transactional(readOnly = true)
	public List<PersonCapabilities.CertificateView> pendingCertificates(Viewer viewer) {
		throw new UnsupportedOperationException("not yet");
	}

	@Transactional(readOnly = true)
	public CertificateFile certificateFile(Viewer viewer, String certificateId) {
		throw new UnsupportedOperationException("not yet");
	}
}
