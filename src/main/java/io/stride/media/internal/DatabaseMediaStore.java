package io.stride.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Files in the database, in chunks of {@link #CHUNK} bytes: a request for a range of a video reads the chunks it
 * covers, never the whole file, and an upload is written chunk by chunk from its temporary file.
 */
final class DatabaseMediaStore implements MediaStore {

	static final int CHUNK = 256 * 1024;

	private final JdbcClient jdbc;

	DatabaseMediaStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "DATABASE";
	}

	/** Stores the bytes unless they are stored; the caller holds their lock ({@link MediaItems#lockBytes}). */
	@Override
	public void put(String sha256, Path file) throws IOException {
		if (has(sha256)) {
			return;
		}
		try (InputStream in = Files.newInputStream(file)) {
			int seq = 0;
			byte[] chunk;
			while ((chunk = in.readNBytes(CHUNK)).length > 0 || seq == 0) {
				jdbc.sql("INSERT INTO media_chunks (sha256, seq, bytes) VALUES (?, ?, ?)")
					.params(sha256, seq++, chunk)
					.update();
				if (chunk.length < CHUNK) {
					break;
				}
			}
		}
	}

	@Override
	public InputStream open(String sha256, long start) {
		return new Chunks(sha256, start);
	}

	@Override
	public boolean has(String sha256) {
		return jdbc.sql("SELECT COUNT(*) FROM media_chunks WHERE sha256 = ? AND seq = 0")
			.param(sha256)
			.query(Integer.class)
			.single() > 0;
	}

	@Override
	public void delete(String sha256) {
		jdbc.sql("DELETE FROM media_chunks WHERE sha256 = ?").param(sha256).update();
	}

	/** Reads one chunk at a time, starting with the one that holds {@code start}. */
	private final class Chunks extends InputStream {

		private final String sha256;

		private int seq;

		private byte[] chunk;

		private int at;

		Chunks(String sha256, long start) {
			this.sha256 = sha256;
			this.seq = (int) (start / CHUNK);
			this.chunk = load(seq);
			this.at = (int) Math.min(start % CHUNK, chunk == null ? 0 : chunk.length);
		}

		private byte[] load(int n) {
			return jdbc.sql("SELECT bytes FROM media_chunks WHERE sha256 = ? AND seq = ?")
				.params(sha256, n)
				.query((rs, row) -> rs.getBytes(1))
				.optional()
				.orElse(null);
		}

		private boolean ready() {
			while (chunk != null && at >= chunk.length) {
				if (chunk.length < CHUNK) {
					chunk = null;
					break;
				}
				chunk = load(++seq);
				at = 0;
			}
			return chunk != null;
		}

		@Override
		public int read() {
			return ready() ? chunk[at++] & 0xff : -1;
		}

		@Override
		public int read(byte[] buffer, int off, int len) {
			if (len == 0) {
				return 0;
			}
			if (!ready()) {
				return -1;
			}
			int n = Math.min(len, chunk.length - at);
			System.arraycopy(chunk, at, buffer, off, n);
			at += n;
			return n;
		}

		@Override
		public long skip(long n) {
			if (n <= 0 || chunk == null) {
				return 0;
			}
			long target = (long) seq * CHUNK + at + n;
			int targetSeq = (int) (target / CHUNK);
			if (targetSeq != seq) {
				seq = targetSeq;
				chunk = load(seq);
			}
			at = (int) Math.min(target % CHUNK, chunk == null ? 0 : chunk.length);
			return n;
		}
	}
}
