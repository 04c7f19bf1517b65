package io.stride.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * Lists of ids as one SQL array parameter, for {@code column = ANY(:ids)}. A list bound as {@code IN (:ids)} takes
 * one parameter per id, and PostgreSQL's driver refuses a statement with more than 65,535: a team tree of a large
 * organization, passed as its members, would fail. An array is one parameter whatever its length; PostgreSQL plans
 * {@code = ANY(array)} as it plans an {@code IN} list. H2, the embedded database for trying Stride out, takes it too,
 * up to 65,536 values.
 */
public final class SqlArrays {

	private SqlArrays() {
	}

	/** The values as one VARCHAR array. */
	public static SqlTypeValue varchars(Collection<String> values) {
		String[] array = values.toArray(String[]::new);
		return new AbstractSqlTypeValue() {

			@Override
			protected Object createTypeValue(Connection connection, int sqlType, String typeName)
					throws SQLException {
				return connection.createArrayOf("VARCHAR", array);
			}
		};
	}
}
