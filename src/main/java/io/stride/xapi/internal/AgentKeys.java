package io.stride.xapi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * An Agent's or identified Group's inverse functional identifier as one string, the key the LRS files and finds
 * statements by: two agents are the same when their keys are (xAPI compares IFIs, never names).
 */
public final class AgentKeys {

	private AgentKeys() {
	}

	/** The key, or null for an anonymous Group. */
	public static String key(JsonNode agent) {
		if (agent == null || !agent.isObject()) {
			return null;
		}
		if (agent.has("mbox")) {
			// the scheme and the domain are case-insensitive; the local part is left as sent
			String mbox = agent.get("mbox").asString();
			int at = mbox.lastIndexOf('@');
			return "mbox:mailto:" + mbox.substring(7, at + 1) + mbox.substring(at + 1).toLowerCase(Locale.ROOT);
		}
		if (agent.has("mbox_sha1sum")) {
			return "sha1:" + agent.get("mbox_sha1sum").asString().toLowerCase(Locale.ROOT);
		}
		if (agent.has("openid")) {
			return "openid:" + agent.get("openid").asString();
		}
		if (agent.has("account")) {
			JsonNode account = agent.get("account");
			return "account:" + account.get("homePage").asString() + "|" + account.get("name").asString();
		}
		return null;
	}

	/** Where an agent appears in a statement: the key and whether it is the actor or the object itself. */
	public record Appearance(String key, boolean direct) {
	}

	/**
	 * Every agent a statement names: the actor and an Agent or Group object directly; members of those groups, the
	 * authority, the context's instructor and team and everything inside a SubStatement as related.
	 */
	public static List<Appearance> appearances(JsonNode statement) {
		List<Appearance> found = new ArrayList<>();
		addAgent(found, statement.get("actor"), true);
		JsonNode object = statement.get("object");
		String type = object.has("objectType") ? object.get("objectType").asString() : "Activity";
		if (type.equals("Agent") || type.equals("Group")) {
			addAgent(found, object, true);
		}
		else if (type.equals("SubStatement")) {
			addAgent(found, object.get("actor"), false);
			JsonNode inner = object.get("object");
			if (inner.has("objectType") && (inner.get("objectType").asString().equals("Agent")
					|| inner.get("objectType").asString().equals("Group"))) {
				addAgent(found, inner, false);
			}
			addContext(found, object.get("context"));
		}
		addAgent(found, statement.get("authority"), false);
		addContext(found, statement.get("context"));
		return found.stream().distinct().toList();
	}

	private static void addContext(List<Appearance> found, JsonNode context) {
		if (context != null) {
			addAgent(found, context.get("instructor"), false);
			addAgent(found, context.get("team"), false);
		}
	}

	private static void addAgent(List<Appearance> found, JsonNode agent, boolean direct) {
		if (agent == null || !agent.isObject()) {
			return;
		}
		String key = key(agent);
		if (key != null) {
			found.add(new Appearance(key, direct));
		}
		if (agent.has("member")) {
			for (JsonNode member : agent.get("member").values()) {
				String k = key(member);
				if (k != null) {
					found.add(new Appearance(k, false));
				}
			}
		}
	}

	/** Every activity a statement names: its object directly; context activities and a SubStatement's as related. */
	public static List<Appearance> activities(JsonNode statement) {
		List<Appearance> found = new ArrayList<>();
		JsonNode object = statement.get("object");
		String type = object.has("objectType") ? object.get("objectType").asString() : "Activity";
		if (type.equals("Activity")) {
			found.add(new Appearance(object.get("id").asString(), true));
		}
		else if (type.equals("SubStatement")) {
			JsonNode inner = object.get("object");
			if (!inner.has("objectType") || inner.get("objectType").asString().equals("Activity")) {
				found.add(new Appearance(inner.get("id").asString(), false));
			}
			addContextActivities(found, object.get("context"));
		}
		addContextActivities(found, statement.get("context"));
		return found.stream().distinct().toList();
	}

	private static void addContextActivities(List<Appearance> found, JsonNode context) {
		if (context == null || !context.has("contextActivities")) {
			return;
		}
		for (Map.Entry<String, JsonNode> kind : context.get("contextActivities").properties()) {
			JsonNode value = kind.getValue();
			for (JsonNode activity : value.isArray() ? value.values() : List.of(value)) {
				found.add(new Appearance(activity.get("id").asString(), false));
			}
		}
	}
}
