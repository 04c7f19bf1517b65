package io.stride.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Tests start from an empty schema: the first Spring context of a test run on each database cleans it, later
 * contexts only migrate. Test data is made unique per test, so tests never depend on each other's rows.
 */
@Configuration(proxyBeanMethods = false)
class CleanDatabaseOnce {

	private static final Set<String> CLEANED = ConcurrentHashMap.newKeySet();

	@Bean
	FlywayMigrationStrategy cleanOnceThenMigrate(Environment environment) {
		// the tests of the embedded mode itself (backup, copy into PostgreSQL) run on H2 under CI too
		boolean embeddedOnPurpose = environment.getProperty("stride.test.embedded-on-purpose", Boolean.class, false);
		return flyway -> {
			String key;
			try (var connection = flyway.getConfiguration().getDataSource().getConnection()) {
				key = connection.getMetaData().getURL();
			}
			catch (java.sql.SQLException e) {
				throw new IllegalStateException(e);
			}
			if ("true".equalsIgnoreCase(System.getenv("CI")) && !key.startsWith("jdbc:postgresql:") && !embeddedOnPurpose) {
				throw new IllegalStateException("Under CI=true the tests must run on PostgreSQL; set STRIDE_TEST_DB_URL "
						+ "(see .ci/run). Found " + key);
			}
			if (CLEANED.add(key)) {
				flyway.clean();
			}
			flyway.migrate();
		};
	}
}
