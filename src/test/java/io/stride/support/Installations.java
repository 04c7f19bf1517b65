package io.stride.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.stride.StrideApplication;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole installations for the backup tests: Stride started on a database of its own with the demo organization
 * (seeded with its learners' activity), then stopped, so that nothing writes while a backup is taken; and the
 * operator's scripts in {@code scripts/} run as an operator would.
 */
public final class Installations {

	private Installations() {
	}

	/**
	 * The URL of a database of the test PostgreSQL server with another name (created when missing, where the test
	 * role may; CI creates them beforehand), or null when tests run on H2.
	 */
	public static String postgresDatabase(String name) throws SQLException {
		String shared = System.getenv("STRIDE_TEST_DB_URL");
		if (shared == null || !shared.startsWith("jdbc:postgresql:")) {
			return null;
		}
		try (Connection connection = DriverManager.getConnection(shared, user(), password());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
			rs.next();
			if (rs.getLong(1) == 0) {
				statement.execute("CREATE DATABASE " + name);
			}
		}
		return shared.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name + "$1");
	}

	public static String user() {
		return System.getenv().getOrDefault("STRIDE_TEST_DB_USER", "sa");
	}

	public static String password() {
		String password = System.getenv("STRIDE_TEST_DB_PASSWORD");
		return password == null ? "" : password;
	}

	/** Starts Stride on the database with the demo organization and the given settings, and stops it again. */
	public static void seedDemo(String url, String user, String password, Map<String, String> settings) {
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
				"--stride.demo-data=true", "--server.port=0", "--stride.test.embedded-on-purpose=true"));
		settings.forEach((name, value) -> args.add("--" + name + "=" + value));
		try (ConfigurableApplicationContext stride = new SpringApplicationBuilder(StrideApplication.class)
			.run(args.toArray(String[]::new))) {
			Assertions.assertTrue(stride.isRunning());
		}
	}

	/** An Ed25519 signing key as PKCS#8 PEM, as {@code openssl genpkey -algorithm ed25519} writes it. */
	public static Path signingKeyFile(Path file) throws IOException, GeneralSecurityException {
		byte[] pkcs8 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
		Files.createDirectories(file.getParent());
		return Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
				+ "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
	}

	/** What a script printed, and how it ended. */
	public record Run(int exitCode, String output) {
	}

	/**
	 * Runs {@code scripts/NAME} with the environment given (besides PATH and JAVA_HOME: the settings Stride reads)
	 * and H2's tools taken from the test class path.
	 */
	public static Run runScript(String name, Map<String, String> environment, String... args)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", Path.of("scripts", name).toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.keySet().removeIf(key -> key.startsWith("STRIDE_"));
		env.put("JAVA_HOME", Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent()
			.toString());
		env.put("STRIDE_CLASSPATH", System.getProperty("java.class.path"));
		env.putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		Assertions.assertTrue(process.waitFor(5, TimeUnit.MINUTES), name + " did not finish");
		return new Run(process.exitValue(), output);
	}

	/** Runs {@code scripts/NAME} as {@link #runScript} does and returns what it printed, or fails with it. */
	public static String succeeds(String name, Map<String, String> environment, String... args)
			throws IOException, InterruptedException {
		Run run = runScript(name, environment, args);
		Assertions.assertEquals(0, run.exitCode(), () -> name + " failed:\n" + run.output());
		return run.output();
	}

	/** Fails under {@code CI=true} when PostgreSQL's client tools are missing (CI has them); elsewhere skips. */
	public static void requirePostgresTools() {
		boolean installed = List.of("pg_dump", "pg_restore", "psql").stream().allMatch(Installations::onPath);
		if ("true".equalsIgnoreCase(System.getenv("CI")) && !installed) {
			Assertions.fail("Backup tests are required under CI=true but pg_dump, pg_restore or psql is missing "
					+ "(install Debian's postgresql-client)");
		}
		Assumptions.assumeTrue(installed, "pg_dump, pg_restore or psql not installed; backup tests skipped");
	}

	private static boolean onPath(String tool) {
		return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, tool)));
	}
}
