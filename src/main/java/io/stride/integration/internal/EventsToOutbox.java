package io.stride.integration.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.activity.StatementRecorded;
import io.stride.activity.StatementsRecorded;
import io.stride.badges.BadgeEarned;
import io.stride.cycles.KudosGiven;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.integration.WebhookEvent;
import io.stride.rhythm.CommissionCreated;
import io.stride.rhythm.CommissionPublished;
import io.stride.rhythm.HoursAllocated;
import io.stride.rhythm.InterventionClosed;
import io.stride.rhythm.InterventionRecorded;
import io.stride.rhythm.LearningNeedAnswered;
import io.stride.rhythm.LearningNeedFiled;
import io.stride.rhythm.PreReadReady;
import io.stride.rhythm.ProposalAnswered;
import io.stride.rhythm.RitualTimes;
import io.stride.rhythm.SessionHeld;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events integrations receive into deliveries (see {@link WebhookEvent}). Heard synchronously, inside the
 * transaction that published them: the outbox rows commit with what they tell of, so no event is lost between.
 */
@Component
class EventsToOutbox {

	private final Outbox outbox;

	private final Organization organization;

	private final String baseUrl;

	EventsToOutbox(Outbox outbox, Organization organization, @Value("${stride.base-url}") String baseUrl) {
		this.outbox = outbox;
		this.organization = organization;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@EventListener
	void on(StatementRecorded e) {
		outbox.enqueue(WebhookEvent.STATEMENT_RECORDED, data("statementId", e.statementId(), "actorId", e.actorId(),
				"verb", e.verbIri(), "objectId", e.objectId(), "courseId", e.courseId(), "score", e.score(), "success",
				e.success(), "timestamp", e.timestamp().toString()), List.of(), null);
	}

	/** Statements recorded together: one delivery each, as one by one, after asking once whether anyone wants them. */
	@EventListener
	void on(StatementsRecorded batch) {
		if (!batch.statements().isEmpty() && outbox.anyWebhookWants(WebhookEvent.STATEMENT_RECORDED)) {
			batch.statements().forEach(this::on);
		}
	}

	@EventListener
	void on(PreReadReady e) {
		String link = link(e.path());
		outbox.enqueue(WebhookEvent.PRE_READ_READY,
				data("sessionId", e.session().value(), "teamId", e.team().value(), "ritualName", e.ritualName(),
						"startsAt", e.startsAt().toString(), "timeZone", e.timeZone(), "url", link, "markdown",
						e.markdown()),
				// the channel gets a pointer, not the pre-read: it names people and carries indicators only the team's
				// managers may read, while everyone in the team reads the channel (the page asks them to sign in)
				List.of(e.team()), new ChatMessages("Pre-read for " + e.ritualName() + " on "
						+ RitualTimes.spoken(e.startsAt(), RitualTimes.zone(e.timeZone())),
						"The capability pre-read for the session is ready for the team's managers.", link));
	}

	@EventListener
	void on(InterventionRecorded e) {
		String owner = name(e.owner());
		outbox.enqueue(WebhookEvent.INTERVENTION_RECORDED, data("interventionId", e.intervention().value(),
				"sessionId", e.session().value(), "teamId", e.team().value(), "kind", e.kind().name(), "ownerId",
				e.owner().value(), "personId", e.person() == null ? null : e.person().value(), "capabilityId",
				e.capability() == null ? null : e.capability().value(), "summary", e.summary()), List.of(e.team()),
				new ChatMessages("New intervention: " + e.kind().label(),
						e.summary() + (owner == null ? "" : "\nOwner: " + owner), link("/sessions/" + e.session().value())));
	}

	@EventListener
	void on(InterventionClosed e) {
		outbox.enqueue(WebhookEvent.INTERVENTION_CLOSED, data("interventionId", e.intervention().value(),
				"sessionId", e.session().value(), "teamId", e.team().value(), "kind", e.kind().name(), "capabilityId",
				e.capability().value(), "ownerId", e.owner().value(), "personId", id(e.person()), "status", e.status(),
				"description", e.description(), "closedBy", id(e.by())), List.of(e.team()), null);
	}

	@EventListener
	void on(ProposalAnswered e) {
		outbox.enqueue(WebhookEvent.PROPOSAL_ANSWERED, data("interventionId", e.intervention().value(),
				"sessionId", e.session().value(), "teamId", e.team().value(), "capabilityId", e.capability().value(),
				// a suggestion is the person's to take or leave: who left one, and what it said, stay in Stride
				"personId", e.taken() ? id(e.person()) : null, "ownerId", e.owner().value(), "answer", e.answer(),
				"status", e.taken() ? "DONE" : "DROPPED", "description", e.taken() ? e.description() : null),
				List.of(e.team()), null);
	}

	@EventListener
	void on(SessionHeld e) {
		outbox.enqueue(WebhookEvent.SESSION_HELD, data("sessionId", e.session().value(), "ritualId",
				e.ritual().value(), "teamId", e.team().value(), "ritualName", e.ritualName(), "startsAt",
				e.startsAt().toString(), "heldAt", e.heldAt().toString(), "status", "HELD", "gaps", e.gaps(),
				"interventions", e.interventions(), "heldBy", id(e.by()), "url", link("/sessions/" + e.session().value())),
				List.of(e.team()), null);
	}

	@EventListener
	void on(HoursAllocated e) {
		outbox.enqueue(WebhookEvent.HOURS_ALLOCATED, data("periodId", e.period(), "periodName", e.periodName(),
				"startsOn", e.startsOn().toString(), "endsOn", e.endsOn().toString(), "teamId", e.team().value(),
				"personId", e.person().value(), "hoursBefore", e.before(), "hours", e.hours(), "interventionId",
				e.intervention() == null ? null : e.intervention().value(), "capabilityId",
				e.capability() == null ? null : e.capability().value(), "allocatedBy", id(e.by())), List.of(e.team()),
				null);
	}

	private static String id(PersonId person) {
		return person == null ? null : person.value();
	}

	@EventListener
	void on(CommissionCreated e) {
		outbox.enqueue(WebhookEvent.COMMISSION_CREATED, data("commissionId", e.commission().value(), "teamId",
				e.team().value(), "commissionedBy", e.commissionedBy().value(), "authorId", e.author().value(),
				"problem", e.problem(), "interventionId", e.intervention() == null ? null : e.intervention().value()),
				List.of(e.team()), null);
	}

	@EventListener
	void on(CommissionPublished e) {
		long days = e.took() == null ? 0 : e.took().toDays();
		outbox.enqueue(WebhookEvent.COMMISSION_PUBLISHED, data("commissionId", e.commission().value(), "teamId",
				e.team().value(), "commissionedBy", e.commissionedBy().value(), "authorId", e.author().value(),
				"courseId", e.course().value(), "courseTitle", e.courseTitle(), "interventionId",
				e.intervention() == null ? null : e.intervention().value(), "tookSeconds",
				e.took() == null ? null : e.took().toSeconds()), List.of(e.team()),
				new ChatMessages("Commissioned course published: " + e.courseTitle(),
						"By " + nameOr(e.author()) + ", " + days + (days == 1 ? " day" : " days")
								+ " after it was commissioned.",
						link("/learning/courses/" + e.course().value())));
	}

	@EventListener
	void on(LearningNeedFiled e) {
		outbox.enqueue(WebhookEvent.LEARNING_NEED_FILED, data("needId", e.need().value(), "filedBy",
				e.filedBy().value(), "what", e.what(), "capabilityId", e.capability() == null ? null : e.capability().value(),
				"teamId", e.team() == null ? null : e.team().value()), e.team() == null ? List.of() : List.of(e.team()),
				null);
	}

	@EventListener
	void on(LearningNeedAnswered e) {
		outbox.enqueue(WebhookEvent.LEARNING_NEED_ANSWERED, data("needId", e.need().value(), "what", e.what(),
				"courseId", e.course().value(), "courseTitle", e.courseTitle()), List.of(), null);
	}

	@EventListener
	void on(KudosGiven e) {
		String to = nameOr(e.to());
		outbox.enqueue(WebhookEvent.KUDOS_GIVEN, data("kudosId", e.kudosId(), "toId", e.to().value(), "fromName",
				e.fromName(), "message", e.message(), "courseTitle", e.courseTitle()), teamsOf(e.to()),
				new ChatMessages(e.fromName() + " thanked " + to,
						"“" + e.message() + "”" + (e.courseTitle() == null ? "" : "\nFor the course " + e.courseTitle()),
						link("/people/" + e.to().value() + "/kudos")));
	}

	@EventListener
	void on(BadgeEarned e) {
		outbox.enqueue(WebhookEvent.BADGE_EARNED, data("credentialId", e.credentialId(), "badgeId",
				e.badgeId().value(), "badgeName", e.badgeName(), "personId", e.person().value(), "url", link(e.link())),
				teamsOf(e.person()),
				new ChatMessages(nameOr(e.person()) + " earned the badge “" + e.badgeName() + "”", null, link(e.link())));
	}

	private Set<TeamId> teamsOf(PersonId person) {
		Set<TeamId> teams = new HashSet<>();
		organization.teamsOf(List.of(person)).stream().map(Team::id).forEach(teams::add);
		return teams;
	}

	private String name(PersonId person) {
		var credit = organization.credits(List.of(person)).get(person);
		return credit == null ? null : credit.name();
	}

	private String nameOr(PersonId person) {
		String name = name(person);
		return name == null ? "A colleague" : name;
	}

	private String link(String path) {
		return path == null ? null : path.startsWith("http") ? path : baseUrl + (path.startsWith("/") ? "" : "/") + path;
	}

	private static Map<String, Object> data(Object... pairs) {
		Map<String, Object> data = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			data.put((String) pairs[i], pairs[i + 1]);
		}
		return data;
	}
}
