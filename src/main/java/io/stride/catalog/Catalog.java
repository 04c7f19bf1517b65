package io.stride.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.stride.authoring.CourseId;
import io.stride.authoring.CoursePublished;
import io.stride.authoring.CourseRetired;
import io.stride.capability.CapabilityChanged;
import io.stride.capability.CourseCapabilities;
import io.stride.catalog.internal.CatalogEntries;
import io.stride.catalog.internal.CatalogEntries.Filter;
import io.stride.catalog.internal.CatalogEntries.Order;
import io.stride.catalog.internal.CatalogEntries.Row;
import io.stride.catalog.internal.CatalogEntries.Term;
import io.stride.feedback.ReactionScore;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.CacheGenerations;
import io.stride.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of every published course anyone may start: searched, filtered and sorted. Retired courses and
 * courses never published are absent; a course with a new version in review shows its live version. Searches read
 * the catalogue's own table ({@link CatalogIndex} keeps it); capabilities and teams are asked of their modules.
 */
@Service
public class Catalog {

	static final int WORDS_PER_MINUTE = 200;

	private static final int MAX_WORD_LENGTH = 100;

	private final CatalogEntries entries;

	private final CourseCapabilities capabilities;

	private final Organization organization;

	/** How long the filters' options are kept: reading them costs more than a search on a large catalogue. */
	private final long choicesNanos;

	/**
	 * The filters' options as last read, under which generation (a publication or retirement on any node moves it on)
	 * and until when (System.nanoTime) they are kept.
	 */
	private record Choices(List<CatalogChoice> capabilities, List<CatalogChoice> teams, List<CatalogChoice> languages,
			long generation, long until) {
	}

	private static final String CHOICES = "catalog-choices";

	private final CacheGenerations generations;

	private volatile Choices choices;

	Catalog(CatalogEntries entries, CourseCapabilities capabilities, Organization organization,
			CacheGenerations generations, @Value("${stride.catalog.choices-cache:60s}") Duration choicesCache) {
		this.generations = generations;
		this.entries = entries;
		this.capabilities = capabilities;
		this.organization = organization;
		this.choicesNanos = choicesCache.toNanos();
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
		List<Term> terms = new ArrayList<>();
		for (String word : words) {
			// a word may also name a capability the course counts for
			terms.add(new Term(word, ids(capabilities.coursesForCapabilitiesNamed(word))));
		}
		Set<String> courses = query.capability() == null ? null : ids(capabilities.coursesFor(query.capability()));
		Set<String> authors = null;
		if (query.team() != null) {
			authors = new LinkedHashSet<>();
			for (PersonId member : organization.directMembersOf(query.team())) {
				authors.add(member.value());
			}
		}
		Integer minWords = null;
		Integer maxWords = null;
		if (query.length() != null) {
			// minutes are words / 200 rounded up, at least 1: up to 10 minutes is up to 2,000 words
			switch (query.length()) {
				case SHORT -> maxWords = 10 * WORDS_PER_MINUTE;
				case MEDIUM -> maxWords = 30 * WORDS_PER_MINUTE;
				case LONG -> minWords = 30 * WORDS_PER_MINUTE + 1;
			}
		}
		String language = query.language() == null || query.language().isBlank() ? null
				: query.language().strip().toLowerCase(Locale.ROOT);
		if (language != null && !language.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*")) {
			throw new InvalidInputException("language", "Choose a language by its code, such as en or de.");
		}
		Filter filter = new Filter(terms, courses, authors, minWords, maxWords, query.minScore(), language);
		int total = entries.count(filter);
		int pages = (total + CatalogQuery.PAGE_SIZE - 1) / CatalogQuery.PAGE_SIZE;
		int page = Math.max(1, Math.min(query.page(), pages));
		if (total == 0) {
			return new CatalogPage(List.of(), page, pages, total);
		}
		// a title that holds the words says more than a lesson that mentions them; then what colleagues took
		Order order = switch (query.sort() == null ? CatalogQuery.Sort.RELEVANCE : query.sort()) {
			case RELEVANCE -> words.isEmpty() ? Order.USE : Order.TITLE_MATCHES_THEN_USE;
			case MOST_USED -> Order.USE;
			case NEWEST -> Order.NEWEST;
		};
		List<Row> shown = entries.page(filter, order, (page - 1) * CatalogQuery.PAGE_SIZE, CatalogQuery.PAGE_SIZE);
		return new CatalogPage(entries(shown), page, pages, total);
	}

