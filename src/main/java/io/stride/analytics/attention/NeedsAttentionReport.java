package io.stride.analytics.attention;

import java.util.List;

import io.stride.authoring.CourseId;

/**
 * Where learners struggle, most pressing first; each list is cut at {@link NeedsAttention#LIMIT} entries and says
 * how many there were.
 * @param courseId the course asked about, or null across every course the viewer may see
 * @param coursesConsidered how many courses were looked at
 */
public record NeedsAttentionReport(CourseId courseId, String courseTitle, int coursesConsidered,
		Shortlist<UnclearLesson> unclearLessons, Shortlist<DropOffLesson> dropOffLessons,
		Shortlist<MissedQuestion> missedQuestions, Shortlist<WeakCourse> weakCourses) {

	/** The first entries of a longer list, and the length of the whole list. */
	public record Shortlist<T>(List<T> items, int total) {

		static <T> Shortlist<T> of(List<T> sorted) {
			return new Shortlist<>(List.copyOf(sorted.subList(0, Math.min(NeedsAttention.LIMIT, sorted.size()))),
					sorted.size());
		}

		public boolean isEmpty() {
			return items.isEmpty();
		}

		public boolean cut() {
			return total > items.size();
		}
	}

	/** A lesson learners currently find unclear or outdated. */
	public record UnclearLesson(CourseId courseId, String courseTitle, String lessonId, String lessonTitle, int unclear,
			int outdated, int reactions) {

		public int negative() {
			return unclear + outdated;
		}
	}

	/**
	 * A lesson that many learners of the previous lesson never reached.
	 * @param dropOff (reachedPrevious − reached) / reachedPrevious, from 0 to 1
	 */
	public record DropOffLesson(CourseId courseId, String courseTitle, String lessonId, String lessonTitle,
			String previousLessonTitle, int reachedPrevious, int reached, double dropOff) {
	}

	/** A question (final quiz or knowledge check) most answers got wrong; {@code shareRight} from 0 to 1. */
	public record MissedQuestion(CourseId courseId, String courseTitle, String questionId, String prompt, int answers,
			int right, double shareRight) {
	}

	/** A course whose learners react negatively on balance. */
	public record WeakCourse(CourseId courseId, String courseTitle, int learners, int reactionScore, int reactions) {
	}

	public boolean isEmpty() {
		return unclearLessons.isEmpty() && dropOffLessons.isEmpty() && missedQuestions.isEmpty() && weakCourses.isEmpty();
	}
}
