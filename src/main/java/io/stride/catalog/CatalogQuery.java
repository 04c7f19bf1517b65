package io.stride.catalog;

import java.util.Locale;

import io.stride.capability.CapabilityId;
import io.stride.identity.TeamId;

/**
 * What a person looks for in the catalogue; every part but the page may be null (no filter).
 * @param words words that must all appear in the title, the text or the name of a capability the course counts for
 * @param minScore the lowest reaction score, from −100 to 100; courses whose score is not shown yet are left out
 * @param language a language tag ("en", "de"): courses whose text is in it
 * @param page from 1
 */
public record CatalogQuery(String words, CapabilityId capability, TeamId team, Length length, Integer minScore,
		Sort sort, int page, String language) {

	public CatalogQuery(String words, CapabilityId capability, TeamId team, Length length, Integer minScore, Sort sort,
			int page) {
		this(words, capability, team, length, minScore, sort, page, null);
	}

	public static final int PAGE_SIZE = 20;

	public static final int MAX_WORDS = 8;

	/** How long a course takes to read, in buckets a person would choose from. */
	public enum Length {
		SHORT("Up to 10 minutes"), MEDIUM("Up to 30 minutes"), LONG("More than 30 minutes");

		private final String label;

		Length(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/** How the page and the API name it: "most-used". */
		public String param() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		public boolean fits(int minutes) {
			return switch (this) {
				case SHORT -> minutes <= 10;
				case MEDIUM -> minutes <= 30;
				case LONG -> minutes > 30;
			};
		}
	}

	public enum Sort {
		RELEVANCE("Relevance"), MOST_USED("Most used"), NEWEST("Newest");

		private final String label;

		Sort(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/** How the page and the API name it: "most-used". */
		public String param() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}
}
