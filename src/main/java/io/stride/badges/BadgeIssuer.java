package io.stride.badges;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.badges.internal.BadgeRows;
import io.stride.badges.internal.CredentialRows;
import io.stride.badges.internal.DataIntegrity;
import io.stride.badges.internal.InstallationKey;
import io.stride.badges.internal.OpenBadgeCredential;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.CapabilityLevelChanged;
import io.stride.capability.CapabilityLevels;
import io.stride.cycles.CycleClosed;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.mastery.CourseMasteryChanged;
import io.stride.mastery.Mastery;
import io.stride.shared.Ids;
import jakarta.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues a badge when its criterion holds and revokes it when the evidence behind it goes: one valid credential per
 * badge and person, whatever the order or repetition of the events (each handler reads the state, not the event's
 * numbers). A credential is built, signed with the installation key and stored in the transaction that decided it.
 */
@Component
@Transactional
public class BadgeIssuer {

	private static final Logger log = LoggerFactory.getLogger(BadgeIssuer.class);

	static final String EXPIRED = "The evidence for this badge expired or was withdrawn.";

	private final BadgeRows badges;

	private final CredentialRows credentials;

	private final InstallationKey key;

	private final CapabilityLevels levels;

	private final Mastery mastery;

	private final Authoring authoring;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String baseUrl;

	private final String issuerName;

	BadgeIssuer(BadgeRows badges, CredentialRows credentials, InstallationKey key, CapabilityLevels levels,
			Mastery mastery, Authoring authoring, Organization organization, ApplicationEventPublisher events, Clock clock,
			@Value("${stride.base-url:http://localhost:8080}") String baseUrl,
			@Value("${stride.badges.issuer-name:Stride}") String issuerName) {
		this.badges = badges;
		this.credentials = credentials;
		this.key = key;
		this.levels = levels;
		this.mastery = mastery;
		this.authoring = authoring;
		this.organization = organization;
		this.events = events;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.issuerName = issuerName;
	}

	/** The absolute URL of a path of this installation. */
	public String url(String path) {
		return baseUrl + path;
	}

	public String issuerName() {
		return issuerName;
	}

	public String issuerId() {
		return key.did();
	}

	/**
	 * Issues the badge to the person unless they already hold a valid credential of it (or are not an active person,
	 * or the badge is retired, or an admin revoked it from them by hand: a withdrawn badge does not come back by
	 * itself). Returns the credential issued, if one was.
	 */
	public Optional<IssuedBadge> issue(BadgeId badgeId, PersonId person) {
		BadgeRows.Row badge = badges.lock(badgeId.value()).orElse(null);
		if (badge == null || !"ACTIVE".equals(badge.status()) || credentials.active(badge.id(), person.value()).isPresent()
				|| credentials.revokedByHand(badge.id(), person.value())) {
			return Optional.empty();
		}
		Person earner = organization.contactOf(person).orElse(null);
		if (earner == null) {
			return Optional.empty();
		}
		String id = Ids.newId();
		Instant now = clock.instant();
		int index = credentials.nextStatusIndex();
		JsonObject unsigned = OpenBadgeCredential.of(new OpenBadgeCredential.Content(url("/badges/credentials/" + id),
				key.did(), issuerName, "urn:uuid:" + person.value(), url("/badges/" + badge.id()), badge.name(),
				badge.description(), badge.criteria(), url("/badges/" + badge.id() + "/image.svg"), now, index,
				url(Credentials.STATUS_LIST_PATH)));
		JsonObject signed = DataIntegrity.sign(unsigned, key.privateKey(), key.publicKey(), now);
		credentials.insert(new CredentialRows.Row(id, badge.id(), badge.name(), person.value(), earner.name(), index,
				signed.toString(), now, null, null, null));
		events.publishEvent(new BadgeEarned(id, new BadgeId(badge.id()), badge.name(), person, "/badges/credentials/" + id));
		return Optional.of(new IssuedBadge(id, new BadgeId(badge.id()), badge.name(), person, earner.name(), now, null, null));
	}

	/** Revokes a valid credential (its status list bit is set from now on). */
	void revoke(CredentialRows.Row credential, String reason, PersonId by) {
		if (credentials.revoke(credential.id(), clock.instant(), by == null ? null : by.value(), reason)) {
			events.publishEvent(new BadgeRevoked(credential.id(), new BadgeId(credential.badgeId()), credential.badgeName(),
					new PersonId(credential.personId()), reason, by));
		}
	}

	/**
	 * Issues a new or changed definition to everyone who meets it now: holders of the capability level, people who
	 * mastered the course. Cycles closed before are not looked back on.
	 */
	public int issueToEveryoneWhoMeets(String badgeId) {
		BadgeRows.Row badge = badges.find(badgeId).orElseThrow();
		List<PersonId> people = switch (CriterionKind.valueOf(badge.kind())) {
			case CAPABILITY_LEVEL -> levels.holdersAtLeast(new CapabilityId(badge.capabilityId()), badge.levelRank());
			case COURSE_MASTERED -> List.copyOf(mastery.peopleWhoMastered(List.of(new CourseId(badge.courseId()))));
			case CYCLE_CLOSED_WITH_VALIDATED_GOALS -> List.of();
		};
		Set<String> already = new HashSet<>(credentials.holders(badgeId, people.stream().map(PersonId::value).toList()));
		int issued = 0;
		for (PersonId person : people) {
			if (!already.contains(person.value()) && issue(new BadgeId(badgeId), person).isPresent()) {
				issued++;
			}
		}
		if (issued > 0) {
			log.info("Badge {} issued to {} people who already met it", badgeId, issued);
		}
		return issued;
	}

