package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numeric facts: amounts of money, percentages, durations and counts with a unit, e.g. "within 24 hours",
 * "EUR 500", "80%". Their kind (money, percent, time, distance, count) decides which numbers can stand in as
 * plausible wrong answers.
 */
final class Quantities {

	enum Kind {
		MONEY, PERCENT, TIME, DISTANCE, WEIGHT, COUNT
	}

	// units of time in every language drafts are written in, compiled once: base() runs in every comparison
	private static final Pattern MINUTES = Pattern.compile("minute|min|minuto");

	private static final Pattern SECONDS = Pattern.compile("second|sekunde|seconde|segundo");

	private static final Pattern WEEKS = Pattern.compile("week|woche|semaine|semana");

	private static final Pattern MONTHS = Pattern.compile("month|monat|mois|mes|maand");

	private static final Pattern YEARS = Pattern.compile("year|jahr|\\ban|année|año|jaar");

	private static final Pattern DAYS = Pattern.compile("day|tag|jour|día|dia|dag");

	/** Hours per unit by a quantity's text: wrong answers are sorted by it, many times per draft. */
	private static final Map<String, Double> HOURS_PER_UNIT = new ConcurrentHashMap<>();

	private static double hoursPerUnit(String text) {
		String t = text.toLowerCase(Locale.ROOT);
		return MINUTES.matcher(t).find() ? 1 / 60.0 : SECONDS.matcher(t).find() ? 1 / 3600.0
				: WEEKS.matcher(t).find() ? 168 : MONTHS.matcher(t).find() ? 730 : YEARS.matcher(t).find() ? 8760
						: DAYS.matcher(t).find() ? 24 : 1;
	}

	record Quantity(String text, Kind kind, double value, int start, int end) {

		/** The amount in one unit per kind (hours for time), so that equal amounts in other units compare equal. */
		double base() {
			if (kind != Kind.TIME) {
				return value;
			}
			if (HOURS_PER_UNIT.size() > 10_000) {
				HOURS_PER_UNIT.clear();
			}
			return value * HOURS_PER_UNIT.computeIfAbsent(text, Quantities::hoursPerUnit);
		}
	}

	/** Units as German, French, Spanish and Dutch write them, longest first where one begins another. */
	private static final String OTHER_LANGUAGES = "Prozent|pour cent|por ciento|procent"
			+ "|(?:Arbeits|Werk|Kalender)tagen?|(?:Arbeits|Werk|Kalender)tage|Stunden|Stunde|Std\\.|Minuten|Minute|Sekunden|Tagen|Tage|Tag"
			+ "|Wochen|Woche|Monaten|Monate|Monat|Jahren|Jahre|Jahr"
			+ "|jours ouvrés|jours ouvrables|heures?|jours?|semaines?|mois|années?|ans|secondes?"
			+ "|días hábiles|horas?|minutos?|días?|semanas?|meses|mes|años?|segundos?"
			+ "|werkdagen|uren|uur|seconden|dagen|dag|weken|maanden|maand|jaren|jaar"
			+ "|Zeichen|caractères|caracteres|tekens|Personen|personnes|personas|personen|Schritte|étapes|pasos|stappen"
			+ "|Kilometer|kilomètres?|kilómetros?|kilometer|Kilogramm|kilogrammes?|kilogramos?";

	// no plain space as a thousands separator: runs like "1 2 3 4" would make matching quadratic
	private static final String NUMBER = "\\d{1,3}(?:[,.\\u202f]\\d{3})*+(?:[.,]\\d+)?|\\d++(?:[.,]\\d+)?";

	private static final Pattern PATTERN = Pattern.compile("(?iu)(?<![\\p{L}\\d.,])(?:"
			+ "(?<cur>(?:EUR|USD|GBP|CHF|€|\\$|£)\\s?(?:" + NUMBER + "))"
			+ "|(?<num>" + NUMBER + ")\\s?(?<unit>%|percent|per cent|(?:working |business |calendar )?(?:days?|hours?|weeks?|months?|years?|minutes?|mins|seconds?)"
			+ "|km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|kg|kilograms?|EUR|euros?|USD|dollars?|pounds?|CHF"
			+ "|people|persons?|times|pages|steps|items|units|attempts|calls|visits|tickets|characters|questions|days? a week"
			// the same in German, French, Spanish and Dutch
			+ "|" + OTHER_LANGUAGES + ")"
			+ ")(?![\\p{L}\\d])");

