package io.stride.shared.copy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.stride.shared.copy.EmbeddedToPostgres.Copied;
import io.stride.shared.copy.EmbeddedToPostgres.Database;
import io.stride.support.Installations;
import io.stride.support.Installations.Run;
import io.stride.support.TableContents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The embedded (H2) installation (README: Backup and restore): the demo organization with its learners' activity in
 * an H2 file, backed up with scripts/backup.sh while Stride is stopped and restored with scripts/restore.sh; and
 * moved into PostgreSQL with {@code --stride.copy-to} (on the test PostgreSQL server's database stride_bk_copy).
 */
class EmbeddedInstallationTests {

	@TempDir
	static Path dir;

	static String source;

	@BeforeAll
	static void demoInAnEmbeddedFile() {
		source = "jdbc:h2:file:" + dir.resolve("source/stride") + ";AUTO_SERVER=FALSE";
		Installations.seedDemo(source, "sa", "", Map.of());
	}

	@Test
	void backupOfTheEmbeddedDemoRestoresEveryTableRowForRow() throws Exception {
		Map<String, String> before = TableContents.of(source, "sa", "", Set.of(), Set.of());
		assertThat(before).containsKeys("flyway_schema_history", "people", "statements", "badge_keys");
		assertThat(before.get("statements")).doesNotStartWith("0:");
		Path archive = dir.resolve("embedded.tar");

		// while Stride has the file open there is no backup of half a database
		try (Connection running = DriverManager.getConnection(source, "sa", "")) {
			Run refused = Installations.runScript("backup.sh", settings(source), archive.toString());
			assertThat(refused.exitCode()).isNotZero();
			assertThat(refused.output()).contains("stop Stride first");
		}

		String backup = Installations.succeeds("backup.sh", settings(source), archive.toString());
		assertThat(backup).contains("database: H2 SCRIPT of " + source);
		String restored = "jdbc:h2:file:" + dir.resolve("restored/stride");
		String restore = Installations.succeeds("restore.sh", settings(restored), archive.toString());
		assertThat(restore).contains("checksums match", "database: restored into " + restored);

		assertThat(TableContents.of(restored, "sa", "", Set.of(), Set.of())).isEqualTo(before);
	}

	@Test
	void copyIntoPostgresHoldsEveryTableRowForRow() throws Exception {
		String target = Installations.postgresDatabase("stride_bk_copy");
		assumeThat(target).as("the copy into PostgreSQL needs the test PostgreSQL server").isNotNull();
		try (Connection connection = DriverManager.getConnection(target, Installations.user(), Installations.password());
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA public CASCADE");
			statement.execute("CREATE SCHEMA public");
		}
		Database into = new Database(target, Installations.user(), Installations.password());
		ByteArrayOutputStream printed = new ByteArrayOutputStream();

		Copied copied = EmbeddedToPostgres.copy(new Database(source, "sa", ""), into,
				new PrintStream(printed, true, StandardCharsets.UTF_8));

		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("foreign keys checked, row counts equal");
		assertThat(copied.rows().get("statements")).isPositive();
		// Flyway's history is PostgreSQL's own (with its scripts for PostgreSQL, some of which H2 has no twin for), up
		// to the same version
		List<String> embeddedVersions = versions(source, "sa", "");
		assertThat(versions(target, Installations.user(), Installations.password())).containsAll(embeddedVersions)
			.last().isEqualTo(copied.schemaVersion()).isEqualTo(embeddedVersions.getLast());
		Set<String> history = Set.of("flyway_schema_history");
		Set<String> computedByPostgres = generatedColumns(target);
		assertThat(TableContents.of(target, Installations.user(), Installations.password(), history, computedByPostgres))
			.isEqualTo(TableContents.of(source, "sa", "", history, computedByPostgres));

		// into a database that is not empty (this one now) it refuses
		assertThat(catchThrowable(() -> EmbeddedToPostgres.copy(
				new Database(source, "sa", ""), into, new PrintStream(new ByteArrayOutputStream()))))
			.hasMessageContaining("is not empty");
	}

	private static Map<String, String> settings(String url) {
		return Map.of("STRIDE_DB_URL", url, "STRIDE_DB_USER", "sa", "STRIDE_DB_PASSWORD", "",
				"STRIDE_RECORDINGS_DIR", dir.resolve("recordings").toString());
	}

	private static List<String> versions(String url, String user, String password) throws SQLException {
		List<String> versions = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" "
						+ "WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
			while (rs.next()) {
				versions.add(rs.getString(1));
			}
		}
		return versions;
	}

	private static Set<String> generatedColumns(String url) throws SQLException {
		Set<String> columns = new HashSet<>();
		try (Connection connection = DriverManager.getConnection(url, Installations.user(), Installations.password());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT table_name || '.' || column_name FROM "
						+ "information_schema.columns WHERE table_schema = 'public' AND is_generated <> 'NEVER'")) {
			while (rs.next()) {
				columns.add(rs.getString(1).toLowerCase(Locale.ROOT));
			}
		}
		return columns;
	}
}
