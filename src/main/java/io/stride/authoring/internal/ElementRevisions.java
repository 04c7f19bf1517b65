package io.stride.authoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.stride.authoring.CourseId;
import io.stride.authoring.ElementOrigin;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.SourceNote;
import io.stride.identity.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history of each lesson's and question's saved revisions (for undo, and to show the other author's text in a
 * conflict), and the elements removed in the outline editor (for restore).
 */
@Repository
public class ElementRevisions {

	/** What a lesson's revision holds; its knowledge checks have their own. */
	public record LessonText(String title, String markdown, String module, List<SourceNote> sources) {
	}

	public record Revision(String elementId, int revision, String kind, String content, PersonId savedBy,
			Instant savedAt, Integer restores) {
	}

	/** A removed element: its content (a lesson with its knowledge checks as {@link Removed.LessonWithChecks}). */
	public record Removed(String elementId, String kind, String lessonId, int position, String content) {

		/** {@code origins}: where the lesson and its checks were reused from (null in rows kept before they were). */
		public record LessonWithChecks(LessonText lesson, List<Question> checks, List<Integer> checkRevisions,
				int revision, List<ElementOrigin> origins) {
		}

		public record QuestionWithRevision(Question question, int revision,
				List<ElementOrigin> origins) {
		}

		/**
		 * A whole module removed at once: its name (null for the lessons in no module), its lessons in order with
		 * their ids, each with its knowledge checks; {@link Removed#position()} is the module's place among modules.
		 */
		public record ModuleWithLessons(String name, List<String> lessonIds, List<LessonWithChecks> lessons) {
		}
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Courses courses;

	public ElementRevisions(JdbcClient jdbc, JsonMapper json, Courses courses) {
		this.jdbc = jdbc;
		this.json = json;
		this.courses = courses;
	}

	static String lessonJson(JsonMapper json, Lesson lesson) {
		return json.writeValueAsString(new LessonText(lesson.title(), lesson.markdown(), lesson.module(), lesson.sources()));
	}

	static String questionJson(JsonMapper json, Question question) {
		return json.writeValueAsString(question.withId(null));
	}

	public String lessonJson(Lesson lesson) {
		return lessonJson(json, lesson);
	}

	public String questionJson(Question question) {
		return questionJson(json, question);
	}

	public LessonText lessonText(String content) {
		return json.readValue(content, LessonText.class);
	}

	public Question question(String content) {
		return json.readValue(content, Question.class);
	}

	public String write(Object value) {
		return json.writeValueAsString(value);
	}

	public <T> T read(String content, Class<T> type) {
		return json.readValue(content, type);
	}

	/** Keeps a revision's text; {@code ifAbsent} for the text before a save, which may be kept already. */
	public void keep(CourseId course, String elementId, int revision, String kind, String content, PersonId by,
			boolean ifAbsent) {
		courses.keepRevision(course, elementId, revision, kind, content, by, Timestamp.from(Instant.now()), ifAbsent);
	}

	public Optional<Revision> find(CourseId course, String elementId, int revision) {
		return jdbc.sql(SELECT + "WHERE course_id = ? AND element_id = ? AND revision = ?")
			.params(course.value(), elementId, revision)
			.query(this::revision)
			.optional();
	}

	/** Revisions older than {@code below}, newest first, for undo. */
	public List<Revision> earlier(CourseId course, String elementId, int below) {
		return jdbc.sql(SELECT + "WHERE course_id = ? AND element_id = ? AND revision < ? ORDER BY revision DESC")
			.params(course.value(), elementId, below)
			.query(this::revision)
			.list();
	}

	/** Notes that a revision was an undo that put back revision {@code restored}. */
	public void markRestores(CourseId course, String elementId, int revision, int restored) {
		jdbc.sql("UPDATE element_revisions SET restores = ? WHERE course_id = ? AND element_id = ? AND revision = ?")
			.params(restored, course.value(), elementId, revision)
			.update();
	}

	private static final String SELECT = "SELECT element_id, revision, kind, content, saved_by, saved_at, restores "
			+ "FROM element_revisions ";

	private Revision revision(ResultSet rs, int n) throws SQLException {
		return new Revision(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
				rs.getString(5) == null ? null : new PersonId(rs.getString(5)), rs.getTimestamp(6).toInstant(),
				rs.getObject(7, Integer.class));
	}

	public void remember(CourseId course, Removed removed, PersonId by) {
		jdbc.sql("DELETE FROM removed_elements WHERE course_id = ? AND element_id = ?")
			.params(course.value(), removed.elementId())
			.update();
		jdbc.sql("INSERT INTO removed_elements (course_id, element_id, kind, lesson_id, position, content, removed_by, "
				+ "removed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(course.value(), removed.elementId(), removed.kind(), removed.lessonId(), removed.position(),
					removed.content(), by.value(), Timestamp.from(Instant.now()))
			.update();
	}

	public Optional<Removed> removed(CourseId course, String elementId) {
		return jdbc.sql("SELECT element_id, kind, lesson_id, position, content FROM removed_elements "
				+ "WHERE course_id = ? AND element_id = ?")
			.params(course.value(), elementId)
			.query((rs, n) -> new Removed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5)))
			.optional();
	}

	public void forgetRemoved(CourseId course, String elementId) {
		jdbc.sql("DELETE FROM removed_elements WHERE course_id = ? AND element_id = ?")
			.params(course.value(), elementId)
			.update();
	}
}
