package io.stride.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.authoring.OutlineEditing;
import io.stride.authoring.OutlineElement;
import io.stride.identity.Viewer;
import io.stride.media.internal.MediaItems;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A course's files as its editors manage them (issue 18): where each is shown (the draft's lessons, published
 * versions), and its alt text changed in one place: on the file, and in the draft's lessons that show it. Published
 * versions keep the text they were published with.
 */
@Service
public class MediaInLessons {

	/** The most files one course's page lists; a course with more is a library, not a course. */
	static final int MAX_LISTED = 500;

	private final Authoring authoring;

	private final OutlineEditing outline;

	private final MediaItems items;

	MediaInLessons(Authoring authoring, OutlineEditing outline, MediaItems items) {
		this.authoring = authoring;
		this.outline = outline;
		this.items = items;
	}

	/** A lesson of the draft that shows a file. */
	public record Use(String lessonId, String lessonTitle) {
	}

	/** A published version that shows a file: this course's, or another's that reused a lesson with it. */
	public record Published(CourseId courseId, String courseTitle, int version, boolean thisCourse) {
	}

	/** A file with where it is shown; it may be deleted when it is shown nowhere. */
	public record Placed(MediaItem item, List<Use> lessons, List<Published> published) {

		public boolean deletable() {
			return lessons.isEmpty() && published.isEmpty();
		}
	}

	/** The course's images and videos, newest first, each with where it is shown; for the course's editors. */
	@Transactional(readOnly = true)
	public List<Placed> inCourse(Viewer editor, CourseId courseId) {
		Course course = authoring.editable(editor, courseId);
		List<Placed> placed = new ArrayList<>();
		for (MediaItem item : items.ofCourse(course.id(), 0, MAX_LISTED)) {
			placed.add(place(course, item));
		}
		return placed;
	}

	/** One file of the course with where it is shown, or 404 (another course's file, a captions file, none). */
	@Transactional(readOnly = true)
	public Placed one(Viewer editor, CourseId courseId, String mediaId) {
		Course course = authoring.editable(editor, courseId);
		return place(course, ofCourse(course, mediaId));
	}

	private Placed place(Course course, MediaItem item) {
		List<Use> lessons = new ArrayList<>();
		for (Lesson lesson : course.lessons()) {
			if (CourseMedia.mediaIn(lesson.markdown()).contains(item.id())) {
				lessons.add(new Use(lesson.id(), lesson.title()));
			}
		}
		List<MediaItems.Shown> shown = items.shownIn(item.id());
		Map<CourseId, String> titles = shown.isEmpty() ? Map.of()
				: authoring.titles(shown.stream().map(MediaItems.Shown::courseId).distinct().toList());
		List<Published> published = shown.stream()
			.map(s -> new Published(s.courseId(), titles.getOrDefault(s.courseId(), "another course"), s.version(),
					s.courseId().equals(course.id())))
			.toList();
		return new Placed(item, List.copyOf(lessons), published);
	}

	/**
	 * What changing an image's alt text did: the file as it is now, the draft's lessons whose text changed, and those
	 * that kept theirs ({@code whyKept}: a lesson linked to its source, or a course not in draft).
	 */
	public record Described(MediaItem item, List<Use> lessonsChanged, List<Use> lessonsKept, String whyKept) {
	}

	/**
	 * Sets an image's alt text (required unless {@code decorative}), and puts it in the draft's lessons that show the
	 * image; a lesson linked to its source (changed only there), or any lesson of a course not in draft (a published
	 * version never changes), keeps its text and is named in {@code lessonsKept}.
	 */
	@Transactional
	public Described describe(Viewer editor, CourseId courseId, String mediaId, String alt, boolean decorative) {
		Course course = authoring.editable(editor, courseId);
		MediaItem item = ofCourse(course, mediaId);
		if (item.kind() != MediaKind.IMAGE) {
			throw new InvalidInputException("alt", "Only an image has alt text; a video is named by its title.");
		}
		String text = alt == null || alt.isBlank() ? null : alt.strip().replaceAll("\\s+", " ");
		if (text == null && !decorative) {
			throw new InvalidInputException("alt",
					"Describe the image for people who cannot see it (alt text), or mark it as decorative.");
		}
		if (text != null && text.length() > 1000) {
			throw new InvalidInputException("alt",
					"Alt text may have at most 1,000 characters; put longer descriptions in the lesson text.");
		}
		String kept = decorative ? "" : text;
		items.updateAlt(item.id(), kept, decorative);
		MediaItem now = items.find(item.id()).orElseThrow();
		// the alt text as Markdown reads it: escapes, and brackets in balanced pairs (one deep)
		Pattern shown = Pattern.compile("!\\[(?:\\\\.|[^\\\\\\[\\]]|\\[(?:\\\\.|[^\\\\\\[\\]])*\\])*\\]\\((/media/"
				+ Pattern.quote(item.id()) + ")(?=[\\s)\"])");
		String replacement = "![" + Matcher.quoteReplacement(escape(kept)) + "]($1";
		List<Use> changed = new ArrayList<>();
		List<Use> linked = new ArrayList<>();
		boolean draft = course.isEditable();
		for (Lesson lesson : course.lessons()) {
			if (!CourseMedia.mediaIn(lesson.markdown()).contains(item.id())) {
				continue;
			}
			String markdown = shown.matcher(lesson.markdown()).replaceAll(replacement);
			if (markdown.equals(lesson.markdown())) {
				continue;
			}
			OutlineElement element = draft ? outline.element(editor, course.id(), lesson.id()) : null;
			if (element == null || element.linked()) {
				linked.add(new Use(lesson.id(), lesson.title()));
				continue;
			}
			outline.save(editor, course.id(), lesson.id(), element.revision(),
					new OutlineEditing.LessonEdit(null, markdown, null));
			changed.add(new Use(lesson.id(), lesson.title()));
		}
		String whyKept = linked.isEmpty() ? null : draft ? "linked to their source; they change only there"
				: "of a version that is not a draft; start a new version to change them";
		return new Described(now, List.copyOf(changed), List.copyOf(linked), whyKept);
	}

	private MediaItem ofCourse(Course course, String mediaId) {
		return items.find(mediaId)
			.filter(m -> m.courseId().equals(course.id()) && m.kind() != MediaKind.CAPTIONS)
			.orElseThrow(() -> new NotFoundException("Media"));
	}

	/** Alt text inside Markdown's brackets: the characters that would end it escaped, as {@link MediaItem#markdown}. */
	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
	}
}
