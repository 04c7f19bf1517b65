package io.stride.standards;

/**
 * Knows which images an author marked as decorative, so that their empty alternative text is meant and not a finding.
 * The module that stores images provides it; without one, every image without alternative text is a finding.
 */
public interface DecorativeImages {

	/** Whether the image at this Markdown target (its address, perhaps followed by a title) is marked decorative. */
	boolean decorative(String target);
}
