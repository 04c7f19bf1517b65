package io.stride.authoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.stride.authoring.ElementOrigin.Kind;
import io.stride.authoring.ElementOrigin.Mode;
import io.stride.authoring.internal.CourseRules;
import io.stride.authoring.internal.CourseVersions;
import io.stride.authoring.internal.Courses;
import io.stride.authoring.internal.ElementOrigins;
import io.stride.authoring.internal.Snapshots;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reusing a lesson, module or question of another course's published version in a draft: copied in with new ids
 * (sources and knowledge checks kept), and remembered in {@code element_origins}. A linked element stays as its source
 * has it: the author takes or keeps out each update its source publishes, or detaches it to edit an own copy.
 */
@Service
@Transactional
public class Reuse {

	/** A part of a source course's live version to reuse: a lesson, a module (by its name) or a question. */
	public record Part(CourseId sourceCourseId, PartKind kind, String elementId, String moduleName) {
	}

	public enum PartKind {
		LESSON, MODULE, QUESTION
	}

	/** Where a reused element came from, in words: "from Running an EBR v3 by Maya Chen". */
	public record Provenance(ElementOrigin origin, String sourceTitle, String authorName) {

		public String text() {
			return "from " + sourceTitle + " v" + origin.sourceVersion() + (authorName == null ? "" : " by " + authorName);
		}
	}

	/**
	 * A newer published version of a linked part than the copy has: a lesson (with its knowledge checks), a module
	 * (the lessons reused together; {@code module} is its name, {@code elementId} its first lesson), a question or a
	 * check. {@code diff} covers the texts; {@code changes} says in words what it adds, removes, changes or reorders.
	 */
	public record Update(String elementId, Kind elementKind, String title, CourseId sourceCourseId, String sourceTitle,
			int fromVersion, int toVersion, String diff, String module, List<Change> changes) {

		/** The diff to read: removed and added lines and the unchanged ones around them, without its headers. */
		public List<DiffLine> lines() {
			return DiffLine.of(diff);
		}
	}

	/**
	 * One line of an update's diff as a page shows it: {@code REMOVED}, {@code ADDED}, {@code SAME} (context) or
	 * {@code GAP} (unchanged lines left out between two changed places).
	 */
	public record DiffLine(Sign sign, String text) {

		public enum Sign {
			REMOVED, ADDED, SAME, GAP
		}

		/** Reads a unified diff: drops the file headers, turns each hunk header after the first into a gap. */
		static List<DiffLine> of(String unified) {
			List<DiffLine> lines = new ArrayList<>();
			if (unified == null || unified.isEmpty()) {
				return lines;
			}
			boolean inHunk = false;
			for (String line : unified.split("\n", -1)) {
				if (!inHunk && (line.startsWith("---") || line.startsWith("+++"))) {
					continue;
				}
				if (line.startsWith("@@")) {
					if (inHunk) {
						lines.add(new DiffLine(Sign.GAP, "…"));
					}
					inHunk = true;
				}
				else if (line.startsWith("-")) {
					lines.add(new DiffLine(Sign.REMOVED, line.substring(1)));
				}
				else if (line.startsWith("+")) {
					lines.add(new DiffLine(Sign.ADDED, line.substring(1)));
				}
				else if (inHunk) {
					lines.add(new DiffLine(Sign.SAME, line.isEmpty() ? "" : line.substring(1)));
				}
			}
			return lines;
		}

		public boolean removed() {
			return sign == Sign.REMOVED;
		}

		public boolean added() {
			return sign == Sign.ADDED;
		}

		public boolean gap() {
			return sign == Sign.GAP;
		}
	}

	/** One change to a linked part's shape or to one of its elements, in words. */
	public record Change(What what, Kind elementKind, String title) {

		public enum What {
			ADDED, REMOVED, CHANGED, REORDERED
		}

