package io.stride.packages.questions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.stride.authoring.Question;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Stride's GIFT read by an independent parser: gift-pegjs (the PEG grammar many GIFT tools use) from the npm
 * registry, installed under target/ and run with the machine's node. Without node or npm the test is skipped
 * locally and fails under CI=true, where node is part of the toolchain.
 */
class GiftParserCrossCheckTests {

	private static final Path DIR = Path.of("target", "gift-parser");

	private static final String PACKAGE = "gift-pegjs@1.0.2";

	@Test
	void exportedGiftParsesWithGiftPegjsAsTheSameKinds() throws Exception {
		requireTool("node", "--version");
		requireTool("npm", "--version");
		install();
		GiftWriter.Written written = GiftWriter.write("Samples", SampleQuestions.entries());
		Path file = DIR.resolve("export.gift");
		Files.writeString(file, written.text(), StandardCharsets.UTF_8);
		Path script = DIR.resolve("parse.js");
		Files.writeString(script, """
				const gift = require('gift-pegjs');
				const fs = require('fs');
				const out = [];
				for (const file of process.argv.slice(2)) {
				  const questions = gift.parse(fs.readFileSync(file, 'utf8'));
				  out.push(questions.map(q => ({
				    type: q.type,
				    title: q.title,
				    answers: Array.isArray(q.choices) ? q.choices.length : q.matchPairs ? q.matchPairs.length : null
				  })));
				}
				console.log(JSON.stringify(out));
				""");
		Result result = run(List.of("node", script.getFileName().toString(), file.getFileName().toString()), DIR, 60);
		assertThat(result.exit()).as(result.output()).isZero();
		List<?> files = JsonMapper.builder().build().readValue(result.output(), List.class);
		List<?> parsed = (List<?>) files.get(0);
		List<Question> questions = SampleQuestions.all();
		assertThat(parsed).hasSize(questions.size());
		for (int i = 0; i < questions.size(); i++) {
			Map<?, ?> q = (Map<?, ?>) parsed.get(i);
			Question expected = questions.get(i);
			assertThat(q.get("title")).isEqualTo("Question " + (i + 1) + ": sample");
			assertThat(q.get("type")).as(expected.prompt()).isEqualTo(giftType(expected));
			Integer answers = switch (expected.kind()) {
				case SINGLE_CHOICE, MULTIPLE_CHOICE, ORDERING -> expected.options().size();
				case TRUE_FALSE -> GiftWriter.plainTrueFalse(expected) ? null : 2;
				case MATCHING -> expected.matches().size();
				case SHORT_ANSWER -> expected.accepted().size();
				case NUMERIC -> null;
			};
			if (answers != null) {
				assertThat(q.get("answers")).as(expected.prompt()).isEqualTo(answers);
			}
		}
	}

	private static String giftType(Question q) {
		return switch (q.kind()) {
			case SINGLE_CHOICE, MULTIPLE_CHOICE -> "MC";
			case TRUE_FALSE -> GiftWriter.plainTrueFalse(q) ? "TF" : "MC";
			case ORDERING, MATCHING -> "Matching";
			case SHORT_ANSWER -> "Short";
			case NUMERIC -> "Numerical";
		};
	}

	private static void install() throws IOException, InterruptedException {
		if (Files.isDirectory(DIR.resolve("node_modules/gift-pegjs"))) {
			return;
		}
		Files.createDirectories(DIR);
		Result result = run(List.of("npm", "install", "--prefix", DIR.toString(), "--no-audit", "--no-fund", PACKAGE),
				Path.of("."), 300);
		if (result.exit() != 0) {
			unavailable("npm could not install " + PACKAGE + ": " + result.output());
		}
	}

	private static void requireTool(String... command) throws InterruptedException {
		try {
			Result result = run(List.of(command), Path.of("."), 30);
			if (result.exit() != 0) {
				unavailable(command[0] + " does not run: " + result.output());
			}
		}
		catch (IOException missing) {
			unavailable(command[0] + " is not installed (" + missing.getMessage() + ")");
		}
	}

	private static void unavailable(String why) {
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			fail("The GIFT cross-check needs node and npm under CI: " + why);
		}
		Assumptions.abort("Skipped: the GIFT cross-check needs node and npm with the npm registry: " + why);
	}

	private record Result(int exit, String output) {
	}

	private static Result run(List<String> command, Path dir, int seconds) throws IOException, InterruptedException {
		// output to a file, so that a process that hangs is stopped by the timeout rather than a blocked read
		Path log = Files.createTempFile("gift-parser", ".log");
		try {
			Process process = new ProcessBuilder(command).directory(dir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Result(-1, command + " took longer than " + seconds + " s");
			}
			return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8).strip());
		}
		finally {
			Files.deleteIfExists(log);
		}
	}
}
