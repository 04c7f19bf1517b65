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

	/**
	 * The viewer kept a draft they started from the brief named by {@code commission} ("Draft from this commission"):
	 * the module that keeps the brief remembers it, so that the courses made from this draft answer the brief and
	 * no other course of theirs does. A brief the viewer may not draft for is ignored.
	 */
	default void draftKept(Viewer viewer, String commission, String draftId) {
	}

	/** The text to start drafting from and a short line saying where it comes from. */
	record Brief(String text, String label, String link) {
	}
}
