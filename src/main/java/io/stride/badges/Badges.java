package io.stride.badges;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.badges.internal.BadgeRows;
import io.stride.badges.internal.CredentialRows;
import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.LearningTeam;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ControlCharacters;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Badge definitions and the credentials issued from them. Admins and L&D reviewers ({@link LearningTeam}) define,
 * change and retire badges and revoke credentials by hand; everyone signed in sees the definitions; a person's
 * credentials are seen by them, their managers and admins (404 for anyone else). Issuing is {@link BadgeIssuer}'s.
 */
@Service
@Transactional
public class Badges {

	public static final int MAX_NAME = 120;

	public static final int MAX_DESCRIPTION = 1000;

	public static final int MAX_CRITERIA = 2000;

	public static final int MAX_REASON = 500;

	public static final int MAX_VALIDATED_GOALS = 50;

	private final BadgeRows badges;

	private final CredentialRows credentials;

	private final BadgeIssuer issuer;

	private final LearningTeam learningTeam;

	private final Capabilities capabilities;

	private final Authoring authoring;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Badges(BadgeRows badges, CredentialRows credentials, BadgeIssuer issuer, LearningTeam learningTeam,
			Capabilities capabilities, Authoring authoring, Organization organization, ApplicationEventPublisher events,
			Clock clock) {
		this.badges = badges;
		this.credentials = credentials;
		this.issuer = issuer;
		this.learningTeam = learningTeam;
		this.capabilities = capabilities;
		this.authoring = authoring;
		this.organization = organization;
		this.events = events;
		this.clock = clock;
	}

	/** Whether the viewer may define badges and revoke credentials. */
	public boolean mayManage(Viewer viewer) {
		return learningTeam.includes(viewer);
	}

	/**
	 * Defines a badge and issues it at once to everyone who already meets a capability-level or course criterion
	 * (cycles closed before the badge existed do not count). 403 for anyone but admins and L&D; 422 at the field.
	 */
	public Badge define(Viewer viewer, BadgeDraft draft) {
		requireManager(viewer);
		Checked checked = check(viewer, draft);
		Instant now = clock.instant();
		BadgeRows.Row row = row(Ids.newId(), checked, "ACTIVE", 1, viewer.id().value(), now, now);
		badges.insert(row);
		events.publishEvent(new BadgeChanged(new BadgeId(row.id()), row.name(), "CREATED", summary(row), viewer.id()));
		issuer.issueToEveryoneWhoMeets(row.id());
		return badge(row);
	}

	/** Changes a definition; credentials already issued keep what they said. 409 when {@code revision} is stale. */
	public Badge update(Viewer viewer, BadgeId id, int revision, BadgeDraft draft) {
		requireManager(viewer);
		BadgeRows.Row current = find(id);
		if ("RETIRED".equals(current.status())) {
			throw new ConflictException("This badge is retired and can no longer change.");
		}
		Checked checked = check(viewer, draft);
		BadgeRows.Row row = row(current.id(), checked, current.status(), current.revision() + 1, current.createdBy(),
				current.createdAt(), clock.instant());
		if (!badges.update(row, revision)) {
			throw new ConflictException("Someone saved this badge meanwhile: reload it and make your change again.",
					Map.of("revision", current.revision()));
		}
		events.publishEvent(new BadgeChanged(id, row.name(), "UPDATED", summary(row), viewer.id()));
		issuer.issueToEveryoneWhoMeets(row.id());
		return badge(row);
	}

	/** Retires a badge: it is issued no more; credentials already issued stay valid. */
	public Badge retire(Viewer viewer, BadgeId id) {
		requireManager(viewer);
		BadgeRows.Row current = find(id);
		if ("RETIRED".equals(current.status())) {
			return badge(current);
		}
		BadgeRows.Row row = new BadgeRows.Row(current.id(), current.name(), current.description(), current.criteria(),
				current.kind(), current.capabilityId(), current.levelRank(), current.minValidatedGoals(),
				current.courseId(), "RETIRED", current.revision() + 1, current.createdBy(), current.createdAt(),
				clock.instant(), current.alignments());
		if (!badges.update(row, current.revision())) {
			throw new ConflictException("Someone saved this badge meanwhile: reload it and retire it again.",
					Map.of("revision", current.revision()));
		}
		events.publishEvent(new BadgeChanged(id, row.name(), "RETIRED", null, viewer.id()));
		return badge(row);
	}

