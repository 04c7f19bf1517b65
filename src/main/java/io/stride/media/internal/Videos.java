package io.stride.media.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** Recognises MP4 and WebM files by their first bytes (their container's signature), never by what the client said. */
public final class Videos {

	private Videos() {
	}

	/** The content type of the video these first bytes start, or null. */
	public static String contentType(byte[] head) {
		if (head.length >= 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
			return "video/mp4";
		}
		if (head.length >= 4 && (head[0] & 0xff) == 0x1A && (head[1] & 0xff) == 0x45 && (head[2] & 0xff) == 0xDF
				&& (head[3] & 0xff) == 0xA3) {
			// EBML: WebM names its document type in the header; Matroska (.mkv) is not taken
			String header = new String(Arrays.copyOf(head, Math.min(head.length, 64)), StandardCharsets.ISO_8859_1);
			return header.contains("webm") ? "video/webm" : null;
		}
		return null;
	}

	/** The file name endings a video of this type may have. */
	public static Set<String> endings(String contentType) {
		return "video/mp4".equals(contentType) ? Set.of("mp4", "m4v") : Set.of("webm");
	}

	/** True when these first bytes start an image of a kind Stride reads (the image check decides the rest). */
	public static boolean looksLikeImage(byte[] head) {
		String start = new String(Arrays.copyOf(head, Math.min(head.length, 12)), StandardCharsets.ISO_8859_1);
		return head.length >= 4 && ((head[0] & 0xff) == 0x89 && start.startsWith("PNG", 1)
				|| (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 || start.startsWith("GIF8")
				|| start.startsWith("RIFF") && start.length() >= 12 && start.substring(8, 12).equals("WEBP"));
	}

	static String lower(String s) {
		return s.toLowerCase(Locale.ROOT);
	}
}
