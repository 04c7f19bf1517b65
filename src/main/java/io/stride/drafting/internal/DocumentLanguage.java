package io.stride.drafting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language a source is written in, found with OpenNLP's language detector and its published model (103
 * languages, ISO 639-3 codes). Drafting speaks {@link Language#supported() five of them}; for the others the
 * draft says so instead of asking English questions about a text in another language.
 */
public final class DocumentLanguage {

	/** The languages the engine drafts in, each with its detector code and its own phrasing. */
	public enum Language {
		ENGLISH("eng", "en"), GERMAN("deu", "de"), FRENCH("fra", "fr"), SPANISH("spa", "es"), DUTCH("nld", "nl");

		private final String detectorCode;

		private final String tag;

		Language(String detectorCode, String tag) {
			this.detectorCode = detectorCode;
			this.tag = tag;
		}

		public String tag() {
			return tag;
		}

		public Locale locale() {
			return Locale.forLanguageTag(tag);
		}

		/** The language's name in English, e.g. "German". */
		public String englishName() {
			return locale().getDisplayLanguage(Locale.ENGLISH);
		}

		static Language byDetectorCode(String code) {
			for (Language language : values()) {
				if (language.detectorCode.equals(code)) {
					return language;
				}
			}
			return null;
		}
	}

	/**
	 * What was found: {@code language} is set when the engine drafts in it; otherwise {@code tag} and {@code name}
	 * say which other language the text is in.
	 */
	public record Detected(Language language, String tag, String name) {

		public boolean supported() {
			return language != null;
		}

		static Detected of(Language language) {
			return new Detected(language, language.tag(), language.englishName());
		}
	}

	/** Fewer words than this say too little to tell a language by; such texts are taken as English. */
	static final int MIN_WORDS = 25;

	/** The detector reads this much of the text: enough to be sure, little enough to stay quick. */
	static final int SAMPLE_CHARACTERS = 6000;

	private static final Map<String, String> TWO_LETTER = new HashMap<>();

	static {
		for (String code : Locale.getISOLanguages()) {
			try {
				TWO_LETTER.put(Locale.of(code).getISO3Language(), code);
			}
			catch (MissingResourceException e) {
				// a code without a three-letter form is not one the detector reports
			}
		}
	}

	private DocumentLanguage() {
	}

	/** The language of {@code text}; English when the text is short or the detector is unsure. */
	public static Detected of(String text) {
		String sample = text.length() > SAMPLE_CHARACTERS ? text.substring(0, SAMPLE_CHARACTERS) : text;
		if (sample.isBlank() || Words.count(sample.strip()) < MIN_WORDS) {
			return Detected.of(Language.ENGLISH);
		}
		opennlp.tools.langdetect.Language[] ranked = Model.DETECTOR.get().predictLanguages(sample);
		if (ranked.length == 0) {
			return Detected.of(Language.ENGLISH);
		}
		opennlp.tools.langdetect.Language best = ranked[0];
		double runnerUp = ranked.length > 1 ? ranked[1].getConfidence() : 0;
		// the model spreads its confidence over 103 languages: a clear lead over the next one is what counts
		boolean sure = best.getConfidence() >= 2 * runnerUp;
		Language language = Language.byDetectorCode(best.getLang());
		if (language != null) {
			return Detected.of(language);
		}
		if (!sure) {
			return Detected.of(Language.ENGLISH);
		}
		String tag = TWO_LETTER.getOrDefault(best.getLang(), best.getLang());
		String name = Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH);
		return new Detected(null, tag, name.isBlank() || name.equals(tag) ? "another language (" + best.getLang() + ")" : name);
	}

	/** The model is 10 MB: loaded once, on first use. The detector is stateless, one per thread to be safe. */
	private static final class Model {

		private static final LanguageDetectorModel MODEL = load();

		static final ThreadLocal<LanguageDetectorME> DETECTOR = ThreadLocal.withInitial(() -> new LanguageDetectorME(MODEL));

		private static LanguageDetectorModel load() {
			try (InputStream in = DocumentLanguage.class.getResourceAsStream("/langdetect-183.bin")) {
				if (in == null) {
					throw new IllegalStateException("The language detection model (langdetect-183.bin) is not on the classpath");
				}
				return new LanguageDetectorModel(in);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}
}
