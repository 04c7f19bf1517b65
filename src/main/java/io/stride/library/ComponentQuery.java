package io.stride.library;

/**
 * A search of the library; null parts do not filter. {@code page} from 1, {@code size} from 1 to {@link #MAX_SIZE}.
 */
public record ComponentQuery(String words, ComponentKind kind, String capabilityId, String authorId, String teamId,
		Integer minReactionScore, Sort sort, int page, int size) {

	public static final int PAGE_SIZE = 20;

	public static final int MAX_SIZE = 100;

	public static final int MAX_WORDS = 10;

	public enum Sort {

		RELEVANCE("relevance", "Relevance"), MOST_REUSED("most-reused", "Most reused"), NEWEST("newest", "Newest"),
		TITLE("title", "Title");

		private final String param;

		private final String label;

		Sort(String param, String label) {
			this.param = param;
			this.label = label;
		}

		public String param() {
			return param;
		}

		public String label() {
			return label;
		}

		public static Sort parse(String text) {
			if (text == null || text.isBlank()) {
				return RELEVANCE;
			}
			for (Sort sort : values()) {
				if (sort.param.equalsIgnoreCase(text.strip()) || sort.name().equalsIgnoreCase(text.strip())) {
					return sort;
				}
			}
			return null;
		}
	}
}
