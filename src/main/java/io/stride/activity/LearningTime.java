package io.stride.activity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.identity.PersonId;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time people spent in lessons and quizzes, read from the learning record, which stores when each step happened but
 * not how long it took. A lesson counts from its opening to the learner's next step in any course (the next lesson, a
 * knowledge check, a quiz; a course completed or mastered is Stride's record, not a step), at most {@link #LESSON_CAP}; when nothing follows within that time the record cannot say
 * when reading stopped, and the lesson counts {@link #LESSON_UNKNOWN}. A quiz attempt counts from its start to its
 * submission; an attempt not submitted within {@link #QUIZ_CAP} (left open, or timed out and closed later) counts
 * nothing. Each step counts in the period it
 * started in. It checks no viewer: callers decide whose time a person may see.
 */
@Service
@Transactional(readOnly = true)
public class LearningTime {

	public static final Duration LESSON_CAP = Duration.ofMinutes(30);

	public static final Duration LESSON_UNKNOWN = Duration.ofMinutes(10);

	public static final Duration QUIZ_CAP = Duration.ofHours(3);

	/** A person's time in lessons and in quizzes. */
	public record Spent(Duration lessons, Duration quizzes) {

		public static final Spent NONE = new Spent(Duration.ZERO, Duration.ZERO);

		public Duration total() {
			return lessons.plus(quizzes);
		}
	}

	private record Step(String actor, String verb, String registration, Instant at) {
	}

	private final JdbcClient jdbc;

	LearningTime(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The time each of these people spent in steps that started from {@code start} (inclusive) to {@code end}; people
	 * with none are absent. One query for them all.
	 */
	public Map<PersonId, Spent> of(Collection<PersonId> people, Instant start, Instant end) {
		Map<PersonId, Spent> result = new HashMap<>();
		List<String> ids = people.stream().map(PersonId::value).distinct().toList();
		if (ids.isEmpty() || !start.isBefore(end)) {
			return result;
		}
		// the steps that follow the period's last ones are read too: they end a lesson or an attempt begun in it
		List<Step> steps = jdbc.sql("SELECT actor_id, verb, registration, occurred_at FROM statements "
				+ "WHERE actor_id = ANY(:people) AND occurred_at >= :start AND occurred_at < :until AND course_id IS NOT NULL "
				+ "ORDER BY actor_id, occurred_at, stored_at, id")
			.param("people", SqlArrays.varchars(ids))
			.param("start", Timestamp.from(start))
			.param("until", Timestamp.from(end.plus(QUIZ_CAP)))
			.query((rs, n) -> new Step(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list();
		Map<String, List<Step>> byActor = new HashMap<>();
		steps.forEach(s -> byActor.computeIfAbsent(s.actor(), k -> new ArrayList<>()).add(s));
		byActor.forEach((actor, own) -> {
			Spent spent = spent(own, end);
			if (!spent.total().isZero()) {
				result.put(new PersonId(actor), spent);
			}
		});
		return result;
	}

	/** One person's steps in time order. */
	static Spent spent(List<Step> steps, Instant end) {
		Duration lessons = Duration.ZERO;
		Duration quizzes = Duration.ZERO;
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			if (!step.at().isBefore(end)) {
				break;
			}
			if (Verb.EXPERIENCED.iri().equals(step.verb())) {
				Step next = nextAction(steps, i);
				Duration gap = next == null ? null : Duration.between(step.at(), next.at());
				lessons = lessons.plus(gap != null && gap.compareTo(LESSON_CAP) <= 0 ? gap : LESSON_UNKNOWN);
			}
			else if (Verb.ATTEMPTED.iri().equals(step.verb()) && step.registration() != null) {
				for (int j = i + 1; j < steps.size(); j++) {
					Step later = steps.get(j);
					if (Duration.between(step.at(), later.at()).compareTo(QUIZ_CAP) > 0) {
						break;
					}
					boolean submitted = Verb.PASSED.iri().equals(later.verb()) || Verb.FAILED.iri().equals(later.verb());
					if (submitted && step.registration().equals(later.registration())) {
						quizzes = quizzes.plus(Duration.between(step.at(), later.at()));
						break;
					}
				}
			}
		}
		return new Spent(lessons, quizzes);
	}

	/**
	 * The learner's next step after the i-th: what they did, not what Stride derived from it (a course completed or
	 * mastered is recorded at the instant of the lesson or quiz that did it).
	 */
	private static Step nextAction(List<Step> steps, int i) {
		for (int j = i + 1; j < steps.size(); j++) {
			String verb = steps.get(j).verb();
			if (!Verb.COMPLETED.iri().equals(verb) && !Verb.MASTERED.iri().equals(verb)) {
				return steps.get(j);
			}
		}
		return null;
	}
}
