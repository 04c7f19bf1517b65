package io.stride.review;

import java.util.ArrayList;
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
import io.stride.authoring.Lesson;
import io.stride.drafting.Overlap;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Before a course is approved: which published courses already say the same, and which facts disagree, so the
 * author can link or reuse instead of duplicating, and reviewers see conflicts.
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

	private final Map<String, Overlap.Embedded> embedded = java.util.Collections.synchronizedMap(
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

	/**
	 * The published courses that say much of what this course says, or disagree with one of its facts, most overlap
	 * first. Only the {@value #CANDIDATES} live courses sharing most of its frequent words are compared: comparing
	 * means embedding every sentence, which for every published course took minutes once there were thousands.
	 */
	public List<CourseOverlap> against(Course course) {
		List<Overlap.Passage> mine = passages(course);
		if (mine.isEmpty()) {
			return List.of();
		}
		List<CourseId> candidates = similar.sharingWords(course.id(), frequentWords(course, mine), CANDIDATES);
		if (candidates.isEmpty()) {
			return List.of();
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
		return result;
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
		List<Overlap.Passage> passages = new ArrayList<>();
		for (Lesson lesson : course.lessons()) {
			String text = lesson.markdown().replaceAll("[#>*_`|]", " ").replaceAll("\\s+", " ").strip();
			for (String sentence : text.split("(?<=[.!?])\\s+")) {
				if (sentence.split("\\s+").length >= 4) {
					passages.add(new Overlap.Passage(sentence.strip(), course.title() + " — " + lesson.title()));
				}
			}
		}
		return passages;
	}
}
