package io.stride.authoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.stride.authoring.internal.CourseRules;
import io.stride.authoring.internal.Courses;
import io.stride.authoring.internal.ElementOrigins;
import io.stride.authoring.internal.ElementRevisions;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outline editor's writes: one element at a time, each guarded by that element's own revision, so that two
 * authors on different lessons or questions never conflict; on the same element the second save is refused with
 * both texts. Outline changes (add, remove, restore, move, rename a module) are guarded by the course's outline
 * revision and never lose an element. Each call is one short transaction that reads and writes only what it
 * changes. Who may edit is as for the whole-course save: the course's author and admins.
 */
@Service
@Transactional
public class OutlineEditing {

	public static final String LESSON = "LESSON";

	public static final String QUESTION = "QUESTION";

	public static final String KNOWLEDGE_CHECK = "KNOWLEDGE_CHECK";

	/** A removed whole module, as kept for its restore. */
	static final String MODULE = "MODULE";

	private final Courses courses;

	private final ElementRevisions revisions;

	private final Organization organization;

	private final Authoring authoring;

	private final ElementOrigins origins;

	private final ObjectProvider<LessonFiles> lessonFiles;

	OutlineEditing(Courses courses, ElementRevisions revisions, Organization organization, Authoring authoring,
			ElementOrigins origins, ObjectProvider<LessonFiles> lessonFiles) {
		this.lessonFiles = lessonFiles;
		this.authoring = authoring;
		this.origins = origins;
		this.courses = courses;
		this.revisions = revisions;
		this.organization = organization;
	}

	/** What a save answers: the element's new revision and when it was saved. */
	public record Saved(String elementId, int revision, Instant savedAt) {
	}

	// ---- reading ----

	@Transactional(readOnly = true)
	public Outline outline(Viewer viewer, CourseId id) {
		Courses.DraftHeader header = header(viewer, id, false);
		Map<String, String> origins = originModes(id);
		List<Courses.OutlineRow> rows = courses.outline(id);
		Map<String, List<Outline.Item>> checks = new HashMap<>();
		List<Outline.Item> quiz = new ArrayList<>();
		for (Courses.OutlineRow row : rows) {
			if (row.questionKind() == null) {
				continue;
			}
			Outline.Item item = new Outline.Item(row.id(), row.title(), row.questionKind(), row.revision(),
					origins.get(row.id()));
			if (row.lessonId() == null) {
				quiz.add(item);
			}
			else {
				checks.computeIfAbsent(row.lessonId(), k -> new ArrayList<>()).add(item);
			}
		}
		List<Outline.Module> modules = new ArrayList<>();
		String current = null;
		List<Outline.LessonItem> run = null;
		for (Courses.OutlineRow row : rows) {
			if (row.questionKind() != null) {
				continue;
			}
			if (run == null || !Objects.equals(current, row.module())) {
				current = row.module();
				run = new ArrayList<>();
				modules.add(new Outline.Module(current, run));
			}
			run.add(new Outline.LessonItem(row.id(), row.title(), row.revision(), origins.get(row.id()),
					List.copyOf(checks.getOrDefault(row.id(), List.of()))));
		}
		return new Outline(id, header.title(), header.state(), header.revision(),
				header.outlineRevision(), header.settingsRevision(),
				modules.stream().map(m -> new Outline.Module(m.name(), List.copyOf(m.lessons()))).toList(),
				List.copyOf(quiz));
	}

	@Transactional(readOnly = true)
	public OutlineElement element(Viewer viewer, CourseId id, String elementId) {
		header(viewer, id, false);
		Courses.ElementRow row = row(id, elementId);
		return view(id, row, origins.find(id, elementId).map(o -> o.mode().name()).orElse(null));
	}

	// ---- saving one element ----

	/** What an element save sends: a lesson's fields or a question. */
	public sealed interface Edit permits LessonEdit, QuestionEdit {
	}

	/** A lesson's title and text, and its module when {@code module} is not null; a field left null keeps its value. */
	public record LessonEdit(String title, String markdown, String module) implements Edit {
	}

	/** A question or knowledge check; a drafted question keeps the passage it came from when none is sent. */
	public record QuestionEdit(Question question) implements Edit {
	}

	/**
	 * Saves one element, for the outline editor's page and the API alike, if nobody saved the element since
	 * {@code revision}; otherwise 409 with both texts. The course must be an editable draft (422 at {@code status}),
	 * the element not linked to its source, and the fields within the course rules (422 at the fields). A lesson keeps
	 * its citations.
	 */
	public Saved save(Viewer editor, CourseId id, String elementId, Integer revision, Edit edit) {
		Courses.DraftHeader draft = header(editor, id, true);
		Courses.ElementRow row = row(id, elementId);
		boolean lesson = LESSON.equals(row.kind());
		if (edit instanceof LessonEdit && !lesson) {
			throw new InvalidInputException("type", "This element is a question; send a question's fields.");
		}
		if (edit instanceof QuestionEdit && lesson) {
			throw new InvalidInputException("type", "This element is a lesson; send a lesson's fields.");
		}
		notLinked(id, elementId);
		requireRevision(revision);
		Change change = switch (edit) {
			case LessonEdit l -> lessonChange(editor, id, row, revision, l);
			case QuestionEdit q -> questionChange(id, row, revision, q.question());
		};
		if (revision != row.revision()) {
			throw conflict(id, row, change.yours(), change.theirs());
		}
		if (change.before().equals(change.after())) {
			return new Saved(elementId, row.revision(), Instant.now());
		}
		revisions.keep(id, elementId, row.revision(), row.kind(), change.before(), null, true);
		if (!change.write().getAsBoolean()) {
			throw conflict(id, row(id, elementId), change.yours(), null);
		}
		revisions.keep(id, elementId, revision + 1, row.kind(), change.after(), editor.id(), false);
		touch(id, editor, draft.version());
		return new Saved(elementId, revision + 1, Instant.now());
	}

