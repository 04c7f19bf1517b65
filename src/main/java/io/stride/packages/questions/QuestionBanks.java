package io.stride.packages.questions;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.authoring.CourseId;
import io.stride.authoring.Outline;
import io.stride.authoring.OutlineEditing;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.CsvDownload;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A course's question bank in and out. Export reads the working copy's knowledge checks (in lesson order) and final
 * quiz; import appends to the draft's final quiz, all questions in one transaction or none. The preview runs the very
 * same import and rolls it back, so what it promises is what the import does. Who may do either is the outline
 * editor's rule (the course's author and admins), checked by {@link OutlineEditing} on every call.
 */
@Service
class QuestionBanks {

	/** The largest file taken: a bank of a hundred questions is a few hundred kilobytes even as a QTI package. */
	static final int MAX_BYTES = 1024 * 1024;

	/** A course holds at most 100 questions; a file with more could never be imported whole. */
	static final int MAX_ITEMS = 100;

	enum Format {
		GIFT("gift"), QTI("qti");

		private final String name;

		Format(String name) {
			this.name = name;
		}

		public String value() {
			return name;
		}

		/** "gift", "qti", "qti3" or "qti21" (case ignored); anything else is refused at {@code format}. */
		static Format of(String text) {
			String given = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
			return switch (given) {
				case "gift" -> GIFT;
				case "qti", "qti3", "qti21", "qti30", "qti2" -> QTI;
				default -> throw new InvalidInputException("format", "Say which format: gift or qti.");
			};
		}
	}

	/** An exported file with the questions GIFT could not hold. */
	record Export(String fileName, String contentType, byte[] content, int questions, List<String> skipped) {
	}

	/** What an import adds (or, for a preview, would add) and what it leaves out, with why. */
	record Preview(String fileName, Format format, List<BankItem> items) {

		public List<BankItem> importable() {
			return items.stream().filter(BankItem::importable).toList();
		}

		public List<BankItem> unsupported() {
			return items.stream().filter(i -> !i.importable()).toList();
		}
	}

	/** The questions added, by their new ids, and the preview they followed. */
	record Imported(Preview preview, List<String> questionIds) {
	}

	private final OutlineEditing editing;

	private final TransactionTemplate rolledBack;

	QuestionBanks(OutlineEditing editing, PlatformTransactionManager transactions) {
		this.editing = editing;
		this.rolledBack = new TransactionTemplate(transactions);
	}

	@Transactional(readOnly = true)
	public Export export(Viewer viewer, CourseId id, String format) {
		Outline outline = editing.outline(viewer, id);
		List<BankEntry> entries = new ArrayList<>();
		for (Outline.LessonItem lesson : outline.lessons()) {
			int n = 0;
			for (Outline.Item check : lesson.knowledgeChecks()) {
				entries.add(new BankEntry("Knowledge check " + ++n + " of " + lesson.title(),
						editing.element(viewer, id, check.id()).question()));
			}
		}
		int n = 0;
		for (Outline.Item question : outline.quiz()) {
			entries.add(new BankEntry("Quiz question " + ++n, editing.element(viewer, id, question.id()).question()));
		}
		String base = fileBase(outline.title());
		String given = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
		if (given.equals("gift")) {
			GiftWriter.Written written = GiftWriter.write("Questions of \"" + outline.title() + "\", exported from Stride",
					entries);
			return new Export(base + ".gift", "text/plain;charset=UTF-8",
					written.text().getBytes(StandardCharsets.UTF_8), entries.size() - written.skipped().size(),
					written.skipped());
		}
		if (given.equals("qti3") || given.equals("qti")) {
			return new Export(base + "-qti3.zip", "application/zip", QtiWriter.pack("stride-" + id.value(), entries),
					entries.size(), List.of());
		}
		throw new InvalidInputException("format", "Say which format: gift or qti3.");
	}

	/** Reads the file and says what importing it would do, writing nothing. */
	public Preview preview(Viewer editor, CourseId id, String format, String fileName, byte[] content) {
		Imported dryRun = rolledBack.execute(status -> {
			status.setRollbackOnly();
			return add(editor, id, Format.of(format), fileName, content);
		});
		return dryRun.preview();
	}

	/** Appends every importable question to the draft's final quiz, or nothing when anything fails. */
	@Transactional
	public Imported importQuestions(Viewer editor, CourseId id, String format, String fileName, byte[] content) {
		return add(editor, id, Format.of(format), fileName, content);
	}

	private Imported add(Viewer editor, CourseId id, Format format, String fileName, byte[] content) {
		Outline outline = editing.outline(editor, id);
		if (!outline.state().isEditable()) {
			throw new InvalidInputException("status", "Questions are imported into a draft: this course is "
					+ outline.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
					+ "; start a new version to add questions.");
		}
		Preview preview = read(format, fileName, content);
		if (preview.importable().isEmpty()) {
			throw Refused.file(preview.items().isEmpty() ? "The file holds no questions."
					: "None of the file's " + preview.items().size() + " items can be imported; see why below each.");
		}
		List<String> ids = new ArrayList<>();
		for (BankItem item : preview.importable()) {
			ids.add(editing.add(editor, id, OutlineEditing.QUESTION, null, null, null, null, item.question()).id());
		}
		return new Imported(preview, List.copyOf(ids));
	}

	/** The file's items, each checked against the course rules; a malformed file is refused whole. */
	Preview read(Format format, String fileName, byte[] content) {
		if (content == null || content.length == 0) {
			throw Refused.file("Choose a file to import.");
		}
		if (content.length > MAX_BYTES) {
			throw Refused.file("The file is larger than " + MAX_BYTES / 1024
					+ " KB; split the question bank.");
		}
		boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
		String start = new String(content, 0, Math.min(content.length, 200), StandardCharsets.UTF_8).stripLeading();
		if (format == Format.GIFT && (zip || start.startsWith("<?xml") || start.startsWith("<assessmentItem")
				|| start.startsWith("<qti-"))) {
			throw Refused.file("This looks like a QTI file, not GIFT: choose QTI as the format.");
		}
		List<BankItem> items = switch (format) {
			case GIFT -> GiftReader.read(utf8(content), MAX_ITEMS);
			case QTI -> QtiReader.read(fileName, content, MAX_ITEMS);
		};
		List<BankItem> checked = new ArrayList<>();
		for (BankItem item : items) {
			if (!item.importable()) {
				checked.add(item);
				continue;
			}
			Map<String, String> problems = OutlineEditing.problems(item.question());
			checked.add(problems.isEmpty() ? item : item.refused("it breaks a course rule: " + String.join(" ",
					problems.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList())));
		}
		return new Preview(fileName, format, List.copyOf(checked));
	}

	private static String utf8(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			throw Refused.file("The file is not UTF-8 text; save it as UTF-8 and try again.");
		}
	}

	private static String fileBase(String title) {
		return CsvDownload.slug(title, 60, "course") + "-questions";
	}
}
