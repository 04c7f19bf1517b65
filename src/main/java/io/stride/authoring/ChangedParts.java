package io.stride.authoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.stride.authoring.CourseChanges.Change;
import io.stride.authoring.CourseChanges.Kind;
import io.stride.authoring.CourseChanges.Line;
import io.stride.authoring.CourseChanges.Part;
import io.stride.authoring.CourseChanges.Source;
import io.stride.authoring.CourseChanges.State;
import io.stride.authoring.internal.ChangeRows;
import io.stride.authoring.internal.CourseVersions;
import io.stride.authoring.internal.Courses;
import io.stride.shared.Ids;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is new or changed in a version of a course, part by part, for review proportionate to change. A part is
 * compared with the course's last published version before it (elements keep their ids across versions) and, when
 * it was reused from another course, with the source's published text it was taken from:
 * <ol>
 * <li>the same as in the last published version: UNCHANGED (it was reviewed then);</li>
 * <li>otherwise the same as its source's text: REUSED (it was reviewed with its source);</li>
 * <li>otherwise, in the last published version: CHANGED against that version;</li>
 * <li>otherwise, reused: CHANGED against its source's text (taken, then edited);</li>
 * <li>otherwise NEW.</li>
 * </ol>
 * Callers check who may see the course.
 */
@Service
@Transactional(readOnly = true)
public class ChangedParts {

	private final Courses courses;

	private final CourseVersions versions;

	private final ChangeRows rows;

	ChangedParts(Courses courses, CourseVersions versions, ChangeRows rows) {
		this.courses = courses;
		this.versions = versions;
		this.rows = rows;
	}

	/** The parts of the working copy (the draft, or the version in review); 404 for an unknown course. */
	public CourseChanges ofWorkingCopy(CourseId id) {
		return of(id, find(id).version());
	}

	/**
	 * The parts of one version of a course: the working copy when it is the course's newest version, otherwise the
	 * published copy of that version; 404 when there is no such version.
	 */
	public CourseChanges of(CourseId id, int version) {
		return of(id, version, (course, v) -> true);
	}

	/**
	 * As {@link #of(CourseId, int)}, for a review: a part the same as in the last published version, or as its
	 * source's, is NOT_REVIEWED (to read, its whole text shown) unless {@code reviewed} says that version of that
	 * course was reviewed well enough for this one (under a risk tier at least this course's).
	 */
	public CourseChanges of(CourseId id, int version, BiPredicate<CourseId, Integer> reviewed) {
		Course course = find(id);
		CourseContent content;
		if (version == course.version()) {
			content = course.content();
		}
		else {
			content = versions.find(id, version).map(CourseVersions.Stored::content)
				.orElseThrow(() -> new NotFoundException("Version"));
		}
		Optional<CourseVersions.Stored> before = versions.history(id)
			.stream()
			.filter(v -> v.version() < version)
			.findFirst()
			.flatMap(v -> versions.find(id, v.version()));
		return compare(id, version, content, before.map(CourseVersions.Stored::content).orElse(null),
				before.map(CourseVersions.Stored::version).orElse(null), rows.originsOf(id), reviewed);
	}

	private CourseChanges compare(CourseId id, int version, CourseContent now, CourseContent before, Integer beforeVersion,
			Map<String, ChangeRows.Origin> origins, BiPredicate<CourseId, Integer> reviewed) {
		Map<String, Boolean> known = new HashMap<>();
		BiPredicate<CourseId, Integer> wasReviewed = (course, v) -> known
			.computeIfAbsent(course.value() + "#" + v, k -> reviewed.test(course, v));
		Map<String, Element> previous = before == null ? Map.of() : elements(before);
		Map<String, SourceText> sources = new HashMap<>();
		Map<String, Optional<Course>> headers = new HashMap<>();
		List<Part> parts = new ArrayList<>();
		Part settings = settings(now, before);
		if (settings.state() == State.UNCHANGED && !wasReviewed.test(id, beforeVersion)) {
			settings = new Part(Kind.SETTINGS, null, settings.title(), State.NOT_REVIEWED, whole(settingsLines(now)), null);
		}
		parts.add(settings);
		Map<String, Element> current = elements(now);
		for (Element element : current.values()) {
			Element was = previous.get(element.id());
			ChangeRows.Origin origin = origins.get(element.id());
			SourceText source = origin == null ? null : sources.computeIfAbsent(element.id(), k -> sourceText(origin, headers));
			List<String> text = element.lines(false);
			if (was != null && was.lines(false).equals(text)) {
				boolean ok = wasReviewed.test(id, beforeVersion);
				parts.add(new Part(element.kind(), element.id(), element.title(), ok ? State.UNCHANGED : State.NOT_REVIEWED,
						ok ? List.of() : whole(text), source == null ? null : source.source()));
			}
			else if (source != null && source.element() != null && source.element().lines(true).equals(element.lines(true))) {
				boolean ok = wasReviewed.test(source.source().courseId(), source.source().version());
				parts.add(new Part(element.kind(), element.id(), element.title(), ok ? State.REUSED : State.NOT_REVIEWED,
						ok ? List.of() : whole(element.lines(true)), source.source()));
			}
			else if (was != null) {
				parts.add(new Part(element.kind(), element.id(), element.title(), State.CHANGED,
						diff(was.lines(false), text), source == null ? null : source.source()));
			}
			else if (source != null) {
				List<String> from = source.element() == null ? List.of() : source.element().lines(true);
				parts.add(new Part(element.kind(), element.id(), element.title(), State.CHANGED,
						diff(from, element.lines(true)), source.source()));
			}
			else {
				parts.add(new Part(element.kind(), element.id(), element.title(), State.NEW, diff(List.of(), text), null));
			}
		}
		previous.values()
			.stream()
			.filter(e -> !current.containsKey(e.id()))
			.forEach(e -> parts.add(new Part(e.kind(), e.id(), e.title(), State.REMOVED, diff(e.lines(false), List.of()),
					null)));
		return new CourseChanges(id, version, beforeVersion, parts);
	}

