package io.stride.authoring;

import io.stride.identity.Viewer;

/**
 * The files ({@code /media/{id}}) a lesson's text shows, checked before the text is saved: the module that keeps
 * files says which of them the editor may not show in this course (another course's file they may not read), so
 * that a saved lesson never points at a file its course's learners should not get.
 */
public interface LessonFiles {

	/**
	 * A message naming the first file {@code markdown} shows that the editor may not show in the course, or null.
	 * Files already shown in {@code before} (the text as it was saved) are not refused again.
	 */
	String refusal(Viewer editor, CourseId courseId, String markdown, String before);
}
