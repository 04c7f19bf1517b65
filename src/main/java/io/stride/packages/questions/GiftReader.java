package io.stride.packages.questions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.authoring.NumericAnswer;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Scoring;
import io.stride.shared.InvalidInputException;
import org.jsoup.Jsoup;

/**
 * Reads Moodle GIFT: questions separated by blank lines, {@code //} comments, an optional {@code ::title::}, the
 * answers in braces. Syntax that cannot be read refuses the whole file with the line it is on; a question Stride has
 * no kind for (essay, description, a numeric question with several answers of equal weight...) becomes an
 * unsupported item with the reason.
 */
final class GiftReader {

	private static final Pattern WEIGHT = Pattern.compile("^%(-?\\d+(?:\\.\\d+)?)%");

	private static final Pattern FORMAT = Pattern.compile("^\\[(moodle|html|markdown|plain)\\]", Pattern.CASE_INSENSITIVE);

	private GiftReader() {
	}

	static List<BankItem> read(String text, int maxItems) {
		String[] lines = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		List<BankItem> items = new ArrayList<>();
		int i = 0;
		while (i < lines.length) {
			while (i < lines.length && lines[i].isBlank()) {
				i++;
			}
			if (i >= lines.length) {
				break;
			}
			int start = i;
			StringBuilder block = new StringBuilder();
			Hints hints = Hints.NONE;
			boolean content = false;
			while (i < lines.length && !lines[i].isBlank()) {
				String line = lines[i];
				if (line.strip().startsWith("//")) {
					if (line.strip().startsWith(Hints.PREFIX)) {
						hints = Hints.parse(line);
					}
					// kept as an empty line so that positions still name the file's lines
					block.append('\n');
				}
				else {
					block.append(line).append('\n');
					content = true;
				}
				i++;
			}
			if (!content) {
				continue;
			}
			String body = block.toString();
			if (body.strip().startsWith("$CATEGORY:")) {
				continue;
			}
			if (items.size() >= maxItems) {
				throw Refused.file("The file holds more than " + maxItems
						+ " questions; split it (a course has at most 100 questions).");
			}
			items.add(question(items.size() + 1, start + 1, body, hints));
		}
		return items;
	}

	private static BankItem question(int number, int firstLine, String body, Hints hints) {
		int at = 0;
		String title = null;
		String trimmed = body.stripLeading();
		int lead = body.length() - trimmed.length();
		if (trimmed.startsWith("::")) {
			int end = unescaped(body, "::", lead + 2);
			if (end < 0) {
				throw error(body, firstLine, lead, "the title opened with :: is not closed with ::");
			}
			title = unescape(body.substring(lead + 2, end)).strip();
			at = end + 2;
		}
		int open = unescaped(body, "{", at);
		if (open < 0) {
			String text = unescape(body.substring(at)).strip();
			return BankItem.unsupported(number, name(title, text, number),
					"a description (text without answers) is not a question");
		}
		int close = unescaped(body, "}", open + 1);
		if (close < 0) {
			throw error(body, firstLine, open, "the answers opened with { are not closed with }");
		}
		if (unescaped(body, "{", close + 1) >= 0) {
			return BankItem.unsupported(number, name(title, unescape(body.substring(at, open)), number),
					"several answer blocks in one question (cloze) are not supported");
		}
		List<String> notes = new ArrayList<>();
		String before = text(body.substring(at, open), notes);
		String after = text(body.substring(close + 1), notes);
		// an answer in the middle of the text ("missing word") leaves a blank where it was
		String prompt = after.isBlank() ? before : before + " _____ " + after;
		String label = name(title, prompt, number);
		String answers = body.substring(open + 1, close);
		int answersLine = firstLine + count(body.substring(0, open + 1));
		try {
			return parse(number, label, prompt, answers, hints, notes, answersLine);
		}
		catch (Malformed malformed) {
			throw Refused.file("Line " + malformed.line + ": " + malformed.getMessage());
		}
	}

