package io.stride.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.media.MediaItem;
import io.stride.media.MediaKind;
import io.stride.shared.SqlArrays;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The media table and which published versions show each file. */
@Repository
public class MediaItems {

	private static final String COLUMNS = "id, course_id, kind, content_type, bytes, width, height, alt, decorative, title, "
			+ "captions_media_id, sha256, file_name, storage, uploaded_by, uploaded_at, captions_language";

	private final JdbcClient jdbc;

	private final TransactionTemplate own;

	MediaItems(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Locks the row of these bytes until the current transaction ends, creating it the first time: an upload holds it
	 * while it stores the bytes and records its file, a deletion while it counts the files using them and removes
	 * the bytes, so that one waits for the other to commit and then sees what it did. (Without it, an upload finding
	 * the bytes stored skipped storing them while a deletion removed them, and its file had no bytes.)
	 */
	public void lockBytes(String sha256) {
		if (lockExisting(sha256)) {
			return;
		}
		try {
			// committed at once in a transaction of its own: a second request creating it meanwhile fails here, and
			// both then lock the one row
			own.executeWithoutResult(status -> jdbc
				.sql("INSERT INTO media_byte_locks (sha256) SELECT ? WHERE NOT EXISTS "
						+ "(SELECT 1 FROM media_byte_locks WHERE sha256 = ?)")
				.params(sha256, sha256)
				.update());
		}
		catch (DuplicateKeyException createdMeanwhile) {
			// the other request's row serves
		}
		if (!lockExisting(sha256)) {
			throw new IllegalStateException("The lock row of stored bytes is missing after it was created");
		}
	}

	private boolean lockExisting(String sha256) {
		return !jdbc.sql("SELECT sha256 FROM media_byte_locks WHERE sha256 = ? FOR UPDATE")
			.param(sha256)
			.query(String.class)
			.list()
			.isEmpty();
	}

	public void insert(MediaItem m) {
		jdbc.sql("INSERT INTO media (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(m.id(), m.courseId().value(), m.kind().name(), m.contentType(), m.bytes(), m.width(), m.height(),
					m.alt(), m.decorative(), m.title(), m.captionsMediaId(), m.sha256(), m.fileName(), m.storage(),
					m.uploadedBy().value(), Timestamp.from(m.uploadedAt()), m.captionsLanguage())
			.update();
	}

	public Optional<MediaItem> find(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM media WHERE id = ?").param(id).query(MediaItems::item).optional();
	}

	/** A course's images and videos (captions come with their video), newest first. */
	public List<MediaItem> ofCourse(CourseId course, int offset, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM media WHERE course_id = ? AND kind <> 'CAPTIONS' "
				+ "ORDER BY uploaded_at DESC, id LIMIT ? OFFSET ?")
			.params(course.value(), limit, offset)
			.query(MediaItems::item)
			.list();
	}

	public int countOfCourse(CourseId course) {
		return jdbc.sql("SELECT COUNT(*) FROM media WHERE course_id = ? AND kind <> 'CAPTIONS'")
			.param(course.value())
			.query(Integer.class)
			.single();
	}

	/** Of these ids, those that are files Stride keeps. */
	public Set<String> existing(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("SELECT id FROM media WHERE id = ANY(?)")
			.param(SqlArrays.varchars(List.copyOf(ids)))
			.query(String.class)
			.list());
	}

	public void delete(String id) {
		jdbc.sql("DELETE FROM media WHERE id = ?").param(id).update();
	}

	/** How many files (of any course), or narrower copies of images, keep their bytes under this hash in this store. */
	public int usingBytes(String sha256, String storage) {
		return jdbc.sql("SELECT (SELECT COUNT(*) FROM media WHERE sha256 = ? AND storage = ?) + (SELECT COUNT(*) "
				+ "FROM media_widths w JOIN media m ON m.id = w.media_id WHERE w.sha256 = ? AND m.storage = ?)")
			.params(sha256, storage, sha256, storage)
			.query(Integer.class)
			.single();
	}

	/** A narrower copy of an image. */
	public record Width(int width, int height, long bytes, String sha256) {
	}

	public void insertWidth(String mediaId, Width w) {
		jdbc.sql("INSERT INTO media_widths (media_id, width, height, bytes, sha256) VALUES (?, ?, ?, ?, ?)")
			.params(mediaId, w.width(), w.height(), w.bytes(), w.sha256())
			.update();
	}

	/** An image's narrower copies, narrowest first. */
	public List<Width> widths(String mediaId) {
		return jdbc.sql("SELECT width, height, bytes, sha256 FROM media_widths WHERE media_id = ? ORDER BY width")
			.param(mediaId)
			.query((rs, n) -> new Width(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getString(4).strip()))
			.list();
	}

	/** The narrower widths kept of each of these images, narrowest first (an image without any is left out). */
	public Map<String, List<Integer>> widthsOf(Collection<String> ids) {
		Map<String, List<Integer>> widths = new HashMap<>();
		if (ids.isEmpty()) {
			return widths;
		}
		jdbc.sql("SELECT media_id, width FROM media_widths WHERE media_id = ANY(?) ORDER BY media_id, width")
			.param(SqlArrays.varchars(List.copyOf(ids)))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.forEach(e -> widths.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return widths;
	}

	/** These files as lesson pages show them: size, narrower copies, captions language; for the Markdown renderer. */
	public Map<String, MediaItem> found(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, MediaItem> found = new LinkedHashMap<>();
		jdbc.sql("SELECT " + COLUMNS + " FROM media WHERE id = ANY(?)")
			.param(SqlArrays.varchars(List.copyOf(ids)))
			.query(MediaItems::item)
			.list()
			.forEach(m -> found.put(m.id(), m));
		return found;
	}

	public void updateAlt(String id, String alt, boolean decorative) {
		jdbc.sql("UPDATE media SET alt = ?, decorative = ? WHERE id = ?").params(alt, decorative, id).update();
	}

	public void published(String mediaId, CourseId course, int version) {
		jdbc.sql("INSERT INTO media_published (media_id, course_id, version) SELECT ?, ?, ? WHERE NOT EXISTS "
				+ "(SELECT 1 FROM media_published WHERE media_id = ? AND course_id = ? AND version = ?)")
			.params(mediaId, course.value(), version, mediaId, course.value(), version)
			.update();
	}

	/** The courses and versions whose published text shows this file. */
	public List<Shown> shownIn(String mediaId) {
		return jdbc.sql("SELECT course_id, version FROM media_published WHERE media_id = ? ORDER BY course_id, version")
			.param(mediaId)
			.query((rs, n) -> new Shown(new CourseId(rs.getString(1)), rs.getInt(2)))
			.list();
	}

	public record Shown(CourseId courseId, int version) {
	}

	private static MediaItem item(ResultSet rs, int n) throws SQLException {
		return new MediaItem(rs.getString("id"), new CourseId(rs.getString("course_id")),
				MediaKind.valueOf(rs.getString("kind")), rs.getString("content_type"), rs.getLong("bytes"),
				(Integer) rs.getObject("width", Integer.class), (Integer) rs.getObject("height", Integer.class),
				rs.getString("alt"), rs.getBoolean("decorative"), rs.getString("title"),
				rs.getString("captions_media_id"), rs.getString("sha256").strip(), rs.getString("file_name"),
				rs.getString("storage"), new PersonId(rs.getString("uploaded_by")),
				rs.getTimestamp("uploaded_at").toInstant(), rs.getString("captions_language"));
	}
}
