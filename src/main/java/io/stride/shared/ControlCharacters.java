package io.stride.shared;

/**
 * Control characters (NUL and the rest of C0, DEL) have no place in text people write; PostgreSQL cannot even store
 * NUL. Tabs and line breaks are text.
 */
public final class ControlCharacters {

	public static final String MESSAGE = "Remove the control character (such as NUL) from this text; only tabs and "
			+ "line breaks are allowed.";

	private ControlCharacters() {
	}

	public static boolean in(CharSequence text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
				return true;
			}
		}
		return false;
	}

	/** The text without its control characters, for text that comes out of documents, where form feeds are common. */
	public static String strip(String text) {
		if (!in(text)) {
			return text;
		}
		StringBuilder kept = new StringBuilder(text.length());
		text.chars().filter(c -> !((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)).forEach(c -> kept.append((char) c));
		return kept.toString();
	}
}
