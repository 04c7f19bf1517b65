package io.stride.shared;

/**
 * Cells for CSV exports that people open in a spreadsheet.
 */
public final class Csv {

	private Csv() {
	}

	/**
	 * RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula (=, +, -, @, tab, return):
	 * titles and comments are written by users, and an export must not execute what they typed.
	 */
	public static String text(String value) {
		if (value == null) {
			return "";
		}
		String v = value;
		if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		return "\"" + v.replace("\"", "\"\"") + "\"";
	}

	/** A number Stride computed (never user text), written as is so that spreadsheets read it as a number. */
	public static String number(Number value) {
		return value == null ? "" : value.toString();
	}

	/** One CSV line, ending with CRLF as RFC 4180 asks. */
	public static String line(String... cells) {
		return String.join(",", cells) + "\r\n";
	}
}
