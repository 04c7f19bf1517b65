package io.stride.shared;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** On PostgreSQL every connection plans queries for their actual values; H2 connections are left alone. */
@SpringBootTest
class PostgresPlansTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void postgresConnectionsUseCustomPlans() {
		HikariDataSource pool = (HikariDataSource) dataSource;
		if (pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			assertThat(jdbc.sql("SHOW plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
		}
		else {
			assertThat(pool.getConnectionInitSql()).isNull();
		}
	}
}
