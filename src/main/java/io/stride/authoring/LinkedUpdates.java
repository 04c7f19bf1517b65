package io.stride.authoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.stride.authoring.ElementOrigin.Kind;
import io.stride.authoring.ElementOrigin.Mode;
import io.stride.authoring.Reuse.Change;
import io.stride.authoring.Reuse.Change.What;
import io.stride.identity.PersonId;
import io.stride.shared.Ids;

/**
 * What the newer published versions of its sources change in a course's linked parts, worked out once both to show
 * (a diff and the changes in words) and to take. Three shapes: a linked lesson with its knowledge checks (checks the
 * source added, removed or changed come with it), the lessons reused together as a module (lessons added, removed or
 * reordered, each with its checks), and a question or check linked on its own (its text).
 */
final class LinkedUpdates {

	/**
	 * An update offered and what taking it does: the course's content afterwards, the origins that move on to the new
	 * version, the origins of new elements and the ids of elements it removes. {@code members}: the linked elements it
	 * covers, all kept out together.
	 */
	record Offer(Reuse.Update update, List<String> members, CourseContent result, List<String> moved,
			List<ElementOrigin> added, List<String> removed, String renamedModule) {
	}

	/** A source course (its summary), its live content and its content at an earlier published version. */
	record Sources(Function<CourseId, Optional<Course>> course, Function<Course, CourseContent> live,
			BiFunction<CourseId, Integer, Optional<CourseContent>> at) {
	}

	private final Course course;

	private final Map<String, ElementOrigin> origins;

	private final Sources sources;

	private final PersonId by;

	private final Instant now;

	private final Map<String, Optional<Course>> summaries = new LinkedHashMap<>();

	private final Map<String, CourseContent> lives = new LinkedHashMap<>();

	private final Map<String, Optional<CourseContent>> earlier = new LinkedHashMap<>();

	LinkedUpdates(Course course, Map<String, ElementOrigin> origins, Sources sources, PersonId by, Instant now) {
		this.course = course;
		this.origins = origins;
		this.sources = sources;
		this.by = by;
		this.now = now;
	}

	/** Every update offered to the course, in the order its parts were reused. */
	List<Offer> offers() {
		List<Offer> offers = new ArrayList<>();
		Map<String, List<ElementOrigin>> modules = new LinkedHashMap<>();
		for (ElementOrigin o : origins.values()) {
			if (!o.linked()) {
				continue;
			}
			if (o.elementKind() == Kind.LESSON && o.sourceModule() != null) {
				String key = o.sourceCourseId().value() + "\n" + o.sourceModule();
				if (!modules.containsKey(key)) {
					// the module's offer takes the place of its first lesson reused; filled in below
					offers.add(null);
					modules.put(key, new ArrayList<>());
				}
				modules.get(key).add(o);
			}
			else if (o.elementKind() == Kind.LESSON) {
				lessonOffer(o).ifPresent(offers::add);
			}
			else if (!underALinkedLesson(o)) {
				elementOffer(o).ifPresent(offers::add);
			}
		}
		// fill the places kept for modules, in order
		List<Offer> ordered = new ArrayList<>();
		var groups = modules.values().iterator();
		for (Offer offer : offers) {
			if (offer != null) {
				ordered.add(offer);
			}
			else {
				moduleOffer(groups.next()).ifPresent(ordered::add);
			}
		}
		return ordered;
	}

	/** A knowledge check whose lesson is linked to the same source is offered with its lesson. */
	private boolean underALinkedLesson(ElementOrigin check) {
		if (check.elementKind() != Kind.KNOWLEDGE_CHECK) {
			return false;
		}
		return course.lessons().stream()
			.filter(l -> l.knowledgeChecks().stream().anyMatch(q -> q.id().equals(check.elementId())))
			.findFirst()
			.map(l -> origins.get(l.id()))
			.filter(lo -> lo.linked() && lo.elementKind() == Kind.LESSON && lo.sourceCourseId().equals(check.sourceCourseId()))
			.isPresent();
	}

	private Optional<Course> source(CourseId id) {
		return summaries.computeIfAbsent(id.value(), k -> sources.course().apply(id));
	}

	private CourseContent live(Course source) {
		return lives.computeIfAbsent(source.id().value(), k -> sources.live().apply(source));
	}

	private Optional<CourseContent> at(CourseId source, int version) {
		return earlier.computeIfAbsent(source.value() + "#" + version, k -> sources.at().apply(source, version));
	}