	@ApplicationModuleListener
	void on(CapabilityLevelChanged event) {
		int rank = levels.rankOf(event.person(), event.capability());
		for (BadgeRows.Row badge : badges.ofKind(CriterionKind.CAPABILITY_LEVEL.name(), "capability_id",
				event.capability().value(), false)) {
			if (rank >= badge.levelRank()) {
				issue(new BadgeId(badge.id()), event.person());
			}
			else {
				credentials.active(badge.id(), event.person().value()).ifPresent(c -> revoke(c, EXPIRED, null));
			}
		}
	}

	@ApplicationModuleListener
	void on(CourseMasteryChanged event) {
		boolean mastered = mastery.masteredCourses(event.personId()).contains(event.courseId());
		for (BadgeRows.Row badge : badges.ofKind(CriterionKind.COURSE_MASTERED.name(), "course_id",
				event.courseId().value(), false)) {
			if (mastered) {
				issue(new BadgeId(badge.id()), event.personId());
			}
			else {
				credentials.active(badge.id(), event.personId().value()).ifPresent(c -> revoke(c, EXPIRED, null));
			}
		}
	}

	@ApplicationModuleListener
	void on(CycleClosed event) {
		for (BadgeRows.Row badge : badges.activeOfKind(CriterionKind.CYCLE_CLOSED_WITH_VALIDATED_GOALS.name(),
				"capability_id", null)) {
			if (event.validatedGoals() >= badge.minValidatedGoals()) {
				issue(new BadgeId(badge.id()), event.person());
			}
		}
	}

	/**
	 * Daily ({@code internal.BadgeExpiryJob}): revokes capability-level badges whose holder's evidence expired with the
	 * passing of days (an expiry changes no stored level, so no event tells). Returns how many were revoked.
	 */
	public int revokeExpired() {
		int revoked = 0;
		for (BadgeRows.Row badge : badges.ofKind(CriterionKind.CAPABILITY_LEVEL.name(), "capability_id", null, false)) {
			List<CredentialRows.Row> valid = credentials.activeOfBadge(badge.id());
			if (valid.isEmpty()) {
				continue;
			}
			Set<PersonId> below = new HashSet<>(levels.holdersBelow(valid.stream().map(c -> new PersonId(c.personId())).toList(),
					new CapabilityId(badge.capabilityId()), badge.levelRank()));
			for (CredentialRows.Row credential : valid) {
				if (below.contains(new PersonId(credential.personId()))) {
					revoke(credential, EXPIRED, null);
					revoked++;
				}
			}
		}
		if (revoked > 0) {
			log.info("Badges: {} credentials revoked after their evidence expired", revoked);
		}
		return revoked;
	}

	/** The definition as the module shows it, with its criterion in words and its alignments named. */
	Badge badge(BadgeRows.Row row) {
		List<Alignment> alignments = row.alignments().stream().map(a -> {
			Optional<Capability> c = levels.capability(new CapabilityId(a.capabilityId()));
			return new Alignment(new CapabilityId(a.capabilityId()), a.levelRank(), c.map(Capability::name).orElse(null),
					c.map(x -> x.levelName(a.levelRank())).orElse(null));
		}).toList();
		return new Badge(new BadgeId(row.id()), row.name(), row.description(), row.criteria(),
				CriterionKind.valueOf(row.kind()), row.capabilityId() == null ? null : new CapabilityId(row.capabilityId()),
				row.levelRank(), row.minValidatedGoals(), row.courseId() == null ? null : new CourseId(row.courseId()),
				criterionSummary(row), alignments, "RETIRED".equals(row.status()), row.revision(), row.createdAt(),
				row.updatedAt());
	}

	String criterionSummary(BadgeRows.Row row) {
		return switch (CriterionKind.valueOf(row.kind())) {
			case CAPABILITY_LEVEL -> levels.capability(new CapabilityId(row.capabilityId()))
				.map(c -> "Holds " + c.name() + " at “" + c.levelName(row.levelRank()) + "” or above")
				.orElse("Holds a capability level");
			case CYCLE_CLOSED_WITH_VALIDATED_GOALS -> "Closed a learning cycle with at least " + row.minValidatedGoals()
					+ (row.minValidatedGoals() == 1 ? " validated goal" : " validated goals");
			case COURSE_MASTERED -> "Mastered “" + authoring.titles(List.of(new CourseId(row.courseId())))
				.getOrDefault(new CourseId(row.courseId()), "a course") + "”";
		};
	}
}
