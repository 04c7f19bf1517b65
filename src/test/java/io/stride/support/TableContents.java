package io.stride.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every table's contents of a database as "rows:hash", the hash taken over all rows' values as text in an order of
 * their own (so the order a database returns rows in does not matter), by lower-cased table name. Values are made
 * comparable across H2 and PostgreSQL: instants as instants, numbers without trailing zeros, bytes and large values
 * as their bytes and text. Columns named in {@code leaveOut} (table.column, lower case) are not read: those that one
 * database computes and the other has not (PostgreSQL's text-search vectors).
 */
public final class TableContents {

	private TableContents() {
	}

	public static Map<String, String> of(String url, String user, String password, Set<String> tablesLeftOut,
			Set<String> leaveOut) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			String schema = url.startsWith("jdbc:h2:") ? "PUBLIC" : "public";
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = connection.getMetaData().getTables(null, schema, "%",
					new String[] { "TABLE", "BASE TABLE" })) {
				while (rs.next()) {
					tables.add(rs.getString("TABLE_NAME"));
				}
			}
			Map<String, String> contents = new TreeMap<>();
			for (String table : tables) {
				String name = table.toLowerCase(Locale.ROOT);
				if (!tablesLeftOut.contains(name)) {
					contents.put(name, contents(connection, table, leaveOut));
				}
			}
			return contents;
		}
	}

	private static String contents(Connection connection, String table, Set<String> leaveOut) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement query = connection.createStatement();
				ResultSet rs = query.executeQuery("SELECT * FROM \"" + table + "\"")) {
			int width = rs.getMetaData().getColumnCount();
			Map<String, Integer> columns = new TreeMap<>();
			for (int i = 1; i <= width; i++) {
				String column = rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT);
				if (!leaveOut.contains(table.toLowerCase(Locale.ROOT) + "." + column)) {
					columns.put(column, i);
				}
			}
			while (rs.next()) {
				StringBuilder row = new StringBuilder();
				for (Map.Entry<String, Integer> column : columns.entrySet()) {
					row.append(column.getKey()).append('=').append(text(rs.getObject(column.getValue()))).append('\u001f');
				}
				rows.add(row.toString());
			}
		}
		rows.sort(null);
		return rows.size() + ":" + sha256(String.join("\u001e", rows));
	}

	private static String text(Object value) throws SQLException {
		return switch (value) {
			case null -> "NULL";
			case Clob clob -> clob.getSubString(1, (int) clob.length());
			case Blob blob -> HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
			case byte[] bytes -> HexFormat.of().formatHex(bytes);
			case Timestamp timestamp -> timestamp.toInstant().toString();
			case OffsetDateTime time -> time.toInstant().toString();
			case ZonedDateTime time -> time.toInstant().toString();
			case LocalDateTime time -> time.atZone(ZoneId.systemDefault()).toInstant().toString();
			case Float number -> Double.toString(number.doubleValue());
			case Double number -> Double.toString(number);
			case Number number -> new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
			default -> value.toString();
		};
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
