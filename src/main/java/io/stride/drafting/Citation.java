package io.stride.drafting;

/**
 * Where a generated element comes from: the source, a human locator (page, slide, paragraph, cue), the
 * character span in that source's extracted text, and the exact source text of that span.
 */
public record Citation(String source, String locator, int start, int end, String text) {
}
