package io.stride.library;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.CoursePublished;
import io.stride.authoring.CourseRetired;
import io.stride.authoring.LibraryCourse;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.Reuse;
import io.stride.feedback.CourseReactions;
import io.stride.feedback.Feedback;
import io.stride.feedback.LessonReacted;
import io.stride.feedback.ReactionScore;
import io.stride.library.internal.Components;
import io.stride.library.internal.Components.Entry;
import io.stride.shared.Markdown;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the library's table of components: a course's live version replaces its components, a retired course's
 * leave, reuse and reactions are counted as authoring and feedback report them. Listeners run in the transaction of
 * the change. At start-up the table catches up with courses published before it existed; doing it again changes
 * nothing.
 */
@Service
public class ComponentIndex {

	private static final Logger log = LoggerFactory.getLogger(ComponentIndex.class);

	static final int BATCH = 500;

	static final int EXCERPT = 200;

	private final Components components;

	private final Authoring authoring;

	private final Reuse reuse;

	private final Feedback feedback;

	ComponentIndex(Components components, Authoring authoring, Reuse reuse, Feedback feedback) {
		this.components = components;
		this.authoring = authoring;
		this.reuse = reuse;
		this.feedback = feedback;
	}

	/** A module's id: the same for the same course and module name, across versions. */
	public static String moduleId(CourseId course, String moduleName) {
		return UUID.nameUUIDFromBytes(("module\n" + course.value() + "\n" + moduleName).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	@EventListener
	@Transactional
	void on(CoursePublished published) {
		index(List.of(published.courseId()));
	}

	@EventListener
	@Transactional
	void on(CourseRetired retired) {
		components.replace(List.of(retired.courseId().value()), List.of());
	}

	@EventListener
	@Transactional
	void on(Reuse.ComponentReused reused) {
		recountReuse(List.of(reused.sourceCourseId()));
	}

	@EventListener
	@Transactional
	void on(LessonReacted reacted) {
		recountReactions(List.of(reacted.courseId()));
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		long started = System.nanoTime();
		int[] changed = catchUp();
		log.info("Library: components of {} courses indexed, {} courses removed in {} ms", changed[0], changed[1],
				(System.nanoTime() - started) / 1_000_000);
	}

	/** Brings the table in line with the live courses; answers how many courses were indexed and removed. */
	@Transactional
	public int[] catchUp() {
		components.lockForCatchUp();
		Map<String, Integer> indexed = components.versions();
		List<CourseId> stale = new ArrayList<>();
		Set<String> live = new HashSet<>();
		for (LibraryCourse course : authoring.library()) {
			if (course.isLive()) {
				live.add(course.id().value());
				if (!Objects.equals(indexed.get(course.id().value()), course.liveVersion())) {
					stale.add(course.id());
				}
			}
		}
		List<String> gone = indexed.keySet().stream().filter(id -> !live.contains(id)).toList();
		components.replace(gone, List.of());
		for (int from = 0; from < stale.size(); from += BATCH) {
			index(stale.subList(from, Math.min(stale.size(), from + BATCH)));
		}
		return new int[] { stale.size(), gone.size() };
	}

	/** Writes the components of these courses' live versions afresh (a course not live: its components go). */
	void index(List<CourseId> ids) {
		Map<CourseId, Course> live = authoring.published(ids);
		Map<CourseId, CourseReactions> reactions = feedback.reactionsAmong(live.keySet(), null);
		Map<String, Set<String>> reusing = reuse.reusingCourses(live.keySet());
		// a linked reuse is its source's component, listed there: not a second one credited to the reusing author
		Set<String> linked = reuse.linkedElements(live.keySet());
		List<Entry> entries = new ArrayList<>();
		for (Course course : live.values()) {
			entries.addAll(entries(course, reactions.getOrDefault(course.id(), CourseReactions.NONE), reusing, linked));
		}
		components.replace(ids.stream().map(CourseId::value).toList(), entries);
	}

	private void recountReuse(List<CourseId> courses) {
		Map<String, Set<String>> reusing = reuse.reusingCourses(courses);
		Map<String, Set<String>> modules = new HashMap<>();
		Map<String, Integer> counts = new HashMap<>();
		var rows = components.ofCourses(courses.stream().map(CourseId::value).toList());
		Map<CourseId, Course> live = authoring.published(courses);
		for (Course course : live.values()) {
			for (Lesson lesson : course.lessons()) {
				if (lesson.module() != null) {
					modules.computeIfAbsent(moduleId(course.id(), lesson.module()), k -> new HashSet<>())
						.addAll(reusing.getOrDefault(lesson.id(), Set.of()));
				}
			}
		}
		for (var row : rows) {
			int n = "MODULE".equals(row.kind()) ? modules.getOrDefault(row.id(), Set.of()).size()
					: reusing.getOrDefault(row.id(), Set.of()).size();
			if (n != row.reuseCount()) {
				counts.put(row.id(), n);
			}
		}
		components.setReuseCounts(counts);
	}

	private void recountReactions(List<CourseId> courses) {
		Map<CourseId, CourseReactions> reactions = feedback.reactionsAmong(courses, null);
		Map<CourseId, Course> live = authoring.published(courses);
		Map<String, int[]> counts = new HashMap<>();
		for (Course course : live.values()) {
			for (Entry e : entries(course, reactions.getOrDefault(course.id(), CourseReactions.NONE), Map.of(), Set.of())) {
				counts.put(e.id(), new int[] { e.helpful(), e.unclear(), e.outdated() });
			}
		}
		components.setReactions(counts);
	}

	/**
	 * The components of a live version, in the course's order: each module before its lessons; the {@code linked}
	 * elements (and a module made only of them) are left out.
	 */
	static List<Entry> entries(Course course, CourseReactions reactions, Map<String, Set<String>> reusing,
			Set<String> linked) {
		List<Entry> entries = new ArrayList<>();
		String author = course.authorId().value();
		int[] position = { 0 };
		Map<String, List<Lesson>> modules = new LinkedHashMap<>();
		course.lessons().stream().filter(l -> l.module() != null)
			.forEach(l -> modules.computeIfAbsent(l.module(), k -> new ArrayList<>()).add(l));
		Set<String> moduleWritten = new HashSet<>();
		for (Lesson lesson : course.lessons()) {
			if (lesson.module() != null && moduleWritten.add(lesson.module())
					&& !modules.get(lesson.module()).stream().allMatch(l -> linked.contains(l.id()))) {
				List<Lesson> members = modules.get(lesson.module());
				ReactionScore score = ReactionScore.NONE;
				Set<String> reusedBy = new HashSet<>();
				StringBuilder text = new StringBuilder(lesson.module());
				StringBuilder titles = new StringBuilder();
				for (Lesson member : members) {
					score = plus(score, reactions.byLesson().getOrDefault(member.id(), ReactionScore.NONE));
					reusedBy.addAll(reusing.getOrDefault(member.id(), Set.of()));
					text.append('\n').append(lessonText(member));
					titles.append(titles.isEmpty() ? "" : " · ").append(member.title());
				}
				String excerpt = members.size() + (members.size() == 1 ? " lesson: " : " lessons: ") + titles;
				entries.add(entry(moduleId(course.id(), lesson.module()), ComponentKind.MODULE, lesson.module(), excerpt,
						text.toString(), course, lesson.module(), position[0]++, author, score, reusedBy.size()));
			}
			if (linked.contains(lesson.id())) {
				continue;
			}
			ReactionScore score = reactions.byLesson().getOrDefault(lesson.id(), ReactionScore.NONE);
			entries.add(entry(lesson.id(), ComponentKind.LESSON, lesson.title(), plain(lesson.markdown()),
					lessonText(lesson), course, lesson.module(), position[0]++, author, score,
					reusing.getOrDefault(lesson.id(), Set.of()).size()));
			for (Question check : lesson.knowledgeChecks()) {
				if (linked.contains(check.id())) {
					continue;
				}
				entries.add(entry(check.id(), ComponentKind.KNOWLEDGE_CHECK, check.prompt(), answers(check),
						questionText(check), course, lesson.module(), position[0]++, author, score,
						reusing.getOrDefault(check.id(), Set.of()).size()));
			}
		}
		for (Question question : course.quiz().questions()) {
			if (linked.contains(question.id())) {
				continue;
			}
			entries.add(entry(question.id(), ComponentKind.QUESTION, question.prompt(), answers(question),
					// reactions are to lessons: a quiz question has none of its own (never the course's score)
					questionText(question), course, null, position[0]++, author, ReactionScore.NONE,
					reusing.getOrDefault(question.id(), Set.of()).size()));
		}
		return entries;
	}

	private static Entry entry(String id, ComponentKind kind, String title, String excerpt, String text, Course course,
			String module, int position, String author, ReactionScore score, int reuseCount) {
		String t = shorten(plainLine(title), 500);
		return new Entry(id, kind.name(), t.isEmpty() ? "(untitled)" : t, shorten(excerpt, EXCERPT),
				(title + "\n" + text + "\n" + course.title()).toLowerCase(Locale.ROOT), course.id().value(), shorten(course.title(), 200),
				course.version(), module == null ? null : shorten(module, 200), position, author, course.publishedAt(),
				score.helpful(), score.unclear(), score.outdated(),
				Components.score(score.helpful(), score.unclear(), score.outdated()), reuseCount);
	}

	private static ReactionScore plus(ReactionScore a, ReactionScore b) {
		return new ReactionScore(a.helpful() + b.helpful(), a.unclear() + b.unclear(), a.outdated() + b.outdated());
	}

	private static String lessonText(Lesson lesson) {
		StringBuilder text = new StringBuilder(lesson.title()).append('\n').append(plain(lesson.markdown()));
		lesson.knowledgeChecks().forEach(q -> text.append('\n').append(questionText(q)));
		return text.toString();
	}

	private static String questionText(Question q) {
		StringBuilder text = new StringBuilder(q.prompt());
		q.options().forEach(o -> text.append('\n').append(o));
		q.matches().forEach(m -> text.append('\n').append(m));
		text.append('\n').append(q.explanation());
		return text.toString();
	}

	private static String answers(Question q) {
		return q.options().isEmpty() ? q.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
				: String.join(" · ", q.options());
	}

	/** The words a reader sees, without Markdown's marks. */
	static String plain(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		return Jsoup.parse(Markdown.toSafeHtml(markdown)).text();
	}

	private static String plainLine(String text) {
		return text == null ? "" : text.replaceAll("\\s+", " ").strip();
	}

	private static String shorten(String text, int max) {
		String t = text == null ? "" : text.strip();
		return t.length() <= max ? t : t.substring(0, max - 1) + "…";
	}
}
