package io.stride.review;

import java.util.List;

import io.stride.authoring.CourseId;

/**
 * Finds the live courses whose words are closest to a course's, so that the overlap check embeds and compares a
 * handful of courses rather than every one published. The catalogue answers it from its text index.
 */
public interface SimilarCourses {

	/**
	 * Up to {@code limit} live courses other than {@code except} holding most of these lower-case words (letters and
	 * digits), closest first; none when no course holds any of them.
	 */
	List<CourseId> sharingWords(CourseId except, List<String> words, int limit);
}
