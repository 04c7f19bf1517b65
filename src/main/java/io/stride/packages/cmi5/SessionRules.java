package io.stride.packages.cmi5;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stride.identity.Organization;
import io.stride.packages.scorm.Packages;
import io.stride.xapi.Scope;
import io.stride.xapi.XapiClient;
import io.stride.xapi.XapiException;
import io.stride.xapi.XapiSessions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The LRS side of a launched AU's session: its auth-token is a limited LRS client (its learner, AU and registration
 * only; statements, state and the learner preferences profile), and the statements it sends must keep cmi5's rules for
 * a session (cmi5 §9.3, §9.4, §9.5, §9.6), else the whole batch is refused with 403 naming the rule. What they report
 * (initialized, completed, passed, failed, terminated) is kept and followed ({@link Satisfaction}).
 *
 * <p>Not checked here (yet): statements the AU voids or that the LMS should void rather than reject (§6.3's second
 * rule), "cmi5 allowed" statements' own shape (§9.6.2.2), durations (§9.5.4), the moveOn category on completed and
 * passed (§9.6.2.2), launchMode Browse and Review (Stride launches Normal only).
 */
@Component
class SessionRules implements XapiSessions {

	private static final Set<String> LMS_ONLY = Set.of(Cmi5.LAUNCHED, Cmi5.ABANDONED, Cmi5.WAIVED, Cmi5.SATISFIED);

	private static final Set<String> DEFINED = Set.of(Cmi5.INITIALIZED, Cmi5.COMPLETED, Cmi5.PASSED, Cmi5.FAILED,
			Cmi5.TERMINATED);

	private static final Set<Scope> SCOPES = Set.of(Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ_MINE, Scope.STATE,
			Scope.PROFILE);

	private final Cmi5Sessions sessions;

	private final AssignableUnits units;

	private final Packages packages;

	private final Satisfaction satisfaction;

	private final JsonMapper json;

	private final Clock clock;

	private final String baseUrl;

	/** How long a session's token answers after its launch: a lesson's sitting, like the content's launch tokens. */
	static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

	private final Organization organization;

