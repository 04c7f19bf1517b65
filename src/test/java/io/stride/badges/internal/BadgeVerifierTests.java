package io.stride.badges.internal;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A credential Stride signed verifies with an independent verifier (Digital Credentials Consortium's vc library with
 * Digital Bazaar's eddsa-rdfc-2022 cryptosuite, run by Node from {@code src/test/node/badge-verifier}); a tampered copy
 * fails. Node is found from {@code -Dstride.node} or {@code STRIDE_NODE}, else {@code node} on the PATH; without it the
 * test is skipped, except under {@code CI=true} where that is a failure.
 */
class BadgeVerifierTests {

	static final Path PROJECT = Path.of("src/test/node/badge-verifier");

	@Test
	void aCredentialStrideSignedVerifiesIndependentlyAndATamperedCopyDoesNot() throws Exception {
		JsonObject signed = DataIntegrity.sign(OpenBadgeCredential.of(DataIntegrityTests.content()),
				DataIntegrityTests.KEY.getPrivate(), DataIntegrityTests.KEY.getPublic(), Instant.now());
		List<String> lines = verify(signed, tamper(signed));
		assertThat(lines.get(0)).contains("\"verified\":true", "\"errors\":[]");
		assertThat(lines.get(1)).contains("\"verified\":false");
	}

	/** The verdict of the independent verifier on each credential, one JSON line each, in order. */
	public static List<String> verify(JsonObject... credentials) throws IOException, InterruptedException {
		String node = node();
		Path tmp = Files.createTempDirectory("badge-verifier");
		List<String> command = new ArrayList<>(List.of(node, "verify.mjs"));
		for (int i = 0; i < credentials.length; i++) {
			Path file = tmp.resolve("credential-" + i + ".json");
			Files.writeString(file, credentials[i].toString(), StandardCharsets.UTF_8);
			command.add(file.toAbsolutePath().toString());
		}
		String out = run(command);
		List<String> lines = out.lines().filter(l -> l.startsWith("{")).toList();
		assertThat(lines).as(out).hasSize(credentials.length);
		return lines;
	}

	public static JsonObject tamper(JsonObject signed) {
		JsonObject subject = signed.getJsonObject("credentialSubject");
		JsonObject achievement = Json.createObjectBuilder(subject.getJsonObject("achievement"))
			.add("name", "Chief incident officer")
			.build();
		return Json.createObjectBuilder(signed)
			.add("credentialSubject", Json.createObjectBuilder(subject).add("achievement", achievement))
			.build();
	}

	private static synchronized String node() throws IOException, InterruptedException {
		String configured = System.getProperty("stride.node", System.getenv("STRIDE_NODE"));
		String node = configured == null || configured.isBlank() ? "node" : configured;
		boolean present;
		try {
			present = new ProcessBuilder(node, "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
		}
		catch (IOException e) {
			present = false;
		}
		if (!present) {
			if ("true".equals(System.getenv("CI"))) {
				throw new AssertionError("Node is needed for the independent badge verifier under CI (" + node + ")");
			}
			Assumptions.abort("Node is not installed: the independent badge verifier is skipped");
		}
		installOnce(node);
		return node;
	}

	/**
	 * Installs the verifier's packages unless a finished install is there. The suite runs in two JVMs, and two tests
	 * use the verifier: a JVM that saw the other's half-made node_modules ran node on it (a CI run failed so), and
	 * two `npm ci` at once delete each other's files. So the install runs under a lock on a file, which the other
	 * JVM waits for, and counts as done only by the marker written after it succeeded (inside node_modules, which
	 * `npm ci` deletes first).
	 */
	private static void installOnce(String node) throws IOException, InterruptedException {
		Path done = PROJECT.resolve("node_modules/.stride-installed");
		if (Files.exists(done)) {
			return;
		}
		Path lockFile = Path.of("target", "badge-verifier-install.lock");
		try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock held = lock.lock()) {
			if (Files.exists(done)) {
				return;
			}
			File npm = new File(new File(node).getParentFile() == null ? "" : new File(node).getParent(), "npm");
			run(List.of(npm.canExecute() ? npm.getPath() : "npm", "ci", "--no-audit", "--no-fund"));
			Files.writeString(done, "npm ci finished\n", StandardCharsets.UTF_8);
		}
	}

	private static String run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s timed out", command).isTrue();
		assertThat(process.exitValue()).as("%s: %s", command, out).isZero();
		return out;
	}
}
