package io.stride.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.catalog.internal.CatalogCourses;
import io.stride.catalog.internal.CatalogCourses.Match;
import io.stride.feedback.ReactionScore;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of every published course anyone may start: searched, filtered and sorted. Retired courses and
 * courses never published are absent; a course with a new version in review shows its live version.
 */
@Service
public class Catalog {

	static final int WORDS_PER_MINUTE = 200;

	private static final int MAX_WORD_LENGTH = 100;

	private final CatalogCourses courses;

	private final Authoring authoring;

	Catalog(CatalogCourses courses, Authoring authoring) {
		this.courses = courses;
		this.authoring = authoring;
	}

	/**
	 * One page of the courses matching the query, for anyone signed in; a page past the last gives the last page.
	 * @throws InvalidInputException for a page below 1, a minimum score outside −100 to 100 or too many words
	 */
	@Transactional(readOnly = true)
	public CatalogPage search(Viewer viewer, CatalogQuery query) {
		Objects.requireNonNull(viewer, "viewer");
		if (query.page() < 1) {
			throw new InvalidInputException("page", "The page is a number from 1.");
		}
		if (query.minScore() != null && (query.minScore() < -100 || query.minScore() > 100)) {
			throw new InvalidInputException("minScore", "The minimum reaction score is from −100 to 100.");
		}
		List<String> words = words(query.words());
		List<Match> matches = new ArrayList<>();
		for (Match match : courses.matches(words, query.capability() == null ? null : query.capability().value(),
				query.team() == null ? null : query.team().value())) {
			if (query.length() != null && !query.length().fits(minutes(match.words()))) {
				continue;
			}
			if (query.minScore() != null) {
				Integer score = shownScore(match);
				if (score == null || score < query.minScore()) {
					continue;
				}
			}
			matches.add(match);
		}
		matches.sort(order(query.sort() == null ? CatalogQuery.Sort.RELEVANCE : query.sort(), !words.isEmpty()));
		int total = matches.size();
		int pages = (total + CatalogQuery.PAGE_SIZE - 1) / CatalogQuery.PAGE_SIZE;
		int page = Math.max(1, Math.min(query.page(), pages));
		List<Match> shown = matches.subList(Math.min(total, (page - 1) * CatalogQuery.PAGE_SIZE),
				Math.min(total, page * CatalogQuery.PAGE_SIZE));
		return new CatalogPage(entries(shown), page, pages, total);
	}

	/** The capabilities some published course counts for, to filter by. */
	@Transactional(readOnly = true)
	public List<CatalogChoice> capabilities() {
		return courses.capabilityChoices();
	}

	/** The teams of the authors of published courses, to filter by. */
	@Transactional(readOnly = true)
	public List<CatalogChoice> teams() {
		return courses.teamChoices();
	}

	private List<CatalogEntry> entries(List<Match> shown) {
		List<CourseId> ids = shown.stream().map(m -> new CourseId(m.id())).toList();
		Map<CourseId, Course> live = authoring.published(ids);
		var authorIds = new LinkedHashSet<String>();
		shown.forEach(m -> authorIds.add(m.authorId()));
		Map<String, String> names = courses.authorNames(authorIds);
		Map<String, List<String>> teams = courses.authorTeams(authorIds);
		Map<String, List<String>> capabilities = courses.capabilities(shown.stream().map(Match::id).toList());
		List<CatalogEntry> entries = new ArrayList<>();
		for (Match match : shown) {
			Course course = live.get(new CourseId(match.id()));
			entries.add(new CatalogEntry(new CourseId(match.id()), match.title(),
					course == null ? "" : course.description(), names.getOrDefault(match.authorId(), ""),
					teams.getOrDefault(match.authorId(), List.of()), course == null ? 0 : course.lessons().size(),
					minutes(match.words()), shownScore(match), score(match).total(),
					capabilities.getOrDefault(match.id(), List.of()), match.learners(), match.publishedAt()));
		}
		return entries;
	}

	private static Comparator<Match> order(CatalogQuery.Sort sort, boolean searched) {
		Comparator<Match> byUse = Comparator.comparingInt(Match::learners).reversed();
		Comparator<Match> byTitle = Comparator.comparing(m -> m.title().toLowerCase(Locale.ROOT));
		return switch (sort) {
			// a title that holds the words says more than a lesson that mentions them; then what colleagues took
			case RELEVANCE -> searched
					? Comparator.comparing(Match::inTitle).reversed().thenComparing(byUse).thenComparing(byTitle)
					: byUse.thenComparing(byTitle);
			case MOST_USED -> byUse.thenComparing(byTitle);
			case NEWEST -> Comparator.comparing(Match::publishedAt).reversed().thenComparing(byTitle);
		};
	}

	/** Distinct lower-cased words, at most {@link CatalogQuery#MAX_WORDS}. */
	static List<String> words(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<String> words = Arrays.stream(text.trim().toLowerCase(Locale.ROOT).split("\\s+")).distinct().toList();
		if (words.size() > CatalogQuery.MAX_WORDS) {
			throw new InvalidInputException("q", "Search with at most " + CatalogQuery.MAX_WORDS + " words.");
		}
		if (words.stream().anyMatch(w -> w.length() > MAX_WORD_LENGTH)) {
			throw new InvalidInputException("q", "A word is at most " + MAX_WORD_LENGTH + " characters long.");
		}
		return words;
	}

	static int minutes(int words) {
		return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
	}

	private static ReactionScore score(Match match) {
		return new ReactionScore(match.helpful(), match.unclear(), match.outdated());
	}

	/** The score as feedback shows it: a figure only from {@link ReactionScore#MIN_FOR_SCORE} reactions. */
	private static Integer shownScore(Match match) {
		ReactionScore score = score(match);
		return score.total() < ReactionScore.MIN_FOR_SCORE ? null : score.score();
	}
}
