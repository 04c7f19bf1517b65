package io.stride.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where a file's bytes are kept, under their SHA-256 (content-addressed: the same bytes are kept once). Chosen by
 * {@code stride.media.store}: {@code database} (the default; H2 and PostgreSQL alike) or {@code directory} (a
 * folder on disk or a mounted object store, {@code stride.media.directory}).
 */
public interface MediaStore {

	/** The name recorded with each file, so that a file stays readable after the configuration changes. */
	String name();

	/** Keeps the file's bytes under their hash, unless bytes with that hash are kept already. */
	void put(String sha256, Path file) throws IOException;

	/** The bytes from {@code start}, for reading to the end or to the length a range asks for. */
	InputStream open(String sha256, long start) throws IOException;

	boolean has(String sha256);

	void delete(String sha256) throws IOException;
}