	private static BankItem parse(int number, String label, String prompt, String answers, Hints hints,
			List<String> notes, int line) {
		String general = "";
		int feedback = unescaped(answers, "####", 0);
		if (feedback >= 0) {
			general = unescape(answers.substring(feedback + 4)).strip();
			answers = answers.substring(0, feedback);
		}
		String content = answers.strip();
		if (content.isEmpty()) {
			return BankItem.unsupported(number, label, "an essay (a free answer marked by hand) has no Stride kind");
		}
		if (content.startsWith("#")) {
			return numeric(number, label, prompt, content.substring(1), general, hints, notes, line);
		}
		String word = content.split("#", 2)[0].strip().toUpperCase(Locale.ROOT);
		if (List.of("T", "TRUE", "F", "FALSE").contains(word)) {
			List<String> feedbacks = splitUnescaped(content, '#');
			if (feedbacks.size() > 1) {
				notes.add("Its answer feedback is kept in the explanation.");
				StringBuilder all = new StringBuilder(general);
				for (String f : feedbacks.subList(1, feedbacks.size())) {
					if (!unescape(f).isBlank()) {
						all.append(all.isEmpty() ? "" : "\n\n").append(unescape(f).strip());
					}
				}
				general = all.toString();
			}
			boolean isTrue = word.startsWith("T");
			return BankItem.of(number, label, new Question(null, QuestionKind.TRUE_FALSE, prompt,
					List.of("True", "False"), List.of(isTrue ? 0 : 1), general), notes);
		}
		List<Answer> list = answers(answers, line);
		if (list.isEmpty()) {
			throw new Malformed(line, "the answers must start with = (right) or ~ (wrong)");
		}
		StringBuilder explanation = new StringBuilder(general);
		boolean arrows = list.stream().anyMatch(a -> a.right() && unescaped(a.raw(), "->", 0) >= 0);
		boolean anyWrong = list.stream().anyMatch(a -> !a.right());
		Question question;
		if (arrows) {
			question = pairs(label, prompt, list, hints, line, explanation, notes);
		}
		else if (!anyWrong) {
			feedbackInto(explanation, list, notes);
			List<String> accepted = list.stream()
				.filter(a -> a.weight() == null || a.weight().compareTo(BigDecimal.valueOf(100)) == 0)
				.map(Answer::text)
				.toList();
			if (accepted.size() < list.size()) {
				notes.add("Only fully right answers are kept; answers for partial credit are left out.");
			}
			question = new Question(null, QuestionKind.SHORT_ANSWER, prompt, null, null, explanation.toString(), null,
					null, accepted, hints.similarity(), null, null);
		}
		else if (list.stream().anyMatch(a -> a.right() && a.weight() == null)) {
			feedbackInto(explanation, list, notes);
			QuestionKind kind = hints.kind() == QuestionKind.TRUE_FALSE ? QuestionKind.TRUE_FALSE : QuestionKind.SINGLE_CHOICE;
			List<Integer> right = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				if (list.get(i).right()) {
					right.add(i);
				}
			}
			if (right.size() > 1) {
				return BankItem.unsupported(number, label, "several answers are marked right with = in a single-choice "
						+ "question; give them weights (~%50%) to make a multiple-select one");
			}
			question = new Question(null, kind, prompt, list.stream().map(Answer::text).toList(), right,
					explanation.toString());
		}
		else {
			feedbackInto(explanation, list, notes);
			List<Integer> right = new ArrayList<>();
			boolean allOrNothing = true;
			for (int i = 0; i < list.size(); i++) {
				Answer a = list.get(i);
				BigDecimal weight = a.weight() == null ? BigDecimal.ZERO : a.weight();
				if (weight.signum() > 0) {
					right.add(i);
				}
				else if (weight.compareTo(BigDecimal.valueOf(-100)) != 0) {
					allOrNothing = false;
				}
			}
			if (right.isEmpty()) {
				return BankItem.unsupported(number, label, "no answer has a positive weight, so none is right");
			}
			Scoring scoring = hints.scoring() != null ? hints.scoring()
					: allOrNothing && list.size() > right.size() ? Scoring.ALL_OR_NOTHING : Scoring.PARTIAL;
			question = Question.multipleSelect(null, prompt, list.stream().map(Answer::text).toList(), right, scoring,
					explanation.toString());
		}
		return BankItem.of(number, label, question, notes);
	}

	private static Question pairs(String label, String prompt, List<Answer> list, Hints hints, int line,
			StringBuilder explanation, List<String> notes) {
		List<String> items = new ArrayList<>();
		List<String> matches = new ArrayList<>();
		List<String> extra = new ArrayList<>();
		for (Answer a : list) {
			if (!a.right()) {
				throw new Malformed(line, "a matching question's pairs all start with = (\"~" + a.text() + "\" does not)");
			}
			int arrow = unescaped(a.raw(), "->", 0);
			if (arrow < 0) {
				throw new Malformed(line, "the pair \"" + a.text() + "\" has no -> between the item and its match");
			}
			String item = unescape(a.raw().substring(0, arrow)).strip();
			String match = unescape(a.raw().substring(arrow + 2)).strip();
			if (item.isEmpty()) {
				extra.add(match);
			}
			else {
				items.add(item);
				matches.add(match);
			}
		}
		feedbackInto(explanation, list, notes);
		if (hints.kind() == QuestionKind.ORDERING) {
			List<Integer> order = new ArrayList<>();
			for (int position = 1; position <= items.size(); position++) {
				order.add(matches.indexOf(String.valueOf(position)));
			}
			if (!order.contains(-1)) {
				return new Question(null, QuestionKind.ORDERING, prompt, items, order, explanation.toString());
			}
		}
		List<String> all = new ArrayList<>(matches);
		all.addAll(extra);
		return Question.matching(null, prompt, items, all, hints.scoring() == null ? Scoring.PARTIAL : hints.scoring(),
				explanation.toString());
	}

	private static BankItem numeric(int number, String label, String prompt, String content, String general,
			Hints hints, List<String> notes, int line) {
		String first = content.strip();
		// several weighted answers: the fully right one counts
		if (first.startsWith("=")) {
			List<Answer> list = answers(first, line);
			Answer best = list.stream()
				.filter(a -> a.right() && (a.weight() == null || a.weight().compareTo(BigDecimal.valueOf(100)) == 0))
				.findFirst()
				.orElse(null);
			if (best == null) {
				return BankItem.unsupported(number, label, "no numeric answer is worth 100 %");
			}
			if (list.size() > 1) {
				notes.add("Only the fully right answer is kept; answers for partial credit are left out.");
			}
			first = best.raw().replaceFirst("^%[^%]*%", "");
		}
		List<String> parts = splitUnescaped(first, '#');
		if (parts.size() > 1 && !unescape(parts.get(1)).isBlank()) {
			notes.add("Its answer feedback is kept in the explanation.");
			general = general.isBlank() ? unescape(parts.get(1)).strip() : general + "\n\n" + unescape(parts.get(1)).strip();
		}
		String value = parts.get(0).strip();
		BigDecimal answer;
		BigDecimal tolerance;
		try {
			int range = value.indexOf("..");
			int colon = value.indexOf(':');
			if (range >= 0) {
				BigDecimal low = number(value.substring(0, range).strip());
				BigDecimal high = number(value.substring(range + 2).strip());
				answer = low.add(high).divide(BigDecimal.TWO);
				tolerance = high.subtract(low).abs().divide(BigDecimal.TWO);
			}
			else if (colon >= 0) {
				answer = number(value.substring(0, colon).strip());
				tolerance = number(value.substring(colon + 1).strip()).abs();
			}
			else {
				answer = number(value);
				tolerance = BigDecimal.ZERO;
			}
		}
		catch (NumberFormatException | ArithmeticException notNumber) {
			throw new Malformed(line, "\"#" + value + "\" is not a number (write #3.5, #3.5:0.1 or #3..4)");
		}
		return BankItem.of(number, label, new Question(null, QuestionKind.NUMERIC, prompt, null, null, general, null,
				null, null, null, new NumericAnswer(answer, tolerance, hints.unit()), null), notes);
	}

	/** An answer: right (=) or wrong (~), its weight if given, its text and its own feedback. */
	private record Answer(boolean right, BigDecimal weight, String raw, String text, String feedback) {
	}

	private static List<Answer> answers(String answers, int line) {
		List<Answer> list = new ArrayList<>();
		int i = 0;
		String s = answers;
		while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
			i++;
		}
		if (i < s.length() && s.charAt(i) != '=' && s.charAt(i) != '~') {
			throw new Malformed(line + count(s.substring(0, i)), "an answer must start with = (right) or ~ (wrong)");
		}
		while (i < s.length()) {
			char marker = s.charAt(i);
			int end = i + 1;
			while (end < s.length() && !(isUnescaped(s, end) && (s.charAt(end) == '=' || s.charAt(end) == '~'))) {
				end++;
			}
			String raw = s.substring(i + 1, end);
			BigDecimal weight = null;
			Matcher w = WEIGHT.matcher(raw.strip());
			String rest = raw.strip();
			if (w.find()) {
				weight = new BigDecimal(w.group(1));
				rest = rest.substring(w.end());
			}
			int hash = unescaped(rest, "#", 0);
			String text = unescape(hash < 0 ? rest : rest.substring(0, hash)).strip();
			String feedback = hash < 0 ? "" : unescape(rest.substring(hash + 1)).strip();
			list.add(new Answer(marker == '=', weight, hash < 0 ? rest : rest.substring(0, hash), text, feedback));
			i = end;
		}
		return list;
	}

	/** Per-answer feedback has no place of its own in Stride: it is added to the explanation, naming the answer. */
	private static void feedbackInto(StringBuilder explanation, List<Answer> list, List<String> notes) {
		boolean any = false;
		for (Answer a : list) {
			if (!a.feedback().isBlank()) {
				explanation.append(explanation.isEmpty() ? "" : "\n\n").append(a.text()).append(": ").append(a.feedback());
				any = true;
			}
		}
		if (any) {
			notes.add("Its answer feedback is kept in the explanation.");
		}
	}

	private static String text(String raw, List<String> notes) {
		String text = raw.strip();
		Matcher format = FORMAT.matcher(text);
		if (format.find()) {
			String kind = format.group(1).toLowerCase(Locale.ROOT);
			text = text.substring(format.end());
			if (kind.equals("html")) {
				notes.add("Its HTML is kept as plain text.");
				return Jsoup.parse(unescape(text)).text().strip();
			}
		}
		return unescape(text).strip().replaceAll("\n{3,}", "\n\n");
	}

	private static String name(String title, String text, int number) {
		if (title != null && !title.isBlank()) {
			return title;
		}
		String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		if (t.isEmpty()) {
			return "Question " + number;
		}
		return t.length() > 60 ? t.substring(0, 57) + "…" : t;
	}

	/** The first {@code token} at or after {@code from} not preceded by a backslash escape. */
	/**
	 * A number as written, of at most 30 digits either side of the point: "1e10000001" is a valid BigDecimal, but
	 * adding 5 to it writes out ten million digits (found by fuzzing: one such answer held an import for a minute).
	 */
	static BigDecimal number(String text) {
		BigDecimal number = new BigDecimal(text);
		if (number.scale() > 30 || number.precision() - number.scale() > 30) {
			throw new NumberFormatException("out of range");
		}
		return number;
	}

	static int unescaped(String s, String token, int from) {
		for (int i = from; i <= s.length() - token.length(); i++) {
			if (s.charAt(i) == '\\') {
				i++;
				continue;
			}
			if (s.startsWith(token, i)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isUnescaped(String s, int at) {
		int backslashes = 0;
		for (int i = at - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
			backslashes++;
		}
		return backslashes % 2 == 0;
	}

	private static List<String> splitUnescaped(String s, char separator) {
		List<String> parts = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) == '\\') {
				i++;
			}
			else if (s.charAt(i) == separator) {
				parts.add(s.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(s.substring(start));
		return parts;
	}

	static String unescape(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\\' && i + 1 < s.length()) {
				char next = s.charAt(++i);
				out.append(next == 'n' ? '\n' : next);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static int count(String s) {
		int n = 0;
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) == '\n') {
				n++;
			}
		}
		return n;
	}

	private static InvalidInputException error(String body, int firstLine, int at, String message) {
		return Refused.file("Line " + (firstLine + count(body.substring(0, at))) + ": " + message + ".");
	}

	private static final class Malformed extends RuntimeException {

		private final int line;

		Malformed(int line, String message) {
			super(message + ".");
			this.line = line;
		}
	}
}