	/**
	 * An element's checked change: both texts as a conflict shows them, both as kept in its revisions, and the write
	 * guarded by the element's revision.
	 */
	private record Change(Object yours, Object theirs, String before, String after, BooleanSupplier write) {
	}

	private Change lessonChange(Viewer editor, CourseId id, Courses.ElementRow row, int revision, LessonEdit edit) {
		Lesson current = row.lesson();
		// a field left out keeps its current value: a save of the title alone never erases the text
		Lesson mine = new Lesson(row.id(), edit.title() == null ? current.title() : edit.title().strip(),
				edit.markdown() == null ? current.markdown() : edit.markdown(), current.sources(),
				edit.module() == null ? current.module() : edit.module());
		checkLesson(mine);
		LessonFiles files = lessonFiles.getIfAvailable();
		String refusal = files == null ? null : files.refusal(editor, id, mine.markdown(), current.markdown());
		if (refusal != null) {
			throw new InvalidInputException("markdown", refusal);
		}
		return new Change(lessonView(mine), lessonView(current), revisions.lessonJson(current),
				revisions.lessonJson(mine), () -> courses.saveLesson(id, revision, mine));
	}

	private Change questionChange(CourseId id, Courses.ElementRow row, int revision, Question question) {
		Question current = row.question();
		Question mine = question.withId(row.id())
			.withSource(question.source() == null ? current.source() : question.source());
		checkQuestion(mine);
		return new Change(mine, current, revisions.questionJson(current), revisions.questionJson(mine),
				() -> courses.saveQuestion(id, revision, mine));
	}

	/**
	 * Puts back the element's text from before its last change, as a new revision; repeated, it goes further back.
	 * {@code revision}, when given, must be the element's current one.
	 */
	public OutlineElement undo(Viewer editor, CourseId id, String elementId, Integer revision) {
		Courses.DraftHeader draft = header(editor, id, true);
		Courses.ElementRow row = row(id, elementId);
		notLinked(id, elementId);
		if (revision != null && revision != row.revision()) {
			throw conflict(id, row, null, LESSON.equals(row.kind()) ? lessonView(row.lesson()) : row.question());
		}
		String currentText = LESSON.equals(row.kind()) ? revisions.lessonJson(row.lesson())
				: revisions.questionJson(row.question());
		ElementRevisions.Revision target = undoTarget(id, row, currentText);
		if (target == null) {
			throw new InvalidInputException("undo", "There is no earlier version of this element to go back to.");
		}
		revisions.keep(id, elementId, row.revision(), row.kind(), currentText, null, true);
		boolean saved;
		String text;
		if (LESSON.equals(row.kind())) {
			ElementRevisions.LessonText earlier = revisions.lessonText(target.content());
			Lesson back = new Lesson(elementId, earlier.title(), earlier.markdown(), row.lesson().sources(),
					row.lesson().module());
			saved = courses.saveLesson(id, row.revision(), back);
			text = revisions.lessonJson(back);
		}
		else {
			Question back = revisions.question(target.content()).withId(elementId);
			saved = courses.saveQuestion(id, row.revision(), back);
			text = revisions.questionJson(back);
		}
		if (!saved) {
			throw conflict(id, row(id, elementId), null, null);
		}
		revisions.keep(id, elementId, row.revision() + 1, row.kind(), text, editor.id(), false);
		revisions.markRestores(id, elementId, row.revision() + 1, target.revision());
		touch(id, editor, draft.version());
		return element(editor, id, elementId);
	}

	/** The revision an undo puts back: before the one the current revision restored, when it was itself an undo. */
	private ElementRevisions.Revision undoTarget(CourseId id, Courses.ElementRow row, String currentText) {
		int below = row.revision();
		var current = revisions.find(id, row.id(), row.revision());
		if (current.isPresent() && current.get().restores() != null) {
			below = current.get().restores();
		}
		String currentCompared = comparable(row.kind(), currentText);
		return revisions.earlier(id, row.id(), below)
			.stream()
			.filter(r -> !comparable(row.kind(), r.content()).equals(currentCompared))
			.findFirst()
			.orElse(null);
	}

	/** A lesson's module is the outline's business, not its text's: undo compares title and text only. */
	private String comparable(String kind, String content) {
		if (!LESSON.equals(kind)) {
			return content;
		}
		ElementRevisions.LessonText text = revisions.lessonText(content);
		return text.title() + "\u0000" + text.markdown();
	}

	// ---- the outline ----

