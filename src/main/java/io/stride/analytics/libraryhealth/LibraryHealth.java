package io.stride.analytics.libraryhealth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.stride.analytics.internal.CourseAnalyticsAccess;
import io.stride.analytics.internal.CourseOpens;
import io.stride.analytics.libraryhealth.LibraryHealthReport.Age;
import io.stride.analytics.libraryhealth.LibraryHealthReport.Entry;
import io.stride.analytics.libraryhealth.LibraryHealthReport.ReviewBy;
import io.stride.analytics.libraryhealth.LibraryHealthReport.State;
import io.stride.analytics.libraryhealth.LibraryHealthReport.Use;
import io.stride.analytics.lifecycle.Lifecycle;
import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.authoring.CourseState;
import io.stride.authoring.LibraryCourse;
import io.stride.identity.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library's health, counted from the courses and the learning record. As with the needs-attention lists, admins
 * see the whole organization; everyone else the courses they wrote.
 */
@Service
@Transactional(readOnly = true)
public class LibraryHealth {

	/** A review-by date this close is "due soon". */
	public static final int DUE_SOON_DAYS = 30;

	private final Authoring authoring;

	private final CourseOpens opens;

	private final Lifecycle lifecycle;

	private final Clock clock;

	private final CourseAnalyticsAccess access;

	LibraryHealth(Authoring authoring, CourseOpens opens, Lifecycle lifecycle, Clock clock,
			CourseAnalyticsAccess access) {
		this.authoring = authoring;
		this.access = access;
		this.opens = opens;
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	public LibraryHealthReport report(Viewer viewer, LibraryHealthFilter filter) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		int idleDays = lifecycle.settings().idleDays();
		Instant since = now.minus(Duration.ofDays(idleDays));
		boolean wholeLibrary = access.seesAll(viewer);
		List<LibraryCourse> courses = wholeLibrary ? authoring.library() : authoring.libraryOf(viewer.id());
		Map<String, Instant> lastOpened = opens.lastOpened(
				courses.stream().filter(LibraryCourse::isLive).map(c -> c.id().value()).toList());
		Map<State, Integer> byState = zeros(State.class);
		Map<Age, Integer> byAge = zeros(Age.class);
		Map<ReviewBy, Integer> byReviewBy = zeros(ReviewBy.class);
		Map<Use, Integer> byUse = zeros(Use.class);
		List<Entry> listed = new ArrayList<>();
		for (LibraryCourse course : courses) {
			Entry entry = entry(course, lastOpened.get(course.id().value()), today, since);
			byState.merge(entry.state(), 1, Integer::sum);
			byAge.merge(entry.age(), 1, Integer::sum);
			if (entry.reviewBy() != null) {
				byReviewBy.merge(entry.reviewBy(), 1, Integer::sum);
				byUse.merge(entry.use(), 1, Integer::sum);
			}
			if (!filter.isEmpty() && filter.matches(entry)) {
				listed.add(entry);
			}
		}
		Set<CourseId> ids = wholeLibrary ? null : courses.stream().map(LibraryCourse::id).collect(Collectors.toSet());
		return new LibraryHealthReport(wholeLibrary, idleDays, courses.size(), byState, byAge, byReviewBy, byUse,
				lifecycle.openProposals(ids), filter, listed);
	}

	static Entry entry(LibraryCourse course, Instant lastOpened, LocalDate today, Instant since) {
		CourseState now = course.state();
		State state = now.isRetired() ? State.RETIRED
				: now.isLive() ? State.PUBLISHED : now.isInReview() ? State.IN_REVIEW : State.DRAFT;
		Instant from = course.firstPublishedAt() != null ? course.firstPublishedAt() : course.createdAt();
		LocalDate fromDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
		Age age = fromDay.isAfter(today.minusMonths(3)) ? Age.UNDER_3_MONTHS
				: fromDay.isAfter(today.minusMonths(12)) ? Age.UNDER_1_YEAR : Age.OVER_1_YEAR;
		ReviewBy reviewBy = null;
		Use use = null;
		if (state == State.PUBLISHED) {
			LocalDate date = course.reviewBy();
			reviewBy = date == null ? ReviewBy.NONE
					: date.isBefore(today) ? ReviewBy.OVERDUE
							: !date.isAfter(today.plusDays(DUE_SOON_DAYS)) ? ReviewBy.DUE_SOON : ReviewBy.LATER;
			use = lastOpened != null && !lastOpened.isBefore(since) ? Use.OPENED : Use.IDLE;
		}
		return new Entry(course.id(), course.title(), state, age, from, course.reviewBy(), reviewBy, use,
				state == State.PUBLISHED ? lastOpened : null);
	}

	private static <E extends Enum<E>> Map<E, Integer> zeros(Class<E> type) {
		Map<E, Integer> counts = new EnumMap<>(type);
		for (E constant : type.getEnumConstants()) {
			counts.put(constant, 0);
		}
		return counts;
	}
}
