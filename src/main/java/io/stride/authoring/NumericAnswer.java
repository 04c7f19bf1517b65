package io.stride.authoring;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The answer to a numeric question: a value, how far off an answer may be and still count, and an optional unit
 * shown to the learner. Exact decimals, so that an answer right at the edge of the tolerance counts.
 * @param value null when the author has not given a number yet
 * @param tolerance null when the author wrote something else than a number
 */
public record NumericAnswer(BigDecimal value, BigDecimal tolerance, String unit) {

	public static final int MAX_UNIT = 40;

	/** Most decimals a value or tolerance may have; beyond, writing it out for people would take pages. */
	public static final int MAX_DECIMALS = 20;

	public static final String OUT_OF_RANGE = "Give a finite number (as a double: at most about 1.8e308) with at most "
			+ MAX_DECIMALS + " decimals, e.g. 1.5.";

	private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+([.,]\\d+)?|[.,]\\d+)");

	private static final Pattern THOUSANDS_COMMA = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

	private static final Pattern THOUSANDS_DOT = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");

	public NumericAnswer {
		unit = unit == null || unit.isBlank() ? null : unit.strip();
	}

	/**
	 * Whether a value or tolerance is a number statistics and pages can work with: finite as a double (1e999 is not)
	 * and with few enough decimals to write out.
	 */
	public static boolean representable(BigDecimal number) {
		return number != null && Double.isFinite(number.doubleValue())
				&& number.stripTrailingZeros().scale() <= MAX_DECIMALS;
	}

	/** Whether {@code answer} lies within the tolerance of the value, edges included. */
	public boolean accepts(BigDecimal answer) {
		return value != null && tolerance != null && answer != null
				&& answer.subtract(value).abs().compareTo(tolerance) <= 0;
	}

	/** "1.5 ± 0.1 kg", for feedback. */
	public String describe() {
		String text = value == null ? "?" : value.stripTrailingZeros().toPlainString();
		if (tolerance != null && tolerance.signum() > 0) {
			text += " ± " + tolerance.stripTrailingZeros().toPlainString();
		}
		return unit == null ? text : text + " " + unit;
	}

	/**
	 * A number as people write it: "1.5" and "1,5" alike, "1,500.25" and "1.500,25" with thousands separators, spaces
	 * and a trailing unit ignored. A single comma or dot is a decimal mark ("1,500" is one and a half).
	 */
	public static Optional<BigDecimal> parse(String text, String unit) {
		if (text == null) {
			return Optional.empty();
		}
		String s = text.strip();
		if (unit != null && !unit.isBlank()
				&& s.toLowerCase(Locale.ROOT).endsWith(unit.strip().toLowerCase(Locale.ROOT))) {
			s = s.substring(0, s.length() - unit.strip().length());
		}
		s = s.replaceAll("[\\s\\u00A0\\u2007\\u202F\\u2009']", "").replace('\u2212', '-');
		if (s.length() > 40) {
			return Optional.empty();
		}
		String canonical;
		if (PLAIN.matcher(s).matches()) {
			canonical = s.replace(',', '.');
		}
		else if (THOUSANDS_COMMA.matcher(s).matches()) {
			canonical = s.replace(",", "");
		}
		else if (THOUSANDS_DOT.matcher(s).matches()) {
			canonical = s.replace(".", "").replace(',', '.');
		}
		else {
			return Optional.empty();
		}
		if (canonical.startsWith(".") || canonical.startsWith("+.") || canonical.startsWith("-.")) {
			canonical = canonical.replace(".", "0.");
		}
		return Optional.of(new BigDecimal(canonical));
	}

	public static Optional<BigDecimal> parse(String text) {
		return parse(text, null);
	}
}
