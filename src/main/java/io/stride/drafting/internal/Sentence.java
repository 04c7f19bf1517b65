package io.stride.drafting.internal;

/**
 * A sentence of a source, with its span in that source's text and the block it sits in.
 */
record Sentence(int index, String text, int start, int end, ExtractedSource source, Block block) {

	/** Cited where it stands: a spoken sentence at the moment of the cues it was said in. */
	io.stride.drafting.Citation citation() {
		return new io.stride.drafting.Citation(source.name(), block.locator(start, end), start, end, text);
	}

	int words() {
		return Words.count(text);
	}

}
