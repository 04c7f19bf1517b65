package io.stride.integration;

import java.util.Arrays;
import java.util.Optional;

/**
 * The registry of event types Stride delivers to webhook subscriptions; {@code chat} types are also posted to the
 * Slack and Microsoft Teams channels of the teams they concern. To add one: a constant here and a listener in
 * {@code internal.EventsToOutbox} that turns the domain event into its data.
 */
public enum WebhookEvent {

	STATEMENT_RECORDED("learning-record.statement-recorded", "A statement was stored in the learning record", false),
	PRE_READ_READY("rhythm.pre-read-ready", "A ritual session's pre-read is ready ahead of the session", true),
	INTERVENTION_RECORDED("rhythm.intervention-recorded", "A session recorded a capability intervention", true),
	INTERVENTION_CLOSED("rhythm.intervention-closed", "An intervention was marked done or dropped", false),
	PROPOSAL_ANSWERED("rhythm.proposal-answered", "A person took or left a learning-cycle goal proposed to them",
			false),
	SESSION_HELD("rhythm.session-held", "A ritual session was marked held", false),
	HOURS_ALLOCATED("rhythm.hours-allocated", "A person's learning hours in a planning period changed", false),
	COMMISSION_CREATED("rhythm.commission-created", "A manager commissioned a module", false),
	COMMISSION_PUBLISHED("rhythm.commission-published", "A commissioned course was published", true),
	LEARNING_NEED_FILED("rhythm.learning-need-filed", "Someone filed a learning need", false),
	LEARNING_NEED_ANSWERED("rhythm.learning-need-answered", "A learning need was answered with a course", false),
	KUDOS_GIVEN("cycles.kudos-given", "Someone thanked a colleague", true),
	BADGE_EARNED("badges.badge-earned", "Someone earned a badge", true);

	private final String type;

	private final String description;

	private final boolean chat;

	WebhookEvent(String type, String description, boolean chat) {
		this.type = type;
		this.description = description;
		this.chat = chat;
	}

	/** The name in deliveries' {@code type} and in subscriptions. */
	public String type() {
		return type;
	}

	public String description() {
		return description;
	}

	/** Posted to teams' chat channels too. */
	public boolean chat() {
		return chat;
	}

	public static Optional<WebhookEvent> byType(String type) {
		return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
	}
}