	private static boolean newer(Course source, int from, Integer kept) {
		return source.liveVersion() != null && source.liveVersion() > from && (kept == null || source.liveVersion() > kept);
	}

	/** A question or knowledge check linked on its own: its text as the source has it now. */
	private Optional<Offer> elementOffer(ElementOrigin o) {
		Course source = source(o.sourceCourseId()).orElse(null);
		if (source == null || !newer(source, o.sourceVersion(), o.keptVersion())) {
			return Optional.empty();
		}
		CourseContent live = live(source);
		Optional<Question> mine = Reuse.questionIn(course.content(), o.elementId());
		Optional<Question> theirs = Reuse.questionIn(live, o.sourceElementId());
		if (mine.isEmpty() || theirs.isEmpty()) {
			return Optional.empty();
		}
		String a = Reuse.questionText(mine.get());
		String b = Reuse.questionText(theirs.get());
		if (a.equals(b)) {
			return Optional.empty();
		}
		var swap = (UnaryOperator<Question>) q -> q.id().equals(o.elementId())
				? theirs.get().withId(q.id()) : q;
		CourseContent content = course.content();
		CourseContent result = content.with(
				content.lessons().stream().map(l -> l.withKnowledgeChecks(l.knowledgeChecks().stream().map(swap).toList()))
					.toList(),
				content.quiz().withQuestions(content.quiz().questions().stream().map(swap).toList()));
		Reuse.Update update = new Reuse.Update(o.elementId(), o.elementKind(), mine.get().prompt(), o.sourceCourseId(),
				live.title(), o.sourceVersion(), source.liveVersion(),
				Reuse.diff(a, b, o.sourceVersion(), source.liveVersion()), null, List.of());
		return Optional.of(new Offer(update, List.of(o.elementId()), result, List.of(o.elementId()), List.of(),
				List.of(), null));
	}

	/** A lesson linked on its own, with its knowledge checks. */
	private Optional<Offer> lessonOffer(ElementOrigin o) {
		Course source = source(o.sourceCourseId()).orElse(null);
		if (source == null || !newer(source, o.sourceVersion(), o.keptVersion())) {
			return Optional.empty();
		}
		CourseContent live = live(source);
		Lesson theirs = lesson(live, o.sourceElementId());
		Lesson mine = course.lesson(o.elementId()).orElse(null);
		if (theirs == null || mine == null) {
			return Optional.empty();
		}
		Lesson before = at(source.id(), o.sourceVersion()).map(c -> lesson(c, o.sourceElementId())).orElse(null);
		LessonPlan plan = plan(mine, theirs, before, source.id(), source.liveVersion(), mine.module());
		if (plan.changes().isEmpty() && plan.mine().equals(plan.theirs())) {
			return Optional.empty();
		}
		List<Lesson> lessons = course.lessons().stream().map(l -> l.id().equals(mine.id()) ? plan.result() : l).toList();
		Reuse.Update update = new Reuse.Update(mine.id(), Kind.LESSON, mine.title(), source.id(), live.title(),
				o.sourceVersion(), source.liveVersion(),
				Reuse.diff(plan.mine(), plan.theirs(), o.sourceVersion(), source.liveVersion()), null, plan.changes());
		return Optional.of(new Offer(update, plan.members(), course.content().with(lessons, course.quiz()),
				plan.moved(), plan.added(), plan.removed(), null));
	}

