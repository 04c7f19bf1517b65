package io.stride.rhythm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.rhythm.internal.PreReadRows;
import io.stride.rhythm.internal.PreReadRows.RitualRow;
import io.stride.rhythm.internal.PreReadRows.SessionRow;
import io.stride.shared.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each session's pre-read once, from its ritual's {@code pre_read_hours} before the meeting until the meeting
 * ends (0 hours: as it starts): prepares the session, builds the pre-read as the team's nearest manager reads it
 * (naming nobody's cycle, as every manager of the team gets it) and publishes {@link PreReadReady}, its times in the
 * ritual's zone. Marking the session sent and publishing happen in one transaction,
 * guarded by {@code pre_read_sent_at IS NULL}, so that two nodes running at once send it once.
 */
@Service
public class PreReadSending {

	private static final Logger log = LoggerFactory.getLogger(PreReadSending.class);

	/** Meetings that began up to this long ago are looked at (no ritual is longer than a day). */
	static final Duration STARTED_UP_TO = Duration.ofDays(1);

	private final PreReadRows rows;

	private final RitualSchedule schedule;

	private final PreReads preReads;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PreReadSending(PreReadRows rows, RitualSchedule schedule, PreReads preReads, Organization organization,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.rows = rows;
		this.schedule = schedule;
		this.preReads = preReads;
		this.organization = organization;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Sends the pre-reads now due; how many were sent. */
	public int sendDue() {
		Instant now = clock.instant();
		List<RitualRow> rituals = rows.activeRituals();
		if (rituals.isEmpty()) {
			return 0;
		}
		Map<String, RitualRow> byId = new HashMap<>();
		rituals.forEach(r -> byId.put(r.id(), r));
		int longest = rituals.stream().mapToInt(RitualRow::preReadHours).max().orElse(0);
		List<TeamId> teams = rituals.stream().map(r -> new TeamId(r.teamId())).distinct().toList();
		int sent = 0;
		// due from pre_read_hours before the start until the meeting ends: a ritual that wants it 0 hours before gets it
		// as it starts (the job runs every quarter of an hour, so its meetings have always begun by then), and one the
		// job missed (the node was down) still gets it while the meeting runs
		for (RitualSchedule.Occurrence o : schedule.between(teams, now.minus(STARTED_UP_TO),
				now.plus(Duration.ofHours(longest)).plusSeconds(1))) {
			RitualRow ritual = byId.get(o.ritual().value());
			if (ritual == null || o.startsAt().isAfter(now.plus(Duration.ofHours(ritual.preReadHours())))
					|| !o.startsAt().plus(Duration.ofMinutes(o.durationMinutes())).isAfter(now)
					|| "SKIPPED".equals(o.status())) {
				continue;
			}
			try {
				if (send(o)) {
					sent++;
				}
			}
			catch (RuntimeException e) {
				// one team's failure does not keep the others' pre-reads back; the next run tries it again
				log.warn("Rhythm: the pre-read of ritual {} at {} was not sent: {}", o.ritual().value(), o.startsAt(),
						e.toString());
			}
		}
		return sent;
	}

	private boolean send(RitualSchedule.Occurrence o) {
		SessionId id = o.session() != null ? o.session()
				: Retry.onDuplicateKey(() -> schedule.prepare(o.ritual(), o.startsAt()));
		SessionRow session = rows.session(id.value()).orElseThrow();
		if (session.preReadSentAt() != null || "SKIPPED".equals(session.status())) {
			return false;
		}
		List<PersonId> managers = organization.managersOfTeam(new TeamId(session.teamId()));
		if (managers.isEmpty()) {
			return false; // nobody to read it yet; sent once the team has a manager
		}
		PreRead preRead = transactions.execute(status -> preReads.build(organization.viewerOf(managers.get(0)), session,
				false));
		ZoneId zone = schedule.zoneOf(o.ritual());
		String markdown = PreReadMarkdown.of(preRead, zone);
		Boolean marked = transactions.execute(status -> {
			if (!rows.markSent(session.id(), clock.instant())) {
				return false;
			}
			events.publishEvent(new PreReadReady(id, preRead.team(), preRead.ritualName(), preRead.startsAt(), markdown,
					"/sessions/" + id.value() + "/pre-read", zone.getId()));
			return true;
		});
		return Boolean.TRUE.equals(marked);
	}
}