	private static Part settings(CourseContent now, CourseContent before) {
		List<String> text = settingsLines(now);
		if (before == null) {
			return new Part(Kind.SETTINGS, null, "Title, description, objectives and settings", State.NEW,
					diff(List.of(), text), null);
		}
		List<String> was = settingsLines(before);
		return new Part(Kind.SETTINGS, null, "Title, description, objectives and settings",
				was.equals(text) ? State.UNCHANGED : State.CHANGED, was.equals(text) ? List.of() : diff(was, text), null);
	}

	/** A course's settings as a reviewer reads them, one a line: the text its settings part compares. */
	public static List<String> settingsLines(CourseContent content) {
		List<String> lines = new ArrayList<>();
		lines.add("Title: " + content.title());
		content.description().lines().forEach(l -> lines.add("Description: " + l));
		content.objectives().forEach(o -> lines.add("Objective: " + o));
		lines.add("Pass mark: " + content.quiz().passMark() + "%");
		QuizSettings quiz = content.quiz().settings();
		lines.add("Attempts: " + (quiz.attemptLimit() == null ? "no limit" : quiz.attemptLimit()));
		lines.add("Time limit: " + (quiz.timeLimitMinutes() == null ? "none" : quiz.timeLimitMinutes() + (quiz.timeLimitMinutes() == 1 ? " minute" : " minutes")));
		lines.add("Questions drawn per attempt: " + (quiz.drawCount() == null ? "all" : quiz.drawCount()));
		lines.add("Options shuffled: " + (quiz.shuffleOptions() ? "yes" : "no"));
		lines.add("Answers shown: " + quiz.answersShown().name().toLowerCase(Locale.ROOT).replace('_', ' '));
		if (content.riskTier() != null) {
			lines.add("Risk tier: " + content.riskTier().name().toLowerCase(Locale.ROOT)
					+ (content.tierReason() == null ? "" : " (" + content.tierReason() + ")"));
		}
		return lines;
	}

	/** The source's published text of a reused element, and where it came from. */
	private record SourceText(Source source, Element element) {
	}

	/** @param headers source courses already read, by id: most reused parts of a course come from few courses */
	private SourceText sourceText(ChangeRows.Origin origin, Map<String, Optional<Course>> headers) {
		CourseId sourceId = new CourseId(origin.sourceCourseId());
		Optional<CourseVersions.Stored> stored = versions.find(sourceId, origin.sourceVersion());
		Element element = stored.map(s -> elements(s.content()).get(origin.sourceElementId())).orElse(null);
		Course header = headers.computeIfAbsent(origin.sourceCourseId(),
				id -> courses.summaries("WHERE id = ?", id).stream().findFirst()).orElse(null);
		String title = stored.map(s -> s.content().title()).orElse(header == null ? "a course" : header.title());
		return new SourceText(new Source(sourceId, title, origin.sourceVersion(), origin.sourceElementId(), origin.mode(),
				header == null ? null : header.authorId()), element);
	}

	/** A lesson or question with the text a reviewer reads, keyed by id in course order. */
	private record Element(Kind kind, String id, String title, List<String> text, String module) {

		/** The text compared; a reused lesson may sit in another module than its source's, so the module is not. */
		List<String> lines(boolean againstSource) {
			if (againstSource || module == null) {
				return text;
			}
			List<String> withModule = new ArrayList<>(text);
			withModule.add(1, "Module: " + module);
			return withModule;
		}
	}

