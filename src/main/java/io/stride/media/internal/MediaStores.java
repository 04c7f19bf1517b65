package io.stride.media.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The store new files go to ({@code stride.media.store}), and every store a file may have been written to before,
 * by the name recorded with it.
 */
@Component
public class MediaStores {

	private final MediaStore current;

	private final Map<String, MediaStore> byName;

	MediaStores(JdbcClient jdbc, @Value("${stride.media.store:database}") String store,
			@Value("${stride.media.directory:./data/media}") String directory) throws IOException {
		MediaStore database = new DatabaseMediaStore(jdbc);
		if ("directory".equalsIgnoreCase(store)) {
			MediaStore folder = new DirectoryMediaStore(Path.of(directory));
			this.current = folder;
			this.byName = Map.of(database.name(), database, folder.name(), folder);
		}
		else if ("database".equalsIgnoreCase(store)) {
			this.current = database;
			this.byName = Map.of(database.name(), database);
		}
		else {
			throw new IllegalStateException("stride.media.store must be 'database' or 'directory', not '" + store + "'");
		}
	}

	public MediaStore current() {
		return current;
	}

	/** The store a file was written to; a directory store no longer configured cannot be read. */
	public MediaStore named(String name) {
		MediaStore store = byName.get(name);
		if (store == null) {
			throw new IllegalStateException("Media kept in the " + name + " store, which is not configured");
		}
		return store;
	}
}