	/**
	 * Adds a lesson (in {@code module}, after {@code afterId} or at the module's end), a final-quiz question (after
	 * {@code afterId} or last) or a knowledge check of {@code lessonId}. Blank content gets a placeholder title or
	 * prompt the author then replaces.
	 */
	public OutlineElement add(Viewer editor, CourseId id, String type, String module, String lessonId, String afterId,
			Lesson lesson, Question question) {
		header(editor, id, true);
		String kind = type == null ? "" : type.strip().toUpperCase(Locale.ROOT);
		if (!List.of(LESSON, QUESTION, KNOWLEDGE_CHECK).contains(kind)) {
			throw new InvalidInputException("type", "Say what to add: LESSON, QUESTION or KNOWLEDGE_CHECK.");
		}
		courses.touchOutline(id, null);
		List<Courses.OutlineRow> rows = courses.outline(id);
		String newId = Ids.newId();
		if (LESSON.equals(kind)) {
			List<Courses.OutlineRow> lessons = rows.stream().filter(r -> r.questionKind() == null).toList();
			if (lessons.size() >= CourseRules.MAX_LESSONS) {
				throw new InvalidInputException("type", "A course can have at most " + CourseRules.MAX_LESSONS + " lessons.");
			}
			String moduleName = module != null ? module : after(lessons, afterId).map(Courses.OutlineRow::module).orElse(null);
			Lesson given = lesson == null ? new Lesson(null, "", "") : lesson;
			Lesson added = new Lesson(newId, given.title() == null || given.title().isBlank() ? "New lesson" : given.title().strip(),
					given.markdown() == null ? "" : given.markdown(), List.of(), moduleName);
			checkLesson(added);
			List<String> order = new ArrayList<>(lessons.stream().map(Courses.OutlineRow::id).toList());
			Map<String, String> modules = new HashMap<>();
			lessons.forEach(r -> modules.put(r.id(), r.module()));
			int at = insertionPoint(lessons, afterId, added.module());
			courses.insertLesson(id, at, added, 1);
			order.add(at, newId);
			modules.put(newId, added.module());
			courses.orderLessons(id, order, modules);
			revisions.keep(id, newId, 1, LESSON, revisions.lessonJson(added), editor.id(), false);
		}
		else {
			String parent = null;
			if (KNOWLEDGE_CHECK.equals(kind)) {
				if (lessonId == null || rows.stream().noneMatch(r -> r.questionKind() == null && r.id().equals(lessonId))) {
					throw new InvalidInputException("lessonId", "Say which lesson of this course the knowledge check follows.");
				}
				parent = lessonId;
			}
			String container = parent;
			List<Courses.OutlineRow> siblings = rows.stream()
				.filter(r -> r.questionKind() != null && Objects.equals(r.lessonId(), container))
				.toList();
			long questions = rows.stream().filter(r -> r.questionKind() != null).count();
			if (questions >= CourseRules.MAX_QUESTIONS) {
				throw new InvalidInputException("type", "A course can have at most " + CourseRules.MAX_QUESTIONS
						+ " questions, knowledge checks included.");
			}
			if (parent != null && siblings.size() >= CourseRules.MAX_CHECKS_PER_LESSON) {
				throw new InvalidInputException("lessonId", "A lesson can have at most "
						+ CourseRules.MAX_CHECKS_PER_LESSON + " knowledge checks.");
			}
			Question given = question == null || question.kind() == null || question.prompt() == null
					|| question.prompt().isBlank() && question.options().isEmpty()
							? new Question(null, QuestionKind.SINGLE_CHOICE, "New question", List.of("Option 1", "Option 2"),
									List.of(0), "")
							: question;
			Question added = given.withId(newId);
			checkQuestion(added);
			List<String> order = new ArrayList<>(siblings.stream().map(Courses.OutlineRow::id).toList());
			int at = order.indexOf(afterId) >= 0 ? order.indexOf(afterId) + 1 : order.size();
			courses.insertElementQuestion(id, parent, at, added, 1);
			order.add(at, newId);
			courses.orderQuestions(id, parent, order);
			revisions.keep(id, newId, 1, kind, revisions.questionJson(added), editor.id(), false);
		}
		return view(id, row(id, newId), null);
	}

	private static Optional<Courses.OutlineRow> after(List<Courses.OutlineRow> lessons, String afterId) {
		return lessons.stream().filter(r -> r.id().equals(afterId)).findFirst();
	}

	/** Right after {@code afterId}, else after the module's last lesson, else at the end. */
	private static int insertionPoint(List<Courses.OutlineRow> lessons, String afterId, String module) {
		for (int i = 0; i < lessons.size(); i++) {
			if (lessons.get(i).id().equals(afterId)) {
				return i + 1;
			}
		}
		int last = -1;
		for (int i = 0; i < lessons.size(); i++) {
			if (Objects.equals(lessons.get(i).module(), module)) {
				last = i;
			}
		}
		return last < 0 ? lessons.size() : last + 1;
	}