		public String text() {
			String name = "“" + shorten(title, 120) + "”";
			boolean check = elementKind == Kind.KNOWLEDGE_CHECK;
			return switch (what) {
				case ADDED -> check ? "Adds a knowledge check: " + name : "Adds the lesson " + name;
				case REMOVED -> (check ? "Removes the knowledge check " : "Removes the lesson ") + name;
				case CHANGED -> (check ? "Changes the knowledge check " : "Changes the lesson ") + name;
				case REORDERED -> "Lesson order changed";
			};
		}
	}

	public record ComponentReused(CourseId courseId, String title, CourseId sourceCourseId, List<String> sourceElementIds,
			List<String> elementIds, Mode mode, PersonId by) {
	}

	public record ReusedElementDetached(CourseId courseId, String title, String elementId, PersonId by) {
	}

	public record ComponentUpdateAccepted(CourseId courseId, String title, String elementId, CourseId sourceCourseId,
			int version, PersonId by) {
	}

	public record ComponentUpdateKept(CourseId courseId, String title, String elementId, CourseId sourceCourseId,
			int version, PersonId by) {
	}

	/** A source published a version that changes linked elements of a course; its author is told. */
	public record ComponentUpdatesAvailable(CourseId courseId, String title, PersonId authorId, CourseId sourceCourseId,
			String sourceTitle, int version, int elements) {
	}

	public static final String DETACH_TO_EDIT = "Detach to edit your own copy.";

	private final Courses courses;

	private final CourseVersions versions;

	private final Snapshots snapshots;

	private final ElementOrigins origins;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	Reuse(Courses courses, CourseVersions versions, Snapshots snapshots, ElementOrigins origins,
			Organization organization, ApplicationEventPublisher events) {
		this.courses = courses;
		this.versions = versions;
		this.snapshots = snapshots;
		this.origins = origins;
		this.organization = organization;
		this.events = events;
	}

	/**
	 * Copies the part into the viewer's draft, linked or copied, at a 1-based position among the lessons (lessons and
	 * modules) or the final quiz's questions (questions and knowledge checks); a lesson goes into {@code module} when
	 * one is named, a module keeps its name unless another is given.
	 * @return the new elements' ids: lessons (each followed by its knowledge checks) or the question
	 * @throws InvalidInputException at {@code componentId} when the viewer may not read the part, at {@code courseId}
	 * when the course is not a draft, at {@code position} or {@code module} for a bad place
	 */
	public List<String> reuse(Viewer viewer, CourseId target, Part part, Mode mode, String module, Integer position) {
		Course course = editable(viewer, target);
		requireDraft(course, "add parts to it");
		if (mode == null) {
			throw new InvalidInputException("mode", "Choose linked or copied.");
		}
		Course source = readableSource(viewer, part.sourceCourseId());
		if (source.id().equals(target)) {
			throw new InvalidInputException("componentId", "This part is from this course already.");
		}
		CourseContent live = liveContent(source);
		String moduleName = module == null || module.isBlank() ? null : module.strip();
		List<Lesson> lessons = new ArrayList<>(course.lessons());
		List<Question> questions = new ArrayList<>(course.quiz().questions());
		List<ElementOrigin> made = new ArrayList<>();
		List<String> taken = new ArrayList<>();
		Instant now = Instant.now();
		int version = source.liveVersion();
		switch (part.kind()) {
			case LESSON, MODULE -> {
				List<Lesson> found = part.kind() == PartKind.LESSON
						? live.lessons().stream().filter(l -> l.id().equals(part.elementId())).toList()
						: live.lessons().stream().filter(l -> part.moduleName() != null && part.moduleName().equals(l.module())).toList();
				if (found.isEmpty()) {
					throw gone();
				}
				int at = place(position, lessons.size());
				List<Lesson> copies = new ArrayList<>();
				for (Lesson lesson : found) {
					List<Question> checks = new ArrayList<>();
					for (Question check : lesson.knowledgeChecks()) {
						Question copy = check.withId(Ids.newId());
						checks.add(copy);
						made.add(new ElementOrigin(target, copy.id(), Kind.KNOWLEDGE_CHECK, source.id(), check.id(), version,
								mode, null, viewer.id(), now));
					}
					String name = part.kind() == PartKind.MODULE && moduleName == null ? lesson.module() : moduleName;
					Lesson copy = new Lesson(Ids.newId(), lesson.title(), lesson.markdown(), lesson.sources(), name, checks);
					copies.add(copy);
					// lessons reused as a module remember it: they follow it as its source reshapes it
					made.add(new ElementOrigin(target, copy.id(), Kind.LESSON, source.id(), lesson.id(), version, mode, null,
							viewer.id(), now, part.kind() == PartKind.MODULE ? part.moduleName() : null));
					taken.add(lesson.id());
				}
				lessons.addAll(at, copies);
			}
			case QUESTION -> {
				Question found = questionIn(live, part.elementId()).orElseThrow(Reuse::gone);
				int at = place(position, questions.size());
				Question copy = found.withId(Ids.newId());
				questions.add(at, copy);
				made.add(new ElementOrigin(target, copy.id(), Kind.QUESTION, source.id(), found.id(), version, mode, null,
						viewer.id(), now));
				taken.add(found.id());
			}
		}
		save(viewer, course, course.content().with(lessons, course.quiz().withQuestions(questions)),
				"The part was not added.");
		made.forEach(origins::insert);
		List<String> ids = orderedIds(made);
		events.publishEvent(new ComponentReused(target, course.title(), source.id(), taken, ids, mode, viewer.id()));
		return ids;
	}

