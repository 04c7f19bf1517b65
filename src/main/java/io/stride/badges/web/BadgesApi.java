package io.stride.badges.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.stride.authoring.CourseId;
import io.stride.badges.Alignment;
import io.stride.badges.Badge;
import io.stride.badges.BadgeDraft;
import io.stride.badges.BadgeId;
import io.stride.badges.Badges;
import io.stride.badges.Credentials;
import io.stride.badges.CriterionKind;
import io.stride.badges.IssuedBadge;
import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/badges")
@Tag(name = "Badges", description = "Open Badges 3.0: badge definitions with a machine criterion, the credentials "
		+ "issued when it holds (W3C Verifiable Credentials with an eddsa-rdfc-2022 proof) and the revocation status list")
@SecurityRequirement(name = "bearer")
class BadgesApi {

	private final Badges badges;

	private final Credentials credentials;

	BadgesApi(Badges badges, Credentials credentials) {
		this.badges = badges;
		this.credentials = credentials;
	}

	/** {@code kind}: CAPABILITY_LEVEL (capabilityId, levelRank), CYCLE_CLOSED_WITH_VALIDATED_GOALS (minValidatedGoals, default 1) or COURSE_MASTERED (courseId). */
	record BadgeBody(String name, String description, String criteria, String kind, String capabilityId,
			Integer levelRank, Integer minValidatedGoals, String courseId, List<BadgeAlignmentView> alignments,
			Integer revision) {
	}

	record BadgeAlignmentView(String capabilityId, int levelRank, String capabilityName, String levelName) {
	}

	record BadgeView(String id, String name, String description, String criteria, String kind, String capabilityId,
			Integer levelRank, Integer minValidatedGoals, String courseId, String criterionSummary,
			List<BadgeAlignmentView> alignments, boolean retired, int revision, String imageUrl, Instant createdAt,
			Instant updatedAt) {

		static BadgeView of(Badge b) {
			return new BadgeView(b.id().value(), b.name(), b.description(), b.criteria(), b.kind().name(),
					b.capabilityId() == null ? null : b.capabilityId().value(), b.levelRank(), b.minValidatedGoals(),
					b.courseId() == null ? null : b.courseId().value(), b.criterionSummary(),
					b.alignments().stream().map(a -> new BadgeAlignmentView(a.capabilityId().value(), a.levelRank(),
							a.capabilityName(), a.levelName())).toList(),
					b.retired(), b.revision(), "/badges/" + b.id().value() + "/image.svg", b.createdAt(), b.updatedAt());
		}
	}

	/** {@code publicUrl}: the verification page anyone may open; {@code jsonUrl}: the signed credential. */
	record IssuedBadgeView(String id, String badgeId, String badgeName, String personId, String personName,
			Instant issuedAt, boolean revoked, Instant revokedAt, String revokedReason, String publicUrl, String jsonUrl) {

		static IssuedBadgeView of(IssuedBadge i) {
			return new IssuedBadgeView(i.id(), i.badgeId().value(), i.badgeName(), i.personId().value(), i.personName(),
					i.issuedAt(), i.revoked(), i.revokedAt(), i.revokedReason(), "/badges/credentials/" + i.id(),
					"/badges/credentials/" + i.id() + ".json");
		}
	}

	record RevokeBadgeBody(String reason) {
	}

