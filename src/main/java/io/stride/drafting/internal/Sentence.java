package io.stride.drafting.internal;

import io.stride.drafting.Citation;

/**
 * A sentence of a source, with its span in that source's text and the block it sits in.
 */
record Sentence(int index, String text, int start, int end, ExtractedSource source, Block block) {

	/** Cited where it stands: a spoken sentence at the moment of the cues it was said in. */
	Citation citation() {
		return new Citation(source.name(), block.locator(start, end), start, end, text);
	}

	int words() {
		return Words.count(text);
	}

}
