package io.stride.drafting;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The warnings a draft carries about itself, worded once for the draft page and the API.
 */
public final class DraftWarnings {

	/** Languages Stride drafts questions in, as ISO 639-1 codes. */
	public static final Set<String> DRAFTED_LANGUAGES = Set.of("en", "de", "fr", "es", "nl");

	public static final String NO_QUESTIONS = "No questions could be drafted from this source: it has too few facts "
			+ "to ask about. The course will have no knowledge checks or final quiz until you add questions in the builder.";

	private DraftWarnings() {
	}

	/**
	 * The warning for a document in a language Stride does not draft questions in; empty for one it does, or when
	 * the language is not known. {@code language} is an ISO 639 code or language tag ("ja", "pt-BR"), as a language
	 * detector gives it.
	 */
	public static Optional<String> language(String source, String language) {
		if (language == null || language.isBlank()) {
			return Optional.empty();
		}
		Locale locale = Locale.forLanguageTag(language.strip().replace('_', '-'));
		String code = locale.getLanguage();
		if (code.isEmpty() || DRAFTED_LANGUAGES.contains(code)) {
			return Optional.empty();
		}
		String name = locale.getDisplayLanguage(Locale.ENGLISH);
		String what = source == null || source.equals("text") ? "The pasted text" : "\"" + source + "\"";
		return Optional.of(what + " is in " + (name.isBlank() || name.equals(code) ? "language \"" + code + "\"" : name)
				+ "; Stride drafts questions in English, German, French, Spanish and Dutch.");
	}
}
