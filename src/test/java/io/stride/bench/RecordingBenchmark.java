package io.stride.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;

import io.stride.StrideApplication;
import io.stride.support.TranscriptionStub;
import io.stride.support.TranscriptionStub.Reply;
import io.stride.support.TranscriptionStub.Seg;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Times a recording of about ten minutes from upload to draft through the running application (embedded database,
 * real FFmpeg, the real transcription client against a local server speaking the protocol) and prints the peak
 * heap. The speech is the handbook read by espeak-ng one sentence at a time, so that the local server can answer
 * each chunk with what was really said in it. Run with {@code bench/recording.sh}; not a test.
 */
public final class RecordingBenchmark {

	private static final double PAUSE_SECONDS = 0.6;

	private record Said(double start, double end, String text) {
	}

	public static void main(String[] args) throws Exception {
		double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
		Path dir = Files.createTempDirectory("stride-recording-bench");
		List<Said> script = new ArrayList<>();
		long started = System.nanoTime();
		Path recording = speak(sentences(Path.of("src/test/resources/corpus/handbook-8000.md")), minutes * 60, dir, script);
		System.out.printf("recording: %.1f min of speech, %d sentences, %s (%.1f MB), made in %d s%n",
				script.get(script.size() - 1).end() / 60, script.size(), recording.getFileName(),
				Files.size(recording) / 1e6, (System.nanoTime() - started) / 1_000_000_000);

		try (TranscriptionStub stub = new TranscriptionStub()) {
			// chunks arrive in order: each is answered with the sentences said in it, timed from its own start
			AtomicReference<Double> offset = new AtomicReference<>(0.0);
			stub.answerEach(request -> {
				double from = offset.get();
				double to = from + request.wavSeconds();
				offset.set(to);
				List<Seg> segments = script.stream()
					.filter(s -> s.start() >= from && s.start() < to)
					.map(s -> new Seg(s.start() - from, Math.min(s.end(), to) - from, s.text()))
					.toList();
				return Reply.segments(segments);
			});
			String password = "recording-bench-password";
			ConfigurableApplicationContext app = SpringApplication.run(StrideApplication.class, "--server.port=0",
					"--spring.datasource.url=jdbc:h2:mem:recording-bench;DB_CLOSE_DELAY=-1", "--stride.demo-data=false",
					"--stride.admin.email=bench@bench.test", "--stride.admin.password=" + password,
					"--stride.transcription.base-url=" + stub.url(), "--stride.transcription.api-key=bench-key",
					"--stride.recordings.dir=" + dir.resolve("recordings"), "--stride.recordings.poll-interval=PT0.2S",
					"--logging.level.root=WARN");
			try {
				RestClient http = RestClient.builder()
					.baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"))
					.build();
				String token = http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
					.body(Map.of("email", "bench@bench.test", "password", password))
					.retrieve().body(JsonNode.class).path("token").asString();
				ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

				long upload = System.nanoTime();
				LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
				form.add("files", new FileSystemResource(recording));
				JsonNode accepted = http.post().uri("/api/v1/drafts").header("Authorization", "Bearer " + token)
					.contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().body(JsonNode.class);
				String id = accepted.path("recordingId").asString();
				long uploaded = System.nanoTime();

				JsonNode status;
				do {
					Thread.sleep(50);
					status = http.get().uri("/api/v1/recordings/{id}", id).header("Authorization", "Bearer " + token)
						.retrieve().body(JsonNode.class);
				}
				while (status.path("status").asString().equals("TRANSCRIBING"));
				long transcribed = System.nanoTime();
				if (!status.path("status").asString().equals("TRANSCRIBED")) {
					throw new IllegalStateException("the recording was not transcribed: " + status);
				}

				JsonNode draft = http.post().uri("/api/v1/recordings/{id}/draft", id).header("Authorization", "Bearer " + token)
					.retrieve().body(JsonNode.class);
				long drafted = System.nanoTime();
				long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
					.filter(pool -> pool.getType() == MemoryType.HEAP)
					.mapToLong(pool -> pool.getPeakUsage().getUsed())
					.sum();

				int questions = draft.path("quiz").size();
				for (JsonNode module : draft.path("modules")) {
					questions += module.path("knowledgeCheck").size();
				}
				System.out.printf("transcript: %d chunks, %d segments; draft: \"%s\", %d modules, %d questions, "
						+ "first citation at %s%n", status.path("chunksTotal").asInt(), status.path("segments").size(),
						draft.path("title").asString(), draft.path("modules").size(), questions,
						draft.path("modules").path(0).path("lessons").path(0).path("citations").path(0).path("locator").asString());
				System.out.printf("upload (checked, sound extracted): %d ms; transcription (%d chunks against the local "
						+ "server): %d ms; draft: %d ms; total: %d ms%n", (uploaded - upload) / 1_000_000,
						status.path("chunksTotal").asInt(), (transcribed - uploaded) / 1_000_000,
						(drafted - transcribed) / 1_000_000, (drafted - upload) / 1_000_000);
				System.out.printf("peak heap of the application during the run (sum of heap pools' peaks): %d MB; cores: %d%n",
						peakHeap / (1024 * 1024), Runtime.getRuntime().availableProcessors());
			}
			finally {
				app.close();
			}
		}
		finally {
			try (var files = Files.walk(dir)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	/** The handbook's sentences, without Markdown. */
	private static List<String> sentences(Path markdown) throws IOException {
		List<String> sentences = new ArrayList<>();
		for (String line : Files.readAllLines(markdown)) {
			String text = line.replaceAll("^#+\\s*|^[-*]\\s+|^\\d+\\.\\s+|[*_`|]", "").strip();
			for (String sentence : text.split("(?<=[.!?])\\s+")) {
				if (sentence.split("\\s+").length >= 5 && sentence.matches(".*[.!?]$")) {
					sentences.add(sentence);
				}
			}
		}
		return sentences;
	}

	/** Speaks sentences one by one until {@code seconds} are filled, noting when each was said; an M4A file. */
	private static Path speak(List<String> sentences, double seconds, Path dir, List<Said> script) throws Exception {
		Path pause = dir.resolve("pause.wav");
		run("ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono", "-t",
				Double.toString(PAUSE_SECONDS), "-c:a", "pcm_s16le", pause.toString());
		StringBuilder list = new StringBuilder();
		double at = 0;
		for (int i = 0; at < seconds; i++) {
			String sentence = sentences.get(i % sentences.size());
			Path wav = dir.resolve("s" + i + ".wav");
			run("espeak-ng", "-w", wav.toString(), sentence);
			AudioFileFormat format = AudioSystem.getAudioFileFormat(wav.toFile());
			double length = format.getFrameLength() / format.getFormat().getFrameRate();
			script.add(new Said(at, at + length, sentence));
			at += length + PAUSE_SECONDS;
			list.append("file '").append(wav.getFileName()).append("'\nfile 'pause.wav'\n");
		}
		Files.writeString(dir.resolve("list.txt"), list);
		Path m4a = dir.resolve("handbook-reading.m4a");
		run("ffmpeg", "-nostdin", "-loglevel", "error", "-f", "concat", "-safe", "0", "-i", dir.resolve("list.txt").toString(),
				"-c:a", "aac", "-b:a", "64k", m4a.toString());
		return m4a;
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("failed: " + String.join(" ", command));
		}
	}
}
