package io.stride.tracks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.identity.TeamId;
import io.stride.tracks.internal.EnrolmentRows;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pacing re-planning: when a published track's steps or pacing change, or a team's version of it is saved, kept or
 * reset, the days of the steps not yet open of every active enrolment are planned again from the track as each
 * person's team now follows it (and what has become due opens, with the usual notice). It runs once the change is
 * committed (the event is published before the new steps are written), {@link #BATCH} enrolments a transaction: the
 * batch is locked at once and its new days written set-based ({@link TrackProgress#replan}). Progress rows for steps
 * added to a published track are another listener's concern.
 */
@Component
class TrackPacingReplanning {

	static final int BATCH = 500;

	private static final Set<String> CHANGES = Set.of("STEP_ADDED", "STEP_CHANGED", "STEP_REMOVED", "REORDERED",
			"TEAM_VERSION_SAVED", "TEAM_VERSION_KEPT", "TEAM_VERSION_RESET");

	private final EnrolmentRows enrolments;

	private final TrackDefinitions definitions;

	private final TrackProgress progress;

	private final TransactionTemplate transaction;

	TrackPacingReplanning(EnrolmentRows enrolments, TrackDefinitions definitions, TrackProgress progress,
			PlatformTransactionManager transactions) {
		this.enrolments = enrolments;
		this.definitions = definitions;
		this.progress = progress;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(TrackChanged event) {
		if (CHANGES.contains(event.change())) {
			replan(event.trackId());
		}
	}

	/** Plans again every active enrolment of the track; returns how many. */
	int replan(TrackId track) {
		int count = 0;
		String after = "";
		while (true) {
			List<Enrolment> batch = enrolments.activeOfTrack(track, after, BATCH);
			if (batch.isEmpty()) {
				return count;
			}
			transaction.executeWithoutResult(status -> {
				Map<String, EffectiveTrack> byTeam = new HashMap<>();
				progress.replan(enrolments.lockActive(batch.stream().map(Enrolment::id).toList()), enrolment -> {
					TeamId team = enrolment.team();
					return byTeam.computeIfAbsent(team == null ? "" : team.value(),
							k -> definitions.effective(track, team).orElse(null));
				});
			});
			count += batch.size();
			after = batch.getLast().id();
		}
	}
}
