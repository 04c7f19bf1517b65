package io.stride.shared.copy;

import java.io.PrintStream;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Moves an embedded (H2) installation into an empty PostgreSQL database: Flyway creates the schema there up to the
 * embedded database's own version, then every table's rows are copied in one transaction, with the foreign keys
 * dropped for the copy and added back at its end (PostgreSQL checks every row against them then), identity
 * sequences moved past the copied ids, and the row counts compared. Run with Stride stopped: the embedded file is
 * opened by one process at a time, so the copy never sees a database that is being written.
 */
public final class EmbeddedToPostgres {

	private static final String HISTORY = "flyway_schema_history";

	private static final int BATCH = 500;

	private EmbeddedToPostgres() {
	}

	/** A database to open: JDBC URL, user and password. */
	public record Database(String url, String user, String password) {
	}

	/** What was copied: rows per table (PostgreSQL's names) and the schema version both are at. */
	public record Copied(String schemaVersion, Map<String, Long> rows) {
	}

	/** {@code --stride.copy-to=jdbc:postgresql://…} on the command line asks for a copy instead of a start. */
	public static boolean requested(String[] args) {
		return argument(args, "stride.copy-to") != null;
	}

	/**
	 * The command-line mode of {@code java -jar stride.jar --stride.copy-to=URL}: from STRIDE_DB_URL (default the
	 * embedded file under ./data), as STRIDE_DB_USER; into URL as {@code --stride.copy-to-user} and
	 * {@code --stride.copy-to-password} (or STRIDE_COPY_TO_USER and STRIDE_COPY_TO_PASSWORD).
	 */
	public static void run(String[] args) {
		Database source = new Database(env("STRIDE_DB_URL", "jdbc:h2:file:./data/stride;AUTO_SERVER=FALSE"),
				env("STRIDE_DB_USER", "sa"), env("STRIDE_DB_PASSWORD", ""));
		Database target = new Database(argument(args, "stride.copy-to"),
				orElse(argument(args, "stride.copy-to-user"), env("STRIDE_COPY_TO_USER", "")),
				orElse(argument(args, "stride.copy-to-password"), env("STRIDE_COPY_TO_PASSWORD", "")));
		try {
			copy(source, target, System.out);
		}
		catch (RuntimeException | SQLException e) {
			System.err.println("stride copy: " + e.getMessage());
			System.exit(1);
		}
	}

	public static Copied copy(Database source, Database target, PrintStream out) throws SQLException {
		if (!source.url().startsWith("jdbc:h2:") || !target.url().startsWith("jdbc:postgresql:")) {
			throw new IllegalArgumentException("copies an embedded H2 database into PostgreSQL; got " + source.url()
					+ " → " + target.url());
		}
		long started = System.nanoTime();
		try (Connection from = open(source); Connection to = open(target)) {
			String version = schemaVersion(from);
			long relations = count(to, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
					+ "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')");
			if (relations > 0) {
				throw new IllegalStateException(target.url() + " is not empty (" + relations
						+ " tables, views or sequences): copy only into an empty database");
			}
			out.println("source: " + source.url() + " at Flyway schema version " + version);
			Flyway.configure()
				.dataSource(target.url(), target.user(), target.password())
				.locations("classpath:db/migration", "classpath:db/vendor/postgresql")
				.target(MigrationVersion.fromVersion(version))
				.load()
				.migrate();
			out.println("target: " + target.url() + ": schema created by Flyway up to version " + version);

			Map<String, String> sourceTables = tables(from);
			List<String> targetTables = targetTables(to);
			List<String> missing = sourceTables.keySet().stream()
				.filter(name -> targetTables.stream().noneMatch(name::equalsIgnoreCase))
				.toList();
			if (!missing.isEmpty()) {
				throw new IllegalStateException("the PostgreSQL schema has no table for " + missing);
			}
			Map<String, Long> rows = new LinkedHashMap<>();
			to.setAutoCommit(false);
			try {
				List<String> foreignKeys = dropForeignKeys(to);
				// rows the migrations wrote (the installation's counters and states) come from the embedded database
				try (Statement statement = to.createStatement()) {
					statement.execute("TRUNCATE " + targetTables.stream().map(t -> "\"" + t + "\"")
						.collect(Collectors.joining(", ")));
				}
				for (String table : targetTables) {
					String sourceName = sourceTables.keySet().stream().filter(table::equalsIgnoreCase).findFirst()
						.orElseThrow(() -> new IllegalStateException("the embedded database has no table " + table));
					rows.put(table, copyTable(from, sourceTables.get(sourceName), to, table));
				}
				try (Statement statement = to.createStatement()) {
					for (String add : foreignKeys) {
						statement.execute(add);
					}
				}
				moveIdentitiesPastCopiedIds(to);
				to.commit();
			}
			catch (SQLException | RuntimeException e) {
				to.rollback();
				throw new IllegalStateException("no rows copied (the schema Flyway created stays: empty the database "
						+ "before trying again): " + e.getMessage(), e);
			}
			verifyCounts(from, sourceTables, to, rows);
			long total = rows.values().stream().mapToLong(Long::longValue).sum();
			out.printf(Locale.ROOT, "copied %,d rows in %d tables, foreign keys checked, row counts equal, in %.1f s%n",
					total, rows.size(), (System.nanoTime() - started) / 1e9);
			return new Copied(version, rows);
		}
	}

