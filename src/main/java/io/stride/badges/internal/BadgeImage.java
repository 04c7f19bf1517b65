package io.stride.badges.internal;

/**
 * A badge's image, drawn from its name: a round SVG with the name's initials. Nothing uploaded is ever served, so
 * there is no SVG to sanitize; the initials are letters and digits only.
 */
public final class BadgeImage {

	private static final String[] COLOURS = { "#1d4ed8", "#047857", "#b45309", "#7c3aed", "#be123c", "#0f766e" };

	private BadgeImage() {
	}

	public static String svg(String name) {
		StringBuilder initials = new StringBuilder();
		for (String word : name.strip().split("\\s+")) {
			int first = word.isEmpty() ? -1 : word.codePointAt(0);
			if (first > 0 && Character.isLetterOrDigit(first) && initials.codePointCount(0, initials.length()) < 2) {
				initials.appendCodePoint(Character.toUpperCase(first));
			}
		}
		String colour = COLOURS[Math.floorMod(name.hashCode(), COLOURS.length)];
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\" role=\"img\">"
				+ "<circle cx=\"128\" cy=\"128\" r=\"120\" fill=\"" + colour + "\"/>"
				+ "<circle cx=\"128\" cy=\"128\" r=\"100\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"6\"/>"
				+ "<text x=\"128\" y=\"150\" font-family=\"sans-serif\" font-size=\"72\" font-weight=\"bold\" fill=\"#ffffff\" "
				+ "text-anchor=\"middle\">" + initials + "</text></svg>";
	}
}