	@GetMapping
	@Operation(summary = "Every badge definition, retired ones included")
	List<BadgeView> all(Viewer me) {
		return badges.all(me).stream().map(BadgeView::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Define a badge (admins and L&D; 403 for others) and issue it at once to everyone who already "
			+ "meets a capability-level or course criterion; 422 at the field for a missing or too long name, "
			+ "description or criteria, an unknown kind, capability, level or course")
	BadgeView define(Viewer me, @RequestBody BadgeBody body) {
		return BadgeView.of(badges.define(me, draft(body)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One badge definition (404 when there is none)")
	BadgeView get(Viewer me, @PathVariable String id) {
		return BadgeView.of(badges.get(me, new BadgeId(id)));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a badge definition with the revision read (409 when someone saved meanwhile); "
			+ "credentials already issued keep what they said. Admins and L&D; 422 as for defining")
	BadgeView update(Viewer me, @PathVariable String id, @RequestBody BadgeBody body) {
		if (body.revision() == null) {
			throw new InvalidInputException("revision", "Send the revision you read.");
		}
		return BadgeView.of(badges.update(me, new BadgeId(id), body.revision(), draft(body)));
	}

	@PostMapping("/{id}/retire")
	@Operation(summary = "Retire a badge: issued no more; credentials already issued stay valid. Admins and L&D")
	BadgeView retire(Viewer me, @PathVariable String id) {
		return BadgeView.of(badges.retire(me, new BadgeId(id)));
	}

	@GetMapping("/credentials/mine")
	@Operation(summary = "The caller's credentials, newest first, revoked ones included")
	List<IssuedBadgeView> mine(Viewer me) {
		return badges.mine(me).stream().map(IssuedBadgeView::of).toList();
	}

	@GetMapping("/people/{id}/credentials")
	@Operation(summary = "A person's credentials; for the person, their managers and admins (404 otherwise)")
	List<IssuedBadgeView> ofPerson(Viewer me, @PathVariable String id) {
		return badges.of(me, new PersonId(id)).stream().map(IssuedBadgeView::of).toList();
	}

	@GetMapping("/credentials/{id}")
	@Operation(summary = "One credential; for its earner, their managers and admins (404 otherwise). Its signed "
			+ "JSON is public at /badges/credentials/{id}.json")
	IssuedBadgeView credential(Viewer me, @PathVariable String id) {
		return IssuedBadgeView.of(badges.credential(me, id));
	}

	@PostMapping("/credentials/{id}/revoke")
	@Operation(summary = "Revoke a credential by hand with a reason the earner sees (admins and L&D; 403 for a "
			+ "manager who sees it, 404 for others; 422 without a reason, 409 when already revoked)")
	IssuedBadgeView revoke(Viewer me, @PathVariable String id, @RequestBody RevokeBadgeBody body) {
		return IssuedBadgeView.of(badges.revoke(me, id, body == null ? null : body.reason()));
	}

	@GetMapping(value = "/status-list", produces = { "application/vc+ld+json", MediaType.APPLICATION_JSON_VALUE })
	@SecurityRequirements
	@Operation(summary = "The revocation status list: a signed BitstringStatusListCredential (W3C), public, no "
			+ "token needed. A credential's bit is at its credentialStatus.statusListIndex")
	ResponseEntity<String> statusList() {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header("Cache-Control", "public, max-age=60")
			.body(credentials.statusListJson());
	}

	static BadgeDraft draft(BadgeBody body) {
		CriterionKind kind = null;
		if (body.kind() != null && !body.kind().isBlank()) {
			try {
				kind = CriterionKind.valueOf(body.kind().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException("kind",
						"Choose CAPABILITY_LEVEL, CYCLE_CLOSED_WITH_VALIDATED_GOALS or COURSE_MASTERED.");
			}
		}
		List<Alignment> alignments = body.alignments() == null ? List.of() : body.alignments()
			.stream()
			.map(a -> a == null || a.capabilityId() == null || a.capabilityId().isBlank() ? null
					: Alignment.of(new CapabilityId(a.capabilityId()), a.levelRank()))
			.toList();
		return new BadgeDraft(body.name(), body.description(), body.criteria(), kind, blankToNull(body.capabilityId(),
				CapabilityId::new), body.levelRank(), body.minValidatedGoals(), blankToNull(body.courseId(), CourseId::new),
				alignments);
	}

	private static <T> T blankToNull(String value, Function<String, T> make) {
		return value == null || value.isBlank() ? null : make.apply(value.strip());
	}
}