	private static Map<String, Element> elements(CourseContent content) {
		Map<String, Element> elements = new LinkedHashMap<>();
		for (Lesson lesson : content.lessons()) {
			if (lesson.id() == null) {
				continue;
			}
			List<String> text = new ArrayList<>();
			text.add("Title: " + lesson.title());
			// the Markdown exactly, blank lines too (they change its meaning); only line endings are made the same
			String markdown = lesson.markdown() == null ? "" : lesson.markdown().replace("\r\n", "\n").replace('\r', '\n');
			text.addAll(List.of(markdown.split("\n", -1)));
			for (SourceNote note : lesson.sources()) {
				text.add("Citation: " + note.source() + (note.locator() == null || note.locator().isBlank() ? ""
						: ", " + note.locator()) + (note.text() == null || note.text().isBlank() ? ""
								: ": “" + note.text().replace("\r\n", "\n").replace('\n', ' ') + "”"));
			}
			elements.put(lesson.id(), new Element(Kind.LESSON, lesson.id(), lesson.title(), text, lesson.module()));
			for (Question check : lesson.knowledgeChecks()) {
				if (check.id() != null) {
					elements.put(check.id(), new Element(Kind.KNOWLEDGE_CHECK, check.id(), check.prompt(), lines(check), null));
				}
			}
		}
		for (Question question : content.quiz().questions()) {
			if (question.id() != null) {
				elements.put(question.id(), new Element(Kind.QUESTION, question.id(), question.prompt(), lines(question), null));
			}
		}
		return elements;
	}

	/** A question as a reviewer reads it, one fact a line, so that a diff names what changed. */
	public static List<String> lines(Question q) {
		List<String> lines = new ArrayList<>();
		lines.add("Kind: " + q.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
		lines.add("Question: " + q.prompt());
		switch (q.kind()) {
			case SHORT_ANSWER -> {
				q.accepted().forEach(a -> lines.add("Accepted: " + a));
				if (q.similarity() != null) {
					lines.add("Also accepts answers that mean the same (similarity " + q.similarity() + ")");
				}
			}
			case NUMERIC -> lines.add("Right answer: " + (q.numeric() == null ? "" : q.numeric().describe()));
			case MATCHING -> {
				for (int i = 0; i < q.options().size(); i++) {
					int match = i < q.correct().size() ? q.correct().get(i) : -1;
					lines.add("Pair: " + q.options().get(i) + " → "
							+ (match >= 0 && match < q.matches().size() ? q.matches().get(match) : "?"));
				}
			}
			case ORDERING -> {
				for (int i = 0; i < q.correct().size(); i++) {
					int step = q.correct().get(i);
					lines.add("Step " + (i + 1) + ": " + (step >= 0 && step < q.options().size() ? q.options().get(step) : "?"));
				}
			}
			default -> {
				for (int i = 0; i < q.options().size(); i++) {
					lines.add("Option " + (i + 1) + (q.correct().contains(i) ? " (right)" : "") + ": " + q.options().get(i));
				}
			}
		}
		if (q.scoring() != null) {
			lines.add("Scoring: " + q.scoring().name().toLowerCase(Locale.ROOT).replace('_', ' '));
		}
		if (q.explanation() != null && !q.explanation().isBlank()) {
			q.explanation().lines().filter(l -> !l.isBlank()).forEach(l -> lines.add("Explanation: " + l));
		}
		return lines;
	}

	/** A text read in full: every line kept. */
	private static List<Line> whole(List<String> text) {
		return text.stream().map(l -> new Line(Change.SAME, l)).toList();
	}

	/** Every line of both texts in order, each kept, removed or added (Myers' algorithm, java-diff-utils). */
	static List<Line> diff(List<String> before, List<String> after) {
		List<Line> lines = new ArrayList<>();
		int at = 0;
		for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
			for (; at < delta.getSource().getPosition(); at++) {
				lines.add(new Line(Change.SAME, before.get(at)));
			}
			delta.getSource().getLines().forEach(l -> lines.add(new Line(Change.REMOVED, l)));
			delta.getTarget().getLines().forEach(l -> lines.add(new Line(Change.ADDED, l)));
			at += delta.getSource().size();
		}
		for (; at < before.size(); at++) {
			lines.add(new Line(Change.SAME, before.get(at)));
		}
		return lines;
	}

	private Course find(CourseId id) {
		if (id == null || !Ids.looksValid(id.value())) {
			throw new NotFoundException("Course");
		}
		return courses.findById(id).orElseThrow(() -> new NotFoundException("Course"));
	}
}
