package io.stride.capability;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.capability.internal.CatalogueStore;
import io.stride.capability.internal.HoldingStore;
import io.stride.capability.internal.Holdings;
import io.stride.capability.internal.PersonEvidenceStore;
import io.stride.capability.internal.ProfileReader;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ControlCharacters;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
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

	public static final String TOO_LARGE = "The file is larger than 5 MB; upload a smaller scan or PDF.";

	public static final int MAX_NOTE = 1000;

	public static final int MAX_NAME = 200;

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

	/** A pending certificate with whose it is and of which capability, for the manager who decides it. */
	public record PendingCertificate(PersonCapabilities.CertificateView certificate, PersonRef person,
			String capabilityName) {
	}

	private final PersonEvidenceStore evidence;

	private final CatalogueStore catalogue;

	private final Holdings holdings;

	private final ProfileReader profileReader;

	private final Organization organization;

	private final Clock clock;

	private final LearningTeam learningTeam;

	private final HoldingStore holdingStore;

	CapabilityProfiles(PersonEvidenceStore evidence, CatalogueStore catalogue, Holdings holdings,
			ProfileReader profileReader, Organization organization, Clock clock, LearningTeam learningTeam,
			HoldingStore holdingStore) {
		this.holdingStore = holdingStore;
		this.learningTeam = learningTeam;
		this.evidence = evidence;
		this.catalogue = catalogue;
		this.holdings = holdings;
		this.profileReader = profileReader;
		this.organization = organization;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PersonCapabilities profile(Viewer viewer, PersonId person) {
		return profileReader.profile(visiblePerson(viewer, person));
	}

	/**
	 * How many validations each of these people gave, recorded from {@code from} (inclusive) until {@code until}
	 * (either end open when null); people who gave none are absent. For recognition: callers check the viewer may
	 * see these people.
	 */
	@Transactional(readOnly = true)
	public Map<PersonId, Integer> validationsGiven(Collection<PersonId> validators,
			Instant from, Instant until) {
		return evidence.validationsGiven(validators, from, until);
	}

	/**
	 * Up to {@code limit} active people holding the capability at {@code levelRank} or above today (highest first),
	 * to suggest as validators or helpers: holding a level is what qualifies someone to vouch for it.
	 */
	@Transactional(readOnly = true)
	public List<PersonRef> holdersOf(CapabilityId capability, int levelRank, int limit) {
		return holdingStore.holdersAt(capability, levelRank, LocalDate.now(clock), Math.max(0, limit) * 2)
			.stream()
			.map(organization::contactOf)
			.flatMap(Optional::stream)
			.limit(Math.max(0, limit))
			.map(p -> new PersonRef(p.id(), p.name()))
			.toList();
	}

	/** The viewer's own self-assessment; a null level clears it. */
	public void selfAssess(Viewer viewer, CapabilityId capability, Integer levelRank, String note) {
		Capability found = activeCapability(capability);
		if (levelRank == null) {
			evidence.deleteSelfAssessment(viewer.id(), capability);
			return;
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (found.level(levelRank).isEmpty()) {
			errors.put("level", "Choose one of the capability's levels.");
		}
		String text = note == null ? "" : note.strip();
		if (text.length() > MAX_NOTE) {
			errors.put("note", "Keep the note to " + MAX_NOTE + " characters.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Your self-assessment was not saved.", errors);
		}
		evidence.saveSelfAssessment(viewer.id(), capability, levelRank, text, Instant.now(clock));
	}

	/** The viewer's own self-assessment of a capability, if they made one, for the form that changes it. */
	@Transactional(readOnly = true)
	public Optional<PersonCapabilities.SelfAssessment> selfAssessment(Viewer viewer, CapabilityId capability) {
		Capability found = catalogue.find(capability).orElseThrow(() -> new NotFoundException("Capability"));
		return evidence.selfAssessments(List.of(viewer.id()), List.of(capability))
			.stream()
			.findFirst()
			.map(s -> new PersonCapabilities.SelfAssessment(s.levelRank(), found.levelName(s.levelRank()), s.note(),
					s.updatedAt()));
	}

	/**
	 * Validates that {@code person} works at the level; only someone who holds the level (or above) may, never the
	 * person themselves; once per validator and level.
	 */
	public Validation validate(Viewer viewer, PersonId person, CapabilityId capability, int levelRank, String note) {
		// any active colleague may validate, whatever their team: people who work together cross teams
		Person colleague = organization.contactOf(person).orElseThrow(() -> new NotFoundException("Person"));
		if (viewer.is(person)) {
			throw new ForbiddenException("You cannot validate your own level; ask a colleague who holds it.");
		}
		Capability found = activeCapability(capability);
		Map<String, String> errors = new LinkedHashMap<>();
		if (found.level(levelRank).isEmpty()) {
			errors.put("level", "Choose one of the capability's levels.");
		}
		String text = note == null ? "" : note.strip();
		if (text.isEmpty()) {
			errors.put("note", "Say what you saw " + colleague.name() + " do at this level.");
		}
		else if (text.length() > MAX_NOTE) {
			errors.put("note", "Keep the note to " + MAX_NOTE + " characters.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The validation was not saved.", errors);
		}
		LocalDate today = LocalDate.now(clock);
		// the capability's keepers may validate too: someone has to be first when a level is reached by validation only
		boolean keeper = learningTeam.includes(viewer)
				|| found.ownerTeamId() != null && organization.canManage(viewer, found.ownerTeamId());
		if (!keeper && !evidence.holdsAtLeast(viewer.id(), capability, levelRank, today)) {
			throw new ForbiddenException("Only someone who holds " + found.levelName(levelRank) + " (or above) in "
					+ found.name() + ", or who keeps the capability, can validate it.");
		}
		if (evidence.hasValidation(person, capability, levelRank, viewer.id())) {
			throw new ConflictException("You already validated " + colleague.name() + " at " + found.levelName(levelRank)
					+ ".");
		}
		PersonEvidenceStore.ValidationRow row = new PersonEvidenceStore.ValidationRow(Ids.newId(), person, capability,
				levelRank, viewer.id(), viewer.name(), today, text);
		evidence.insertValidation(row, Instant.now(clock));
		holdings.recompute(List.of(person), capability);
		return new Validation(row.id(), person, capability, levelRank, viewer.id(), viewer.name(), today, text);
	}

	/** The viewer uploads a certificate of their own: PDF, PNG or JPEG up to 5 MB; 422 otherwise. */
	public PersonCapabilities.CertificateView uploadCertificate(Viewer viewer, CapabilityId capability,
			CertificateUpload upload) {
		activeCapability(capability);
		Map<String, String> errors = new LinkedHashMap<>();
		String name = text(upload.name());
		String issuer = text(upload.issuer());
		if (name.isEmpty()) {
			errors.put("name", "Give the certificate's name as it is printed on it.");
		}
		else if (name.length() > MAX_NAME) {
			errors.put("name", "Keep the name to " + MAX_NAME + " characters.");
		}
		if (issuer.isEmpty()) {
			errors.put("issuer", "Give who issued the certificate.");
		}
		else if (issuer.length() > MAX_NAME) {
			errors.put("issuer", "Keep the issuer to " + MAX_NAME + " characters.");
		}
		LocalDate today = LocalDate.now(clock);
		if (upload.issuedOn() == null) {
			errors.put("issuedOn", "Give the day the certificate was issued.");
		}
		else if (upload.issuedOn().isAfter(today)) {
			errors.put("issuedOn", "The issue date cannot be in the future.");
		}
		else if (upload.expiresOn() != null && !upload.expiresOn().isAfter(upload.issuedOn())) {
			errors.put("expiresOn", "The expiry date must come after the issue date.");
		}
		String contentType = null;
		byte[] content = upload.content();
		if (content == null || content.length == 0) {
			errors.put("file", "Choose the certificate's file (PDF, PNG or JPEG).");
		}
		else if (content.length > MAX_CERTIFICATE_BYTES) {
			errors.put("file", TOO_LARGE);
		}
		else {
			contentType = contentType(content);
			if (contentType == null) {
				errors.put("file", "Upload a PDF, PNG or JPEG.");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The certificate was not uploaded.", errors);
		}
		PersonEvidenceStore.CertificateRow row = new PersonEvidenceStore.CertificateRow(Ids.newId(), viewer.id(),
				capability, name, issuer, upload.issuedOn(), upload.expiresOn(), fileName(upload.fileName(), contentType),
				contentType, "PENDING", null, null, Instant.now(clock));
		evidence.insertCertificate(row, content);
		return view(row);
	}

	/** A manager of the person (or an admin) confirms or rejects a pending certificate. */
	public PersonCapabilities.CertificateView decideCertificate(Viewer viewer, String certificateId, boolean confirm,
			String note) {
		PersonEvidenceStore.CertificateRow row = findCertificate(certificateId);
		if (!viewer.isAdmin() && !(viewer.isManager() && organization.canSee(viewer, row.personId()))) {
			throw new NotFoundException("Certificate");
		}
		if (viewer.is(row.personId())) {
			throw new ForbiddenException("You cannot decide your own certificate; a manager of yours does.");
		}
		String text = note == null ? "" : note.strip();
		if (text.length() > MAX_NOTE) {
			throw new InvalidInputException("note", "Keep the note to " + MAX_NOTE + " characters.");
		}
		if (!"PENDING".equals(row.status())
				|| !evidence.decide(certificateId, confirm ? "CONFIRMED" : "REJECTED", viewer.id(), Instant.now(clock),
						text.isEmpty() ? null : text)) {
			throw new ConflictException("This certificate was already " + findCertificate(certificateId).status()
				.toLowerCase(Locale.ROOT) + ".");
		}
		holdings.recompute(List.of(row.personId()), row.capabilityId());
		return view(findCertificate(certificateId));
	}

	/** Pending certificates of the people the viewer manages. */
	@Transactional(readOnly = true)
	public List<PersonCapabilities.CertificateView> pendingCertificates(Viewer viewer) {
		return pendingReview(viewer).stream().map(PendingCertificate::certificate).toList();
	}

	/** Pending certificates of the people the viewer manages (everyone's for admins), oldest first, with names. */
	@Transactional(readOnly = true)
	public List<PendingCertificate> pendingReview(Viewer viewer) {
		List<PersonEvidenceStore.CertificateRow> rows;
		if (viewer.isAdmin()) {
			rows = evidence.pending(null);
		}
		else if (viewer.isManager()) {
			Set<PersonId> people = new LinkedHashSet<>();
			for (TeamId team : viewer.manages()) {
				organization.membersOfTeamTree(team).forEach(member -> people.add(member.id()));
			}
			rows = evidence.pending(people);
		}
		else {
			return List.of();
		}
		Map<CapabilityId, Capability> capabilities = catalogue.byIds(
				rows.stream().map(PersonEvidenceStore.CertificateRow::capabilityId).distinct().toList());
		Map<PersonId, String> names = new LinkedHashMap<>();
		return rows.stream()
			.filter(row -> !viewer.is(row.personId()))
			.map(row -> new PendingCertificate(view(row),
					new PersonRef(row.personId(),
							names.computeIfAbsent(row.personId(), id -> organization.viewerOf(id).name())),
					capabilities.containsKey(row.capabilityId()) ? capabilities.get(row.capabilityId()).name() : ""))
			.toList();
	}

	@Transactional(readOnly = true)
	public CertificateFile certificateFile(Viewer viewer, String certificateId) {
		PersonEvidenceStore.CertificateRow row = findCertificate(certificateId);
		if (!learningTeam.includes(viewer) && !organization.canSee(viewer, row.personId())) {
			throw new NotFoundException("Certificate");
		}
		byte[] content = evidence.certificateContent(certificateId).orElseThrow(() -> new NotFoundException("Certificate"));
		return new CertificateFile(row.fileName(), row.contentType(), content);
	}

	/** The person, if the viewer may see their profile: themselves, their managers, admins and L&D reviewers. */
	private Person visiblePerson(Viewer viewer, PersonId person) {
		if (organization.canSee(viewer, person)) {
			return organization.person(viewer, person);
		}
		if (learningTeam.includes(viewer)) {
			return organization.contactOf(person).orElseThrow(() -> new NotFoundException("Person"));
		}
		throw new NotFoundException("Person");
	}

	private Capability activeCapability(CapabilityId id) {
		Capability found = catalogue.find(id).orElseThrow(() -> new NotFoundException("Capability"));
		if (!found.active()) {
			throw new ConflictException("The capability " + found.name() + " is retired; evidence is kept but no "
					+ "longer added.");
		}
		return found;
	}

	private PersonEvidenceStore.CertificateRow findCertificate(String id) {
		if (!Ids.looksValid(id)) {
			throw new NotFoundException("Certificate");
		}
		return evidence.certificate(id).orElseThrow(() -> new NotFoundException("Certificate"));
	}

	/** The file's type by its first bytes: a name or a declared type says nothing of what a file is. */
	static String contentType(byte[] content) {
		if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return "application/pdf";
		}
		if (startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })) {
			return "image/png";
		}
		if (startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return "image/jpeg";
		}
		return null;
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

	/** The name without folders or control characters (it ends up in a download header), with a fitting extension. */
	static String fileName(String given, String contentType) {
		String name = given == null ? "" : given;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.codePoints()
			.filter(c -> !Character.isISOControl(c) && c != '"' && Character.getType(c) != Character.FORMAT)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = "certificate" + switch (contentType) {
				case "application/pdf" -> ".pdf";
				case "image/png" -> ".png";
				default -> ".jpg";
			};
		}
		return name.length() <= 255 ? name : name.substring(name.length() - 255);
	}

	private static String text(String value) {
		return value == null ? "" : ControlCharacters.strip(value).strip();
	}

	private static PersonCapabilities.CertificateView view(PersonEvidenceStore.CertificateRow row) {
		return new PersonCapabilities.CertificateView(row.id(), row.capabilityId(), row.name(), row.issuer(),
				row.issuedOn(), row.expiresOn(), row.status(), row.fileName(), row.decisionNote(), row.uploadedAt());
	}
}
