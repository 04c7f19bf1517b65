package io.stride.packages.cmi5;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.packages.scorm.PackageLessons;
import io.stride.packages.scorm.Packages;
import io.stride.packages.scorm.ScormPlayer;
import io.stride.packages.scorm.ScormStandard;
import io.stride.xapi.LmsWrites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Launches cmi5 AUs as the LMS (cmi5 §8, §10): a registration per learner and course kept across sessions, a new
 * session per launch (a session still open is abandoned first), {@code LMS.LaunchData} written to the State resource,
 * the {@code launched} statement recorded with Stride as authority, and the launch URL with the endpoint, a one-time
 * fetch URL, the actor, the registration and the AU's id. The fetch URL gives the AU its auth-token once; the token
 * opens {@code /xapi} for that session only ({@link SessionRules}).
 */
@Service
@Transactional
public class Cmi5Launches {

	private static final SecureRandom RANDOM = new SecureRandom();

	static final String KEY_PREFIX = "cmi5-";

	private final PackageLessons lessons;

	private final Packages packages;

	private final AssignableUnits units;

	private final Cmi5Sessions sessions;

	private final ScormPlayer player;

	private final LmsWrites lrs;

	private final Satisfaction satisfaction;

	private final JsonMapper json;

	private final Clock clock;

	private final String baseUrl;

