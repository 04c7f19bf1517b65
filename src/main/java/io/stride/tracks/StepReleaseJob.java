package io.stride.tracks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.activity.ActivityType;
import io.stride.activity.LearningAction;
import io.stride.activity.LearningRecord;
import io.stride.activity.Result;
import io.stride.activity.Verb;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import io.stride.tracks.internal.ProgressRows;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly release ({@code stride.tracks.release-cron}, 02:15 UTC; "-" turns it off): one UPDATE opens every step
 * of an active enrolment whose day has come, then what it opened is read back by its run id to record each release in
 * the learning record and tell each person once. A second node running at the same moment opens nothing twice (the
 * UPDATE only takes steps not yet open); the lock (ADR 0039) keeps the second node from even trying.
 */
@Component
public class StepReleaseJob {

	private static final Logger log = LoggerFactory.getLogger(StepReleaseJob.class);

	private static final int NAMES_PER_QUERY = 5_000;

	private final ProgressRows rows;

	private final LearningRecord record;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	StepReleaseJob(ProgressRows rows, LearningRecord record, Organization organization,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.rows = rows;
		this.record = record;
		this.organization = organization;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(cron = "${stride.tracks.release-cron:0 15 2 * * *}", zone = "UTC")
	// one transaction: what a node that dies was opening is rolled back and opens the next night (release_on <= today);
	// held ten minutes past its end so that a node whose clock is late does not run it again
	@SchedulerLock(name = "tracks-step-release", lockAtMostFor = "PT1H", lockAtLeastFor = "PT10M")
	void nightly() {
		releaseDue();
	}

	/**
	 * Opens every step whose day has come, in one transaction (the steps, their statements and the event commit
	 * together); returns how many opened. The scheduler calls it from inside this bean, hence the explicit transaction.
	 */
	public int releaseDue() {
		Integer released = transaction.execute(status -> release());
		return released == null ? 0 : released;
	}

	private int release() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		String run = Ids.newId();
		long start = System.nanoTime();
		int released = rows.releaseDue(today, now, run);
		if (released == 0) {
			return 0;
		}
		long opening = System.nanoTime() - start;
		List<ProgressRows.ReleasedRow> opened = rows.releasedIn(run);
		Set<PersonId> people = new HashSet<>();
		opened.forEach(row -> people.add(new PersonId(row.personId())));
		Map<PersonId, Organization.Credit> names = new HashMap<>();
		List<PersonId> all = List.copyOf(people);
		// names in slices: a query takes at most 65,535 parameters on PostgreSQL
		for (int from = 0; from < all.size(); from += NAMES_PER_QUERY) {
			names.putAll(organization.credits(all.subList(from, Math.min(all.size(), from + NAMES_PER_QUERY))));
		}
		List<LearningAction> launched = new ArrayList<>(opened.size());
		for (ProgressRows.ReleasedRow row : opened) {
			PersonId person = new PersonId(row.personId());
			Organization.Credit credit = names.get(person);
			launched.add(new LearningAction(person, credit == null ? "Someone" : credit.name(), Verb.LAUNCHED,
					ActivityType.TRACK_STEP, row.stepId(), row.stepTitle(), null, Result.NONE, row.enrolmentId()));
		}
		// one multi-row insert per thousand statements, not one insert (and one event) per statement
		record.recordAll(launched);
		// one event for the run: its listeners read who to tell (TrackProgress.noticesOf), one notice per person
		events.publishEvent(new EnrolmentStepsReleased(run, released));
		log.info("Tracks: {} steps opened in {} ms, recorded in the learning record in {} ms", released,
				opening / 1_000_000, (System.nanoTime() - start - opening) / 1_000_000);
		return released;
	}
}
