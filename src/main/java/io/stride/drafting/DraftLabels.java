package io.stride.drafting;

import java.util.Arrays;

import io.stride.drafting.internal.DocumentLanguage.Language;
import io.stride.drafting.internal.Wording;

/**
 * The few words a course made from a draft adds around the author's text, in the draft's language, so that a
 * German course has no English headings in it.
 */
public final class DraftLabels {

	private DraftLabels() {
	}

	/** "Key takeaways" in the language of {@code tag} (ISO 639-1); English for a language Stride does not draft in. */
	public static String keyTakeaways(String tag) {
		return Wording.of(language(tag)).label("keyTakeaways");
	}

	static Language language(String tag) {
		return Arrays.stream(Language.values()).filter(l -> l.tag().equals(tag)).findFirst().orElse(Language.ENGLISH);
	}
}
