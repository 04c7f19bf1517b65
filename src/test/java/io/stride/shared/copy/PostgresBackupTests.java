package io.stride.shared.copy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.stride.support.Installations;
import io.stride.support.Installations.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/backup.sh and scripts/restore.sh on PostgreSQL (README: Backup and restore): the demo organization with
 * its learners' activity, lesson media kept in a folder and the badge signing key in a file, backed up and restored
 * into an empty database and empty folders. Runs on the test PostgreSQL server, on databases of its own
 * (stride_bk_demo, stride_bk_restore).
 */
@EnabledIfEnvironmentVariable(named = "STRIDE_TEST_DB_URL", matches = "jdbc:postgresql:.*",
		disabledReason = "backup and restore of PostgreSQL need the test PostgreSQL server")
class PostgresBackupTests {

	@TempDir
	Path dir;

	@Test
	void restoredBackupOfTheDemoHoldsEveryTableRowForRowWithItsMediaAndSigningKey() throws Exception {
		Installations.requirePostgresTools();
		String demo = Installations.postgresDatabase("stride_bk_demo");
		String restored = Installations.postgresDatabase("stride_bk_restore");
		Path media = dir.resolve("media");
		Path key = Installations.signingKeyFile(dir.resolve("keys/badges.pem"));
		Installations.seedDemo(demo, Installations.user(), Installations.password(), Map.of("stride.media.store",
				"directory", "stride.media.directory", media.toString(), "stride.badges.key-file", key.toString()));
		emptySchema(restored);
		Map<String, String> before = contents(demo);
		assertThat(before).containsKeys("flyway_schema_history", "people", "statements", "attempts",
				"badge_credentials", "media");
		assertThat(before.get("statements")).doesNotStartWith("0:");
		assertThat(before.get("badge_credentials")).doesNotStartWith("0:");
		try (var files = Files.list(media)) {
			assertThat(files).isNotEmpty();
		}

		Path archive = dir.resolve("stride.tar");
		String backup = Installations.succeeds("backup.sh", settings(demo, media, key), archive.toString());
		assertThat(backup).contains("database: pg_dump of", "media: ", "badge signing key: " + key);

		Path restoredMedia = dir.resolve("restored/media");
		Path restoredKey = dir.resolve("restored/keys/badges.pem");
		String restore = Installations.succeeds("restore.sh", settings(restored, restoredMedia, restoredKey),
				archive.toString());
		assertThat(restore).contains("checksums match", "database: restored into " + restored);

		assertThat(contents(restored)).isEqualTo(before);
		assertThat(Files.readString(restoredKey)).isEqualTo(Files.readString(key));
		try (var files = Files.walk(media)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertThat(restoredMedia.resolve(media.relativize(file))).hasSameBinaryContentAs(file);
			}
		}

		// a second restore would mix two installations: refused, and nothing changes
		Run again = Installations.runScript("restore.sh", settings(restored, dir.resolve("elsewhere"),
				dir.resolve("elsewhere.pem")), archive.toString());
		assertThat(again.exitCode()).isNotZero();
		assertThat(again.output()).contains("is not empty");
		assertThat(contents(restored)).isEqualTo(before);
	}

	private static Map<String, String> settings(String url, Path media, Path key) {
		return Map.of("STRIDE_DB_URL", url, "STRIDE_DB_USER", Installations.user(), "STRIDE_DB_PASSWORD",
				Installations.password(), "STRIDE_MEDIA_STORE", "directory", "STRIDE_MEDIA_DIRECTORY", media.toString(),
				"STRIDE_RECORDINGS_DIR", media.resolveSibling("recordings").toString(), "STRIDE_BADGES_KEY_FILE",
				key.toString());
	}

	/** Per table of the public schema: its row count and an order-independent hash of its rows, in SQL. */
	private static Map<String, String> contents(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, Installations.user(), Installations.password());
				Statement statement = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			Map<String, String> contents = new TreeMap<>();
			for (String table : tables) {
				try (ResultSet rs = statement.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), "
						+ "'' ORDER BY md5(t::text))), '') FROM \"" + table + "\" t")) {
					rs.next();
					contents.put(table, rs.getString(1));
				}
			}
			return contents;
		}
	}

	private static void emptySchema(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, Installations.user(), Installations.password());
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA public CASCADE");
			statement.execute("CREATE SCHEMA public");
		}
	}
}
