package io.stride.drafting.internal.recording;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of FFmpeg or FFprobe: started without a shell, with an empty environment (so that no key the server holds
 * reaches it) and no input, its output read with a bound, and killed when it runs over its time.
 */
final class ProcessRun {

	/** More than FFprobe's answer for any file Stride reads; what goes beyond is drained and dropped. */
	static final int MAX_STDOUT = 256 * 1024;

	/** FFmpeg's lines are short; a longer one is cut, so that a hostile file's tags never fill the memory. */
	static final int MAX_LINE = 2_000;

	/** How a run ended. {@code truncated}: standard output was longer than {@link #MAX_STDOUT}. */
	record Outcome(int exitCode, String stdout, boolean truncated, String lastLine) {

		boolean ok() {
			return exitCode == 0 && !truncated;
		}
	}

	/** The run took longer than it may; the process has been killed. */
	static final class TimedOut extends Exception {

		TimedOut() {
			super(null, null, false, false);
		}
	}

	private ProcessRun() {
	}

	/**
	 * Runs {@code command} in {@code workDir}. With {@code lines} null, standard output is kept (bounded) and standard
	 * error dropped; otherwise standard output is dropped and every line of standard error goes to {@code lines}.
	 */
	static Outcome run(List<String> command, Path workDir, Duration timeout, Consumer<String> lines)
			throws IOException, TimedOut {
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
		Map<String, String> environment = builder.environment();
		String path = environment.getOrDefault("PATH", "/usr/bin:/bin");
		environment.clear();
		environment.put("PATH", path);
		environment.put("LC_ALL", "C");
		if (lines == null) {
			builder.redirectError(ProcessBuilder.Redirect.DISCARD);
		}
		else {
			builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		}
		Process process = builder.start();
		try {
			return await(process, timeout, lines);
		}
		finally {
			// whatever went wrong after the start, no FFmpeg is left running
			if (process.isAlive()) {
				kill(process);
			}
		}
	}

	private static Outcome await(Process process, Duration timeout, Consumer<String> lines) throws IOException, TimedOut {
		process.getOutputStream().close();
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		boolean[] truncated = { false };
		String[] last = { "" };
		Thread reader = Thread.ofVirtual().start(() -> {
			try {
				if (lines == null) {
					truncated[0] = readBounded(process.getInputStream(), stdout);
				}
				else {
					readLines(process.getErrorStream(), line -> {
						last[0] = line;
						lines.accept(line);
					});
				}
			}
			catch (IOException ignored) {
				// the process was killed or closed its end; what was read is what there is
			}
		});
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				kill(process);
				throw new TimedOut();
			}
			// the process has ended, so its pipe is at its end and the reader finishes at once
			reader.join(Duration.ofSeconds(5));
		}
		catch (InterruptedException interrupted) {
			kill(process);
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while FFmpeg ran", interrupted);
		}
		synchronized (stdout) {
			return new Outcome(process.exitValue(), stdout.toString(StandardCharsets.UTF_8), truncated[0], last[0]);
		}
	}

	private static void kill(Process process) {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		try {
			process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** Keeps the first {@link #MAX_STDOUT} bytes and drains the rest; true when there was more. */
	private static boolean readBounded(InputStream in, ByteArrayOutputStream out) throws IOException {
		byte[] buffer = new byte[8192];
		boolean truncated = false;
		for (int read; (read = in.read(buffer)) >= 0;) {
			synchronized (out) {
				int room = MAX_STDOUT - out.size();
				if (read > room) {
					truncated = true;
				}
				if (room > 0) {
					out.write(buffer, 0, Math.min(read, room));
				}
			}
		}
		return truncated;
	}

	/** Splits at line ends (FFmpeg ends progress lines with a carriage return), each line at most {@link #MAX_LINE}. */
	private static void readLines(InputStream in, Consumer<String> lines) throws IOException {
		byte[] buffer = new byte[8192];
		StringBuilder line = new StringBuilder();
		for (int read; (read = in.read(buffer)) >= 0;) {
			for (int i = 0; i < read; i++) {
				char c = (char) (buffer[i] & 0xff);
				if (c == '\n' || c == '\r') {
					if (!line.isEmpty()) {
						lines.accept(line.toString());
						line.setLength(0);
					}
				}
				else if (line.length() < MAX_LINE) {
					line.append(c);
				}
			}
		}
		if (!line.isEmpty()) {
			lines.accept(line.toString());
		}
	}
}
