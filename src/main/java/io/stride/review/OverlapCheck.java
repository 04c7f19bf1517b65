package io.stride.review;

import java.util.ArrayList;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.drafting.Overlap;
import org.springframework.stereotype.Service;

/**
 * Before a course is approved: which published courses already say the same, and which facts disagree, so the
 * author can link or reuse instead of duplicating, and reviewers see conflicts.
 */
@Service
public class OverlapCheck {

	static final double SHOWN_FROM_SHARE = 0.2;

	private final Authoring authoring;

	private final Overlap overlap;

	OverlapCheck(Authoring authoring, Overlap overlap) {
		this.authoring = authoring;
		this.overlap = overlap;
	}

	public record CourseOverlap(String courseId, String title, Overlap.Report report) {
	}

	public List<CourseOverlap> against(Course course) {
		List<Overlap.Passage> mine = passages(course);
		List<CourseOverlap> result = new ArrayList<>();
		for (Course summary : authoring.publishedCourses()) {
			if (summary.id().equals(course.id())) {
				continue;
			}
			Course other = authoring.published(summary.id());
			Overlap.Report report = overlap.compare(mine, passages(other));
			if (report.share() >= SHOWN_FROM_SHARE || !report.conflicts().isEmpty()) {
				result.add(new CourseOverlap(other.id().value(), other.title(), report));
			}
		}
		result.sort((x, y) -> Double.compare(y.report().share(), x.report().share()));
		return result;
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