	SessionRules(Cmi5Sessions sessions, AssignableUnits units, Packages packages, Satisfaction satisfaction, JsonMapper json,
			Clock clock, @Value("${stride.base-url}") String baseUrl, Organization organization) {
		this.organization = organization;
		this.sessions = sessions;
		this.units = units;
		this.packages = packages;
		this.satisfaction = satisfaction;
		this.json = json;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@Override
	public Optional<XapiClient> authenticate(String key, String secret) {
		if (!key.startsWith(Cmi5Launches.KEY_PREFIX)) {
			return Optional.empty();
		}
		// an abandoned session's token is dead; a terminated one still answers, so that late statements get cmi5's 403
		// and none answers beyond its lifetime or for a person no longer active (deactivated, by SCIM too)
		return sessions.byTokenKey(key)
			.filter(s -> s.abandonedAt() == null && s.fetchedAt() != null)
			.filter(s -> Cmi5Launches.hash(secret).equals(s.secretHash()))
			.filter(s -> s.launchedAt() != null && s.launchedAt().plus(TOKEN_LIFETIME).isAfter(clock.instant()))
			.filter(s -> organization.contactOf(s.personId()).isPresent())
			.flatMap(s -> units.ofItem(s.itemId()).map(unit -> client(s, unit)));
	}

	private XapiClient client(Cmi5Sessions.Session session, AssignableUnits.Unit unit) {
		String title = packages.item(unit.itemId()).map(Packages.Item::title).orElse("AU");
		return new XapiClient(session.id(), "cmi5 AU \u201c" + title + "\u201d", SCOPES,
				new XapiClient.Limits(agent(session), unit.auIri(), session.registrationId(),
						Set.of(Cmi5.LEARNER_PREFERENCES)));
	}

	private ObjectNode agent(Cmi5Sessions.Session session) {
		ObjectNode agent = json.createObjectNode();
		agent.put("objectType", "Agent");
		agent.putObject("account").put("homePage", baseUrl).put("name", session.personId().value());
		return agent;
	}

	@Override
	public void beforeStore(XapiClient client, List<ObjectNode> statements) {
		Optional<Cmi5Sessions.Session> known = sessions.find(client.id());
		if (known.isEmpty()) {
			return;
		}
		// the registration first, as a launch locks it, then the session: one order, no deadlock
		sessions.lockRegistration(known.get().registrationId());
		Cmi5Sessions.Session session = sessions.lock(client.id()).orElseThrow();
		AssignableUnits.Unit unit = units.ofItem(session.itemId()).orElseThrow();
		Cmi5Sessions.Progress progress = sessions.progress(session.registrationId(), session.itemId());
		boolean initialized = session.initializedAt() != null;
		boolean terminated = session.terminatedAt() != null;
		boolean completed = progress.completed();
		boolean passed = progress.passed();
		for (ObjectNode s : statements) {
			String verb = s.get("verb").get("id").asString();
			if (terminated) {
				throw refused("§9.3.8", "this session has terminated; an AU sends no statement after terminated");
			}
			if (LMS_ONLY.contains(verb)) {
				throw refused("§9.3", "only the LMS records " + verb);
			}
			if (Cmi5.VOIDED.equals(verb)) {
				throw refused("§6.3", "an AU may not void statements");
			}
			JsonNode sessionId = s.path("context").path("extensions").get(Cmi5.SESSION_ID);
			if (sessionId == null || !session.id().equals(sessionId.asString())) {
				throw refused("§9.6.3.1", "every statement of the session carries its session id " + session.id()
						+ " in the context extension " + Cmi5.SESSION_ID);
			}
			if (!initialized && !Cmi5.INITIALIZED.equals(verb)) {
				throw refused("§9.3.2", "the AU's first statement in a session is initialized");
			}
			if (DEFINED.contains(verb) && !unit.auIri().equals(s.get("object").path("id").asString())) {
				throw refused("§9.4.2", "a cmi5 defined statement's object is the AU, " + unit.auIri());
			}
			JsonNode result = s.path("result");
			switch (verb) {
				case Cmi5.INITIALIZED -> {
					if (initialized) {
						throw refused("§9.3.2", "the session is initialized already; an AU sends initialized once");
					}
					initialized = true;
				}
				case Cmi5.COMPLETED -> {
					if (completed) {
						throw refused("§9.3.3", "the AU is completed already in this registration; completed is "
								+ "sent once");
					}
					if (!result.path("completion").asBoolean(false)) {
						throw refused("§9.5.3", "a completed statement has result.completion true");
					}
					completed = true;
				}
				case Cmi5.PASSED -> {
					if (passed) {
						throw refused("§9.3.4", "the AU is passed already in this registration; passed is sent once");
					}
					if (!result.path("success").asBoolean(false)) {
						throw refused("§9.5.2", "a passed statement has result.success true");
					}
					masteryScore(unit, result, true);
					passed = true;
				}
				case Cmi5.FAILED -> {
					if (passed) {
						throw refused("§9.3.5", "the AU is passed already in this registration; it can't fail now");
					}
					if (!result.has("success") || result.get("success").asBoolean(true)) {
						throw refused("§9.5.2", "a failed statement has result.success false");
					}
					masteryScore(unit, result, false);
				}
				case Cmi5.TERMINATED -> terminated = true;
				default -> {
					// a "cmi5 allowed" statement: within the session, which the checks above hold it to
				}
			}
		}
	}

	/** With a mastery score the AU's verdict must agree with its scaled score (cmi5 §9.3.4, §9.3.5, §9.5.1). */
	private static void masteryScore(AssignableUnits.Unit unit, JsonNode result, boolean passed) {
		if (unit.masteryScore() == null) {
			return;
		}
		JsonNode scaled = result.path("score").get("scaled");
		String section = passed ? "§9.3.4" : "§9.3.5";
		if (scaled == null || !scaled.isNumber()) {
			throw refused(section, "the AU has a masteryScore of " + unit.masteryScore() + ", so "
					+ (passed ? "passed" : "failed") + " carries result.score.scaled");
		}
		if (passed && scaled.asDouble() < unit.masteryScore()) {
			throw refused(section, "a scaled score of " + scaled.asDouble() + " is below the masteryScore "
					+ unit.masteryScore() + "; that is failed, not passed");
		}
		if (!passed && scaled.asDouble() >= unit.masteryScore()) {
			throw refused(section, "a scaled score of " + scaled.asDouble() + " reaches the masteryScore "
					+ unit.masteryScore() + "; that is passed, not failed");
		}
	}

	@Override
	public void afterStore(XapiClient client, List<ObjectNode> stored) {
		Cmi5Sessions.Session session = sessions.lock(client.id()).orElse(null);
		if (session == null) {
			return;
		}
		AssignableUnits.Unit unit = units.ofItem(session.itemId()).orElseThrow();
		Cmi5Sessions.Progress p = sessions.progress(session.registrationId(), session.itemId());
		boolean completed = p.completed();
		boolean passed = p.passed();
		boolean failed = p.failed();
		Instant now = clock.instant();
		for (ObjectNode s : stored) {
			switch (s.get("verb").get("id").asString()) {
				case Cmi5.INITIALIZED -> sessions.initialized(session.id(), now);
				case Cmi5.COMPLETED -> completed = true;
				case Cmi5.PASSED -> passed = true;
				case Cmi5.FAILED -> failed = true;
				case Cmi5.TERMINATED -> sessions.terminated(session.id(), now);
				default -> {
				}
			}
		}
		Cmi5Sessions.Progress next = new Cmi5Sessions.Progress(p.registrationId(), p.itemId(), completed, passed, failed,
				p.satisfiedAt(), p.waivedBy(), p.waivedReason());
		sessions.saveProgress(next);
		Cmi5Sessions.Registration registration = sessions.lockRegistration(session.registrationId()).orElseThrow();
		satisfaction.follow(registration, unit, next, session.lessonId(), agent(session), session.id(), now);
	}

	private static XapiException refused(String section, String rule) {
		return new XapiException(403, "cmi5 " + section + ": " + rule + ".");
	}
}
