package io.stride.drafting;

import java.util.Optional;

import io.stride.identity.Viewer;

/**
 * Where a draft may start from besides what the author brings: another module's brief (a commission) that the
 * drafting form starts with. Drafting knows no more of it than the text; the module that keeps the brief implements
 * this and checks who may read it.
 */
public interface DraftBriefs {

	/** The brief named by {@code commission} as the viewer may read it, or empty when there is none for them. */
	Optional<Brief> commission(Viewer viewer, String commission);

	/** The text to start drafting from and a short line saying where it comes from. */
	record Brief(String text, String label, String link) {
	}
}