	/**
	 * The capabilities some published course counts for, to filter by. Kept for a minute (stride.catalog.choices-cache)
	 * or until a course is published or retired or a capability changes here.
	 */
	@Transactional(readOnly = true)
	public List<CatalogChoice> capabilities() {
		return choices().capabilities();
	}

	/** The teams of the authors of published courses, to filter by; kept as {@link #capabilities()} is. */
	@Transactional(readOnly = true)
	public List<CatalogChoice> teams() {
		return choices().teams();
	}

	private Choices choices() {
		Choices known = choices;
		long generation = generations.current(CHOICES);
		if (known != null && known.generation() == generation && System.nanoTime() - known.until() < 0) {
			return known;
		}
		Choices read = new Choices(readCapabilities(), readTeams(), readLanguages(), generation,
				System.nanoTime() + choicesNanos);
		if (choicesNanos > 0) {
			choices = read;
		}
		return read;
	}

	@EventListener({ CoursePublished.class, CourseRetired.class, CapabilityChanged.class })
	void forgetChoices() {
		choices = null;
		// and every other node's: they read the generation before using what they kept
		generations.advance(CHOICES);
	}

	/** The languages published courses are written in, to filter by (the code and its English name). */
	@Transactional(readOnly = true)
	public List<CatalogChoice> languages() {
		return choices().languages();
	}

	private List<CatalogChoice> readLanguages() {
		return entries.languages()
			.stream()
			.map(tag -> new CatalogChoice(tag, Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH)))
			.toList();
	}

	private List<CatalogChoice> readCapabilities() {
		List<CourseCapabilities.Linked> linked = capabilities.withCourses();
		Set<String> named = new LinkedHashSet<>();
		linked.forEach(l -> named.addAll(ids(l.courses())));
		Set<String> live = entries.present(named);
		return linked.stream()
			.filter(l -> l.courses().stream().anyMatch(c -> live.contains(c.value())))
			.map(l -> new CatalogChoice(l.id().value(), l.name()))
			.toList();
	}

	private List<CatalogChoice> readTeams() {
		return organization.teamsOf(entries.authors().stream().map(PersonId::new).toList())
			.stream()
			.map(t -> new CatalogChoice(t.id().value(), t.name()))
			.toList();
	}

	private List<CatalogEntry> entries(List<Row> shown) {
		var authorIds = new LinkedHashSet<PersonId>();
		shown.forEach(r -> authorIds.add(new PersonId(r.authorId())));
		Map<PersonId, Organization.Credit> credits = organization.credits(authorIds);
		Map<CourseId, List<String>> names = capabilities
			.namesByCourse(shown.stream().map(r -> new CourseId(r.id())).toList());
		List<CatalogEntry> result = new ArrayList<>();
		for (Row row : shown) {
			Organization.Credit credit = credits.get(new PersonId(row.authorId()));
			ReactionScore score = new ReactionScore(row.helpful(), row.unclear(), row.outdated());
			result.add(new CatalogEntry(new CourseId(row.id()), row.title(), row.description(),
					credit == null ? "" : credit.name(), credit == null ? List.of() : credit.teams(), row.lessons(),
					minutes(row.words()), score.total() < ReactionScore.MIN_FOR_SCORE ? null : score.score(),
					score.total(), names.getOrDefault(new CourseId(row.id()), List.of()), row.learners(),
					row.publishedAt()));
		}
		return result;
	}

	private static Set<String> ids(Collection<CourseId> courses) {
		Set<String> ids = new LinkedHashSet<>();
		courses.forEach(c -> ids.add(c.value()));
		return ids;
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
}
