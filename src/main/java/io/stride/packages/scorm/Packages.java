package io.stride.packages.scorm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Imported packages, their files (in chunks of {@link #CHUNK} bytes, so that no row holds a whole video) and their
 * launchable items.
 */
@Repository
public class Packages {

	static final int CHUNK = 512 * 1024;

	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("html", "text/html"),
			Map.entry("htm", "text/html"), Map.entry("xhtml", "application/xhtml+xml"), Map.entry("js", "text/javascript"),
			Map.entry("mjs", "text/javascript"), Map.entry("css", "text/css"), Map.entry("json", "application/json"),
			Map.entry("xml", "application/xml"), Map.entry("xsd", "application/xml"), Map.entry("txt", "text/plain"),
			Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
			Map.entry("gif", "image/gif"), Map.entry("svg", "image/svg+xml"), Map.entry("webp", "image/webp"),
			Map.entry("ico", "image/x-icon"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
			Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"), Map.entry("ogg", "audio/ogg"),
			Map.entry("vtt", "text/vtt"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
			Map.entry("ttf", "font/ttf"), Map.entry("otf", "font/otf"), Map.entry("pdf", "application/pdf"),
			Map.entry("swf", "application/octet-stream"));

	public record Package(String id, CourseId courseId, ScormStandard standard, String title, String fileName,
			long totalBytes, PersonId importedBy, Instant importedAt) {
	}

	public record Item(String id, String packageId, int position, String identifier, String title, String launch,
			String launchData, Double masteryScore, Double passingScore, Double completionThreshold) {
	}

	public record StoredFile(String path, String contentType, long size) {
	}

	private final JdbcClient jdbc;

	Packages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The content type a file is served with, by its extension; unknown ones are plain bytes. */
	static String contentType(String path) {
		int dot = path.lastIndexOf('.');
		String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
		return TYPES.getOrDefault(extension, "application/octet-stream");
	}

	public void insert(Package pack) {
		jdbc.sql("""
				INSERT INTO packages (id, course_id, standard, title, file_name, total_bytes, imported_by, imported_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(pack.id(), pack.courseId().value(), pack.standard().name(), pack.title(), pack.fileName(),
					pack.totalBytes(), pack.importedBy().value(), Timestamp.from(pack.importedAt()))
			.update();
	}

	public void insertFile(String packageId, String path, byte[] bytes) {
		jdbc.sql("INSERT INTO package_files (package_id, path, content_type, size) VALUES (?, ?, ?, ?)")
			.params(packageId, path, contentType(path), bytes.length)
			.update();
		int chunks = Math.max(1, (bytes.length + CHUNK - 1) / CHUNK);
		for (int i = 0; i < chunks; i++) {
			int from = i * CHUNK;
			byte[] chunk = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + CHUNK));
			jdbc.sql("INSERT INTO package_file_chunks (package_id, path, chunk_index, bytes) VALUES (?, ?, ?, ?)")
				.params(packageId, path, i, chunk)
				.update();
		}
	}

	public void insertItem(Item item) {
		jdbc.sql("""
				INSERT INTO package_items (id, package_id, position, identifier, title, launch, launch_data,
				    mastery_score, passing_score, completion_threshold)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(item.id(), item.packageId(), item.position(), item.identifier(), item.title(), item.launch(),
					item.launchData(), item.masteryScore(), item.passingScore(), item.completionThreshold())
			.update();
	}

	public Optional<Package> find(String id) {
		return jdbc.sql("SELECT * FROM packages WHERE id = ?").param(id).query(Packages::pack).optional();
	}

	public List<Package> ofCourse(CourseId courseId) {
		return jdbc.sql("SELECT * FROM packages WHERE course_id = ? ORDER BY imported_at")
			.param(courseId.value())
			.query(Packages::pack)
			.list();
	}

	public Optional<Item> item(String id) {
		return jdbc.sql("SELECT * FROM package_items WHERE id = ?").param(id).query(Packages::item).optional();
	}

	public List<Item> items(String packageId) {
		return jdbc.sql("SELECT * FROM package_items WHERE package_id = ? ORDER BY position")
			.param(packageId)
			.query(Packages::item)
			.list();
	}

	public Optional<StoredFile> file(String packageId, String path) {
		return jdbc.sql("SELECT path, content_type, size FROM package_files WHERE package_id = ? AND path = ?")
			.params(packageId, path)
			.query((rs, n) -> new StoredFile(rs.getString("path"), rs.getString("content_type"), rs.getLong("size")))
			.optional();
	}

	public int fileCount(String packageId) {
		return jdbc.sql("SELECT COUNT(*) FROM package_files WHERE package_id = ?").param(packageId).query(Integer.class)
			.single();
	}

	/** Writes the file's bytes to {@code out}, one chunk read at a time. */
	public void copy(String packageId, String path, OutputStream out) throws IOException {
		int chunks = jdbc.sql("SELECT COUNT(*) FROM package_file_chunks WHERE package_id = ? AND path = ?")
			.params(packageId, path)
			.query(Integer.class)
			.single();
		for (int i = 0; i < chunks; i++) {
			byte[] chunk = jdbc.sql("SELECT bytes FROM package_file_chunks WHERE package_id = ? AND path = ? AND chunk_index = ?")
				.params(packageId, path, i)
				.query(byte[].class)
				.single();
			out.write(chunk);
		}
	}

	public byte[] read(String packageId, String path) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			copy(packageId, path, out);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toByteArray();
	}

	private static Package pack(ResultSet rs, int n) throws SQLException {
		return new Package(rs.getString("id"), new CourseId(rs.getString("course_id")),
				ScormStandard.valueOf(rs.getString("standard")), rs.getString("title"), rs.getString("file_name"),
				rs.getLong("total_bytes"), new PersonId(rs.getString("imported_by")),
				rs.getTimestamp("imported_at").toInstant());
	}

	private static Item item(ResultSet rs, int n) throws SQLException {
		return new Item(rs.getString("id"), rs.getString("package_id"), rs.getInt("position"), rs.getString("identifier"),
				rs.getString("title"), rs.getString("launch"), rs.getString("launch_data"), number(rs, "mastery_score"),
				number(rs, "passing_score"), number(rs, "completion_threshold"));
	}

	public static Double number(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}
}