	private static long copyTable(Connection from, String sourceTable, Connection to, String table)
			throws SQLException {
		// generated columns (the text-search vectors) are PostgreSQL's to compute
		List<String> columns = new ArrayList<>();
		List<String> generated = new ArrayList<>();
		boolean identity = false;
		try (PreparedStatement query = to.prepareStatement("SELECT column_name, is_generated, is_identity "
				+ "FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? "
				+ "ORDER BY ordinal_position")) {
			query.setString(1, table);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					(("NEVER".equals(rs.getString(2))) ? columns : generated).add(rs.getString(1));
					identity |= "YES".equals(rs.getString(3));
				}
			}
		}
		Map<String, String> sourceColumns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		try (ResultSet rs = from.getMetaData().getColumns(null, "PUBLIC", sourceTable, null)) {
			while (rs.next()) {
				if (rs.getString("TABLE_NAME").equals(sourceTable)) {
					sourceColumns.put(rs.getString("COLUMN_NAME"), rs.getString("COLUMN_NAME"));
				}
			}
		}
		for (String column : sourceColumns.keySet()) {
			if (columns.stream().noneMatch(column::equalsIgnoreCase)
					&& generated.stream().noneMatch(column::equalsIgnoreCase)) {
				throw new IllegalStateException("the PostgreSQL table " + table + " has no column " + column);
			}
		}
		List<String> missing = columns.stream().filter(column -> !sourceColumns.containsKey(column)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("the embedded table " + sourceTable + " has no column " + missing);
		}
		String select = "SELECT " + columns.stream().map(c -> "\"" + sourceColumns.get(c) + "\"")
			.collect(Collectors.joining(", "))
				+ " FROM \"" + sourceTable + "\"";
		String insert = "INSERT INTO \"" + table + "\" (" + columns.stream().map(c -> "\"" + c + "\"")
			.collect(Collectors.joining(", ")) + ")" + (identity ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES ("
				+ columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
		long copied = 0;
		try (Statement read = from.createStatement(); ResultSet rs = read.executeQuery(select);
				PreparedStatement write = to.prepareStatement(insert)) {
			int width = columns.size();
			while (rs.next()) {
				for (int i = 1; i <= width; i++) {
					write.setObject(i, portable(rs.getObject(i)));
				}
				write.addBatch();
				if (++copied % BATCH == 0) {
					write.executeBatch();
				}
			}
			write.executeBatch();
		}
		return copied;
	}

	/** H2 hands out large values as its own Clob and Blob; PostgreSQL's driver takes them as text and bytes. */
	private static Object portable(Object value) throws SQLException {
		if (value instanceof Clob clob) {
			return clob.getSubString(1, (int) clob.length());
		}
		if (value instanceof Blob blob) {
			return blob.getBytes(1, (int) blob.length());
		}
		return value;
	}

	/** Drops every foreign key of the public schema and returns the statements that add them back. */
	private static List<String> dropForeignKeys(Connection to) throws SQLException {
		List<String> drops = new ArrayList<>();
		List<String> adds = new ArrayList<>();
		try (Statement query = to.createStatement(); ResultSet rs = query.executeQuery(
				"SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) FROM pg_constraint "
						+ "WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1, 2")) {
			while (rs.next()) {
				drops.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT " + rs.getString(2));
				adds.add("ALTER TABLE " + rs.getString(1) + " ADD CONSTRAINT " + rs.getString(2) + " "
						+ rs.getString(3));
			}
		}
		try (Statement statement = to.createStatement()) {
			for (String drop : drops) {
				statement.execute(drop);
			}
		}
		return adds;
	}

	private static void moveIdentitiesPastCopiedIds(Connection to) throws SQLException {
		List<String[]> identities = new ArrayList<>();
		try (Statement query = to.createStatement(); ResultSet rs = query.executeQuery(
				"SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) "
						+ "FROM information_schema.columns WHERE table_schema = 'public' "
						+ "AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL")) {
			while (rs.next()) {
				identities.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
			}
		}
		try (Statement statement = to.createStatement()) {
			for (String[] identity : identities) {
				statement.execute("SELECT setval('" + identity[2] + "', COALESCE(MAX(\"" + identity[1] + "\"), 0) + 1, "
						+ "false) FROM \"" + identity[0] + "\"");
			}
		}
	}

	private static void verifyCounts(Connection from, Map<String, String> sourceTables, Connection to,
			Map<String, Long> copied) throws SQLException {
		for (Map.Entry<String, Long> table : copied.entrySet()) {
			String sourceName = sourceTables.keySet().stream().filter(table.getKey()::equalsIgnoreCase).findFirst()
				.orElseThrow();
			long inSource = count(from, "SELECT COUNT(*) FROM \"" + sourceTables.get(sourceName) + "\"");
			long inTarget = count(to, "SELECT count(*) FROM \"" + table.getKey() + "\"");
			if (inSource != inTarget || inTarget != table.getValue()) {
				throw new IllegalStateException(table.getKey() + ": " + inSource + " rows in the embedded database, "
						+ inTarget + " in PostgreSQL");
			}
		}
	}

	private static String schemaVersion(Connection from) throws SQLException {
		try (Statement query = from.createStatement(); ResultSet rs = query.executeQuery("SELECT \"version\" FROM \""
				+ HISTORY + "\" WHERE \"success\" ORDER BY \"installed_rank\" DESC LIMIT 1")) {
			if (!rs.next()) {
				throw new IllegalStateException("the embedded database has no Flyway schema history");
			}
			return rs.getString(1);
		}
	}

	/** The embedded database's tables but Flyway's history, by upper-cased name to the name as stored. */
	private static Map<String, String> tables(Connection from) throws SQLException {
		Map<String, String> tables = new TreeMap<>();
		try (ResultSet rs = from.getMetaData().getTables(null, "PUBLIC", null, new String[] { "BASE TABLE", "TABLE" })) {
			while (rs.next()) {
				String name = rs.getString("TABLE_NAME");
				if (!name.equalsIgnoreCase(HISTORY)) {
					tables.put(name.toUpperCase(Locale.ROOT), name);
				}
			}
		}
		return tables;
	}

	private static List<String> targetTables(Connection to) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement query = to.createStatement(); ResultSet rs = query.executeQuery("SELECT table_name FROM "
				+ "information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' "
				+ "AND table_name <> '" + HISTORY + "' ORDER BY table_name")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement query = connection.createStatement(); ResultSet rs = query.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static Connection open(Database database) throws SQLException {
		return DriverManager.getConnection(database.url(), database.user(), database.password());
	}

	private static String argument(String[] args, String name) {
		for (String arg : args) {
			if (arg.startsWith("--" + name + "=")) {
				return arg.substring(name.length() + 3);
			}
		}
		return null;
	}

	private static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? otherwise : value;
	}

	private static String orElse(String value, String otherwise) {
		return value == null ? otherwise : value;
	}
}