	/** Removes an element (a lesson with its knowledge checks); {@link #restore} puts it back. */
	public Outline remove(Viewer editor, CourseId id, String elementId) {
		header(editor, id, true);
		Courses.ElementRow row = row(id, elementId);
		courses.touchOutline(id, null);
		if (LESSON.equals(row.kind())) {
			int position = lessonIndex(id, elementId);
			var content = takeOut(id, row);
			revisions.remember(id, new ElementRevisions.Removed(elementId, LESSON, null, position, revisions.write(content)),
					editor.id());
		}
		else {
			var content = new ElementRevisions.Removed.QuestionWithRevision(row.question(), row.revision(),
					originsOf(id, elementId, List.of()));
			int position = questionIndex(id, row.lessonId(), elementId);
			revisions.remember(id, new ElementRevisions.Removed(elementId, row.kind(), row.lessonId(), position,
					revisions.write(content)), editor.id());
			courses.deleteQuestion(id, elementId);
		}
		return outline(editor, id);
	}

	/** Deletes a lesson with its knowledge checks and origins; answers what a restore needs to put them back. */
	private ElementRevisions.Removed.LessonWithChecks takeOut(CourseId id, Courses.ElementRow row) {
		List<Courses.ElementRow> checks = courses.checksOf(id, row.id());
		Lesson l = row.lesson();
		var content = new ElementRevisions.Removed.LessonWithChecks(
				new ElementRevisions.LessonText(l.title(), l.markdown(), l.module(), l.sources()),
				checks.stream().map(Courses.ElementRow::question).toList(),
				checks.stream().map(Courses.ElementRow::revision).toList(), row.revision(),
				originsOf(id, row.id(), checks.stream().map(Courses.ElementRow::id).toList()));
		courses.deleteLesson(id, row.id());
		return content;
	}

	/** Puts back a removed lesson (not yet in the order) with its knowledge checks and origins. */
	private Lesson putBack(CourseId id, String lessonId, ElementRevisions.Removed.LessonWithChecks content, int at) {
		var text = content.lesson();
		Lesson back = new Lesson(lessonId, text.title(), text.markdown(), text.sources(), text.module());
		courses.insertLesson(id, at, back, content.revision() + 1);
		for (int i = 0; i < content.checks().size(); i++) {
			courses.insertElementQuestion(id, lessonId, i, content.checks().get(i), content.checkRevisions().get(i) + 1);
		}
		restoreOrigins(id, content.origins());
		return back;
	}

	/** The origins of an element and its knowledge checks, forgotten with them until they are restored. */
	private List<ElementOrigin> originsOf(CourseId id, String elementId, List<String> checkIds) {
		List<String> ids = new ArrayList<>(checkIds);
		ids.addFirst(elementId);
		List<ElementOrigin> found = ids.stream().flatMap(e -> origins.find(id, e).stream()).toList();
		origins.delete(id, ids);
		return found;
	}

	/** Puts back the origins a removed element had (no origin of that element was recorded since). */
	private void restoreOrigins(CourseId id, List<ElementOrigin> kept) {
		if (kept == null) {
			return;
		}
		kept.stream().filter(o -> origins.find(id, o.elementId()).isEmpty()).forEach(origins::insert);
	}

	/** Puts a removed element back where it was (a knowledge check whose lesson is gone joins the final quiz). */
	public Outline restore(Viewer editor, CourseId id, String elementId) {
		header(editor, id, true);
		ElementRevisions.Removed removed = revisions.removed(id, elementId)
			.orElseThrow(() -> new NotFoundException("Removed element"));
		if (MODULE.equals(removed.kind())) {
			return restoreModule(editor, id, elementId);
		}
		if (courses.element(id, elementId).isPresent()) {
			throw new ConflictException("This element is in the course already.");
		}
		courses.touchOutline(id, null);
		List<Courses.OutlineRow> rows = courses.outline(id);
		if (LESSON.equals(removed.kind())) {
			var content = revisions.read(removed.content(), ElementRevisions.Removed.LessonWithChecks.class);
			List<Courses.OutlineRow> lessons = rows.stream().filter(r -> r.questionKind() == null).toList();
			if (lessons.size() >= CourseRules.MAX_LESSONS) {
				throw new InvalidInputException("elementId", "A course can have at most " + CourseRules.MAX_LESSONS + " lessons.");
			}
			int at = Math.min(removed.position(), lessons.size());
			List<String> order = new ArrayList<>(lessons.stream().map(Courses.OutlineRow::id).toList());
			Map<String, String> modules = new HashMap<>();
			lessons.forEach(r -> modules.put(r.id(), r.module()));
			Lesson back = putBack(id, elementId, content, at);
			order.add(at, elementId);
			modules.put(elementId, back.module());
			courses.orderLessons(id, order, modules);
		}
		else {
			var content = revisions.read(removed.content(), ElementRevisions.Removed.QuestionWithRevision.class);
			String parent = removed.lessonId() != null
					&& rows.stream().anyMatch(r -> r.questionKind() == null && r.id().equals(removed.lessonId()))
							? removed.lessonId() : null;
			List<String> order = new ArrayList<>(rows.stream()
				.filter(r -> r.questionKind() != null && Objects.equals(r.lessonId(), parent))
				.map(Courses.OutlineRow::id)
				.toList());
			int at = Math.min(removed.position(), order.size());
			courses.insertElementQuestion(id, parent, at, content.question().withId(elementId), content.revision() + 1);
			order.add(at, elementId);
			courses.orderQuestions(id, parent, order);
			restoreOrigins(id, content.origins());
		}
		revisions.forgetRemoved(id, elementId);
		return outline(editor, id);
	}

