package io.stride.drafting.internal;

import java.util.regex.Pattern;

/**
 * Which titles a file gives itself are real: a DOCX or PDF title property is often the template's, the file name
 * or "Microsoft Word - …", and an HTML title often carries the site's name.
 */
final class DocumentTitles {

	private static final Pattern NOT_A_TITLE = Pattern.compile("(?i)^(?:untitled.*|document\\s*\\d*|presentation\\s*\\d*|"
			+ "powerpoint presentation|word document|slide\\s*\\d*|title|new document|draft|template|doc\\s*\\d*|"
			+ "microsoft (?:word|powerpoint) - .*|.*\\.(?:docx?|pptx?|pdf|odt|rtf|txt|md|html?|indd))$");

	/** " | Acme Intranet", " – Handbook", " - Docs": what a site adds to every page's title. */
	private static final Pattern SITE_SUFFIX = Pattern.compile("\\s+(?:[|·•]|::|[–—-])\\s+[^|·•–—]{1,60}$");

	private DocumentTitles() {
	}

	/** A document property's title, or "" when it is not one a person gave the document. */
	static String fromProperties(String title) {
		String t = title == null ? "" : title.replaceAll("\\s+", " ").strip();
		if (t.length() < 3 || t.length() > 150 || !t.matches(".*\\p{L}.*") || NOT_A_TITLE.matcher(t).matches()) {
			return "";
		}
		return t;
	}

	/** An HTML page's title without the site's name, or "". */
	static String fromHtmlTitle(String title) {
		String t = title == null ? "" : title.replaceAll("\\s+", " ").strip();
		String withoutSite = SITE_SUFFIX.matcher(t).replaceFirst("");
		return fromProperties(withoutSite.length() >= 3 ? withoutSite : t);
	}
}
