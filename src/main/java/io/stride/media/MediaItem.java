package io.stride.media;

import java.time.Instant;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/** An uploaded file of a course, with what Stride checked about it; its bytes are in {@code storage} under {@code sha256}. */
public record MediaItem(String id, CourseId courseId, MediaKind kind, String contentType, long bytes, Integer width,
		Integer height, String alt, boolean decorative, String title, String captionsMediaId, String sha256,
		String fileName, String storage, PersonId uploadedBy, Instant uploadedAt) {

	/** The Markdown that shows it in a lesson: an image with its alt text, or a video ("Video:" and its title). */
	public String markdown() {
		String address = "/media/" + id;
		return switch (kind) {
			case IMAGE -> "![" + escape(decorative ? "" : alt) + "](" + address
					+ (title == null || title.isBlank() ? "" : " \"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
					+ ")";
			case VIDEO -> "![Video: " + escape(title == null || title.isBlank() ? "video" : title) + "](" + address + ")";
			case CAPTIONS -> address;
		};
	}

	/** Alt text on one line, with the characters that would end it escaped. */
	private static String escape(String text) {
		return text.replaceAll("\\s+", " ").strip().replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
	}
}