	/**
	 * Moves an element: a lesson to {@code position} among the lessons of {@code module} (its own module when null;
	 * blank for no module); a question to {@code position} in the final quiz, or among the knowledge checks of
	 * {@code lessonId}. With a stale {@code outlineRevision} the move is applied to the outline as it is now (a move
	 * names its element and its place, so it never loses or duplicates one) unless someone moved the same element since
	 * (409); the answer says whether it was made on a newer outline.
	 */
	public Moved move(Viewer editor, CourseId id, String elementId, String module, String lessonId, Integer position,
			Integer outlineRevision) {
		header(editor, id, true);
		if (outlineRevision == null) {
			throw new InvalidInputException("outlineRevision", "Send the outline revision you last read.");
		}
		if (position == null || position < 0) {
			throw new InvalidInputException("position", "Give the place to move to: 0 for first.");
		}
		Courses.ElementRow row = row(id, elementId);
		boolean current = courses.touchOutline(id, outlineRevision);
		if (!current) {
			// made on an older outline: refused only when someone moved this very element since
			Integer movedIn = courses.movedIn(id, elementId);
			if (movedIn != null && movedIn > outlineRevision) {
				int now = courses.draftHeader(id).map(Courses.DraftHeader::outlineRevision).orElse(outlineRevision);
				throw new ConflictException("Someone else moved this element after you read the outline; it is shown "
						+ "where they put it. Move it again if you still want it elsewhere.",
						Map.of("outlineRevision", now));
			}
			if (!courses.touchOutline(id, null)) {
				throw new InvalidInputException("status", "This course is not a draft any more.");
			}
		}
		List<Courses.OutlineRow> rows = courses.outline(id);
		if (LESSON.equals(row.kind())) {
			if (module != null && module.strip().length() > CourseRules.MAX_TITLE) {
				throw new InvalidInputException("module", "Name the module in at most " + CourseRules.MAX_TITLE + " characters.");
			}
			List<Courses.OutlineRow> others = rows.stream()
				.filter(r -> r.questionKind() == null && !r.id().equals(elementId))
				.toList();
			String target = module == null ? row.lesson().module() : module.isBlank() ? null : module.strip();
			List<Integer> members = new ArrayList<>();
			for (int i = 0; i < others.size(); i++) {
				if (Objects.equals(others.get(i).module(), target)) {
					members.add(i);
				}
			}
			int at;
			if (members.isEmpty()) {
				at = others.size();
			}
			else if (position < members.size()) {
				at = members.get(position);
			}
			else {
				at = members.get(members.size() - 1) + 1;
			}
			List<String> order = new ArrayList<>(others.stream().map(Courses.OutlineRow::id).toList());
			Map<String, String> modules = new HashMap<>();
			others.forEach(r -> modules.put(r.id(), r.module()));
			order.add(at, elementId);
			modules.put(elementId, target);
			courses.orderLessons(id, order, modules);
		}
		else {
			String parent = lessonId == null ? row.lessonId() : lessonId.isBlank() ? null : lessonId;
			if (parent != null && rows.stream().noneMatch(r -> r.questionKind() == null && r.id().equals(parent))) {
				throw new InvalidInputException("lessonId", "There is no such lesson in this course.");
			}
			List<String> order = new ArrayList<>(rows.stream()
				.filter(r -> r.questionKind() != null && Objects.equals(r.lessonId(), parent) && !r.id().equals(elementId))
				.map(Courses.OutlineRow::id)
				.toList());
			if (parent != null && !Objects.equals(parent, row.lessonId()) && order.size() >= CourseRules.MAX_CHECKS_PER_LESSON) {
				throw new InvalidInputException("lessonId", "A lesson can have at most "
						+ CourseRules.MAX_CHECKS_PER_LESSON + " knowledge checks.");
			}
			order.add(Math.min(position, order.size()), elementId);
			courses.orderQuestions(id, parent, order);
		}
		courses.markMoved(id, elementId);
		return new Moved(outline(editor, id), !current);
	}

	/** The outline after a move; {@code reapplied} when the move was made on a newer outline than the caller's. */
	public record Moved(Outline outline, boolean reapplied) {
	}

	/** Renames a module (blank: its lessons go to no module). */
	public Outline renameModule(Viewer editor, CourseId id, String name, String newName, Integer outlineRevision) {
		header(editor, id, true);
		if (outlineRevision == null) {
			throw new InvalidInputException("outlineRevision", "Send the outline revision you last read.");
		}
		String to = newName == null || newName.isBlank() ? null : newName.strip();
		if (to != null && to.length() > CourseRules.MAX_TITLE) {
			throw new InvalidInputException("newName", "Name the module in at most " + CourseRules.MAX_TITLE + " characters.");
		}
		String from = name == null || name.isBlank() ? null : name.strip();
		if (!courses.touchOutline(id, outlineRevision)) {
			throw new ConflictException("The outline changed since you read it; look at it again and rename then.",
					Map.of("outline", outline(editor, id)));
		}
		if (courses.renameModule(id, from, to) == 0) {
			throw new InvalidInputException("name", "There is no module of that name in this course.");
		}
		return outline(editor, id);
	}

	// ---- whole modules ----

