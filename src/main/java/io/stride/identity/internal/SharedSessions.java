package io.stride.identity.internal;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sign-in sessions are kept in the database by Spring Session JDBC, so a request may land on any node
 * (docs/decisions/0038-sessions-in-the-database.md). The tables come from Flyway (V255).
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

	private static final String H2_UPSERT_ATTRIBUTE = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			VALUES (?, ?, ?)
			""";

	/**
	 * A page and the requests it starts (autosave, htmx) may write the same new attribute of one session at once;
	 * Spring Session's plain INSERT would then fail for the second, so each database writes attributes as an upsert.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes(DataSource dataSource)
			throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		if ("PostgreSQL".equals(product)) {
			return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
		}
		if ("H2".equals(product)) {
			// Spring Session has no H2 customizer; H2's MERGE with a KEY is its upsert
			return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT_ATTRIBUTE);
		}
		return repository -> {
		};
	}
}
