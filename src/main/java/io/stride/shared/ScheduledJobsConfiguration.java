package io.stride.shared;

import java.io.IOException;
import java.net.InetAddress;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs run on one node at a time when several Stride nodes share one database (ADR 0039): a job method
 * annotated with {@code @SchedulerLock} first takes its row in the {@code shedlock} table (V256), and a node that
 * finds the row held skips that run. Lock times are the database's ({@code usingDbTime()}), so nodes whose clocks
 * disagree still agree on when a lock runs out. The lock is taken in a transaction of its own, committed before the
 * job starts, so a job's own transactions never hold it.
 * <p>
 * A node that dies while it holds a job leaves the row behind; the job's {@code lockAtMostFor} says when another
 * node may take it up. Jobs that every node should run carry {@link RunsOnEveryNode} instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class ScheduledJobsConfiguration {

	@Bean
	LockProvider scheduledJobLocks(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.withLockedByValue(nodeName())
			.build());
	}

	/**
	 * Who holds a lock, for an admin reading the table: the host and the process, as two nodes may share a host (the
	 * default, the host alone, would not tell them apart).
	 */
	private static String nodeName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (IOException | SecurityException e) {
			host = "unknown-host";
		}
		String name = host + "/" + ProcessHandle.current().pid();
		return name.length() > 255 ? name.substring(0, 255) : name;
	}
}
