package io.stride.tracks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nightly release ({@code stride.tracks.release-cron}, 02:15 UTC; "-" turns it off): one UPDATE opens every step
 * of an active enrolment whose day has come, then what it opened is read back by its run id to record each release in
 * the learning record and tell each person once. A second node running at the same moment opens nothing twice (the
 * UPDATE only takes steps not yet open).
 */
@Component
public class StepReleaseJob {

	private static final Logger log = LoggerFactory.getLogger(StepReleaseJob.class);

	/** Notices are published in groups of this many people, so that one event stays a readable size. */
	private static final int PEOPLE_PER_EVENT = 500;

	private final ProgressRows rows;

	private final LearningRecord record;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StepReleaseJob(ProgressRows rows, LearningRecord record, Organization organization,
			ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.record = record;
		this.organization = organization;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(cron = "${stride.tracks.release-cron:0 15 2 * * *}", zone = "UTC")
	void nightly() {
		int released = releaseDue();
		log.info("Tracks: {} steps released", released);
	}

	/** Opens every step whose day has come; returns how many opened. */
	@Transactional
	public int releaseDue() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		String run = Ids.newId();
		int released = rows.releaseDue(today, now, run);
		if (released == 0) {
			return 0;
		}
		List<ProgressRows.ReleasedRow> opened = rows.releasedIn(run);
		Set<PersonId> people = new HashSet<>();
		opened.forEach(row -> people.add(new PersonId(row.personId())));
		Map<PersonId, Organization.Credit> names = organization.credits(people);
		Map<String, List<ProgressRows.ReleasedRow>> byEnrolment = new LinkedHashMap<>();
		for (ProgressRows.ReleasedRow row : opened) {
			PersonId person = new PersonId(row.personId());
			Organization.Credit credit = names.get(person);
			record.record(new LearningAction(person, credit == null ? "Someone" : credit.name(), Verb.LAUNCHED,
					ActivityType.TRACK_STEP, row.stepId(), row.stepTitle(), null, Result.NONE, row.enrolmentId()));
			byEnrolment.computeIfAbsent(row.enrolmentId(), k -> new ArrayList<>()).add(row);
		}
		List<EnrolmentStepsReleased.Released> notices = new ArrayList<>();
		for (List<ProgressRows.ReleasedRow> steps : byEnrolment.values()) {
			ProgressRows.ReleasedRow first = steps.get(0);
			notices.add(new EnrolmentStepsReleased.Released(new PersonId(first.personId()), first.enrolmentId(),
					new TrackId(first.trackId()), first.trackTitle(), steps.stream().map(ProgressRows.ReleasedRow::stepTitle).toList()));
			if (notices.size() == PEOPLE_PER_EVENT) {
				events.publishEvent(new EnrolmentStepsReleased(notices));
				notices = new ArrayList<>();
			}
		}
		if (!notices.isEmpty()) {
			events.publishEvent(new EnrolmentStepsReleased(notices));
		}
		return released;
	}
}
