package io.stride.drafting;

import io.stride.drafting.internal.DocumentLanguage;

/**
 * The language a text is written in, as the drafting engine tells it: a BCP 47 tag ("en", "de") and its English name
 * ("German"). A short text, or one the detector is unsure of, is taken as English, as drafting takes it.
 */
public record TextLanguage(String tag, String name) {

	public static TextLanguage of(String text) {
		DocumentLanguage.Detected detected = DocumentLanguage.of(text == null ? "" : text);
		return new TextLanguage(detected.tag(), detected.name());
	}
}
