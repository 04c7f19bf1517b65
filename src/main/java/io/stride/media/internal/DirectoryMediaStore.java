package io.stride.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files in a folder (local disk or a mounted object store), named by their hash under a two-letter folder. A file
 * is written to a temporary name in the same folder and moved into place atomically, so that a reader never sees
 * half a file and a crash leaves at most a temporary file behind.
 */
final class DirectoryMediaStore implements MediaStore {

	private final Path root;

	DirectoryMediaStore(Path root) throws IOException {
		this.root = Files.createDirectories(root.toAbsolutePath().normalize());
	}

	@Override
	public String name() {
		return "DIRECTORY";
	}

	private Path path(String sha256) {
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("Not a SHA-256: " + sha256);
		}
		return root.resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	@Override
	public void put(String sha256, Path file) throws IOException {
		Path target = path(sha256);
		if (Files.exists(target)) {
			return;
		}
		Files.createDirectories(target.getParent());
		Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
		try {
			Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	@Override
	public InputStream open(String sha256, long start) throws IOException {
		InputStream in = Files.newInputStream(path(sha256));
		in.skipNBytes(Math.min(start, Files.size(path(sha256))));
		return in;
	}

	@Override
	public boolean has(String sha256) {
		return Files.exists(path(sha256));
	}

	@Override
	public void delete(String sha256) throws IOException {
		Files.deleteIfExists(path(sha256));
	}
}