	/**
	 * The course's modules in order, each with its lessons (a module is all the lessons under one name; null for the
	 * lessons in no module).
	 */
	private static LinkedHashMap<String, List<Courses.OutlineRow>> modules(List<Courses.OutlineRow> rows) {
		LinkedHashMap<String, List<Courses.OutlineRow>> modules = new LinkedHashMap<>();
		rows.stream()
			.filter(r -> r.questionKind() == null)
			.forEach(r -> modules.computeIfAbsent(r.module(), k -> new ArrayList<>()).add(r));
		return modules;
	}

	private static String moduleName(String name) {
		return name == null || name.isBlank() ? null : name.strip();
	}

	/** Takes the outline's revision if it is still {@code outlineRevision}; 409 with the outline as it is otherwise. */
	private void outlineUnchanged(Viewer editor, CourseId id, Integer outlineRevision, String what) {
		if (outlineRevision == null) {
			throw new InvalidInputException("outlineRevision", "Send the outline revision you last read.");
		}
		if (!courses.touchOutline(id, outlineRevision)) {
			Outline now = outline(editor, id);
			throw new ConflictException("Someone else changed the outline after you read it; nothing was " + what
					+ ". Look at the outline as it is now and try again.",
					Map.of("outlineRevision", now.outlineRevision(), "outline", now));
		}
	}

	private static List<Courses.OutlineRow> module(Map<String, List<Courses.OutlineRow>> modules, String name) {
		if (!modules.containsKey(name)) {
			throw new InvalidInputException("name", "There is no module of that name in this course.");
		}
		return modules.get(name);
	}

	/**
	 * Moves a whole module, its lessons in their order with their knowledge checks, to {@code position} among the
	 * modules (0 first; past the end: last), if the outline is still at {@code outlineRevision} (409 otherwise).
	 */
	public Outline moveModule(Viewer editor, CourseId id, String name, Integer position, Integer outlineRevision) {
		header(editor, id, true);
		if (position == null || position < 0) {
			throw new InvalidInputException("position", "Give the place to move the module to: 0 for first.");
		}
		outlineUnchanged(editor, id, outlineRevision, "moved");
		String from = moduleName(name);
		LinkedHashMap<String, List<Courses.OutlineRow>> modules = modules(courses.outline(id));
		List<Courses.OutlineRow> moving = module(modules, from);
		List<String> names = new ArrayList<>(modules.keySet());
		names.remove(from);
		names.add(Math.min(position, names.size()), from);
		List<String> order = new ArrayList<>();
		Map<String, String> moduleOf = new HashMap<>();
		names.forEach(n -> modules.get(n).forEach(r -> {
			order.add(r.id());
			moduleOf.put(r.id(), n);
		}));
		courses.orderLessons(id, order, moduleOf);
		moving.forEach(r -> courses.markMoved(id, r.id()));
		return outline(editor, id);
	}

	/** The outline after a module was removed, and the id that {@link #restoreModule} takes to put it back. */
	public record ModuleRemoved(Outline outline, String removalId, String name, int lessons) {
	}

	/**
	 * Removes a whole module: its lessons with their knowledge checks (linked ones too: their links are kept for a
	 * restore), if the outline is still at {@code outlineRevision} (409 otherwise). {@link #restoreModule} puts it
	 * all back in place.
	 */
	public ModuleRemoved removeModule(Viewer editor, CourseId id, String name, Integer outlineRevision) {
		header(editor, id, true);
		outlineUnchanged(editor, id, outlineRevision, "removed");
		String removing = moduleName(name);
		LinkedHashMap<String, List<Courses.OutlineRow>> modules = modules(courses.outline(id));
		List<Courses.OutlineRow> lessons = module(modules, removing);
		int position = new ArrayList<>(modules.keySet()).indexOf(removing);
		List<ElementRevisions.Removed.LessonWithChecks> taken = new ArrayList<>();
		for (Courses.OutlineRow lesson : lessons) {
			taken.add(takeOut(id, row(id, lesson.id())));
		}
		String removalId = Ids.newId();
		var content = new ElementRevisions.Removed.ModuleWithLessons(removing,
				lessons.stream().map(Courses.OutlineRow::id).toList(), taken);
		revisions.remember(id, new ElementRevisions.Removed(removalId, MODULE, null, position, revisions.write(content)),
				editor.id());
		return new ModuleRemoved(outline(editor, id), removalId, removing, lessons.size());
	}