	/** Lessons first, each followed by its knowledge checks, as the course shows them. */
	private static List<String> orderedIds(List<ElementOrigin> made) {
		List<String> ids = new ArrayList<>();
		List<String> pendingChecks = new ArrayList<>();
		for (ElementOrigin o : made) {
			if (o.elementKind() == Kind.KNOWLEDGE_CHECK) {
				pendingChecks.add(o.elementId());
			}
			else {
				ids.add(o.elementId());
				ids.addAll(pendingChecks);
				pendingChecks.clear();
			}
		}
		ids.addAll(pendingChecks);
		return ids;
	}

	/** The origins of a course's reused elements, by element id. Callers check who may see the course. */
	@Transactional(readOnly = true)
	public Map<String, ElementOrigin> origins(CourseId course) {
		return origins.of(course);
	}

	/** Where the course's reused parts came from, for someone who may edit it (404/403 as the other reads). */
	@Transactional(readOnly = true)
	public Map<String, Provenance> provenance(Viewer viewer, CourseId course) {
		editable(viewer, course);
		return provenance(course);
	}

	/** Where each reused element of the course came from, in words, by element id. Callers check who may see it. */
	@Transactional(readOnly = true)
	public Map<String, Provenance> provenance(CourseId course) {
		Map<String, ElementOrigin> known = origins.of(course);
		Map<String, Provenance> provenance = new LinkedHashMap<>();
		if (known.isEmpty()) {
			return provenance;
		}
		Map<String, Course> sources = new HashMap<>();
		Set<PersonId> authors = new LinkedHashSet<>();
		for (ElementOrigin o : known.values()) {
			Course source = sources.computeIfAbsent(o.sourceCourseId().value(),
					id -> courses.summaries("WHERE id = ?", id).stream().findFirst().orElse(null));
			if (source != null) {
				authors.add(source.authorId());
			}
		}
		Map<PersonId, Organization.Credit> credits = organization.credits(authors);
		Map<String, String> titles = new HashMap<>();
		for (ElementOrigin o : known.values()) {
			Course source = sources.get(o.sourceCourseId().value());
			String title = titles.computeIfAbsent(o.sourceCourseId().value() + "#" + o.sourceVersion(),
					k -> versions.find(o.sourceCourseId(), o.sourceVersion())
						.map(v -> v.content().title())
						.orElse(source == null ? "another course" : source.title()));
			Organization.Credit credit = source == null ? null : credits.get(source.authorId());
			provenance.put(o.elementId(), new Provenance(o, title, credit == null ? null : credit.name()));
		}
		return provenance;
	}

