package io.stride.authoring.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.authoring.AnswersShown;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.CourseId;
import io.stride.authoring.CourseStatus;
import io.stride.authoring.Lesson;
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

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public Courses(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	private record Header(String id, String title, String description, String status, int version, int revision,
			String authorId, int passMark, Instant updatedAt, Instant publishedAt, List<String> objectives, RiskTier tier,
			String tierReason, java.time.LocalDate reviewBy, Integer liveVersion, QuizSettings settings) {
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
		replaceParts(id, content);
	}

	/** Saves only if nobody saved since {@code revision}; answers whether it did. */
	public boolean update(CourseId id, int revision, CourseContent content) {
		QuizSettings settings = content.quiz().settings();
		int updated = jdbc
			.sql("UPDATE courses SET title = ?, description = ?, pass_mark = ?, objectives = ?, risk_tier = ?, tier_reason = ?, "
					+ "attempt_limit = ?, time_limit_minutes = ?, draw_count = ?, shuffle_options = ?, answers_shown = ?, "
					+ "revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ? AND status = 'DRAFT'")
			.params(content.title(), content.description(), content.quiz().passMark(),
					json.writeValueAsString(content.objectives()), content.riskTier().name(), content.tierReason(),
					settings.attemptLimit(), settings.timeLimitMinutes(), settings.drawCount(), settings.shuffleOptions(),
					settings.answersShown().name(), Timestamp.from(Instant.now()), id.value(), revision)
			.update();
		if (updated == 1) {
			replaceParts(id, content);
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

	public java.util.Set<PersonId> editors(CourseId id, int version) {
		return new java.util.HashSet<>(jdbc.sql("SELECT person_id FROM course_editors WHERE course_id = ? AND version = ?")
			.params(id.value(), version)
			.query((rs, n) -> new PersonId(rs.getString(1)))
			.list());
	}

	public boolean publishFromReview(CourseId id, java.time.LocalDate reviewBy) {
		Timestamp now = Timestamp.from(Instant.now());
		return jdbc
			.sql("UPDATE courses SET status = 'PUBLISHED', revision = revision + 1, published_at = ?, updated_at = ?, "
					+ "review_by = ?, live_version = version WHERE id = ? AND status = 'IN_REVIEW'")
			.params(now, now, reviewBy, id.value())
			.update() == 1;
	}

	public boolean publish(CourseId id, int revision, java.time.LocalDate reviewBy) {
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
	public Map<CourseId, io.stride.authoring.RiskTier> tiers(List<CourseId> ids) {
		Map<CourseId, io.stride.authoring.RiskTier> tiers = new HashMap<>();
		if (ids.isEmpty()) {
			return tiers;
		}
		jdbc.sql("SELECT id, risk_tier FROM courses WHERE id IN (:ids)")
			.param("ids", new ArrayList<>(ids.stream().map(CourseId::value).toList()))
			.query(rs -> {
				tiers.put(new CourseId(rs.getString(1)), io.stride.authoring.RiskTier.valueOf(rs.getString(2)));
			});
		return tiers;
	}

	private void replaceParts(CourseId id, CourseContent content) {
		jdbc.sql("DELETE FROM lessons WHERE course_id = ?").param(id.value()).update();
		jdbc.sql("DELETE FROM questions WHERE course_id = ?").param(id.value()).update();
		int position = 0;
		for (Lesson lesson : content.lessons()) {
			String lessonId = lesson.id() == null ? Ids.newId() : lesson.id();
			jdbc.sql("INSERT INTO lessons (id, course_id, position, title, markdown, sources, module) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(lessonId, id.value(), position++, lesson.title(),
						lesson.markdown(), lesson.sources().isEmpty() ? null : json.writeValueAsString(lesson.sources()),
						lesson.module())
				.update();
			int check = 0;
			for (Question question : lesson.knowledgeChecks()) {
				insertQuestion(id, lessonId, check++, question);
			}
		}
		position = 0;
		for (Question question : content.quiz().questions()) {
			insertQuestion(id, null, position++, question);
		}
	}

	private void insertQuestion(CourseId course, String lessonId, int position, Question question) {
		jdbc.sql("INSERT INTO questions (id, course_id, position, kind, prompt, options, correct, explanation, source, "
				+ "scoring, accepted, similarity, numeric_answer, matches, lesson_id) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(question.id() == null ? Ids.newId() : question.id(), course.value(), position,
					question.kind().name(), question.prompt(), json.writeValueAsString(question.options()),
					json.writeValueAsString(question.correct()), question.explanation(),
					question.source() == null ? null : json.writeValueAsString(question.source()),
					question.scoring().name(), question.accepted().isEmpty() ? null : json.writeValueAsString(question.accepted()),
					question.similarity(), question.numeric() == null ? null : json.writeValueAsString(question.numeric()),
					question.matches().isEmpty() ? null : json.writeValueAsString(question.matches()), lessonId)
			.update();
	}

	private Header header(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp published = rs.getTimestamp(10);
		String objectives = rs.getString(11);
		return new Header(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				rs.getInt(6), rs.getString(7), rs.getInt(8), rs.getTimestamp(9).toInstant(),
				published == null ? null : published.toInstant(),
				objectives == null ? List.of() : json.readValue(objectives, STRINGS), RiskTier.valueOf(rs.getString(12)),
				rs.getString(13), rs.getObject(14, java.time.LocalDate.class), (Integer) rs.getObject(15, Integer.class),
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

	private Question question(java.sql.ResultSet rs) throws java.sql.SQLException {
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

	public java.util.Set<CourseId> withQuiz(List<CourseId> ids) {
		java.util.Set<CourseId> result = new java.util.HashSet<>();
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
	public List<io.stride.authoring.LibraryCourse> library(String authorId) {
		String sql = "SELECT c.id, c.title, c.status, c.author_id, c.created_at, v.first_published_at, c.review_by, "
				+ "c.live_version FROM courses c LEFT JOIN (SELECT course_id, MIN(published_at) AS first_published_at "
				+ "FROM course_versions GROUP BY course_id) v ON v.course_id = c.id"
				+ (authorId == null ? "" : " WHERE c.author_id = :author") + " ORDER BY c.title, c.id";
		var statement = jdbc.sql(sql);
		if (authorId != null) {
			statement = statement.param("author", authorId);
		}
		return statement.query((rs, n) -> {
			Timestamp first = rs.getTimestamp(6);
			return new io.stride.authoring.LibraryCourse(new CourseId(rs.getString(1)), rs.getString(2),
					CourseStatus.valueOf(rs.getString(3)), new PersonId(rs.getString(4)), rs.getTimestamp(5).toInstant(),
					first == null ? null : first.toInstant(), rs.getObject(7, java.time.LocalDate.class),
					rs.getObject(8, Integer.class));
		}).list();
	}
}