	/** The lessons reused together as a module: the module as its source has it now, lessons in its order. */
	private Optional<Offer> moduleOffer(List<ElementOrigin> group) {
		ElementOrigin first = group.getFirst();
		String module = first.sourceModule();
		Course source = source(first.sourceCourseId()).orElse(null);
		int from = group.stream().mapToInt(ElementOrigin::sourceVersion).min().orElseThrow();
		Integer kept = group.stream().allMatch(o -> o.keptVersion() != null)
				? group.stream().mapToInt(ElementOrigin::keptVersion).min().orElseThrow() : null;
		if (source == null || !newer(source, from, kept)) {
			return Optional.empty();
		}
		Map<String, ElementOrigin> bySourceId = new LinkedHashMap<>();
		group.forEach(o -> bySourceId.put(o.sourceElementId(), o));
		Set<String> groupIds = new HashSet<>();
		group.forEach(o -> groupIds.add(o.elementId()));
		List<Lesson> copies = course.lessons().stream().filter(l -> groupIds.contains(l.id())).toList();
		if (copies.isEmpty()) {
			return Optional.empty();
		}
		CourseContent live = live(source);
		int to = source.liveVersion();
		String followed = followedModule(live, module, bySourceId.keySet());
		List<Lesson> theirs = live.lessons().stream().filter(l -> followed.equals(l.module())).toList();
		Optional<CourseContent> before = at(source.id(), from);
		Set<String> earlierIds = new HashSet<>();
		before.ifPresent(c -> c.lessons().stream().filter(l -> module.equals(l.module())).forEach(l -> earlierIds.add(l.id())));
		String targetModule = copies.getFirst().module();
		Map<String, Lesson> copyBySource = new LinkedHashMap<>();
		for (Lesson copy : copies) {
			copyBySource.put(origins.get(copy.id()).sourceElementId(), copy);
		}

		List<Change> changes = new ArrayList<>();
		List<Lesson> result = new ArrayList<>();
		List<String> members = new ArrayList<>();
		List<String> moved = new ArrayList<>();
		List<ElementOrigin> added = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		List<String> theirsText = new ArrayList<>();
		for (Lesson lesson : theirs) {
			Lesson copy = copyBySource.get(lesson.id());
			if (copy != null) {
				Lesson earlier = before.map(c -> lesson(c, lesson.id())).orElse(null);
				LessonPlan plan = plan(copy, lesson, earlier, source.id(), to, copy.module());
				if (!Reuse.lessonText(copy.title(), copy.markdown(), List.of())
					.equals(Reuse.lessonText(lesson.title(), lesson.markdown(), List.of()))) {
					changes.add(new Change(What.CHANGED, Kind.LESSON, copy.title()));
				}
				changes.addAll(plan.changes());
				result.add(plan.result());
				moved.addAll(plan.moved());
				added.addAll(plan.added());
				removed.addAll(plan.removed());
				theirsText.add(plan.theirs());
			}
			else if (!earlierIds.contains(lesson.id())) {
				// new in the source's module; one the author removed from their copy stays removed
				List<Question> checks = new ArrayList<>();
				String id = Ids.newId();
				for (Question check : lesson.knowledgeChecks()) {
					Question taken = check.withId(Ids.newId());
					checks.add(taken);
					added.add(origin(taken.id(), Kind.KNOWLEDGE_CHECK, source.id(), check.id(), to, null));
				}
				result.add(new Lesson(id, lesson.title(), lesson.markdown(), lesson.sources(), targetModule, checks));
				added.add(origin(id, Kind.LESSON, source.id(), lesson.id(), to, followed));
				changes.add(new Change(What.ADDED, Kind.LESSON, lesson.title()));
				theirsText.add(Reuse.lessonText(lesson.title(), lesson.markdown(), checks));
			}
		}
		Set<String> theirIds = new HashSet<>();
		theirs.forEach(l -> theirIds.add(l.id()));
		List<String> mineText = new ArrayList<>();
		for (Lesson copy : copies) {
			List<Question> linkedChecks = linkedChecks(copy, source.id());
			members.add(copy.id());
			linkedChecks.forEach(q -> members.add(q.id()));
			mineText.add(Reuse.lessonText(copy.title(), copy.markdown(), linkedChecks));
			if (!theirIds.contains(origins.get(copy.id()).sourceElementId())) {
				changes.add(new Change(What.REMOVED, Kind.LESSON, copy.title()));
				removed.add(copy.id());
				copy.knowledgeChecks().forEach(q -> removed.add(q.id()));
			}
		}
		List<String> copyOrder = copies.stream().map(c -> origins.get(c.id()).sourceElementId())
			.filter(theirIds::contains).toList();
		List<String> theirOrder = theirs.stream().map(Lesson::id).filter(copyBySource::containsKey).toList();
		if (!copyOrder.equals(theirOrder)) {
			changes.addFirst(new Change(What.REORDERED, Kind.LESSON, targetModule == null ? module : targetModule));
		}
		String mine = String.join("\n\n", mineText);
		String theirsJoined = String.join("\n\n", theirsText);
		if (changes.isEmpty() && mine.equals(theirsJoined)) {
			return Optional.empty();
		}
		// the module's lessons take the place of its first lesson in the course, in the source's order
		List<Lesson> lessons = new ArrayList<>();
		boolean placed = false;
		for (Lesson l : course.lessons()) {
			if (!groupIds.contains(l.id())) {
				lessons.add(l);
			}
			else if (!placed) {
				lessons.addAll(result);
				placed = true;
			}
		}
		Reuse.Update update = new Reuse.Update(copies.getFirst().id(), Kind.LESSON,
				targetModule == null ? module : targetModule, source.id(), live.title(), from, to,
				Reuse.diff(mine, theirsJoined, from, to), targetModule == null ? module : targetModule, changes);
		return Optional.of(new Offer(update, members, course.content().with(lessons, course.quiz()), moved, added,
				removed, followed.equals(module) ? null : followed));
	}