	@Transactional(readOnly = true)
	public List<Badge> all(Viewer viewer) {
		return badges.all().stream().map(this::badge).toList();
	}

	@Transactional(readOnly = true)
	public Badge get(Viewer viewer, BadgeId id) {
		return badge(find(id));
	}

	/** The viewer's own credentials, newest first, revoked ones included. */
	@Transactional(readOnly = true)
	public List<IssuedBadge> mine(Viewer viewer) {
		return credentials.ofPerson(viewer.id().value()).stream().map(Badges::issued).toList();
	}

	/** A person's credentials; for them, their managers and admins (404 otherwise). */
	@Transactional(readOnly = true)
	public List<IssuedBadge> of(Viewer viewer, PersonId person) {
		organization.person(viewer, person);
		return credentials.ofPerson(person.value()).stream().map(Badges::issued).toList();
	}

	/** One credential, for whoever may see its earner's credentials (404 otherwise). */
	@Transactional(readOnly = true)
	public IssuedBadge credential(Viewer viewer, String id) {
		CredentialRows.Row row = visibleCredential(viewer, id);
		return issued(row);
	}

	/** The signed credential JSON, for whoever may see it (404 otherwise). */
	@Transactional(readOnly = true)
	public String credentialJson(Viewer viewer, String id) {
		return visibleCredential(viewer, id).credential();
	}