	Cmi5Launches(PackageLessons lessons, Packages packages, AssignableUnits units, Cmi5Sessions sessions, ScormPlayer player,
			LmsWrites lrs, Satisfaction satisfaction, JsonMapper json, Clock clock,
			@Value("${stride.base-url}") String baseUrl) {
		this.lessons = lessons;
		this.packages = packages;
		this.units = units;
		this.sessions = sessions;
		this.player = player;
		this.lrs = lrs;
		this.satisfaction = satisfaction;
		this.json = json;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * What the lesson page opens.
	 * @param url the AU's launch URL with cmi5's parameters
	 * @param newWindow whether it opens in a window of its own (a remote AU, or launchMethod OwnWindow) rather than in
	 *                  the page's sandboxed frame
	 */
	public record Launch(String title, String url, boolean newWindow, String sessionId, String registration,
			boolean satisfied) {
	}

	/**
	 * Launches the AU a lesson plays, for a learner taking the course (the lesson page checked that), or empty when
	 * the lesson plays no AU.
	 * @param address where the learner reached Stride (scheme, host, port and context path): the AU is sent to the
	 *                LRS and fetch URL there, which its sandbox lets it reach; the learner's account stays on
	 *                {@code stride.base-url}, as Stride's own statements name them
	 */
	public Optional<Launch> launch(Viewer learner, Course course, Lesson lesson, String address) {
		String here = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
		Optional<Packages.Item> found = lessons.itemOf(course.id(), lesson);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Packages.Item item = found.get();
		Packages.Package pack = packages.find(item.packageId()).orElseThrow();
		if (pack.standard() != ScormStandard.CMI5) {
			return Optional.empty();
		}
		AssignableUnits.Unit unit = units.ofItem(item.id()).orElseThrow();
		Cmi5Sessions.Registration known = sessions.registration(pack.id(), learner.id(), course.id().value());
		// launches of one registration one after another: an open session is abandoned exactly once
		Cmi5Sessions.Registration registration = sessions.lockRegistration(known.id()).orElseThrow();
		Instant now = clock.instant();
		for (Cmi5Sessions.Session open : sessions.openSessions(registration.id(), item.id())) {
			abandon(open, unit, now);
		}
		String sessionId = UUID.randomUUID().toString();
		String fetchKey = random();
		String tokenKey = KEY_PREFIX + HexFormat.of().formatHex(bytes(12));
		String secret = random();
		// cmi5 §8.2.3: the AU sends the token as "Authorization: Basic <token>", so it is Basic's key:secret encoded
		String token = Base64.getEncoder().encodeToString((tokenKey + ":" + secret).getBytes(StandardCharsets.US_ASCII));
		sessions.insertSession(sessionId, registration.id(), item.id(), learner.id(), lesson.id(), hash(fetchKey),
				tokenKey, hash(secret), token, now);
		ObjectNode agent = agent(learner.id());
		String returnUrl = here + "/learning/courses/" + course.id().value() + "/lessons/" + lesson.id();
		lrs.putState(unit.auIri(), agent, registration.id(), Cmi5.LAUNCH_DATA, launchData(unit, sessionId, returnUrl));
		String content = unit.remote() ? unit.url()
				: player.contentAddress(learner.id(), course, lesson.id(), item, unit.url());
		String url = content + (content.contains("?") ? "&" : "?") + "endpoint=" + encode(here + "/xapi/")
				+ "&fetch=" + encode(here + "/packages/cmi5/fetch/" + fetchKey) + "&actor="
				+ encode(json.writeValueAsString(agent)) + "&registration=" + encode(registration.id()) + "&activityId="
				+ encode(unit.auIri());
		lrs.record(List.of(launched(unit, agent, registration.id(), sessionId, url, now)));
		if ("NotApplicable".equals(unit.moveOn())) {
			// nothing to wait for (cmi5 §13.1.4): moved on at its first launch
			satisfaction.follow(registration, unit, sessions.progress(registration.id(), item.id()), lesson.id(), agent,
					sessionId, now);
		}
		boolean satisfied = sessions.findProgress(registration.id(), item.id()).map(p -> p.satisfiedAt() != null)
			.orElse(false);
		return Optional.of(new Launch(item.title(), url, unit.remote() || "OwnWindow".equals(unit.launchMethod()),
				sessionId, registration.id(), satisfied));
	}

	/**
	 * The fetch URL's answer (cmi5 §8.2): the auth-token the first time, never again.
	 * @return the token, or empty when the key is unknown, used already or its session over
	 */
	public Optional<String> fetch(String fetchKey) {
		if (fetchKey == null || !fetchKey.matches("[A-Za-z0-9_-]{43}")) {
			return Optional.empty();
		}
		return sessions.takeFetch(hash(fetchKey), clock.instant());
	}

	private void abandon(Cmi5Sessions.Session open, AssignableUnits.Unit unit, Instant now) {
		sessions.abandoned(open.id(), now);
		ObjectNode s = satisfaction.lmsStatement(agent(open.personId()), Cmi5.ABANDONED, "abandoned", unit.auIri(),
				open.registrationId(), open.id(), now);
		s.putObject("result").put("duration", Duration.between(open.launchedAt(), now).toString());
		lrs.record(List.of(s));
	}

	private ObjectNode launchData(AssignableUnits.Unit unit, String sessionId, String returnUrl) {
		ObjectNode data = json.createObjectNode();
		ObjectNode template = data.putObject("contextTemplate");
		template.putObject("contextActivities").putArray("grouping").addObject().put("id", unit.courseIri());
		template.putObject("extensions").put(Cmi5.SESSION_ID, sessionId);
		data.put("launchMode", "Normal");
		if (unit.launchParameters() != null) {
			data.put("launchParameters", unit.launchParameters());
		}
		if (unit.masteryScore() != null) {
			data.put("masteryScore", unit.masteryScore());
		}
		data.put("moveOn", unit.moveOn());
		data.put("returnURL", returnUrl);
		if (unit.entitlementKey() != null) {
			data.putObject("entitlementKey").put("courseStructure", unit.entitlementKey());
		}
		return data;
	}

	private ObjectNode launched(AssignableUnits.Unit unit, ObjectNode agent, String registration, String sessionId,
			String url, Instant now) {
		ObjectNode s = satisfaction.lmsStatement(agent, Cmi5.LAUNCHED, "launched", unit.auIri(), registration,
				sessionId, now);
		ObjectNode extensions = (ObjectNode) s.get("context").get("extensions");
		extensions.put(Cmi5.LAUNCH_MODE, "Normal");
		extensions.put(Cmi5.LAUNCH_URL, url.substring(0, url.indexOf('?') < 0 ? url.length() : url.indexOf('?'))
			.replaceFirst("/packages/content/[^/]+/", "/packages/content/"));
		extensions.put(Cmi5.MOVE_ON, unit.moveOn());
		if (unit.launchParameters() != null) {
			extensions.put(Cmi5.LAUNCH_PARAMETERS, unit.launchParameters());
		}
		return s;
	}

	/** The learner as Stride's LRS names people: an account on Stride's address with the person's id. */
	ObjectNode agent(PersonId person) {
		ObjectNode agent = json.createObjectNode();
		agent.put("objectType", "Agent");
		agent.putObject("account").put("homePage", baseUrl).put("name", person.value());
		return agent;
	}

	private static String encode(String value) {
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

	private static byte[] bytes(int n) {
		byte[] bytes = new byte[n];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static String random() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
	}

	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(secret.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
