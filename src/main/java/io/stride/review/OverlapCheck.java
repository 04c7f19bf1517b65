package io.stride.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.ElementOrigin;
import io.stride.authoring.Lesson;
import io.stride.drafting.Overlap;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Before a course is approved: which published courses already say the same, and which facts disagree, so the
 * author can link or reuse instead of duplicating, and reviewers see conflicts. Parts reused on purpose (linked or
 * copied from another course, with their origin recorded) are left out: saying what their source says is the point.
 */
@Service
public class OverlapCheck {

	static final double SHOWN_FROM_SHARE = 0.2;

	/** How many of the courses with the closest words are embedded and compared. */
	static final int CANDIDATES = 12;

	/** How many words of the course find those courses: its most frequent ones. */
	static final int WORDS = 24;

	/** Published versions do not change: their embedded passages are kept for this many versions. */
	private static final int KEPT_VERSIONS = 256;

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	/** Frequent words that say nothing of a course's subject. */
	private static final Set<String> COMMON = Set.of("about", "after", "again", "also", "because", "been", "before",
			"being", "between", "both", "could", "does", "each", "every", "first", "from", "have", "into", "just", "like",
			"make", "more", "most", "must", "need", "only", "other", "over", "should", "some", "such", "than", "that",
			"their", "them", "then", "there", "these", "they", "this", "those", "through", "under", "until", "very", "what",
			"when", "where", "which", "while", "will", "with", "within", "without", "would", "your", "yours");

	private final Authoring authoring;

	private final Overlap overlap;

	private final SimilarCourses similar;

	private final Map<String, Overlap.Embedded> embedded = Collections.synchronizedMap(
			new LinkedHashMap<>(64, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Overlap.Embedded> eldest) {
					return size() > KEPT_VERSIONS;
				}
			});

	OverlapCheck(Authoring authoring, Overlap overlap, SimilarCourses similar) {
		this.authoring = authoring;
		this.overlap = overlap;
		this.similar = similar;
	}

	public record CourseOverlap(String courseId, String title, Overlap.Report report) {
	}

	/** Parts of the course reused from one course on purpose, left out of the comparison. */
	public record ReusedFrom(String courseId, String title, int parts) {
	}

	/** What was compared and what was left out because it is reused on purpose, most reused source first. */
	public record Result(List<CourseOverlap> overlaps, List<ReusedFrom> reusedOnPurpose) {
	}

	/** As {@link #check(Course)}, the overlaps only. */
	public List<CourseOverlap> against(Course course) {
		return check(course).overlaps();
	}

	/**
	 * The published courses that say much of what this course says, or disagree with one of its facts, most overlap
	 * first. Only the {@value #CANDIDATES} live courses sharing most of its frequent words are compared: comparing
	 * means embedding every sentence, which for every published course took minutes once there were thousands.
	 */
	public Result check(Course course) {
		Map<String, ElementOrigin> origins = course.id() == null ? Map.of() : authoring.origins(course.id());
		List<ReusedFrom> reused = reusedFrom(course, origins);
		List<Overlap.Passage> mine = passages(course, origins.keySet());
		if (mine.isEmpty()) {
			return new Result(List.of(), reused);
		}
		List<CourseId> candidates = similar.sharingWords(course.id(), frequentWords(course, mine), CANDIDATES);
		if (candidates.isEmpty()) {
			return new Result(List.of(), reused);
		}
		Overlap.Embedded mineEmbedded = overlap.embed(mine);
		List<CourseOverlap> result = new ArrayList<>();
		for (CourseId id : candidates) {
			Course other;
			try {
				other = authoring.published(id);
			}
			catch (NotFoundException retiredMeanwhile) {
				continue;
			}
			Overlap.Embedded theirs = embedded.get(id.value() + "@" + other.version());
			if (theirs == null) {
				theirs = overlap.embed(passages(other));
				embedded.put(id.value() + "@" + other.version(), theirs);
			}
			Overlap.Report report = overlap.compare(mineEmbedded, theirs);
			if (report.share() >= SHOWN_FROM_SHARE || !report.conflicts().isEmpty()) {
				result.add(new CourseOverlap(other.id().value(), other.title(), report));
			}
		}
		result.sort((x, y) -> Double.compare(y.report().share(), x.report().share()));
		return new Result(result, reused);
	}

	/** The course's reused parts (lessons, knowledge checks, quiz questions still in it) counted by source course. */
	private List<ReusedFrom> reusedFrom(Course course, Map<String, ElementOrigin> origins) {
		Map<CourseId, Integer> counts = new LinkedHashMap<>();
		origins.values()
			.stream()
			.filter(o -> course.lesson(o.elementId()).isPresent() || course.question(o.elementId()).isPresent()
					|| course.knowledgeCheck(o.elementId()).isPresent())
			.forEach(o -> counts.merge(o.sourceCourseId(), 1, Integer::sum));
		if (counts.isEmpty()) {
			return List.of();
		}
		Map<CourseId, String> titles = authoring.titles(List.copyOf(counts.keySet()));
		return counts.entrySet()
			.stream()
			.map(e -> new ReusedFrom(e.getKey().value(), titles.getOrDefault(e.getKey(), "another course"), e.getValue()))
			.sorted(Comparator.comparingInt(ReusedFrom::parts).reversed())
			.toList();
	}

	/** The course's most frequent words of four letters or more, common ones left out. */
	static List<String> frequentWords(Course course, List<Overlap.Passage> passages) {
		Map<String, Integer> counts = new HashMap<>();
		StringBuilder text = new StringBuilder(course.title());
		passages.forEach(p -> text.append(' ').append(p.text()));
		Matcher m = WORD.matcher(text.toString().toLowerCase(Locale.ROOT));
		while (m.find()) {
			String word = m.group();
			if (word.length() >= 4 && !COMMON.contains(word) && !word.chars().allMatch(Character::isDigit)) {
				counts.merge(word, 1, Integer::sum);
			}
		}
		return counts.entrySet().stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
				.thenComparing(e -> -e.getKey().length())
				.thenComparing(Map.Entry::getKey))
			.limit(WORDS)
			.map(Map.Entry::getKey)
			.toList();
	}

	static List<Overlap.Passage> passages(Course course) {
		return passages(course, Set.of());
	}

	/** The sentences of the course's lessons but those left out (lessons reused on purpose, by id). */
	static List<Overlap.Passage> passages(Course course, Set<String> leftOut) {
		List<Overlap.Passage> passages = new ArrayList<>();
		for (Lesson lesson : course.lessons()) {
			if (lesson.id() != null && leftOut.contains(lesson.id())) {
				continue;
			}
			// emphasis marks go without a trace ("the *form*." reads "the form."), block marks become spaces
			String text = lesson.markdown().replaceAll("[*_`]", "").replaceAll("[#>|]", " ").replaceAll("\\s+", " ").strip();
			for (String sentence : text.split("(?<=[.!?])\\s+")) {
				if (sentence.split("\\s+").length >= 4) {
					passages.add(new Overlap.Passage(sentence.strip(), course.title() + " — " + lesson.title()));
				}
			}
		}
		return passages;
	}
}
