package io.stride.media;

import java.time.Instant;
import java.util.Locale;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;

/**
 * An uploaded file of a course, with what Stride checked about it; its bytes are in {@code storage} under
 * {@code sha256}. A video names the language of its captions ({@code captionsLanguage}, a BCP 47 tag).
 */
public record MediaItem(String id, CourseId courseId, MediaKind kind, String contentType, long bytes, Integer width,
		Integer height, String alt, boolean decorative, String title, String captionsMediaId, String sha256,
		String fileName, String storage, PersonId uploadedBy, Instant uploadedAt, String captionsLanguage) {

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

	/** Its size as people say it ("12.5 MB", "800 KB"). */
	public String size() {
		return inWords(bytes);
	}

	/** The captions' language by its English name ("German"), for a video; null otherwise. */
	public String captionsLanguageName() {
		if (kind != MediaKind.VIDEO) {
			return null;
		}
		String tag = captionsLanguage == null ? "en" : captionsLanguage;
		String name = Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH);
		return name.isBlank() ? tag : name;
	}

	/** A size as people say it: "12.5 MB", "800 KB". */
	static String inWords(long bytes) {
		if (bytes >= 1024 * 1024) {
			double mb = bytes / (1024.0 * 1024.0);
			return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
		}
		return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
	}

	/** Alt text on one line, with the characters that would end it escaped. */
	private static String escape(String text) {
		return text.replaceAll("\\s+", " ").strip().replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
	}
}