	private Quantities() {
	}

	static List<Quantity> in(String text) {
		List<Quantity> found = new ArrayList<>();
		if (text.length() > 2000 || !hasDigit(text)) {
			// every quantity has a digit (money and units follow one): most sentences need no matching at all
			return found;
		}
		Matcher m = PATTERN.matcher(text);
		while (m.find()) {
			String match = m.group().strip();
			Kind kind;
			if (m.group("cur") != null) {
				kind = Kind.MONEY;
			}
			else {
				kind = kindOf(m.group("unit"));
			}
			found.add(new Quantity(match, kind, value(match), m.start(), m.start() + match.length()));
		}
		return found;
	}

	// the unit patterns below are compiled once: every quantity of every sentence is sorted into a kind
	private static final Pattern PERCENT_UNIT = Pattern.compile("prozent|pour cent|por ciento|procent");

	private static final Pattern TIME_UNIT = Pattern.compile(".*(day|hour|week|month|year|minute|min|second|tag|stunde|std|woche|monat|jahr|sekunde|jour|heure|semaine"
			+ "|mois|ann|^ans$|hora|minuto|día|semana|mes|año|segundo|dag|uur|uren|week|maand|jaar|seconde).*");

	private static final Pattern DISTANCE_UNIT = Pattern.compile("km|kilomet.*|kilom.*|miles?|met.*");

	private static final Pattern WEIGHT_UNIT = Pattern.compile("kg|kilogram.*");

	private static final Pattern MONEY_UNIT = Pattern.compile("eur|euros?|usd|dollars?|pounds?|chf");

	private static final Pattern A_NUMBER = Pattern.compile(NUMBER);

	private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([,.]\\d{3})+");

	/** "1,250.50": thousands grouped with commas, then decimals. */
	private static final Pattern GROUPED_WITH_COMMAS = Pattern.compile("\\d{1,3}(,\\d{3})+\\.\\d+");

	/** "1.250,50": thousands grouped with points, then decimals. */
	private static final Pattern GROUPED_WITH_POINTS = Pattern.compile("\\d{1,3}(\\.\\d{3})+,\\d+");

	private static boolean hasDigit(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				return true;
			}
		}
		return false;
	}

	private static Kind kindOf(String unit) {
		String u = unit.toLowerCase(Locale.ROOT);
		if (u.equals("%") || u.startsWith("percent") || u.equals("per cent") || PERCENT_UNIT.matcher(u).matches()) {
			return Kind.PERCENT;
		}
		if (TIME_UNIT.matcher(u).matches()) {
			return Kind.TIME;
		}
		if (DISTANCE_UNIT.matcher(u).matches()) {
			return Kind.DISTANCE;
		}
		if (WEIGHT_UNIT.matcher(u).matches()) {
			return Kind.WEIGHT;
		}
		if (MONEY_UNIT.matcher(u).matches()) {
			return Kind.MONEY;
		}
		return Kind.COUNT;
	}

	private static double value(String text) {
		Matcher digits = A_NUMBER.matcher(text);
		if (!digits.find()) {
			return 0;
		}
		String n = digits.group().replace("\u202f", "").replace(" ", "");
		if (GROUPED.matcher(n).matches()) {
			n = n.replace(",", "").replace(".", "");
		}
		else if (GROUPED_WITH_COMMAS.matcher(n).matches()) {
			n = n.replace(",", "");
		}
		else if (GROUPED_WITH_POINTS.matcher(n).matches()) {
			n = n.replace(".", "");
		}
		try {
			return Double.parseDouble(n.replace(',', '.'));
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}
}
