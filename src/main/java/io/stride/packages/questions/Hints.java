package io.stride.packages.questions;

import java.util.LinkedHashMap;
import java.util.Map;

import io.stride.authoring.QuestionKind;
import io.stride.authoring.Scoring;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a GIFT question cannot say on its own and Stride needs to read it back as it was: the kind when the syntax
 * names another (an ordering written as a matching, true/false with other words), the scoring rule where the weights
 * leave it open, short answers' similarity and a numeric answer's unit. Written as a comment line before the
 * question ({@code // stride: {"kind":"ORDERING"}}), which other GIFT readers skip.
 */
record Hints(QuestionKind kind, Scoring scoring, Double similarity, String unit) {

	static final String PREFIX = "// stride:";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final Hints NONE = new Hints(null, null, null, null);

	boolean none() {
		return kind == null && scoring == null && similarity == null && unit == null;
	}

	String comment() {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (kind != null) {
			fields.put("kind", kind.name());
		}
		if (scoring != null) {
			fields.put("scoring", scoring.name());
		}
		if (similarity != null) {
			fields.put("similarity", similarity);
		}
		if (unit != null) {
			fields.put("unit", unit);
		}
		// a unit is free text: JSON escapes a newline, the one character that would end the comment early
		return PREFIX + " " + JSON.writeValueAsString(fields);
	}

	/** The hints of a comment line; a line that does not parse gives none rather than failing the file. */
	static Hints parse(String line) {
		String json = line.strip().substring(PREFIX.length()).strip();
		try {
			Map<?, ?> fields = JSON.readValue(json, Map.class);
			QuestionKind kind = enumOf(QuestionKind.class, fields.get("kind"));
			Scoring scoring = enumOf(Scoring.class, fields.get("scoring"));
			Double similarity = fields.get("similarity") instanceof Number n ? n.doubleValue() : null;
			String unit = fields.get("unit") instanceof String s ? s : null;
			return new Hints(kind, scoring, similarity, unit);
		}
		catch (RuntimeException unreadable) {
			return NONE;
		}
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, Object value) {
		if (!(value instanceof String name)) {
			return null;
		}
		try {
			return Enum.valueOf(type, name);
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}
}
