package io.stride.authoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.AnswersShown;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.CourseId;
import io.stride.authoring.CourseState;
import io.stride.authoring.CourseStatus;
import io.stride.authoring.Lesson;
import io.stride.authoring.LibraryCourse;
import io.stride.authoring.NumericAnswer;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.authoring.QuizSettings;
import io.stride.authoring.Scoring;
import io.stride.authoring.RiskTier;
import io.stride.authoring.SourceNote;
import io.stride.identity.PersonId;
import io.stride.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class Courses {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final TypeReference<List<Integer>> INTEGERS = new TypeReference<>() {
	};

	private static final TypeReference<List<SourceNote>> SOURCES = new TypeReference<>() {
	};

	/** How many revisions of each element its history keeps. */
	static final int KEPT_REVISIONS = 50;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public Courses(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	private record Header(String id, String title, String description, String status, int version, int revision,
			String authorId, int passMark, Instant updatedAt, Instant publishedAt, List<String> objectives, RiskTier tier,
			String tierReason, LocalDate reviewBy, Integer liveVersion, QuizSettings settings) {
	}

	private static final String HEADER = "SELECT id, title, description, status, version, revision, author_id, pass_mark, "
			+ "updated_at, published_at, objectives, risk_tier, tier_reason, review_by, live_version, attempt_limit, "
			+ "time_limit_minutes, draw_count, shuffle_options, answers_shown FROM courses ";

	public Optional<Course> findById(CourseId id) {
		return jdbc.sql(HEADER + "WHERE id = ?").param(id.value()).query(this::header).optional().map(this::assemble);
	}

	/** Course headers only (no lessons or questions), for lists. */
	public List<Course> summaries(String where, Object... params) {
		return jdbc.sql(HEADER + where)
			.params(params)
			.query(this::header)
			.list()
			.stream()
			.map(h -> toCourse(h, List.of(), List.of()))
			.toList();
	}

	public void insert(CourseId id, PersonId author, CourseContent content) {
		Timestamp now = Timestamp.from(Instant.now());
		QuizSettings settings = content.quiz().settings();
		jdbc.sql("INSERT INTO courses (id, title, description, status, version, revision, author_id, pass_mark, created_at, "
				+ "updated_at, objectives, risk_tier, tier_reason, attempt_limit, time_limit_minutes, draw_count, "
				+ "shuffle_options, answers_shown) VALUES (?, ?, ?, 'DRAFT', 1, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id.value(), content.title(), content.description(), author.value(), content.quiz().passMark(), now, now,
					json.writeValueAsString(content.objectives()), content.riskTier().name(), content.tierReason(),
					settings.attemptLimit(), settings.timeLimitMinutes(), settings.drawCount(), settings.shuffleOptions(),
					settings.answersShown().name())
			.update();
		replaceParts(id, content, null);
	}

	/** Saves only if nobody saved since {@code revision}; answers whether it did. */
	public boolean update(CourseId id, int revision, CourseContent content) {
		return update(id, revision, content, null);
	}

	/**
	 * Saves the whole content only if nobody saved since {@code revision}; element ids are kept, and each element's
	 * revision moves on only when its content changed (its history keeps the new text, saved by {@code by}).
	 */
	public boolean update(CourseId id, int revision, CourseContent content, PersonId by) {
		QuizSettings settings = content.quiz().settings();
		int updated = jdbc
			.sql("UPDATE courses SET title = ?, description = ?, pass_mark = ?, objectives = ?, risk_tier = ?, tier_reason = ?, "
					+ "attempt_limit = ?, time_limit_minutes = ?, draw_count = ?, shuffle_options = ?, answers_shown = ?, "
					+ "revision = revision + 1, outline_revision = outline_revision + 1, settings_revision = settings_revision + 1, "
					+ "updated_at = ? WHERE id = ? AND revision = ? AND status = 'DRAFT'")
			.params(content.title(), content.description(), content.quiz().passMark(),
					json.writeValueAsString(content.objectives()), content.riskTier().name(), content.tierReason(),
					settings.attemptLimit(), settings.timeLimitMinutes(), settings.drawCount(), settings.shuffleOptions(),
					settings.answersShown().name(), Timestamp.from(Instant.now()), id.value(), revision)
			.update();
		if (updated == 1) {
			replaceParts(id, content, by);
		}
		return updated == 1;
	}

	/** Moves a draft into review, or back (status check guards against races). */
	public boolean changeStatus(CourseId id, String from, String to) {
		return jdbc.sql("UPDATE courses SET status = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND status = ?")
			.params(to, Timestamp.from(Instant.now()), id.value(), from)
			.update() == 1;
	}

	public void recordEditor(CourseId id, int version, PersonId editor) {
		boolean known = jdbc.sql("SELECT COUNT(*) FROM course_editors WHERE course_id = ? AND version = ? AND person_id = ?")
			.params(id.value(), version, editor.value())
			.query(Integer.class)
			.single() > 0;
		if (!known) {
			jdbc.sql("INSERT INTO course_editors (course_id, version, person_id) VALUES (?, ?, ?)")
				.params(id.value(), version, editor.value())
				.update();
		}
	}

	public Set<PersonId> editors(CourseId id, int version) {
		return new HashSet<>(jdbc.sql("SELECT person_id FROM course_editors WHERE course_id = ? AND version = ?")
			.params(id.value(), version)
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list());
	}

	public boolean publishFromReview(CourseId id, LocalDate reviewBy) {
		Timestamp now = Timestamp.from(Instant.now());
		return jdbc
			.sql("UPDATE courses SET status = 'PUBLISHED', revision = revision + 1, published_at = ?, updated_at = ?, "
					+ "review_by = ?, live_version = version WHERE id = ? AND status = 'IN_REVIEW'")
			.params(now, now, reviewBy, id.value())
			.update() == 1;
	}

	public boolean publish(CourseId id, int revision, LocalDate reviewBy) {
		Timestamp now = Timestamp.from(Instant.now());
		return jdbc
			.sql("UPDATE courses SET status = 'PUBLISHED', revision = revision + 1, published_at = ?, updated_at = ?, "
					+ "review_by = ?, live_version = version WHERE id = ? AND revision = ? AND status = 'DRAFT'")
			.params(now, now, reviewBy, id.value(), revision)
			.update() == 1;
	}

	/** Opens the next version of a published course as a draft; the published one stays with learners. */
	public boolean startVersion(CourseId id, int revision) {
		return jdbc.sql("UPDATE courses SET status = 'DRAFT', version = version + 1, revision = revision + 1, updated_at = ? "
				+ "WHERE id = ? AND revision = ? AND status = 'PUBLISHED'")
			.params(Timestamp.from(Instant.now()), id.value(), revision)
			.update() == 1;
	}

	public String topic(CourseId id) {
		return jdbc.sql("SELECT topic FROM courses WHERE id = ?").param(id.value()).query(String.class).optional().orElse(null);
	}

	public void setTopic(CourseId id, String topic) {
		jdbc.sql("UPDATE courses SET topic = ? WHERE id = ?").params(topic, id.value()).update();
	}

	/** Risk tiers by id, for lists in other modules. */
	public Map<CourseId, RiskTier> tiers(List<CourseId> ids) {
		Map<CourseId, RiskTier> tiers = new HashMap<>();
		if (ids.isEmpty()) {
			return tiers;
		}
		jdbc.sql("SELECT id, risk_tier FROM courses WHERE id IN (:ids)")
			.param("ids", new ArrayList<>(ids.stream().map(CourseId::value).toList()))
			.query(rs -> {
				tiers.put(new CourseId(rs.getString(1)), RiskTier.valueOf(rs.getString(2)));
			});
		return tiers;
	}

	private void replaceParts(CourseId id, CourseContent content, PersonId by) {
		// the element revisions survive the delete and re-insert: kept when the element is unchanged, moved on when not
		Map<String, Integer> revisions = new HashMap<>();
		Map<String, String> before = new HashMap<>();
		jdbc.sql("SELECT id, revision, title, markdown, sources, module FROM lessons WHERE course_id = ?")
			.param(id.value())
			.query(rs -> {
				revisions.put(rs.getString(1), rs.getInt(2));
				before.put(rs.getString(1), ElementRevisions.lessonJson(json, new Lesson(rs.getString(1), rs.getString(3),
						rs.getString(4), rs.getString(5) == null ? List.of() : json.readValue(rs.getString(5), SOURCES),
						rs.getString(6))));
			});
		jdbc.sql("SELECT id, kind, prompt, options, correct, explanation, source, scoring, accepted, similarity, "
				+ "numeric_answer, matches, lesson_id, revision FROM questions WHERE course_id = ?")
			.param(id.value())
			.query(rs -> {
				revisions.put(rs.getString(1), rs.getInt(14));
				before.put(rs.getString(1), ElementRevisions.questionJson(json, question(rs)));
			});
		jdbc.sql("DELETE FROM lessons WHERE course_id = ?").param(id.value()).update();
		jdbc.sql("DELETE FROM questions WHERE course_id = ?").param(id.value()).update();
		Timestamp now = Timestamp.from(Instant.now());
		int position = 0;
		for (Lesson lesson : content.lessons()) {
			String lessonId = lesson.id() == null ? Ids.newId() : lesson.id();
			int revision = revisionAfter(id, lessonId, "LESSON", ElementRevisions.lessonJson(json, lesson), revisions,
					before, by, now);
			jdbc.sql("INSERT INTO lessons (id, course_id, position, title, markdown, sources, module, revision) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(lessonId, id.value(), position++, lesson.title(),
						lesson.markdown(), lesson.sources().isEmpty() ? null : json.writeValueAsString(lesson.sources()),
						lesson.module(), revision)
				.update();
			int check = 0;
			for (Question question : lesson.knowledgeChecks()) {
				String questionId = question.id() == null ? Ids.newId() : question.id();
				insertQuestion(id, lessonId, check++, question.withId(questionId), revisionAfter(id, questionId,
						"KNOWLEDGE_CHECK", ElementRevisions.questionJson(json, question.withId(questionId)), revisions,
						before, by, now));
			}
		}
		position = 0;
		for (Question question : content.quiz().questions()) {
			String questionId = question.id() == null ? Ids.newId() : question.id();
			insertQuestion(id, null, position++, question.withId(questionId), revisionAfter(id, questionId, "QUESTION",
					ElementRevisions.questionJson(json, question.withId(questionId)), revisions, before, by, now));
		}
	}

	/**
	 * The revision an element gets from a whole-course save: its own when unchanged (or new), the next one when its
	 * content changed; the history keeps both texts for undo.
	 */
	private int revisionAfter(CourseId course, String elementId, String kind, String content,
			Map<String, Integer> revisions, Map<String, String> before, PersonId by, Timestamp now) {
		Integer revision = revisions.get(elementId);
		if (revision == null) {
			return 1;
		}
		if (content.equals(before.get(elementId))) {
			return revision;
		}
		keepRevision(course, elementId, revision, kind, before.get(elementId), null, now, true);
		keepRevision(course, elementId, revision + 1, kind, content, by, now, false);
		return revision + 1;
	}

	/** Adds a revision to an element's history; {@code ifAbsent} for the text before a save, which may be kept already. */
	void keepRevision(CourseId course, String elementId, int revision, String kind, String content, PersonId by,
			Timestamp at, boolean ifAbsent) {
		if (ifAbsent && jdbc
			.sql("SELECT COUNT(*) FROM element_revisions WHERE course_id = ? AND element_id = ? AND revision = ?")
			.params(course.value(), elementId, revision)
			.query(Integer.class)
			.single() > 0) {
			return;
		}
		if (!ifAbsent) {
			// the newest revisions are kept (undo goes back at most that far); a revision number a restore reused is
			// written afresh
			jdbc.sql("DELETE FROM element_revisions WHERE course_id = ? AND element_id = ? AND (revision = ? OR revision <= ?)")
				.params(course.value(), elementId, revision, revision - KEPT_REVISIONS)
				.update();
		}
		jdbc.sql("INSERT INTO element_revisions (course_id, element_id, revision, kind, content, saved_by, saved_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(course.value(), elementId, revision, kind, content, by == null ? null : by.value(), at)
			.update();
	}

	void insertQuestion(CourseId course, String lessonId, int position, Question question, int revision) {
		jdbc.sql("INSERT INTO questions (id, course_id, position, kind, prompt, options, correct, explanation, source, "
				+ "scoring, accepted, similarity, numeric_answer, matches, lesson_id, revision) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(question.id() == null ? Ids.newId() : question.id(), course.value(), position,
					question.kind().name(), question.prompt(), json.writeValueAsString(question.options()),
					json.writeValueAsString(question.correct()), question.explanation(),
					question.source() == null ? null : json.writeValueAsString(question.source()),
					question.scoring().name(), question.accepted().isEmpty() ? null : json.writeValueAsString(question.accepted()),
					question.similarity(), question.numeric() == null ? null : json.writeValueAsString(question.numeric()),
					question.matches().isEmpty() ? null : json.writeValueAsString(question.matches()), lessonId, revision)
			.update();
	}

	private Header header(ResultSet rs, int n) throws SQLException {
		Timestamp published = rs.getTimestamp(10);
		String objectives = rs.getString(11);
		return new Header(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				rs.getInt(6), rs.getString(7), rs.getInt(8), rs.getTimestamp(9).toInstant(),
				published == null ? null : published.toInstant(),
				objectives == null ? List.of() : json.readValue(objectives, STRINGS), RiskTier.valueOf(rs.getString(12)),
				rs.getString(13), rs.getObject(14, LocalDate.class), (Integer) rs.getObject(15, Integer.class),
				new QuizSettings(rs.getObject(16, Integer.class), rs.getObject(17, Integer.class),
						rs.getObject(18, Integer.class), rs.getBoolean(19), AnswersShown.valueOf(rs.getString(20))));
	}

	private Course assemble(Header header) {
		List<StoredQuestion> stored = jdbc
			.sql("SELECT id, kind, prompt, options, correct, explanation, source, scoring, accepted, similarity, "
					+ "numeric_answer, matches, lesson_id FROM questions WHERE course_id = ? ORDER BY position")
			.param(header.id())
			.query((rs, n) -> new StoredQuestion(rs.getString(13), question(rs)))
			.list();
		Map<String, List<Question>> checks = new HashMap<>();
		List<Question> questions = new ArrayList<>();
		for (StoredQuestion q : stored) {
			if (q.lessonId() == null) {
				questions.add(q.question());
			}
			else {
				checks.computeIfAbsent(q.lessonId(), key -> new ArrayList<>()).add(q.question());
			}
		}
		List<Lesson> lessons = jdbc
			.sql("SELECT id, title, markdown, sources, module FROM lessons WHERE course_id = ? ORDER BY position")
			.param(header.id())
			.query((rs, n) -> new Lesson(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4) == null ? List.of() : json.readValue(rs.getString(4), SOURCES), rs.getString(5),
					checks.getOrDefault(rs.getString(1), List.of())))
			.list();
		return toCourse(header, lessons, questions);
	}

	private record StoredQuestion(String lessonId, Question question) {
	}

	Question question(ResultSet rs) throws SQLException {
		String accepted = rs.getString(9);
		String numeric = rs.getString(11);
		String matches = rs.getString(12);
		return new Question(rs.getString(1), QuestionKind.valueOf(rs.getString(2)), rs.getString(3),
				json.readValue(rs.getString(4), STRINGS), json.readValue(rs.getString(5), INTEGERS), rs.getString(6),
				rs.getString(7) == null ? null : json.readValue(rs.getString(7), SourceNote.class),
				rs.getString(8) == null ? Scoring.ALL_OR_NOTHING : Scoring.valueOf(rs.getString(8)),
				accepted == null ? List.of() : json.readValue(accepted, STRINGS), rs.getObject(10, Double.class),
				numeric == null ? null : json.readValue(numeric, NumericAnswer.class),
				matches == null ? List.of() : json.readValue(matches, STRINGS));
	}

	private Course toCourse(Header h, List<Lesson> lessons, List<Question> questions) {
		return new Course(new CourseId(h.id()), h.title(), h.description(), CourseStatus.valueOf(h.status()),
				h.version(), h.revision(), new PersonId(h.authorId()), lessons, new Quiz(h.passMark(), questions, h.settings()),
				h.updatedAt(), h.publishedAt(), h.objectives(), h.tier(), h.tierReason(), h.reviewBy(), h.liveVersion());
	}

	public Set<CourseId> withQuiz(List<CourseId> ids) {
		Set<CourseId> result = new HashSet<>();
		if (ids.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT DISTINCT course_id FROM questions WHERE lesson_id IS NULL AND course_id IN (:ids)")
			.param("ids", ids.stream().map(CourseId::value).toList())
			.query(rs -> {
				result.add(new CourseId(rs.getString(1)));
			});
		return result;
	}

	/** Titles by id, for lists in other modules. */
	public Map<CourseId, String> titles(List<CourseId> ids) {
		Map<CourseId, String> titles = new HashMap<>();
		if (ids.isEmpty()) {
			return titles;
		}
		jdbc.sql("SELECT c.id, COALESCE(v.title, c.title) FROM courses c LEFT JOIN course_versions v "
				+ "ON v.course_id = c.id AND v.version = c.live_version WHERE c.id IN (:ids)")
			.param("ids", new ArrayList<>(ids.stream().map(CourseId::value).toList()))
			.query(rs -> {
				titles.put(new CourseId(rs.getString(1)), rs.getString(2));
			});
		return titles;
	}

	/**
	 * Every course's header with its first publication, in one query, for the library's counts; only those written by
	 * {@code authorId} unless it is null.
	 */
	public List<LibraryCourse> library(String authorId) {
		String sql = "SELECT c.id, c.title, c.status, c.author_id, c.created_at, v.first_published_at, c.review_by, "
				+ "c.live_version, c.version FROM courses c LEFT JOIN (SELECT course_id, MIN(published_at) AS first_published_at "
				+ "FROM course_versions GROUP BY course_id) v ON v.course_id = c.id"
				+ (authorId == null ? "" : " WHERE c.author_id = :author") + " ORDER BY c.title, c.id";
		var statement = jdbc.sql(sql);
		if (authorId != null) {
			statement = statement.param("author", authorId);
		}
		return statement.query((rs, n) -> {
			Timestamp first = rs.getTimestamp(6);
			return new LibraryCourse(new CourseId(rs.getString(1)), rs.getString(2),
					CourseStatus.valueOf(rs.getString(3)), rs.getInt(9), new PersonId(rs.getString(4)),
					rs.getTimestamp(5).toInstant(), first == null ? null : first.toInstant(),
					rs.getObject(7, LocalDate.class), rs.getObject(8, Integer.class));
		}).list();
	}

	// ---- element-level reads and writes for the outline editor: one element, one short statement each ----

	/** A lesson or question of a course's working copy with its revision; {@code lessonId} set for a knowledge check. */
	public record ElementRow(String id, String kind, int revision, int position, String lessonId, Lesson lesson,
			Question question) {
	}

	/** A course's header fields the outline editor checks on every save, without its content. */
	public record DraftHeader(CourseId id, String title, String status, PersonId authorId, Integer liveVersion,
			int revision, int outlineRevision, int settingsRevision, int version) {

		public CourseState state() {
			return new CourseState(CourseStatus.valueOf(status), version, liveVersion);
		}
	}

	public Optional<DraftHeader> draftHeader(CourseId id) {
		return jdbc.sql("SELECT id, title, status, author_id, live_version, revision, outline_revision, settings_revision, "
				+ "version FROM courses WHERE id = ?")
			.param(id.value())
			.query((rs, n) -> new DraftHeader(new CourseId(rs.getString(1)), rs.getString(2), rs.getString(3),
					new PersonId(rs.getString(4)), rs.getObject(5, Integer.class), rs.getInt(6), rs.getInt(7), rs.getInt(8),
					rs.getInt(9)))
			.optional();
	}

	public Optional<ElementRow> element(CourseId course, String elementId) {
		Optional<ElementRow> lesson = jdbc
			.sql("SELECT id, title, markdown, sources, module, revision, position FROM lessons WHERE course_id = ? AND id = ?")
			.params(course.value(), elementId)
			.query((rs, n) -> new ElementRow(rs.getString(1), "LESSON", rs.getInt(6), rs.getInt(7), null,
					new Lesson(rs.getString(1), rs.getString(2), rs.getString(3),
							rs.getString(4) == null ? List.of() : json.readValue(rs.getString(4), SOURCES), rs.getString(5)),
					null))
			.optional();
		if (lesson.isPresent()) {
			return lesson;
		}
		return jdbc.sql("SELECT id, kind, prompt, options, correct, explanation, source, scoring, accepted, similarity, "
				+ "numeric_answer, matches, lesson_id, revision, position FROM questions WHERE course_id = ? AND id = ?")
			.params(course.value(), elementId)
			.query((rs, n) -> new ElementRow(rs.getString(1), rs.getString(13) == null ? "QUESTION" : "KNOWLEDGE_CHECK",
					rs.getInt(14), rs.getInt(15), rs.getString(13), null, question(rs)))
			.optional();
	}

	/** The knowledge checks of one lesson, in order. */
	public List<ElementRow> checksOf(CourseId course, String lessonId) {
		return jdbc.sql("SELECT id, kind, prompt, options, correct, explanation, source, scoring, accepted, similarity, "
				+ "numeric_answer, matches, lesson_id, revision, position FROM questions WHERE course_id = ? AND lesson_id = ? "
				+ "ORDER BY position")
			.params(course.value(), lessonId)
			.query((rs, n) -> new ElementRow(rs.getString(1), "KNOWLEDGE_CHECK", rs.getInt(14), rs.getInt(15),
					rs.getString(13), null, question(rs)))
			.list();
	}

	/** Saves one lesson's text if its revision is still {@code revision}; answers whether it did. */
	public boolean saveLesson(CourseId course, int revision, Lesson lesson) {
		return jdbc.sql("UPDATE lessons SET title = ?, markdown = ?, module = ?, revision = revision + 1 "
				+ "WHERE course_id = ? AND id = ? AND revision = ?")
			.params(lesson.title(), lesson.markdown(), lesson.module(), course.value(), lesson.id(), revision)
			.update() == 1;
	}

	/** Saves one question if its revision is still {@code revision}; answers whether it did. */
	public boolean saveQuestion(CourseId course, int revision, Question question) {
		return jdbc.sql("UPDATE questions SET kind = ?, prompt = ?, options = ?, correct = ?, explanation = ?, scoring = ?, "
				+ "accepted = ?, similarity = ?, numeric_answer = ?, matches = ?, revision = revision + 1 "
				+ "WHERE course_id = ? AND id = ? AND revision = ?")
			.params(question.kind().name(), question.prompt(), json.writeValueAsString(question.options()),
					json.writeValueAsString(question.correct()), question.explanation(), question.scoring().name(),
					question.accepted().isEmpty() ? null : json.writeValueAsString(question.accepted()),
					question.similarity(), question.numeric() == null ? null : json.writeValueAsString(question.numeric()),
					question.matches().isEmpty() ? null : json.writeValueAsString(question.matches()), course.value(),
					question.id(), revision)
			.update() == 1;
	}

	/**
	 * Notes a change to a draft's working copy: the course's revision moves on (a whole-course save from an older
	 * page is then refused). Answers false when the course is not a draft; the row lock it takes orders the
	 * course's saves without making saves of different elements wait on each other for long.
	 */
	public boolean touchDraft(CourseId id) {
		return jdbc.sql("UPDATE courses SET revision = revision + 1, updated_at = ? WHERE id = ? AND status = 'DRAFT'")
			.params(Timestamp.from(Instant.now()), id.value())
			.update() == 1;
	}

	/** Moves the outline revision on; with {@code expected}, only if it is still that one. */
	public boolean touchOutline(CourseId id, Integer expected) {
		return jdbc.sql("UPDATE courses SET outline_revision = outline_revision + 1, revision = revision + 1, updated_at = ? "
				+ "WHERE id = ? AND status = 'DRAFT'" + (expected == null ? "" : " AND outline_revision = " + expected.intValue()))
			.params(Timestamp.from(Instant.now()), id.value())
			.update() == 1;
	}

	/** One line of the outline: a lesson, or a question ({@code lessonId} set for a knowledge check). */
	public record OutlineRow(String id, String kind, String title, String module, QuestionKind questionKind,
			String lessonId, int revision) {
	}

	/** Lessons then questions in order, titles and prompts only. */
	public List<OutlineRow> outline(CourseId id) {
		List<OutlineRow> rows = new ArrayList<>(jdbc
			.sql("SELECT id, title, module, revision FROM lessons WHERE course_id = ? ORDER BY position")
			.param(id.value())
			.query((rs, n) -> new OutlineRow(rs.getString(1), "LESSON", rs.getString(2), rs.getString(3), null, null,
					rs.getInt(4)))
			.list());
		rows.addAll(jdbc
			.sql("SELECT id, prompt, kind, lesson_id, revision FROM questions WHERE course_id = ? ORDER BY position")
			.param(id.value())
			.query((rs, n) -> new OutlineRow(rs.getString(1), rs.getString(4) == null ? "QUESTION" : "KNOWLEDGE_CHECK",
					rs.getString(2), null, QuestionKind.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5)))
			.list());
		return rows;
	}

	public void insertLesson(CourseId course, int position, Lesson lesson, int revision) {
		jdbc.sql("INSERT INTO lessons (id, course_id, position, title, markdown, sources, module, revision) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(lesson.id(), course.value(), position, lesson.title(), lesson.markdown(),
					lesson.sources().isEmpty() ? null : json.writeValueAsString(lesson.sources()), lesson.module(), revision)
			.update();
	}

	public void insertElementQuestion(CourseId course, String lessonId, int position, Question question, int revision) {
		insertQuestion(course, lessonId, position, question, revision);
	}

	/** Puts lessons in this order (ids of this course), and sets each one's module. */
	public void orderLessons(CourseId course, List<String> ids, Map<String, String> modules) {
		for (int i = 0; i < ids.size(); i++) {
			jdbc.sql("UPDATE lessons SET position = ?, module = ? WHERE course_id = ? AND id = ?")
				.params(i, modules.get(ids.get(i)), course.value(), ids.get(i))
				.update();
		}
	}

	/** Puts questions in this order under a lesson (knowledge checks) or in the final quiz ({@code lessonId} null). */
	public void orderQuestions(CourseId course, String lessonId, List<String> ids) {
		for (int i = 0; i < ids.size(); i++) {
			jdbc.sql("UPDATE questions SET position = ?, lesson_id = ? WHERE course_id = ? AND id = ?")
				.params(i, lessonId, course.value(), ids.get(i))
				.update();
		}
	}

	public void deleteLesson(CourseId course, String lessonId) {
		jdbc.sql("DELETE FROM questions WHERE course_id = ? AND lesson_id = ?").params(course.value(), lessonId).update();
		jdbc.sql("DELETE FROM lessons WHERE course_id = ? AND id = ?").params(course.value(), lessonId).update();
	}

	public void deleteQuestion(CourseId course, String questionId) {
		jdbc.sql("DELETE FROM questions WHERE course_id = ? AND id = ?").params(course.value(), questionId).update();
	}

	/** Saves the course's own fields (not its lessons or questions) if its settings revision is still {@code expected}. */
	public boolean saveSettings(CourseId id, int expected, CourseContent content) {
		QuizSettings settings = content.quiz().settings();
		return jdbc
			.sql("UPDATE courses SET title = ?, description = ?, pass_mark = ?, objectives = ?, risk_tier = ?, tier_reason = ?, "
					+ "attempt_limit = ?, time_limit_minutes = ?, draw_count = ?, shuffle_options = ?, answers_shown = ?, "
					+ "revision = revision + 1, settings_revision = settings_revision + 1, updated_at = ? "
					+ "WHERE id = ? AND settings_revision = ? AND status = 'DRAFT'")
			.params(content.title(), content.description(), content.quiz().passMark(),
					json.writeValueAsString(content.objectives()), content.riskTier().name(), content.tierReason(),
					settings.attemptLimit(), settings.timeLimitMinutes(), settings.drawCount(), settings.shuffleOptions(),
					settings.answersShown().name(), Timestamp.from(Instant.now()), id.value(), expected)
			.update() == 1;
	}

	/** Renames a module: every lesson under {@code from} (null: lessons without a module) goes under {@code to}. */
	public int renameModule(CourseId course, String from, String to) {
		return from == null
				? jdbc.sql("UPDATE lessons SET module = ? WHERE course_id = ? AND module IS NULL").params(to, course.value()).update()
				: jdbc.sql("UPDATE lessons SET module = ? WHERE course_id = ? AND module = ?").params(to, course.value(), from).update();
	}

	/** The outline revision in which this element was last moved, or null when it never was. */
	public Integer movedIn(CourseId course, String elementId) {
		Integer lesson = jdbc.sql("SELECT moved_in FROM lessons WHERE course_id = ? AND id = ?")
			.params(course.value(), elementId)
			.query((rs, n) -> rs.getObject(1, Integer.class))
			.optional()
			.orElse(null);
		if (lesson != null) {
			return lesson;
		}
		return jdbc.sql("SELECT moved_in FROM questions WHERE course_id = ? AND id = ?")
			.params(course.value(), elementId)
			.query((rs, n) -> rs.getObject(1, Integer.class))
			.optional()
			.orElse(null);
	}

	/** Notes that the element was moved in the course's current outline revision. */
	public void markMoved(CourseId course, String elementId) {
		for (String table : List.of("lessons", "questions")) {
			jdbc.sql("UPDATE " + table + " SET moved_in = (SELECT outline_revision FROM courses WHERE id = ?) "
					+ "WHERE course_id = ? AND id = ?")
				.params(course.value(), course.value(), elementId)
				.update();
		}
	}
}