	/**
	 * Puts a removed module back where it was among the modules, with its lessons, their knowledge checks and links;
	 * {@code removalId} is the one {@link #removeModule} answered (422 at {@code removalId} when there is no such
	 * removal left).
	 */
	public Outline restoreModule(Viewer editor, CourseId id, String removalId) {
		header(editor, id, true);
		ElementRevisions.Removed removed = (removalId == null ? Optional.<ElementRevisions.Removed>empty()
				: revisions.removed(id, removalId))
			.filter(r -> MODULE.equals(r.kind()))
			.orElseThrow(() -> new InvalidInputException("removalId",
					"There is no removed module of that id to restore in this course."));
		var content = revisions.read(removed.content(), ElementRevisions.Removed.ModuleWithLessons.class);
		if (content.lessonIds().stream().anyMatch(l -> courses.element(id, l).isPresent())) {
			throw new ConflictException("This module's lessons are in the course already.");
		}
		courses.touchOutline(id, null);
		LinkedHashMap<String, List<Courses.OutlineRow>> modules = modules(courses.outline(id));
		List<Courses.OutlineRow> lessons = modules.values().stream().flatMap(List::stream).toList();
		if (lessons.size() + content.lessonIds().size() > CourseRules.MAX_LESSONS) {
			throw new InvalidInputException("removalId", "A course can have at most " + CourseRules.MAX_LESSONS
					+ " lessons; remove some before restoring this module.");
		}
		// in its old place among the modules; beside a module that took its name meanwhile
		List<String> names = new ArrayList<>(modules.keySet());
		String before = modules.containsKey(content.name()) ? content.name()
				: removed.position() < names.size() ? names.get(removed.position()) : null;
		int at = before == null ? lessons.size() : lessons.indexOf(modules.get(before).get(0));
		List<String> order = new ArrayList<>(lessons.stream().map(Courses.OutlineRow::id).toList());
		Map<String, String> moduleOf = new HashMap<>();
		lessons.forEach(r -> moduleOf.put(r.id(), r.module()));
		for (int i = 0; i < content.lessonIds().size(); i++) {
			String lessonId = content.lessonIds().get(i);
			Lesson back = putBack(id, lessonId, content.lessons().get(i), at + i);
			order.add(at + i, lessonId);
			moduleOf.put(lessonId, back.module());
		}
		courses.orderLessons(id, order, moduleOf);
		revisions.forgetRemoved(id, removalId);
		return outline(editor, id);
	}

	// ---- the course's own fields ----

	/** The course's own fields as the settings panel sends them; a null tier takes Stride's suggestion. */
	public record Settings(String title, String description, List<String> objectives, RiskTier riskTier,
			String tierReason, int passMark, QuizSettings quiz) {
	}