	/** Revokes a credential by hand (admins and L&D; 403 for others who see it); 422 without a reason. */
	public IssuedBadge revoke(Viewer viewer, String id, String reason) {
		CredentialRows.Row row = visibleCredential(viewer, id);
		requireManager(viewer);
		String text = reason == null ? "" : reason.strip();
		if (text.isEmpty()) {
			throw new InvalidInputException("reason", "Say why the badge is revoked: the earner sees it.");
		}
		if (text.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "Keep it to " + MAX_REASON + " characters (this one has " + text.length() + ").");
		}
		if (ControlCharacters.in(text)) {
			throw new InvalidInputException("reason", ControlCharacters.MESSAGE);
		}
		if (row.revokedAt() != null) {
			throw new ConflictException("This badge was already revoked.");
		}
		issuer.revoke(row, text, viewer.id());
		return issued(credentials.find(id).orElseThrow());
	}

	private CredentialRows.Row visibleCredential(Viewer viewer, String id) {
		CredentialRows.Row row = Ids.looksValid(id) ? credentials.find(id).orElse(null) : null;
		if (row == null || !organization.canSee(viewer, new PersonId(row.personId()))) {
			throw new NotFoundException("Credential");
		}
		return row;
	}

	private void requireManager(Viewer viewer) {
		if (!mayManage(viewer)) {
			throw new ForbiddenException("Only admins and the L&D team define badges and revoke them.");
		}
	}

	private BadgeRows.Row find(BadgeId id) {
		return (Ids.looksValid(id.value()) ? badges.find(id.value()) : Optional.<BadgeRows.Row>empty())
			.orElseThrow(() -> new NotFoundException("Badge"));
	}

	private record Checked(String name, String description, String criteria, CriterionKind kind, String capabilityId,
			Integer levelRank, Integer minValidatedGoals, String courseId, List<BadgeRows.AlignmentRow> alignments) {
	}

	private Checked check(Viewer viewer, BadgeDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = text(draft.name(), "name", MAX_NAME, "Name the badge.", errors);
		String description = text(draft.description(), "description", MAX_DESCRIPTION, "Say what the badge recognizes.", errors);
		String criteria = text(draft.criteria(), "criteria", MAX_CRITERIA, "Say what earns it, in words earners read.", errors);
		CriterionKind kind = draft.kind();
		String capabilityId = null;
		Integer levelRank = null;
		Integer minGoals = null;
		String courseId = null;
		if (kind == null) {
			errors.put("kind", "Choose what earns the badge: a capability level, a closed cycle or a mastered course.");
		}
		else if (kind == CriterionKind.CAPABILITY_LEVEL) {
			Capability capability = capability(viewer, draft.capabilityId());
			if (capability == null) {
				errors.put("capabilityId", "Choose an active capability.");
			}
			else if (draft.levelRank() == null || capability.level(draft.levelRank()).isEmpty()) {
				errors.put("levelRank", "Choose one of the capability's levels (1 to " + capability.levels().size() + ").");
			}
			else {
				capabilityId = capability.id().value();
				levelRank = draft.levelRank();
			}
		}
		else if (kind == CriterionKind.CYCLE_CLOSED_WITH_VALIDATED_GOALS) {
			minGoals = draft.minValidatedGoals() == null ? 1 : draft.minValidatedGoals();
			if (minGoals < 1 || minGoals > MAX_VALIDATED_GOALS) {
				errors.put("minValidatedGoals", "Ask for 1 to " + MAX_VALIDATED_GOALS + " validated goals.");
			}
		}
		else {
			Course course = published(draft.courseId());
			if (course == null) {
				errors.put("courseId", "Choose a published course.");
			}
			else {
				courseId = course.id().value();
			}
		}
		List<BadgeRows.AlignmentRow> alignments = new ArrayList<>();
		for (int i = 0; i < draft.alignments().size(); i++) {
			Alignment a = draft.alignments().get(i);
			Capability capability = a == null ? null : capability(viewer, a.capabilityId());
			if (capability == null || capability.level(a.levelRank()).isEmpty()) {
				errors.put("alignments[" + i + "]", "Choose an active capability and one of its levels.");
			}
			else if (alignments.stream().anyMatch(x -> x.capabilityId().equals(capability.id().value()))) {
				errors.put("alignments[" + i + "]", "Align with each capability once.");
			}
			else {
				alignments.add(new BadgeRows.AlignmentRow(capability.id().value(), a.levelRank()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The badge was not saved.", errors);
		}
		return new Checked(name, description, criteria, kind, capabilityId, levelRank, minGoals, courseId, alignments);
	}

	private static String text(String value, String field, int max, String missing, Map<String, String> errors) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			errors.put(field, missing);
		}
		else if (text.length() > max) {
			errors.put(field, "Keep it to " + max + " characters (this one has " + text.length() + ").");
		}
		else if (ControlCharacters.in(text)) {
			errors.put(field, ControlCharacters.MESSAGE);
		}
		return text;
	}

	private Capability capability(Viewer viewer, CapabilityId id) {
		if (id == null || !Ids.looksValid(id.value())) {
			return null;
		}
		try {
			Capability capability = capabilities.get(viewer, id);
			return capability.active() ? capability : null;
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	private Course published(CourseId id) {
		if (id == null || !Ids.looksValid(id.value())) {
			return null;
		}
		try {
			return authoring.published(id);
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	private static BadgeRows.Row row(String id, Checked c, String status, int revision, String createdBy,
			Instant createdAt, Instant updatedAt) {
		return new BadgeRows.Row(id, c.name(), c.description(), c.criteria(), c.kind().name(), c.capabilityId(),
				c.levelRank(), c.minValidatedGoals(), c.courseId(), status, revision, createdBy, createdAt, updatedAt,
				c.alignments());
	}

	private String summary(BadgeRows.Row row) {
		return issuer.criterionSummary(row);
	}

	Badge badge(BadgeRows.Row row) {
		return issuer.badge(row);
	}

	static IssuedBadge issued(CredentialRows.Row row) {
		return new IssuedBadge(row.id(), new BadgeId(row.badgeId()), row.badgeName(), new PersonId(row.personId()),
				row.personName(), row.issuedAt(), row.revokedAt(), row.revokedReason());
	}
}
