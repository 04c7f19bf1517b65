package io.stride.xapi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three forms a GET may ask for (Communication 2.1.3): {@code exact} as stored; {@code ids} with agents, groups,
 * activities and verbs reduced to their identifiers; {@code canonical} with one language per language map, the one
 * the request's Accept-Language prefers.
 */
public final class StatementFormats {

	private StatementFormats() {
	}

	public static void ids(ObjectNode s) {
		idsOfAgent(s.get("actor"));
		idsOfVerb(s.get("verb"));
		idsOfObject(s.get("object"));
		idsOfAgent(s.get("authority"));
		JsonNode context = s.get("context");
		if (context instanceof ObjectNode c) {
			idsOfContext(c);
		}
	}

	private static void idsOfObject(JsonNode object) {
		if (!(object instanceof ObjectNode o)) {
			return;
		}
		String type = o.has("objectType") ? o.get("objectType").asString() : "Activity";
		switch (type) {
			case "Activity" -> o.retain("id");
			case "Agent", "Group" -> idsOfAgent(o);
			case "SubStatement" -> {
				idsOfAgent(o.get("actor"));
				idsOfVerb(o.get("verb"));
				idsOfObject(o.get("object"));
				if (o.get("context") instanceof ObjectNode c) {
					idsOfContext(c);
				}
			}
			default -> {
			}
		}
	}

	private static void idsOfContext(ObjectNode c) {
		idsOfAgent(c.get("instructor"));
		idsOfAgent(c.get("team"));
		if (c.get("contextActivities") instanceof ObjectNode ca) {
			for (Map.Entry<String, JsonNode> kind : ca.properties()) {
				for (JsonNode a : kind.getValue().isArray() ? kind.getValue().values() : List.of(kind.getValue())) {
					if (a instanceof ObjectNode activity) {
						activity.retain("id");
					}
				}
			}
		}
	}

	private static void idsOfVerb(JsonNode verb) {
		if (verb instanceof ObjectNode v) {
			v.remove("display");
		}
	}

	private static void idsOfAgent(JsonNode agent) {
		if (!(agent instanceof ObjectNode a)) {
			return;
		}
		a.remove("name");
		boolean identified = AgentKeys.key(a) != null;
		if (a.has("member")) {
			if (identified) {
				// an identified group is known by its identifier; only anonymous ones keep their members
				a.remove("member");
			}
			else {
				for (JsonNode m : a.get("member").values()) {
					idsOfAgent(m);
				}
			}
		}
	}

	/** Keeps in every language map the one language Accept-Language prefers (or the first, when none matches). */
	public static void canonical(JsonNode node, List<Locale.LanguageRange> preferred) {
		if (node instanceof ObjectNode o) {
			for (Map.Entry<String, JsonNode> p : new ArrayList<>(o.properties())) {
				String key = p.getKey();
				if (key.equals("extensions")) {
					continue;
				}
				if ((key.equals("display") || key.equals("name") && isDefinition(o) || key.equals("description"))
						&& p.getValue() instanceof ObjectNode map && !map.isEmpty()) {
					oneLanguage(map, preferred);
				}
				else {
					canonical(p.getValue(), preferred);
				}
			}
		}
		else if (node instanceof ArrayNode a) {
			a.values().forEach(v -> canonical(v, preferred));
		}
	}

	/** An agent's {@code name} is a string; a definition's is a language map. */
	private static boolean isDefinition(ObjectNode o) {
		return o.get("name").isObject();
	}

	private static void oneLanguage(ObjectNode map, List<Locale.LanguageRange> preferred) {
		List<String> tags = new ArrayList<>(map.propertyNames());
		String chosen = null;
		if (!preferred.isEmpty()) {
			List<String> lower = tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
			List<String> matched = Locale.filterTags(preferred, lower);
			if (!matched.isEmpty()) {
				chosen = tags.get(lower.indexOf(matched.get(0)));
			}
			else {
				String lookup = Locale.lookupTag(preferred, lower);
				chosen = lookup == null ? null : tags.get(lower.indexOf(lookup));
			}
		}
		if (chosen == null) {
			chosen = tags.get(0);
		}
		JsonNode value = map.get(chosen);
		map.removeAll();
		map.set(chosen, value);
	}
}
