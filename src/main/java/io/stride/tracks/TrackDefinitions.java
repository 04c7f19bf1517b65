package io.stride.tracks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.identity.TeamId;
import io.stride.tracks.internal.TrackReads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tracks as defined: the organization's steps and each team's version on top of them.
 */
@Service
public class TrackDefinitions {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final TrackReads reads;

	private final JsonMapper json;

	TrackDefinitions(TrackReads reads, JsonMapper json) {
		this.reads = reads;
		this.json = json;
	}

	@Transactional(readOnly = true)
	public Optional<Track> find(TrackId id) {
		return reads.track(id);
	}

	/** The organization's steps, in order. */
	@Transactional(readOnly = true)
	public List<TrackStep> steps(TrackId id) {
		return reads.steps(id);
	}

	/**
	 * The track as {@code team}'s people follow it (the organization's when {@code team} is null or has no version of
	 * its own). Steps the team's order does not name (added to the base since) keep their base place among the
	 * others; steps removed from the base are gone.
	 */
	@Transactional(readOnly = true)
	public Optional<EffectiveTrack> effective(TrackId id, TeamId team) {
		return reads.track(id).map(track -> {
			List<TrackStep> base = reads.steps(id);
			Optional<TrackReads.OverrideRow> override = team == null ? Optional.empty() : reads.override(id, team);
			if (override.isEmpty()) {
				return new EffectiveTrack(track, team, base, false, track.version());
			}
			return new EffectiveTrack(track, team, apply(base, override.get()), true, override.get().baseVersion());
		});
	}

	private List<TrackStep> apply(List<TrackStep> base, TrackReads.OverrideRow override) {
		Map<String, TrackStep> byId = new LinkedHashMap<>();
		base.forEach(step -> byId.put(step.id(), step));
		List<String> order = new ArrayList<>(json.readValue(override.stepOrder(), STRINGS));
		order.removeIf(stepId -> !byId.containsKey(stepId));
		// a step added to the base since goes after the step it follows in the base
		for (int i = 0; i < base.size(); i++) {
			String stepId = base.get(i).id();
			if (!order.contains(stepId)) {
				int after = i == 0 ? -1 : order.indexOf(base.get(i - 1).id());
				order.add(after + 1, stepId);
			}
		}
		Map<String, Pacing> pacing = pacing(override.pacing());
		List<TrackStep> steps = new ArrayList<>();
		for (String stepId : order) {
			TrackStep step = byId.get(stepId);
			steps.add(step.placed(steps.size(), pacing.getOrDefault(stepId, step.pacing())));
		}
		return steps;
	}

	private Map<String, Pacing> pacing(String stored) {
		Map<String, Pacing> pacing = new HashMap<>();
		if (stored == null || stored.isBlank()) {
			return pacing;
		}
		JsonNode root = json.readTree(stored);
		for (Map.Entry<String, JsonNode> entry : root.properties()) {
			JsonNode value = entry.getValue();
			PacingRule rule = PacingRule.valueOf(value.path("pacing").asString("ON_ENROLMENT"));
			Integer days = value.hasNonNull("days") ? value.get("days").asInt() : null;
			LocalDate releaseOn = value.hasNonNull("releaseOn") ? LocalDate.parse(value.get("releaseOn").asString()) : null;
			pacing.put(entry.getKey(), new Pacing(rule, days, releaseOn));
		}
		return pacing;
	}
}