	/** Saves the course's own fields if nobody saved them since {@code settingsRevision}; answers the course. */
	public Course saveSettings(Viewer editor, CourseId id, Integer settingsRevision, Settings settings) {
		header(editor, id, true);
		if (settingsRevision == null) {
			throw new InvalidInputException("revision", "Send the settings revision you last read.");
		}
		Course course = authoring.editable(editor, id);
		CourseContent content = new CourseContent(settings.title(), settings.description(), course.lessons(),
				new Quiz(settings.passMark(), course.quiz().questions(), settings.quiz()), settings.objectives(),
				settings.riskTier(), settings.tierReason());
		Map<String, String> errors = new LinkedHashMap<>();
		CourseRules.check(content).forEach((field, message) -> {
			if (!field.startsWith("lessons") && !field.startsWith("questions[")) {
				errors.put(field, message);
			}
		});
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The settings were not saved.", errors);
		}
		content = Authoring.resolveTier(content, "The settings were not saved.");
		if (!courses.saveSettings(id, settingsRevision, content)) {
			int theirs = courses.draftHeader(id).map(Courses.DraftHeader::settingsRevision).orElse(settingsRevision);
			throw new ConflictException("The course's settings were saved elsewhere after you opened them.",
					Map.of("theirRevision", theirs, "theirs", settingsView(course)));
		}
		authoring.recordSave(editor, course, content);
		return courses.findById(id).orElseThrow();
	}

	private static Map<String, Object> settingsView(Course c) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("title", c.title());
		view.put("description", c.description());
		view.put("objectives", c.objectives());
		view.put("riskTier", c.riskTier().name());
		view.put("tierReason", c.tierReason());
		view.put("passMark", c.quiz().passMark());
		return view;
	}

	/**
	 * Checks the whole working copy as a publication would need it, then asks for publication (at once for low
	 * risk, through review otherwise) at the course's current revision. A tier left to Stride (see
	 * {@link Course#tierFollowsSuggestion()}) is Stride's suggestion for the text as it now is.
	 */
	public Course publish(Viewer author, CourseId id) {
		Course course = authoring.editable(author, id);
		Map<String, String> errors = CourseRules.check(course.content());
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Not published: fix the elements marked first.", errors);
		}
		if (course.tierFollowsSuggestion() && course.tierAtPublication() != course.riskTier()) {
			// "Let Stride choose": the text now asks for a higher tier than the one Stride chose earlier; take it
			// (audited as any tier change) rather than refuse a tier the author never chose
			saveSettings(author, id, header(author, id, true).settingsRevision(), new Settings(course.title(),
					course.description(), course.objectives(), null, null, course.quiz().passMark(), course.quiz().settings()));
			course = authoring.editable(author, id);
		}
		return authoring.requestPublication(author, id, course.revision());
	}

	// ---- helpers ----

	/** The course's header if the viewer may edit it; for writes, only while it is a draft. */
	private Courses.DraftHeader header(Viewer viewer, CourseId id, boolean write) {
		if (!Ids.looksValid(id.value())) {
			throw new NotFoundException("Course");
		}
		Courses.DraftHeader header = courses.draftHeader(id).orElseThrow(() -> new NotFoundException("Course"));
		if (!viewer.isAdmin() && !viewer.is(header.authorId())) {
			if (header.state().isLive()) {
				throw new ForbiddenException("Only the course's author or an admin can change it.");
			}
			throw new NotFoundException("Course");
		}
		if (write) {
			header.state().requireEditable();
		}
		return header;
	}

	private Courses.ElementRow row(CourseId id, String elementId) {
		if (elementId == null || !Ids.looksValid(elementId)) {
			throw new NotFoundException("Element");
		}
		return courses.element(id, elementId).orElseThrow(() -> new NotFoundException("Element"));
	}

	private OutlineElement view(CourseId id, Courses.ElementRow row, String origin) {
		String text = LESSON.equals(row.kind()) ? revisions.lessonJson(row.lesson()) : revisions.questionJson(row.question());
		boolean canUndo = !"LINKED".equals(origin) && undoTarget(id, row, text) != null;
		return new OutlineElement(row.id(), row.kind(), row.revision(), row.lessonId(), row.lesson(), row.question(),
				origin, canUndo);
	}

	/** How each reused element of the course came: element id to LINKED or COPIED. */
	private Map<String, String> originModes(CourseId id) {
		Map<String, String> modes = new HashMap<>();
		origins.of(id).forEach((elementId, origin) -> modes.put(elementId, origin.mode().name()));
		return modes;
	}

	private void notLinked(CourseId id, String elementId) {
		if (origins.find(id, elementId).filter(o -> o.mode() == ElementOrigin.Mode.LINKED).isPresent()) {
			throw new InvalidInputException("origin", "This element is linked to the course it was reused from and shows "
					+ "it as it is there; detach it to edit your own copy.");
		}
	}

	private void touch(CourseId id, Viewer editor, int version) {
		if (!courses.touchDraft(id)) {
			throw new InvalidInputException("status", "This course is not a draft any more; nothing was saved.");
		}
		courses.recordEditor(id, version, editor.id());
	}

	private static void requireRevision(Integer revision) {
		if (revision == null) {
			throw new InvalidInputException("revision", "Send the element's revision you last read.");
		}
	}

	private ConflictException conflict(CourseId id, Courses.ElementRow theirs, Object yours, Object theirsShown) {
		Map<String, Object> state = new LinkedHashMap<>();
		if (yours != null) {
			state.put("yours", yours);
		}
		state.put("theirs", theirsShown != null ? theirsShown
				: LESSON.equals(theirs.kind()) ? lessonView(theirs.lesson()) : theirs.question());
		state.put("theirRevision", theirs.revision());
		revisions.find(id, theirs.id(), theirs.revision()).ifPresent(r -> {
			if (r.savedBy() != null) {
				state.put("savedBy", name(r.savedBy()));
			}
			state.put("savedAt", r.savedAt().toString());
		});
		return new ConflictException("Someone else saved this element after you opened it. Nothing of yours was "
				+ "written over theirs: compare both texts and keep yours, take theirs, or merge them.", state);
	}

	private String name(PersonId person) {
		var credit = organization.credits(List.of(person)).get(person);
		return credit == null ? "another author" : credit.name();
	}

	private static Map<String, Object> lessonView(Lesson lesson) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("title", lesson.title());
		view.put("markdown", lesson.markdown());
		view.put("module", lesson.module());
		return view;
	}

	/** The course rules for one lesson, reported at the lesson's own fields ({@code title}, {@code markdown}). */
	private static void checkLesson(Lesson lesson) {
		CourseContent alone = new CourseContent("x", "", List.of(lesson.withKnowledgeChecks(List.of())), new Quiz(80, List.of()));
		throwAtOwnFields(CourseRules.check(alone), "lessons[0].");
	}

	/**
	 * What the course rules say against one question, by its own fields ({@code prompt}, {@code options}...); empty
	 * when it may be saved. For importers that list what they cannot take before adding anything.
	 */
	public static Map<String, String> problems(Question question) {
		try {
			checkQuestion(question);
			return Map.of();
		}
		catch (InvalidInputException invalid) {
			return invalid.fieldErrors();
		}
	}

	/** The course rules for one question, reported at its own fields ({@code prompt}, {@code options[1]}...). */
	private static void checkQuestion(Question question) {
		CourseContent alone = new CourseContent("x", "", List.of(), new Quiz(80, List.of(question)));
		throwAtOwnFields(CourseRules.check(alone), "questions[0].");
	}

	private static void throwAtOwnFields(Map<String, String> errors, String prefix) {
		Map<String, String> own = new LinkedHashMap<>();
		errors.forEach((field, message) -> {
			if (field.startsWith(prefix)) {
				own.put(field.substring(prefix.length()), message);
			}
			else if (field.startsWith(prefix.substring(0, prefix.length() - 1))) {
				own.put("element", message);
			}
		});
		if (!own.isEmpty()) {
			throw new InvalidInputException("Not saved: check the fields marked.", own);
		}
	}

	private int lessonIndex(CourseId id, String lessonId) {
		List<String> ids = courses.outline(id).stream().filter(r -> r.questionKind() == null).map(Courses.OutlineRow::id).toList();
		return Math.max(0, ids.indexOf(lessonId));
	}

	private int questionIndex(CourseId id, String lessonId, String questionId) {
		List<String> ids = courses.outline(id)
			.stream()
			.filter(r -> r.questionKind() != null && Objects.equals(r.lessonId(), lessonId))
			.map(Courses.OutlineRow::id)
			.toList();
		return Math.max(0, ids.indexOf(questionId));
	}
}
