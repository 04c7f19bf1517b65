package io.stride.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.CoursePublished;
import io.stride.authoring.CourseRetired;
import io.stride.authoring.LibraryCourse;
import io.stride.catalog.internal.CatalogEntries;
import io.stride.catalog.internal.CatalogEntries.Counts;
import io.stride.catalog.internal.CatalogEntries.Entry;
import io.stride.delivery.Delivery;
import io.stride.drafting.TextLanguage;
import io.stride.delivery.LearnerStarted;
import io.stride.feedback.CourseReactions;
import io.stride.feedback.Feedback;
import io.stride.feedback.LessonReacted;
import io.stride.feedback.ReactionScore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the catalogue's table of live courses: a published version replaces what the catalogue shows of its course,
 * a retired course leaves it, and learners and reactions are counted as delivery and feedback report them. The
 * listeners run in the transaction of the change, so a search never sees a course the catalogue has not caught up
 * with. At start-up the table catches up with courses published before it existed (or while it was not kept) and
 * the counts are taken afresh; doing it again changes nothing.
 */
@Service
public class CatalogIndex {

	private static final Logger log = LoggerFactory.getLogger(CatalogIndex.class);

	/** Courses read at once while catching up: their content is in memory together. */
	static final int BATCH = 2000;

	private final CatalogEntries entries;

	private final Authoring authoring;

	private final Delivery delivery;

	private final Feedback feedback;

	CatalogIndex(CatalogEntries entries, Authoring authoring, Delivery delivery, Feedback feedback) {
		this.entries = entries;
		this.authoring = authoring;
		this.delivery = delivery;
		this.feedback = feedback;
	}

	@EventListener
	@Transactional
	void on(CoursePublished published) {
		// a course published again while retired stays retired: authoring answers what learners may take
		Map<CourseId, Course> live = authoring.published(List.of(published.courseId()));
		Course course = live.get(published.courseId());
		if (course == null) {
			entries.delete(List.of(published.courseId().value()));
		}
		else if (!entries.update(entry(course))) {
			insert(List.of(course));
		}
	}

	@EventListener
	@Transactional
	void on(CourseRetired retired) {
		entries.delete(List.of(retired.courseId().value()));
	}

	@EventListener
	@Transactional
	void on(LearnerStarted started) {
		entries.addLearner(started.courseId().value());
	}

	@EventListener
	@Transactional
	void on(LessonReacted reacted) {
		// counted afresh from feedback rather than moved by one: two changes of one reaction at once both saw the same
		// "before", and moving by one counted it away twice
		Counts counts = counts(List.of(reacted.courseId())).get(reacted.courseId());
		if (counts != null) {
			entries.setCounts(Map.of(reacted.courseId().value(), counts));
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		long started = System.nanoTime();
		int[] changed = catchUp();
		log.info("Catalogue: {} courses indexed, {} removed, {} recounted in {} ms", changed[0], changed[1], changed[2],
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Brings the table in line with authoring: entries for live courses it lacks or shows an older version of, none
	 * for courses no longer live, and every count taken afresh. Answers how many entries were written, removed
	 * and recounted.
	 */
	@Transactional
	public int[] catchUp() {
		entries.lockForCatchUp();
		Map<String, Integer> indexed = entries.versions();
		Set<String> withoutLanguage = entries.withoutLanguage();
		List<CourseId> stale = new ArrayList<>();
		Set<String> live = new HashSet<>();
		for (LibraryCourse course : authoring.library()) {
			if (course.isLive()) {
				live.add(course.id().value());
				if (!Objects.equals(indexed.get(course.id().value()), course.liveVersion())
						|| withoutLanguage.contains(course.id().value())) {
					stale.add(course.id());
				}
			}
		}
		List<String> gone = indexed.keySet().stream().filter(id -> !live.contains(id)).toList();
		entries.delete(gone);
		for (int from = 0; from < stale.size(); from += BATCH) {
			List<Course> updated = new ArrayList<>();
			List<Course> fresh = new ArrayList<>();
			for (Course course : authoring.published(stale.subList(from, Math.min(stale.size(), from + BATCH))).values()) {
				(indexed.containsKey(course.id().value()) ? updated : fresh).add(course);
			}
			entries.updateAll(updated.stream().map(CatalogIndex::entry).toList());
			insert(fresh);
		}
		// counts missed while the catalogue was not kept (or changed by hand) are set right; the rest stay untouched
		Map<String, Counts> kept = entries.counts();
		List<CourseId> all = live.stream().map(CourseId::new).toList();
		int recounted = 0;
		for (int from = 0; from < all.size(); from += BATCH * 5) {
			List<CourseId> batch = all.subList(from, Math.min(all.size(), from + BATCH * 5));
			Map<String, Counts> changed = new HashMap<>();
			for (var count : counts(batch).entrySet()) {
				if (!count.getValue().equals(kept.get(count.getKey().value()))) {
					changed.put(count.getKey().value(), count.getValue());
				}
			}
			entries.setCounts(changed);
			recounted += changed.size();
		}
		return new int[] { stale.size(), gone.size(), recounted };
	}

	private void insert(List<Course> fresh) {
		Map<String, Counts> counts = new HashMap<>();
		counts(fresh.stream().map(Course::id).toList()).forEach((id, c) -> counts.put(id.value(), c));
		entries.insertAll(fresh.stream().map(CatalogIndex::entry).toList(), counts);
	}

	private static Entry entry(Course course) {
		CourseText text = CourseText.of(course);
		return new Entry(course.id().value(), course.version(), course.title(), course.description(),
				course.lessons().size(), text.words(), text.text(), course.authorId().value(), course.publishedAt(),
				TextLanguage.of(text.text()).tag());
	}

	private Map<CourseId, Counts> counts(List<CourseId> ids) {
		Map<CourseId, Counts> counts = new HashMap<>();
		if (ids.isEmpty()) {
			return counts;
		}
		Map<CourseId, Integer> learners = delivery.learnersPerCourse(ids);
		Map<CourseId, CourseReactions> reactions = feedback.reactionsAmong(ids, null);
		for (CourseId id : ids) {
			ReactionScore score = reactions.getOrDefault(id, CourseReactions.NONE).score();
			counts.put(id, new Counts(learners.getOrDefault(id, 0), score.helpful(), score.unclear(), score.outdated()));
		}
		return counts;
	}
}
