package io.stride.shared.web;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A CSV export as a download: UTF-8 {@code text/csv} with a file name, and the letters such file names are made of.
 */
public final class CsvDownload {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private CsvDownload() {
	}

	public static ResponseEntity<String> of(String fileName, String csv) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.body(csv);
	}

	/**
	 * A title in safe letters for a file name people recognise in their downloads: accents dropped, lower case, runs
	 * of anything else as one dash, at most {@code max} letters; {@code fallback} when nothing is left.
	 */
	public static String slug(String title, int max, String fallback) {
		String slug = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-|-$)", "");
		if (slug.length() > max) {
			slug = slug.substring(0, max).replaceAll("-$", "");
		}
		return slug.isEmpty() ? fallback : slug;
	}
}
