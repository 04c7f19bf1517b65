package io.stride.drafting.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.stride.identity.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The recordings a person uploaded, newest first, so that the drafting page can lead back to one being transcribed.
 * The recordings service answers for one recording at a time; this list is only ever the viewer's own.
 */
@Component
class YourRecordings {

	private static final int SHOWN = 20;

	private final JdbcClient jdbc;

	YourRecordings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One recording in the list: its file, its status and when it was uploaded. */
	record Listed(String id, String fileName, String status, Instant uploadedAt) {

		public String statusInWords() {
			return switch (status) {
				case "TRANSCRIBING" -> "being transcribed";
				case "TRANSCRIBED" -> "transcribed";
				case "FAILED" -> "transcription stopped";
				default -> status.toLowerCase(Locale.ROOT);
			};
		}
	}

	List<Listed> of(Viewer viewer) {
		return jdbc.sql("SELECT id, file_name, status, created_at FROM recordings WHERE owner_id = ? "
				+ "ORDER BY created_at DESC, id LIMIT ?")
			.params(viewer.id().value(), SHOWN)
			.query((rs, n) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}
}