	/**
	 * For each element of these source courses that some course reuses (linked or copied), the ids of those courses.
	 * All courses when {@code sources} is null. For counts: callers decide what to show of drafts.
	 */
	@Transactional(readOnly = true)
	public Map<String, Set<String>> reusingCourses(Collection<CourseId> sources) {
		return sources == null ? origins.allReusingCourses() : origins.reusingCourses(sources);
	}

	/**
	 * The elements of these courses that are linked reuses: they are their source's components, not new ones (a copy
	 * is a new component of its course).
	 */
	public Set<String> linkedElements(java.util.Collection<CourseId> courses) {
		return origins.linkedIn(courses);
	}

	/** Provenance for learners: empty unless the organization shows where reused parts come from. */
	@Transactional(readOnly = true)
	public Map<String, Provenance> provenanceForLearners(CourseId course) {
		return origins.shownToLearners() ? provenance(course) : Map.of();
	}

	@Transactional(readOnly = true)
	public boolean shownToLearners() {
		return origins.shownToLearners();
	}

	/** Admins (L&D) choose whether learners see where reused parts come from. */
	public void showToLearners(Viewer viewer, boolean shown) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Only admins choose what learners see of reused parts.");
		}
		origins.showToLearners(shown, viewer.id());
	}

	/** The updates the sources of the course's linked elements published since, each with its diff. */
	@Transactional(readOnly = true)
	public List<Update> updates(Viewer viewer, CourseId id) {
		return updates(editable(viewer, id));
	}

	/** The updates of the course's linked elements, for a page whose controller checked the viewer may edit it. */
	@Transactional(readOnly = true)
	public List<Update> updatesOf(CourseId id) {
		return courses.findById(id).map(this::updates).orElse(List.of());
	}

	/**
	 * The updates waiting, by every element each covers (a lesson, its linked checks, each lesson of a module), for a
	 * page whose controller checked the viewer may edit the course. Taking or keeping one goes by its
	 * {@link Update#elementId()}.
	 */
	@Transactional(readOnly = true)
	public Map<String, Update> updatesByElement(CourseId id) {
		Map<String, Update> byElement = new LinkedHashMap<>();
		courses.findById(id).ifPresent(course -> offers(course, null)
			.forEach(o -> o.members().forEach(member -> byElement.putIfAbsent(member, o.update()))));
		return byElement;
	}

	private List<Update> updates(Course course) {
		return offers(course, null).stream().map(LinkedUpdates.Offer::update).toList();
	}

	private List<LinkedUpdates.Offer> offers(Course course, PersonId by) {
		Map<String, ElementOrigin> known = origins.of(course.id());
		if (known.values().stream().noneMatch(ElementOrigin::linked)) {
			return List.of();
		}
		var sources = new LinkedUpdates.Sources(
				id -> courses.summaries("WHERE id = ?", id.value()).stream().findFirst(), this::liveContent,
				(id, version) -> versions.find(id, version).map(CourseVersions.Stored::content));
		return new LinkedUpdates(course, known, sources, by, Instant.now()).offers();
	}

	/** A unified diff of the two texts, line by line, with three lines of context. */
	static String diff(String mine, String theirs, int from, int to) {
		List<String> a = List.of(mine.split("\n", -1));
		List<String> b = List.of(theirs.split("\n", -1));
		var patch = DiffUtils.diff(a, b);
		return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("version " + from, "version " + to, a, patch, 3));
	}

	/**
	 * Takes the source's newest version of the linked part into the draft: its text and its shape (knowledge checks
	 * and, for a module, its lessons and their order). Elements it keeps keep their ids (and learners' progress on
	 * them); new ones get ids and origins; elements the source dropped leave this draft (the published version keeps
	 * them until this one is published). Each changed element's revision moves on, so an editor open on it sees a
	 * conflict rather than writing over it.
	 */
	public Course accept(Viewer viewer, CourseId id, String elementId) {
		take(viewer, id, elementId);
		return courses.findById(id).orElseThrow();
	}

	/** Takes the update as {@link #accept} does, answering which update it took. */
	public Update take(Viewer viewer, CourseId id, String elementId) {
		Course course = editable(viewer, id);
		origins.find(id, elementId).orElseThrow(() -> new NotFoundException("Reused element"));
		requireDraft(course, "take the update");
		LinkedUpdates.Offer offer = offer(course, elementId, viewer.id())
			.orElseThrow(() -> new ConflictException("There is no update to take for this element."));
		Update update = offer.update();
		save(viewer, course, offer.result(), "The update was not taken.");
		origins.delete(id, offer.removed());
		offer.moved().forEach(moved -> origins.moveTo(id, moved, update.toVersion()));
		offer.added().forEach(origins::insert);
		if (offer.renamedModule() != null) {
			origins.followModule(id, offer.moved(), offer.renamedModule());
		}
		events.publishEvent(new ComponentUpdateAccepted(id, course.title(), elementId, update.sourceCourseId(),
				update.toVersion(), viewer.id()));
		return update;
	}

	/** Keeps the copy as it is; the update is offered again only for a newer version. */
	public void keep(Viewer viewer, CourseId id, String elementId) {
		Course course = editable(viewer, id);
		origins.find(id, elementId).orElseThrow(() -> new NotFoundException("Reused element"));
		requireDraft(course, "keep your copy");
		LinkedUpdates.Offer offer = offer(course, elementId, viewer.id())
			.orElseThrow(() -> new ConflictException("There is no update to keep out for this element."));
		Update update = offer.update();
		offer.members().forEach(member -> origins.keep(id, member, update.toVersion()));
		events.publishEvent(new ComponentUpdateKept(id, course.title(), elementId, update.sourceCourseId(),
				update.toVersion(), viewer.id()));
	}

	private Optional<LinkedUpdates.Offer> offer(Course course, String elementId, PersonId by) {
		return offers(course, by).stream().filter(o -> o.update().elementId().equals(elementId)).findFirst();
	}

	/** Turns a linked element into the author's own copy, which they may edit; it still remembers its source. */
	public void detach(Viewer viewer, CourseId id, String elementId) {
		Course course = editable(viewer, id);
		ElementOrigin origin = origins.find(id, elementId).orElseThrow(() -> new NotFoundException("Reused element"));
		if (!origin.linked() || !origins.detach(id, elementId)) {
			throw new ConflictException("This element is your own copy already.");
		}
		events.publishEvent(new ReusedElementDetached(id, course.title(), elementId, viewer.id()));
	}

	/**
	 * Refuses a save that changes the text of a linked element: it shows its source as it is. Reordering, moving it
	 * to another module or removing it are the author's choice.
	 */
	void refuseLinkedChanges(Course saved, CourseContent content) {
		Map<String, ElementOrigin> known = origins.of(saved.id());
		if (known.isEmpty()) {
			return;
		}
		for (int i = 0; i < content.lessons().size(); i++) {
			Lesson lesson = content.lessons().get(i);
			refuseChange(known.get(lesson.id()), saved.content(), content, "lessons[" + i + "].markdown", lesson.title());
			for (int k = 0; k < lesson.knowledgeChecks().size(); k++) {
				Question check = lesson.knowledgeChecks().get(k);
				refuseChange(known.get(check.id()), saved.content(), content,
						"lessons[" + i + "].knowledgeChecks", check.prompt());
			}
		}
		for (int i = 0; i < content.quiz().questions().size(); i++) {
			Question question = content.quiz().questions().get(i);
			refuseChange(known.get(question.id()), saved.content(), content, "questions[" + i + "].prompt",
					question.prompt());
		}
	}

	private static void refuseChange(ElementOrigin origin, CourseContent saved, CourseContent content, String field,
			String name) {
		if (origin == null || !origin.linked()) {
			return;
		}
		Optional<String> before = textOf(saved, origin);
		Optional<String> after = textOf(content, origin);
		if (before.isPresent() && after.isPresent() && !before.get().equals(after.get())) {
			throw new InvalidInputException("The course was not saved.", Map.of(field, "“" + shorten(name)
					+ "” is linked to the course it comes from and shows it as it is. " + DETACH_TO_EDIT));
		}
	}

	/** Forgets the origins of elements a save removed. */
	void forgetRemoved(CourseId id, CourseContent content) {
		Set<String> ids = new HashSet<>();
		content.lessons().forEach(l -> {
			ids.add(l.id());
			l.knowledgeChecks().forEach(q -> ids.add(q.id()));
		});
		content.quiz().questions().forEach(q -> ids.add(q.id()));
		origins.retainOnly(id, ids);
	}

	/**
	 * When a source publishes a version that changes elements other courses link to, their authors are told (once per
	 * course and version); what changed is computed again when they look.
	 */
	@EventListener
	void on(CoursePublished published) {
		List<ElementOrigin> linked = origins.linkedFrom(published.courseId());
		if (linked.isEmpty()) {
			return;
		}
		Course source = courses.summaries("WHERE id = ?", published.courseId().value()).stream().findFirst().orElse(null);
		if (source == null) {
			return;
		}
		Map<String, List<ElementOrigin>> byCourse = new LinkedHashMap<>();
		linked.forEach(o -> byCourse.computeIfAbsent(o.courseId().value(), k -> new ArrayList<>()).add(o));
		for (var entry : byCourse.entrySet()) {
			Course reusing = courses.findById(new CourseId(entry.getKey())).orElse(null);
			if (reusing == null) {
				continue;
			}
			long changed = offers(reusing, null).stream()
				.filter(o -> o.update().sourceCourseId().equals(source.id()))
				.count();
			if (changed > 0) {
				events.publishEvent(new ComponentUpdatesAvailable(reusing.id(), reusing.title(), reusing.authorId(),
						source.id(), published.title(), published.version(), (int) changed));
			}
		}
	}

	private void save(Viewer viewer, Course course, CourseContent content, String message) {
		Map<String, String> errors = CourseRules.check(content);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(message, errors);
		}
		snapshots.keep(course.id(), course.revision(), course.content());
		if (!courses.update(course.id(), course.revision(), content, viewer.id())) {
			throw new ConflictException(Authoring.CONFLICT_MESSAGE);
		}
		courses.recordEditor(course.id(), course.version(), viewer.id());
	}

	private Course editable(Viewer viewer, CourseId id) {
		if (!Ids.looksValid(id.value())) {
			throw new NotFoundException("Course");
		}
		Course course = courses.findById(id).orElseThrow(() -> new NotFoundException("Course"));
		if (!Authoring.mayEdit(viewer, course)) {
			if (course.isLive()) {
				throw new ForbiddenException("Only the course's author or an admin can change it.");
			}
			throw new NotFoundException("Course");
		}
		return course;
	}

	private static void requireDraft(Course course, String what) {
		String why = switch (course.status()) {
			case DRAFT -> null;
			case PUBLISHED -> "This course is published. Start a new version of it, then " + what + " in that draft.";
			case IN_REVIEW -> "This course is in review. You can " + what + " when a reviewer asks for changes.";
			case RETIRED -> "This course is retired; it can't be changed.";
		};
		if (why != null) {
			throw new InvalidInputException("courseId", why);
		}
	}

	/** The source course, when the viewer may read its published version. */
	private Course readableSource(Viewer viewer, CourseId id) {
		Course source = Ids.looksValid(id.value()) ? courses.summaries("WHERE id = ?", id.value()).stream().findFirst()
			.orElse(null) : null;
		if (source == null || source.liveVersion() == null || !(source.isLive() || Authoring.mayEdit(viewer, source))) {
			throw new InvalidInputException("componentId",
					"There is no published component with this id that you may read.");
		}
		return source;
	}

	private static InvalidInputException gone() {
		return new InvalidInputException("componentId",
				"This component is no longer in its course's published version; search the library again.");
	}

	private static int place(Integer position, int size) {
		if (position == null) {
			return size;
		}
		if (position < 1 || position > size + 1) {
			throw new InvalidInputException("position", "Choose a position from 1 to " + (size + 1) + ".");
		}
		return position - 1;
	}

	/** The live version's content; courses published before versions were kept are their working copy. */
	private CourseContent liveContent(Course source) {
		return versions.find(source.id(), source.liveVersion())
			.map(CourseVersions.Stored::content)
			.orElseGet(() -> courses.findById(source.id()).orElseThrow().content());
	}

	static Optional<Question> questionIn(CourseContent content, String id) {
		return Stream
			.concat(content.quiz().questions().stream(), content.lessons().stream().flatMap(l -> l.knowledgeChecks().stream()))
			.filter(q -> id.equals(q.id()))
			.findFirst();
	}

	/** The element's text as learners read it, to compare and diff; empty when the content lacks it. */
	static Optional<String> textOf(CourseContent content, ElementOrigin o) {
		if (o.elementKind() == Kind.LESSON) {
			return content.lessons().stream().filter(l -> o.elementId().equals(l.id())).findFirst()
				.map(l -> lessonText(l.title(), l.markdown(), List.of()));
		}
		return questionIn(content, o.elementId()).map(Reuse::questionText);
	}

	static String questionText(Question q) {
		StringBuilder text = new StringBuilder(normalized(q.prompt())).append("\n");
		for (int i = 0; i < q.options().size(); i++) {
			text.append(q.correct().contains(i) ? "[x] " : "[ ] ").append(q.options().get(i).strip()).append("\n");
		}
		q.matches().forEach(m -> text.append("matches: ").append(m).append("\n"));
		q.accepted().forEach(a -> text.append("accepted: ").append(a).append("\n"));
		if (q.numeric() != null) {
			text.append("answer: ").append(q.numeric()).append("\n");
		}
		if (q.kind() != null && !q.kind().typed() && !q.options().isEmpty() && q.correct().isEmpty()) {
			text.append("no right answer\n");
		}
		text.append("explanation: ").append(normalized(q.explanation()));
		return text.toString();
	}

	/** Line endings and trailing spaces do not count as changes: a form sends text back with CRLF. */
	private static String normalized(String text) {
		if (text == null) {
			return "";
		}
		return text.replace("\r\n", "\n").replace('\r', '\n').lines().map(String::stripTrailing)
			.collect(Collectors.joining("\n")).strip();
	}

	/** A lesson as learners read it, with its knowledge checks after it, to compare and diff. */
	static String lessonText(String title, String markdown, List<Question> checks) {
		StringBuilder text = new StringBuilder("# ").append(title == null ? "" : title.strip()).append("\n\n")
			.append(normalized(markdown));
		for (Question check : checks) {
			text.append("\n\n## Knowledge check\n").append(questionText(check));
		}
		return text.toString();
	}

	static String shorten(String text) {
		return shorten(text, 60);
	}

	static String shorten(String text, int most) {
		String t = text == null ? "" : text.strip();
		return t.length() > most ? t.substring(0, most - 3) + "…" : t;
	}
}
