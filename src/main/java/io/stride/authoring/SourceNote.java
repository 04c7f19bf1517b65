package io.stride.authoring;

/**
 * Where a lesson or question came from when it was drafted: file, locator (page, slide, paragraph, cue), the
 * character span and the exact source text.
 */
public record SourceNote(String source, String locator, int start, int end, String text) {
}
