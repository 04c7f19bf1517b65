package io.stride.capability.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Evidence people add about themselves and each other: external certificates, validations and self-assessments.
 */
@Repository
public class PersonEvidenceStore {

	/** A certificate without its file. {@code status}: PENDING, CONFIRMED or REJECTED. */
	public record CertificateRow(String id, PersonId personId, CapabilityId capabilityId, String name, String issuer,
			LocalDate issuedOn, LocalDate expiresOn, String fileName, String contentType, String status,
			PersonId decidedBy, String decisionNote, Instant uploadedAt) {
	}

	public record ValidationRow(String id, PersonId personId, CapabilityId capabilityId, int levelRank,
			PersonId validatorId, String validatorName, LocalDate validatedOn, String note) {
	}

	public record SelfAssessmentRow(PersonId personId, CapabilityId capabilityId, int levelRank, String note,
			Instant updatedAt) {
	}

	private static final String CERTIFICATE = "SELECT id, person_id, capability_id, name, issuer, issued_on, expires_on, "
			+ "file_name, content_type, status, decided_by, decision_note, uploaded_at FROM capability_certificates ";

	private final JdbcClient jdbc;

	public PersonEvidenceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Certificates (any status) of these people for these capabilities, newest first. */
	public List<CertificateRow> certificates(Collection<PersonId> people, Collection<CapabilityId> capabilities) {
		if (people.isEmpty() || capabilities.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(CERTIFICATE + "WHERE person_id IN (:people) AND capability_id IN (:capabilities) ORDER BY uploaded_at DESC, id")
			.param("people", people.stream().map(PersonId::value).toList())
			.param("capabilities", capabilities.stream().map(CapabilityId::value).toList())
			.query(this::certificateRow)
			.list();
	}

	public List<ValidationRow> validations(Collection<PersonId> people, Collection<CapabilityId> capabilities) {
		if (people.isEmpty() || capabilities.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, person_id, capability_id, level_rank, validator_id, validator_name, validated_on, note "
				+ "FROM capability_validations WHERE person_id IN (:people) AND capability_id IN (:capabilities) "
				+ "ORDER BY validated_on DESC, id")
			.param("people", people.stream().map(PersonId::value).toList())
			.param("capabilities", capabilities.stream().map(CapabilityId::value).toList())
			.query(PersonEvidenceStore::validationRow)
			.list();
	}

	/** Validations each of these people gave from {@code from} (inclusive) until {@code until}; null ends are open. */
	public Map<PersonId, Integer> validationsGiven(Collection<PersonId> validators, Instant from, Instant until) {
		Map<PersonId, Integer> counts = new HashMap<>();
		if (validators.isEmpty()) {
			return counts;
		}
		jdbc.sql("SELECT validator_id, COUNT(*) FROM capability_validations WHERE validator_id = ANY(:validators) "
				+ "AND created_at >= :from AND created_at < :until GROUP BY validator_id")
			.param("validators", SqlArrays.varchars(validators.stream().map(PersonId::value).toList()))
			.param("from", Timestamp.from(from == null ? Instant.EPOCH : from))
			.param("until", Timestamp.from(until == null ? Instant.parse("9999-01-01T00:00:00Z") : until))
			.query(rs -> {
				counts.put(new PersonId(rs.getString(1)), rs.getInt(2));
			});
		return counts;
	}

	public List<SelfAssessmentRow> selfAssessments(Collection<PersonId> people, Collection<CapabilityId> capabilities) {
		if (people.isEmpty() || capabilities.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT person_id, capability_id, level_rank, note, updated_at FROM capability_self_assessments "
				+ "WHERE person_id IN (:people) AND capability_id IN (:capabilities)")
			.param("people", people.stream().map(PersonId::value).toList())
			.param("capabilities", capabilities.stream().map(CapabilityId::value).toList())
			.query(PersonEvidenceStore::selfAssessmentRow)
			.list();
	}

	/** Whether the person holds the level (or one above it) on the day, by the computed holdings. */
	public boolean holdsAtLeast(PersonId person, CapabilityId capability, int rank, LocalDate day) {
		return jdbc.sql("SELECT COUNT(*) FROM capability_holdings WHERE person_id = ? AND capability_id = ? "
				+ "AND level_rank >= ? AND (valid_until IS NULL OR valid_until > ?)")
			.params(person.value(), capability.value(), rank, day)
			.query(Long.class)
			.single() > 0;
	}

	public void saveSelfAssessment(PersonId person, CapabilityId capability, int rank, String note, Instant at) {
		int updated = jdbc.sql("UPDATE capability_self_assessments SET level_rank = ?, note = ?, updated_at = ? "
				+ "WHERE person_id = ? AND capability_id = ?")
			.params(rank, note, Timestamp.from(at), person.value(), capability.value())
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO capability_self_assessments (person_id, capability_id, level_rank, note, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
				.params(person.value(), capability.value(), rank, note, Timestamp.from(at))
				.update();
		}
	}

	public void deleteSelfAssessment(PersonId person, CapabilityId capability) {
		jdbc.sql("DELETE FROM capability_self_assessments WHERE person_id = ? AND capability_id = ?")
			.params(person.value(), capability.value())
			.update();
	}

	public boolean hasValidation(PersonId person, CapabilityId capability, int rank, PersonId validator) {
		return jdbc.sql("SELECT COUNT(*) FROM capability_validations WHERE person_id = ? AND capability_id = ? "
				+ "AND level_rank = ? AND validator_id = ?")
			.params(person.value(), capability.value(), rank, validator.value())
			.query(Long.class)
			.single() > 0;
	}

	public void insertValidation(ValidationRow row, Instant at) {
		jdbc.sql("INSERT INTO capability_validations (id, person_id, capability_id, level_rank, validator_id, "
				+ "validator_name, validated_on, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(row.id(), row.personId().value(), row.capabilityId().value(), row.levelRank(),
					row.validatorId().value(), row.validatorName(), row.validatedOn(), row.note(), Timestamp.from(at))
			.update();
	}

	public void insertCertificate(CertificateRow row, byte[] content) {
		jdbc.sql("INSERT INTO capability_certificates (id, person_id, capability_id, name, issuer, issued_on, expires_on, "
				+ "file_name, content_type, content, status, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(row.id(), row.personId().value(), row.capabilityId().value(), row.name(), row.issuer(),
					row.issuedOn(), row.expiresOn(), row.fileName(), row.contentType(), content, row.status(),
					Timestamp.from(row.uploadedAt()))
			.update();
	}

	public Optional<CertificateRow> certificate(String id) {
		return jdbc.sql(CERTIFICATE + "WHERE id = ?").param(id).query(this::certificateRow).optional();
	}

	public Optional<byte[]> certificateContent(String id) {
		return jdbc.sql("SELECT content FROM capability_certificates WHERE id = ?")
			.param(id)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/** Decides a pending certificate; false when it was decided meanwhile. */
	public boolean decide(String id, String status, PersonId by, Instant at, String note) {
		return jdbc.sql("UPDATE capability_certificates SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? "
				+ "WHERE id = ? AND status = 'PENDING'")
			.params(status, by.value(), Timestamp.from(at), note, id)
			.update() == 1;
	}

	/** Pending certificates, oldest first: of these people, or of everyone when {@code people} is null. */
	public List<CertificateRow> pending(Collection<PersonId> people) {
		if (people == null) {
			return jdbc.sql(CERTIFICATE + "WHERE status = 'PENDING' ORDER BY uploaded_at, id").query(this::certificateRow).list();
		}
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(CERTIFICATE + "WHERE status = 'PENDING' AND person_id IN (:people) ORDER BY uploaded_at, id")
			.param("people", people.stream().map(PersonId::value).toList())
			.query(this::certificateRow)
			.list();
	}

	private CertificateRow certificateRow(ResultSet rs, int n) throws SQLException {
		return new CertificateRow(rs.getString(1), new PersonId(rs.getString(2)), new CapabilityId(rs.getString(3)),
				rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
				rs.getString(8), rs.getString(9), rs.getString(10),
				rs.getString(11) == null ? null : new PersonId(rs.getString(11)), rs.getString(12),
				rs.getTimestamp(13).toInstant());
	}

	private static ValidationRow validationRow(ResultSet rs, int n) throws SQLException {
		return new ValidationRow(rs.getString(1), new PersonId(rs.getString(2)), new CapabilityId(rs.getString(3)),
				rs.getInt(4), new PersonId(rs.getString(5)), rs.getString(6), rs.getObject(7, LocalDate.class),
				rs.getString(8));
	}

	private static SelfAssessmentRow selfAssessmentRow(ResultSet rs, int n) throws SQLException {
		return new SelfAssessmentRow(new PersonId(rs.getString(1)), new CapabilityId(rs.getString(2)), rs.getInt(3),
				rs.getString(4), rs.getTimestamp(5).toInstant());
	}

	/** Everyone with a certificate or validation of the capability, for recomputing after its rules change. */
	public List<PersonId> peopleWithEvidence(CapabilityId capability) {
		return jdbc.sql("SELECT person_id FROM capability_certificates WHERE capability_id = ? AND status = 'CONFIRMED' "
				+ "UNION SELECT person_id FROM capability_validations WHERE capability_id = ?")
			.params(capability.value(), capability.value())
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list();
	}

	/** All of a person's certificates, newest first (for their profile). */
	public List<CertificateRow> certificatesOf(PersonId person) {
		return jdbc.sql(CERTIFICATE + "WHERE person_id = ? ORDER BY uploaded_at DESC, id")
			.param(person.value())
			.query(this::certificateRow)
			.list();
	}

	public List<ValidationRow> validationsOf(PersonId person) {
		return jdbc.sql("SELECT id, person_id, capability_id, level_rank, validator_id, validator_name, validated_on, note "
				+ "FROM capability_validations WHERE person_id = ? ORDER BY validated_on DESC, id")
			.param(person.value())
			.query(PersonEvidenceStore::validationRow)
			.list();
	}

	public List<SelfAssessmentRow> selfAssessmentsOf(PersonId person) {
		return jdbc.sql("SELECT person_id, capability_id, level_rank, note, updated_at FROM capability_self_assessments "
				+ "WHERE person_id = ?")
			.param(person.value())
			.query(PersonEvidenceStore::selfAssessmentRow)
			.list();
	}
}
