package io.stride.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements a piece of work sends, on the thread that runs it: for tests that a page reads a fixed
 * number of times however long its list. Register it with {@code @Import(Statements.Config.class)} (the data source is
 * wrapped, so the test gets a context of its own).
 */
public final class Statements {

	private static final ThreadLocal<int[]> COUNTING = new ThreadLocal<>();

	private Statements() {
	}

	/** How many statements {@code work} prepared or created on this thread. */
	public static int countedIn(Runnable work) {
		return counted(() -> {
			work.run();
			return null;
		}).count();
	}

	/** The result of {@code work} and how many statements it sent. */
	public static <T> Counted<T> counted(Supplier<T> work) {
		int[] count = new int[1];
		int[] before = COUNTING.get();
		COUNTING.set(count);
		try {
			T result = work.get();
			return new Counted<>(result, count[0]);
		}
		finally {
			if (before == null) {
				COUNTING.remove();
			}
			else {
				COUNTING.set(before);
			}
		}
	}

	public record Counted<T>(T result, int count) {
	}

	private static Connection counting(Connection connection) {
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
				int[] count = COUNTING.get();
				if (count != null) {
					count[0]++;
				}
			}
			try {
				return method.invoke(connection, args);
			}
			catch (InvocationTargetException e) {
				throw e.getCause();
			}
		};
		return (Connection) Proxy.newProxyInstance(Statements.class.getClassLoader(), new Class<?>[] { Connection.class },
				handler);
	}

	@TestConfiguration
	public static class Config {

		@Bean
		static BeanPostProcessor countStatements() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
						return new Counting(dataSource);
					}
					return bean;
				}
			};
		}
	}

	private static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counting(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counting(super.getConnection(username, password));
		}
	}
}