	/**
	 * The source's module the lessons follow: the one they were reused with or, when the source has no module of that
	 * name any more (renamed), the module most of them are in now.
	 */
	private static String followedModule(CourseContent live, String module, Set<String> sourceLessonIds) {
		if (live.lessons().stream().anyMatch(l -> module.equals(l.module()))) {
			return module;
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		live.lessons().stream().filter(l -> l.module() != null && sourceLessonIds.contains(l.id()))
			.forEach(l -> counts.merge(l.module(), 1, Integer::sum));
		return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(module);
	}

	/** A copy of a lesson taken to the source's lesson, and what that changes. */
	private record LessonPlan(Lesson result, List<Change> changes, String mine, String theirs, List<String> members,
			List<String> moved, List<ElementOrigin> added, List<String> removed) {
	}

	/**
	 * The copy with the source lesson's title, text, citations and knowledge checks: checks it has keep their ids,
	 * new ones get ids and origins, checks the source dropped go; a check the author removed from the copy (it was in
	 * the version taken) stays removed, and the author's own checks stay, after the source's.
	 */
	private LessonPlan plan(Lesson copy, Lesson theirs, Lesson before, CourseId source, int to, String module) {
		List<Question> linked = linkedChecks(copy, source);
		Map<String, Question> bySource = new LinkedHashMap<>();
		linked.forEach(q -> bySource.put(origins.get(q.id()).sourceElementId(), q));
		Set<String> earlier = new HashSet<>();
		if (before != null) {
			before.knowledgeChecks().forEach(q -> earlier.add(q.id()));
		}
		List<Change> changes = new ArrayList<>();
		List<Question> checks = new ArrayList<>();
		List<String> members = new ArrayList<>();
		List<String> moved = new ArrayList<>(List.of(copy.id()));
		List<ElementOrigin> added = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		members.add(copy.id());
		for (Question check : theirs.knowledgeChecks()) {
			Question mine = bySource.get(check.id());
			if (mine != null) {
				Question taken = check.withId(mine.id());
				if (!Reuse.questionText(mine).equals(Reuse.questionText(taken))) {
					changes.add(new Change(What.CHANGED, Kind.KNOWLEDGE_CHECK, check.prompt()));
				}
				checks.add(taken);
				moved.add(mine.id());
			}
			else if (!earlier.contains(check.id())) {
				Question taken = check.withId(Ids.newId());
				checks.add(taken);
				added.add(origin(taken.id(), Kind.KNOWLEDGE_CHECK, source, check.id(), to, null));
				changes.add(new Change(What.ADDED, Kind.KNOWLEDGE_CHECK, check.prompt()));
			}
		}
		Set<String> theirIds = new HashSet<>();
		theirs.knowledgeChecks().forEach(q -> theirIds.add(q.id()));
		bySource.forEach((sourceId, mine) -> {
			members.add(mine.id());
			if (!theirIds.contains(sourceId)) {
				changes.add(new Change(What.REMOVED, Kind.KNOWLEDGE_CHECK, mine.prompt()));
				removed.add(mine.id());
			}
		});
		List<Question> theirChecks = List.copyOf(checks);
		copy.knowledgeChecks().stream().filter(q -> !linked.contains(q)).forEach(checks::add);
		Lesson result = new Lesson(copy.id(), theirs.title(), theirs.markdown(), theirs.sources(), module, checks);
		return new LessonPlan(result, changes, Reuse.lessonText(copy.title(), copy.markdown(), linked),
				Reuse.lessonText(theirs.title(), theirs.markdown(), theirChecks), members, moved, added, removed);
	}

	/** The copy's knowledge checks linked to the same source course. */
	private List<Question> linkedChecks(Lesson copy, CourseId source) {
		return copy.knowledgeChecks().stream().filter(q -> {
			ElementOrigin o = origins.get(q.id());
			return o != null && o.linked() && o.sourceCourseId().equals(source);
		}).toList();
	}

	private ElementOrigin origin(String id, Kind kind, CourseId source, String sourceId, int version, String module) {
		return new ElementOrigin(course.id(), id, kind, source, sourceId, version, Mode.LINKED, null, by, now, module);
	}

	private static Lesson lesson(CourseContent content, String id) {
		return content.lessons().stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
	}
}
