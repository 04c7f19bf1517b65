package io.stride.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Generations of what nodes keep in memory (V259). A node keeps a value with the generation it read it under and uses
 * it only while the generation is the same; a change moves the generation on in the changing transaction, so every
 * node of a cluster reads afresh from its next use on, not when its copy expires. Reading a generation is one row
 * by its key.
 */
@Component
public class CacheGenerations {

	private final JdbcClient jdbc;

	CacheGenerations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The current generation of a kept value; the names are made by migrations. */
	public long current(String name) {
		return jdbc.sql("SELECT generation FROM cache_generations WHERE name = ?")
			.param(name)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("No cache generation named " + name));
	}

	/** Moves the generation on when the transaction that changed the value commits (at once without one). */
	public void advance(String name) {
		int moved = jdbc.sql("UPDATE cache_generations SET generation = generation + 1 WHERE name = ?")
			.param(name)
			.update();
		if (moved != 1) {
			throw new IllegalStateException("No cache generation named " + name);
		}
	}
}
