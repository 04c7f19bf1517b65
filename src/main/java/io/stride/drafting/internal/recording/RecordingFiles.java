package io.stride.drafting.internal.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a recording's files live: one folder per recording under {@code stride.recordings.dir}, holding the upload
 * as sent ({@code original.<ext>}), its sound as WAV in {@code sound/} while it is being transcribed, and each chunk
 * in {@code parts/} only for the length of its try. Names are ours, never the author's, so no upload can reach outside its folder.
 */
@Component
public class RecordingFiles {

	private static final String ORIGINAL = "original.";

	private final Path root;

	public RecordingFiles(@Value("${stride.recordings.dir:./data/recordings}") Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	public Path root() {
		return root;
	}

	public Path folder(String id) {
		return root.resolve(id);
	}

	public Path newFolder(String id) {
		try {
			return Files.createDirectories(folder(id));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Path original(String id, String extension) {
		return folder(id).resolve(ORIGINAL + extension);
	}

	/** The upload as sent, while it is on disk. */
	public Optional<Path> originalIfKept(String id, String extension) {
		Path file = original(id, extension);
		return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
	}

	/** Where FFmpeg writes the recording's sound. */
	public Path soundFolder(String id) {
		return directory(folder(id).resolve("sound"));
	}

	/** Where a chunk is cut for its try. */
	public Path partsFolder(String id) {
		return directory(folder(id).resolve("parts"));
	}

	/** The extracted sound, if it is still there (a failed job's is deleted). */
	public Optional<Path> audio(String id) {
		Path sound = folder(id).resolve("sound");
		if (!Files.isDirectory(sound)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(sound)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".wav")).findFirst();
		}
		catch (IOException e) {
			return Optional.empty();
		}
	}

	/** Everything but the upload: the extracted sound and any chunk left by a crash. */
	public void deleteAudio(String id) {
		deleteTree(folder(id).resolve("sound"));
		deleteTree(folder(id).resolve("parts"));
	}

	public void deleteOriginal(String id, String extension) {
		quietlyDelete(original(id, extension));
	}

	/** The recording's folder and all in it. */
	public void deleteAll(String id) {
		deleteTree(folder(id));
	}

	private static void deleteTree(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach(RecordingFiles::quietlyDelete);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Path directory(Path folder) {
		try {
			return Files.createDirectories(folder);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static void quietlyDelete(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			// a file left behind is removed with its folder when the recording is deleted
		}
	}
}
