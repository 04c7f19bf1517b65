package io.stride.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both stores keep a file under its hash, give it back whole or from an offset (a range), keep the same bytes once,
 * and forget them.
 */
@SpringBootTest
class MediaStoresTests {

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	@Test
	void theDatabaseStoreKeepsAFileInChunksAndReadsFromAnyOffset() throws IOException {
		exercise(new DatabaseMediaStore(jdbc), DatabaseMediaStore.CHUNK * 2 + 1234);
		exercise(new DatabaseMediaStore(jdbc), DatabaseMediaStore.CHUNK);
		exercise(new DatabaseMediaStore(jdbc), 10);
	}

	@Test
	void theDirectoryStoreNamesFilesByHashAndLeavesNoTemporaryFile() throws IOException {
		DirectoryMediaStore store = new DirectoryMediaStore(folder.resolve("media"));
		exercise(store, 700_000);
		try (var files = Files.walk(folder)) {
			assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
				.noneMatch(name -> name.endsWith(".tmp"));
		}
		assertThatThrownBy(() -> store.open("../../etc/passwd", 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theConfiguredStoreIsChosenByName() throws IOException {
		assertThat(new MediaStores(jdbc, "database", folder.toString()).current().name()).isEqualTo("DATABASE");
		MediaStores directory = new MediaStores(jdbc, "directory", folder.resolve("m").toString());
		assertThat(directory.current().name()).isEqualTo("DIRECTORY");
		assertThat(directory.named("DATABASE").name()).isEqualTo("DATABASE");
		assertThatThrownBy(() -> new MediaStores(jdbc, "s3", folder.toString())).isInstanceOf(IllegalStateException.class);
	}

	private void exercise(MediaStore store, int size) throws IOException {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		String sha = java.util.HexFormat.of().formatHex(sha(bytes));
		Path file = Files.write(folder.resolve("upload-" + size), bytes);
		assertThat(store.has(sha)).isFalse();
		store.put(sha, file);
		store.put(sha, file);
		assertThat(store.has(sha)).isTrue();
		try (InputStream in = store.open(sha, 0)) {
			assertThat(in.readAllBytes()).isEqualTo(bytes);
		}
		int from = size * 2 / 3;
		try (InputStream in = store.open(sha, from)) {
			assertThat(in.readNBytes(50)).isEqualTo(Arrays.copyOfRange(bytes, from, Math.min(size, from + 50)));
		}
		try (InputStream in = store.open(sha, 0)) {
			long skip = Math.max(0, size - 5);
			assertThat(in.skip(skip)).isEqualTo(skip);
			assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, (int) skip, size));
		}
		store.delete(sha);
		assertThat(store.has(sha)).isFalse();
	}

	private static byte[] sha(byte[] bytes) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
