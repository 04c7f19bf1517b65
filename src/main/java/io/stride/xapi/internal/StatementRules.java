package io.stride.xapi.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.stride.xapi.XapiException;
import tools.jackson.databind.JsonNode;

/**
 * The rules of xAPI 1.0.3's Data section for a statement as a client sends it: which properties each object may have,
 * which it must have, and the form of every value (UUIDs, IRIs, IFIs, language maps, scores, durations, timestamps,
 * versions). The first broken rule is answered with 400 and names the property, so that nothing of a batch is stored.
 */
public final class StatementRules {

	public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

	static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/** An absolute IRI: a scheme, a colon and something without spaces (RFC 3987's form, loosely). */
	private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>\"{}|\\\\^`]+");

	private static final Pattern IRL = Pattern.compile("(?i)https?://[^\\s<>\"{}|\\\\^`]+");

	private static final Pattern MAILTO = Pattern.compile("mailto:[^@\\s]+@[^@\\s]+");

	private static final Pattern SHA1 = Pattern.compile("[0-9a-fA-F]{40}");

	private static final Pattern SHA2 = Pattern.compile("[0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128}");

	/** RFC 5646 language tags, well-formed (not checked against the registry). */
	private static final Pattern LANGUAGE = Pattern.compile("(?i)(([a-z]{2,3}(-[a-z]{3}){0,3})|[a-z]{4,8})"
			+ "(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(-[0-9a-wy-z](-[a-z0-9]{2,8})+)*"
			+ "(-x(-[a-z0-9]{1,8})+)?|x(-[a-z0-9]{1,8})+|i-[a-z]{2,8}|[a-z]{2,3}-[a-z]{2,8}-[a-z]{2,8}");

	/** ISO 8601 durations as xAPI uses them: the date and time parts, or weeks alone; seconds may have a fraction. */
	private static final Pattern DURATION = Pattern.compile(
			"P(?=\\d|T\\d)(\\d+(\\.\\d+)?Y)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?D)?(T(?=\\d)(\\d+(\\.\\d+)?H)?(\\d+(\\.\\d+)?M)?(\\d+(\\.\\d+)?S)?)?|P\\d+(\\.\\d+)?W");

	/** ISO 8601 date and time with seconds optional and a zone required or not, as xAPI's examples use it. */
	private static final Pattern TIMESTAMP = Pattern.compile(
			"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?");

	private static final Set<String> STATEMENT = Set.of("id", "actor", "verb", "object", "result", "context",
			"timestamp", "stored", "authority", "version", "attachments");

	private static final Set<String> SUB_STATEMENT = Set.of("objectType", "actor", "verb", "object", "result",
			"context", "timestamp", "attachments");

	private static final Set<String> AGENT = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");

	private static final Set<String> GROUP = Set.of("objectType", "name", "member", "mbox", "mbox_sha1sum", "openid",
			"account");

	private static final Set<String> ACTIVITY = Set.of("objectType", "id", "definition");

	private static final Set<String> DEFINITION = Set.of("name", "description", "type", "moreInfo", "interactionType",
			"correctResponsesPattern", "choices", "scale", "source", "target", "steps", "extensions");

	private static final Set<String> INTERACTION_TYPES = Set.of("true-false", "choice", "fill-in", "long-fill-in",
			"matching", "performance", "sequencing", "likert", "numeric", "other");

	/** Which interaction type may carry which list of components. */
	private static final Map<String, Set<String>> COMPONENTS = Map.of("choice", Set.of("choices"), "sequencing",
			Set.of("choices"), "likert", Set.of("scale"), "matching", Set.of("source", "target"), "performance",
			Set.of("steps"));

	private static final Set<String> RESULT = Set.of("score", "success", "completion", "response", "duration",
			"extensions");

	private static final Set<String> SCORE = Set.of("scaled", "raw", "min", "max");

	private static final Set<String> CONTEXT = Set.of("registration", "instructor", "team", "contextActivities",
			"revision", "platform", "language", "statement", "extensions");

	private static final Set<String> CONTEXT_ACTIVITIES = Set.of("parent", "grouping", "category", "other");

	private static final Set<String> ATTACHMENT = Set.of("usageType", "display", "description", "contentType",
			"length", "sha2", "fileUrl");

	private StatementRules() {
	}

	/** Checks a statement as sent (PUT or an element of POST). */
	public static void statement(JsonNode s) {
		object(s, "statement");
		properties(s, STATEMENT, "statement");
		if (s.has("id")) {
			uuid(s.get("id"), "id");
		}
		required(s, "actor", "statement");
		required(s, "verb", "statement");
		required(s, "object", "statement");
		actor(s.get("actor"), "actor");
		verb(s.get("verb"));
		statementObject(s.get("object"), false);
		if (s.has("result")) {
			result(s.get("result"), "result");
		}
		if (s.has("context")) {
			context(s.get("context"), s.get("object"), "context");
		}
		if (s.has("timestamp")) {
			timestamp(s.get("timestamp"), "timestamp");
		}
		if (s.has("stored")) {
			timestamp(s.get("stored"), "stored");
		}
		if (s.has("authority")) {
			authority(s.get("authority"));
		}
		if (s.has("version")) {
			JsonNode v = s.get("version");
			if (!v.isString() || !v.stringValue().matches("1\\.0(\\.\\d+)?")) {
				throw bad("version must be 1.0.x; this LRS stores xAPI 1.0.3 statements.");
			}
		}
		if (s.has("attachments")) {
			attachments(s.get("attachments"), "attachments");
		}
		if (VOIDED.equals(s.get("verb").get("id").stringValue())) {
			JsonNode target = s.get("object");
			if (!target.has("objectType") || !"StatementRef".equals(target.get("objectType").stringValue())) {
				throw bad("A voiding statement's object must be a StatementRef to the statement it voids.");
			}
		}
	}

	private static void subStatement(JsonNode s) {
		properties(s, SUB_STATEMENT, "object");
		for (String forbidden : new String[] { "id", "stored", "version", "authority" }) {
			if (s.has(forbidden)) {
				throw bad("object: a SubStatement may not have '" + forbidden + "'.");
			}
		}
		required(s, "actor", "object");
		required(s, "verb", "object");
		required(s, "object", "object");
		actor(s.get("actor"), "object.actor");
		verb(s.get("verb"));
		statementObject(s.get("object"), true);
		if (s.has("result")) {
			result(s.get("result"), "object.result");
		}
		if (s.has("context")) {
			context(s.get("context"), s.get("object"), "object.context");
		}
		if (s.has("timestamp")) {
			timestamp(s.get("timestamp"), "object.timestamp");
		}
		if (s.has("attachments")) {
			attachments(s.get("attachments"), "object.attachments");
		}
	}

	static void actor(JsonNode a, String where) {
		object(a, where);
		String type = a.has("objectType") ? string(a.get("objectType"), where + ".objectType") : "Agent";
		if (type.equals("Agent")) {
			agent(a, where);
		}
		else if (type.equals("Group")) {
			group(a, where);
		}
		else {
			throw bad(where + ".objectType must be Agent or Group, not '" + type + "'.");
		}
	}

	/** An Agent: exactly one inverse functional identifier. */
	public static void agent(JsonNode a, String where) {
		object(a, where);
		properties(a, AGENT, where);
		if (a.has("objectType") && !"Agent".equals(a.get("objectType").asString())) {
			throw bad(where + ".objectType must be Agent.");
		}
		if (a.has("name")) {
			string(a.get("name"), where + ".name");
		}
		if (ifis(a, where) != 1) {
			throw bad(where + " must have exactly one of mbox, mbox_sha1sum, openid and account.");
		}
	}

	private static void group(JsonNode g, String where) {
		properties(g, GROUP, where);
		if (g.has("name")) {
			string(g.get("name"), where + ".name");
		}
		int ifis = ifis(g, where);
		if (ifis > 1) {
			throw bad(where + ": a Group has at most one of mbox, mbox_sha1sum, openid and account.");
		}
		if (g.has("member")) {
			JsonNode members = g.get("member");
			if (!members.isArray()) {
				throw bad(where + ".member must be an array of Agents.");
			}
			int i = 0;
			for (JsonNode m : members.values()) {
				if (m.isObject() && m.has("objectType") && "Group".equals(m.get("objectType").asString())) {
					throw bad(where + ".member[" + i + "]: a Group's members are Agents, not Groups.");
				}
				agent(m, where + ".member[" + i++ + "]");
			}
		}
		if (ifis == 0 && (!g.has("member") || g.get("member").isEmpty())) {
			throw bad(where + ": an anonymous Group (without an identifier) must list its members.");
		}
	}

	private static int ifis(JsonNode a, String where) {
		int count = 0;
		if (a.has("mbox")) {
			count++;
			if (!a.get("mbox").isString() || !MAILTO.matcher(a.get("mbox").stringValue()).matches()) {
				throw bad(where + ".mbox must be 'mailto:' followed by an email address.");
			}
		}
		if (a.has("mbox_sha1sum")) {
			count++;
			if (!a.get("mbox_sha1sum").isString() || !SHA1.matcher(a.get("mbox_sha1sum").stringValue()).matches()) {
				throw bad(where + ".mbox_sha1sum must be the 40 hexadecimal digits of a SHA-1.");
			}
		}
		if (a.has("openid")) {
			count++;
			iri(a.get("openid"), where + ".openid");
		}
		if (a.has("account")) {
			count++;
			JsonNode account = a.get("account");
			object(account, where + ".account");
			properties(account, Set.of("homePage", "name"), where + ".account");
			required(account, "homePage", where + ".account");
			required(account, "name", where + ".account");
			irl(account.get("homePage"), where + ".account.homePage");
			string(account.get("name"), where + ".account.name");
		}
		return count;
	}

	private static void verb(JsonNode v) {
		object(v, "verb");
		properties(v, Set.of("id", "display"), "verb");
		required(v, "id", "verb");
		iri(v.get("id"), "verb.id");
		if (v.has("display")) {
			languageMap(v.get("display"), "verb.display");
		}
	}

	private static void statementObject(JsonNode o, boolean inSubStatement) {
		object(o, "object");
		String type = o.has("objectType") ? string(o.get("objectType"), "object.objectType") : "Activity";
		switch (type) {
			case "Activity" -> activity(o, "object");
			case "Agent" -> agent(o, "object");
			case "Group" -> group(o, "object");
			case "StatementRef" -> statementRef(o, "object");
			case "SubStatement" -> {
				if (inSubStatement) {
					throw bad("object: a SubStatement may not hold another SubStatement.");
				}
				subStatement(o);
			}
			default -> throw bad("object.objectType must be Activity, Agent, Group, StatementRef or SubStatement, not '"
					+ type + "'.");
		}
	}

	private static void statementRef(JsonNode o, String where) {
		properties(o, Set.of("objectType", "id"), where);
		required(o, "objectType", where);
		if (!"StatementRef".equals(o.get("objectType").asString())) {
			throw bad(where + ".objectType must be StatementRef.");
		}
		required(o, "id", where);
		uuid(o.get("id"), where + ".id");
	}

	static void activity(JsonNode o, String where) {
		object(o, where);
		properties(o, ACTIVITY, where);
		if (o.has("objectType") && !"Activity".equals(o.get("objectType").asString())) {
			throw bad(where + ".objectType must be Activity.");
		}
		required(o, "id", where);
		iri(o.get("id"), where + ".id");
		if (o.has("definition")) {
			definition(o.get("definition"), where + ".definition");
		}
	}

	/** An activity's definition, also as the Activities resource and profiles may check it. */
	public static void definition(JsonNode d, String where) {
		object(d, where);
		properties(d, DEFINITION, where);
		if (d.has("name")) {
			languageMap(d.get("name"), where + ".name");
		}
		if (d.has("description")) {
			languageMap(d.get("description"), where + ".description");
		}
		if (d.has("type")) {
			iri(d.get("type"), where + ".type");
		}
		if (d.has("moreInfo")) {
			irl(d.get("moreInfo"), where + ".moreInfo");
		}
		if (d.has("extensions")) {
			extensions(d.get("extensions"), where + ".extensions");
		}
		String interaction = null;
		if (d.has("interactionType")) {
			interaction = string(d.get("interactionType"), where + ".interactionType");
			if (!INTERACTION_TYPES.contains(interaction)) {
				throw bad(where + ".interactionType '" + interaction + "' is not one of " + INTERACTION_TYPES + ".");
			}
		}
		if (d.has("correctResponsesPattern")) {
			if (interaction == null) {
				throw bad(where + ".correctResponsesPattern needs an interactionType.");
			}
			JsonNode pattern = d.get("correctResponsesPattern");
			if (!pattern.isArray()) {
				throw bad(where + ".correctResponsesPattern must be an array of strings.");
			}
			for (JsonNode p : pattern.values()) {
				string(p, where + ".correctResponsesPattern[]");
			}
		}
		for (String list : new String[] { "choices", "scale", "source", "target", "steps" }) {
			if (!d.has(list)) {
				continue;
			}
			if (interaction == null || !COMPONENTS.getOrDefault(interaction, Set.of()).contains(list)) {
				throw bad(where + "." + list + " does not belong to interactionType " + interaction + ".");
			}
			components(d.get(list), where + "." + list);
		}
	}

	private static void components(JsonNode list, String where) {
		if (!list.isArray()) {
			throw bad(where + " must be an array of interaction components.");
		}
		Set<String> ids = new HashSet<>();
		int i = 0;
		for (JsonNode c : list.values()) {
			String at = where + "[" + i++ + "]";
			object(c, at);
			properties(c, Set.of("id", "description"), at);
			required(c, "id", at);
			String id = string(c.get("id"), at + ".id");
			if (!ids.add(id)) {
				throw bad(at + ".id '" + id + "' appears twice in the list.");
			}
			if (c.has("description")) {
				languageMap(c.get("description"), at + ".description");
			}
		}
	}

	private static void result(JsonNode r, String where) {
		object(r, where);
		properties(r, RESULT, where);
		if (r.has("score")) {
			JsonNode score = r.get("score");
			object(score, where + ".score");
			properties(score, SCORE, where + ".score");
			for (String n : SCORE) {
				if (score.has(n) && !score.get(n).isNumber()) {
					throw bad(where + ".score." + n + " must be a number.");
				}
			}
			if (score.has("scaled") && (score.get("scaled").doubleValue() < -1 || score.get("scaled").doubleValue() > 1)) {
				throw bad(where + ".score.scaled must be from -1 to 1.");
			}
			Double min = score.has("min") ? score.get("min").doubleValue() : null;
			Double max = score.has("max") ? score.get("max").doubleValue() : null;
			Double raw = score.has("raw") ? score.get("raw").doubleValue() : null;
			if (min != null && max != null && min >= max) {
				throw bad(where + ".score.min must be less than max.");
			}
			if (raw != null && (min != null && raw < min || max != null && raw > max)) {
				throw bad(where + ".score.raw must lie between min and max.");
			}
		}
		if (r.has("success") && !r.get("success").isBoolean()) {
			throw bad(where + ".success must be true or false.");
		}
		if (r.has("completion") && !r.get("completion").isBoolean()) {
			throw bad(where + ".completion must be true or false.");
		}
		if (r.has("response")) {
			string(r.get("response"), where + ".response");
		}
		if (r.has("duration")) {
			String d = string(r.get("duration"), where + ".duration");
			if (!DURATION.matcher(d).matches()) {
				throw bad(where + ".duration must be an ISO 8601 duration such as PT1H30M.");
			}
		}
		if (r.has("extensions")) {
			extensions(r.get("extensions"), where + ".extensions");
		}
	}

	private static void context(JsonNode c, JsonNode statementObject, String where) {
		object(c, where);
		properties(c, CONTEXT, where);
		if (c.has("registration")) {
			uuid(c.get("registration"), where + ".registration");
		}
		if (c.has("instructor")) {
			actor(c.get("instructor"), where + ".instructor");
		}
		if (c.has("team")) {
			JsonNode team = c.get("team");
			object(team, where + ".team");
			if (!team.has("objectType") || !"Group".equals(team.get("objectType").asString())) {
				throw bad(where + ".team must be a Group.");
			}
			group(team, where + ".team");
		}
		if (c.has("contextActivities")) {
			JsonNode ca = c.get("contextActivities");
			object(ca, where + ".contextActivities");
			properties(ca, CONTEXT_ACTIVITIES, where + ".contextActivities");
			for (Map.Entry<String, JsonNode> kind : ca.properties()) {
				String at = where + ".contextActivities." + kind.getKey();
				if (kind.getValue().isArray()) {
					int i = 0;
					for (JsonNode a : kind.getValue().values()) {
						activity(a, at + "[" + i++ + "]");
					}
				}
				else {
					activity(kind.getValue(), at);
				}
			}
		}
		boolean activityObject = !statementObject.has("objectType")
				|| "Activity".equals(statementObject.get("objectType").asString());
		if (c.has("revision")) {
			string(c.get("revision"), where + ".revision");
			if (!activityObject) {
				throw bad(where + ".revision may only be given when the object is an Activity.");
			}
		}
		if (c.has("platform")) {
			string(c.get("platform"), where + ".platform");
			if (!activityObject) {
				throw bad(where + ".platform may only be given when the object is an Activity.");
			}
		}
		if (c.has("language")) {
			language(string(c.get("language"), where + ".language"), where + ".language");
		}
		if (c.has("statement")) {
			object(c.get("statement"), where + ".statement");
			statementRef(c.get("statement"), where + ".statement");
		}
		if (c.has("extensions")) {
			extensions(c.get("extensions"), where + ".extensions");
		}
	}

	private static void authority(JsonNode a) {
		object(a, "authority");
		actor(a, "authority");
		if (a.has("objectType") && "Group".equals(a.get("objectType").asString())) {
			// an OAuth consumer and a user: an anonymous Group of exactly two Agents
			if (AgentKeys.key(a) != null) {
				throw bad("authority: a Group as authority is the anonymous pair of an OAuth consumer and a user, "
						+ "without an identifier of its own.");
			}
			if (!a.has("member") || a.get("member").size() != 2) {
				throw bad("authority: a Group as authority must have exactly two Agents as members.");
			}
		}
	}

	private static void attachments(JsonNode list, String where) {
		if (!list.isArray()) {
			throw bad(where + " must be an array.");
		}
		int i = 0;
		for (JsonNode a : list.values()) {
			String at = where + "[" + i++ + "]";
			object(a, at);
			properties(a, ATTACHMENT, at);
			for (String r : new String[] { "usageType", "display", "contentType", "length", "sha2" }) {
				required(a, r, at);
			}
			iri(a.get("usageType"), at + ".usageType");
			languageMap(a.get("display"), at + ".display");
			if (a.has("description")) {
				languageMap(a.get("description"), at + ".description");
			}
			String type = string(a.get("contentType"), at + ".contentType");
			if (!type.matches("[\\w.+-]+/[\\w.+-]+(\\s*;.*)?")) {
				throw bad(at + ".contentType must be an Internet media type.");
			}
			// canConvertToLong: a length past 64 bits (found by fuzzing) is refused, not converted with an exception
			if (!a.get("length").isIntegralNumber() || !a.get("length").canConvertToLong() || a.get("length").longValue() < 0) {
				throw bad(at + ".length must be a whole number of bytes.");
			}
			if (!a.get("sha2").isString() || !SHA2.matcher(a.get("sha2").stringValue()).matches()) {
				throw bad(at + ".sha2 must be the hexadecimal SHA-2 of the attachment.");
			}
			if (a.has("fileUrl")) {
				irl(a.get("fileUrl"), at + ".fileUrl");
			}
		}
	}

	private static void extensions(JsonNode e, String where) {
		object(e, where);
		for (String key : e.propertyNames()) {
			if (!IRI.matcher(key).matches()) {
				throw bad(where + ": the key '" + key + "' is not an IRI.");
			}
		}
	}

	public static void languageMap(JsonNode map, String where) {
		object(map, where);
		for (Map.Entry<String, JsonNode> entry : map.properties()) {
			language(entry.getKey(), where);
			string(entry.getValue(), where + "." + entry.getKey());
		}
	}

	private static void language(String tag, String where) {
		if (!LANGUAGE.matcher(tag).matches()) {
			throw bad(where + ": '" + tag + "' is not an RFC 5646 language tag.");
		}
	}

	static void timestamp(JsonNode t, String where) {
		String value = string(t, where);
		if (!TIMESTAMP.matcher(value).matches() || value.endsWith("-00:00") || value.endsWith("-0000")
				|| value.endsWith("-00")) {
			throw bad(where + " must be an ISO 8601 date and time such as 2026-12-07T09:30:00.000Z.");
		}
		instant(value, where);
	}

	/** The instant an ISO 8601 time stands for; one without a zone is read as UTC. */
	public static Instant instant(String value, String where) {
		try {
			String v = value;
			if (v.matches(".*T\\d{2}:\\d{2}(Z|[+-].*)?$") && !v.matches(".*T\\d{2}:\\d{2}:\\d{2}.*")) {
				v = v.replaceFirst("(T\\d{2}:\\d{2})", "$1:00");
			}
			if (v.matches(".*[+-]\\d{2}$")) {
				v = v + ":00";
			}
			else if (v.matches(".*[+-]\\d{4}$")) {
				v = v.substring(0, v.length() - 2) + ":" + v.substring(v.length() - 2);
			}
			if (!v.matches(".*(Z|[+-]\\d{2}:\\d{2})$")) {
				v = v + "Z";
			}
			return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException e) {
			throw bad(where + " is not a valid date and time: '" + value + "'.");
		}
	}

	static void uuid(JsonNode id, String where) {
		if (!id.isString() || !UUID.matcher(id.stringValue()).matches()) {
			throw bad(where + " must be a UUID.");
		}
	}

	public static boolean isUuid(String value) {
		return value != null && UUID.matcher(value).matches();
	}

	static void iri(JsonNode v, String where) {
		if (!v.isString() || !IRI.matcher(v.stringValue()).matches()) {
			throw bad(where + " must be an absolute IRI (such as http://example.com/verbs/answered).");
		}
	}

	public static boolean isIri(String value) {
		return value != null && IRI.matcher(value).matches();
	}

	private static void irl(JsonNode v, String where) {
		if (!v.isString() || !IRL.matcher(v.stringValue()).matches()) {
			throw bad(where + " must be an absolute http or https URL.");
		}
	}

	private static String string(JsonNode v, String where) {
		if (v == null || !v.isString()) {
			throw bad(where + " must be a string.");
		}
		return v.stringValue();
	}

	private static void object(JsonNode v, String where) {
		if (v == null || !v.isObject()) {
			throw bad(where + " must be a JSON object.");
		}
	}

	private static void required(JsonNode v, String property, String where) {
		if (!v.has(property)) {
			throw bad(where + " must have '" + property + "'.");
		}
	}

	/** Only the properties xAPI names, and none of them null (null is allowed only as an extension's value). */
	private static void properties(JsonNode v, Set<String> allowed, String where) {
		for (Map.Entry<String, JsonNode> p : v.properties()) {
			if (!allowed.contains(p.getKey())) {
				throw bad(where + " may not have '" + p.getKey() + "'.");
			}
			if (p.getValue().isNull()) {
				throw bad(where + "." + p.getKey() + " may not be null.");
			}
		}
	}

	private static XapiException bad(String message) {
		return XapiException.badRequest(message);
	}
}
