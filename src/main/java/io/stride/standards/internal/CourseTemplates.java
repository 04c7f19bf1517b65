package io.stride.standards.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stride.shared.Retry;
import io.stride.standards.AccessibilityRule;
import io.stride.standards.CourseTemplate;
import io.stride.standards.RequiredPart;
import io.stride.standards.TemplateContent;
import io.stride.standards.ToneTerm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Templates and the choices of template for courses and drafts, in plain SQL that runs on H2 and PostgreSQL.
 */
@Repository
public class CourseTemplates {

	private static final String COLUMNS = "id, name, description, requires_objectives, requires_summary, requires_quiz, "
			+ "min_questions, max_questions, max_lesson_words, max_course_words, tone_terms, images_need_alt, "
			+ "descriptive_links, heading_order, no_all_caps, table_headers, is_default, revision, updated_at";

	private static final TypeReference<List<ToneTerm>> TERMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public CourseTemplates(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public List<CourseTemplate> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM course_templates ORDER BY LOWER(name), id").query(this::template).list();
	}

	public Optional<CourseTemplate> find(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM course_templates WHERE id = ?").param(id).query(this::template).optional();
	}

	/** The default, or should no row be flagged (the application never leaves it so), the first by name. */
	public Optional<CourseTemplate> findDefault() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM course_templates ORDER BY is_default DESC, LOWER(name), id LIMIT 1")
			.query(this::template)
			.optional();
	}

	public boolean nameTaken(String name, String exceptId) {
		return jdbc.sql("SELECT COUNT(*) FROM course_templates WHERE LOWER(name) = LOWER(?) AND id <> ?")
			.params(name, exceptId == null ? "" : exceptId)
			.query(Integer.class)
			.single() > 0;
	}

	public int count() {
		return jdbc.sql("SELECT COUNT(*) FROM course_templates").query(Integer.class).single();
	}

	public void insert(String id, TemplateContent content) {
		jdbc.sql("INSERT INTO course_templates (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, content.name(), content.description(), has(content.requiredParts(), RequiredPart.OBJECTIVES),
					has(content.requiredParts(), RequiredPart.SUMMARY), has(content.requiredParts(), RequiredPart.KNOWLEDGE_CHECK),
					content.minQuestions(), content.maxQuestions(), content.maxLessonWords(), content.maxCourseWords(),
					json.writeValueAsString(content.toneTerms()),
					has(content.accessibilityRules(), AccessibilityRule.IMAGES_NEED_ALT_TEXT),
					has(content.accessibilityRules(), AccessibilityRule.DESCRIPTIVE_LINK_TEXT),
					has(content.accessibilityRules(), AccessibilityRule.NO_SKIPPED_HEADING_LEVELS),
					has(content.accessibilityRules(), AccessibilityRule.NO_EMPHASIS_BY_CAPITALS),
					has(content.accessibilityRules(), AccessibilityRule.TABLES_NEED_HEADER_ROW), false, 1, now())
			.update();
	}

	/** Saves the content if nobody saved since {@code revision}; answers whether it did. */
	public boolean update(String id, int revision, TemplateContent content) {
		return jdbc.sql("UPDATE course_templates SET name = ?, description = ?, requires_objectives = ?, requires_summary = ?, "
				+ "requires_quiz = ?, min_questions = ?, max_questions = ?, max_lesson_words = ?, max_course_words = ?, "
				+ "tone_terms = ?, images_need_alt = ?, descriptive_links = ?, heading_order = ?, no_all_caps = ?, "
				+ "table_headers = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?")
			.params(content.name(), content.description(), has(content.requiredParts(), RequiredPart.OBJECTIVES),
					has(content.requiredParts(), RequiredPart.SUMMARY), has(content.requiredParts(), RequiredPart.KNOWLEDGE_CHECK),
					content.minQuestions(), content.maxQuestions(), content.maxLessonWords(), content.maxCourseWords(),
					json.writeValueAsString(content.toneTerms()),
					has(content.accessibilityRules(), AccessibilityRule.IMAGES_NEED_ALT_TEXT),
					has(content.accessibilityRules(), AccessibilityRule.DESCRIPTIVE_LINK_TEXT),
					has(content.accessibilityRules(), AccessibilityRule.NO_SKIPPED_HEADING_LEVELS),
					has(content.accessibilityRules(), AccessibilityRule.NO_EMPHASIS_BY_CAPITALS),
					has(content.accessibilityRules(), AccessibilityRule.TABLES_NEED_HEADER_ROW), now(), id, revision)
			.update() == 1;
	}

	/**
	 * Deletes a template unless it is the default; courses and drafts that chose it fall back to the default. Call
	 * in a transaction: when the template turns out to be the default, the caller throws and nothing is deleted.
	 */
	public boolean deleteUnlessDefault(String id) {
		jdbc.sql("DELETE FROM course_template_choice WHERE template_id = ?").param(id).update();
		jdbc.sql("DELETE FROM draft_template_choice WHERE template_id = ?").param(id).update();
		return jdbc.sql("DELETE FROM course_templates WHERE id = ? AND is_default = ?").params(id, false).update() == 1;
	}

	/**
	 * Makes this template the only default. The first statement writes (and so locks) every row, so two admins
	 * making different defaults at once end with one default, the later one.
	 */
	public boolean makeDefault(String id) {
		jdbc.sql("UPDATE course_templates SET is_default = ?").param(false).update();
		return jdbc.sql("UPDATE course_templates SET is_default = ? WHERE id = ?").params(true, id).update() == 1;
	}

	/** Call outside a transaction: a lost insert race is retried, which PostgreSQL allows only then. */
	public void chooseForCourse(String courseId, String templateId) {
		Retry.onDuplicateKey(() -> {
			if (jdbc.sql("UPDATE course_template_choice SET template_id = ? WHERE course_id = ?")
				.params(templateId, courseId)
				.update() == 0) {
				jdbc.sql("INSERT INTO course_template_choice (course_id, template_id) VALUES (?, ?)")
					.params(courseId, templateId)
					.update();
			}
			return null;
		});
	}

	public Optional<String> chosenForCourse(String courseId) {
		return jdbc.sql("SELECT template_id FROM course_template_choice WHERE course_id = ?")
			.param(courseId)
			.query(String.class)
			.optional();
	}

	/** Call outside a transaction, like {@link #chooseForCourse}. */
	public void chooseForDraft(String draftId, String templateId) {
		Retry.onDuplicateKey(() -> {
			if (jdbc.sql("UPDATE draft_template_choice SET template_id = ?, chosen_at = ? WHERE draft_id = ?")
				.params(templateId, now(), draftId)
				.update() == 0) {
				jdbc.sql("INSERT INTO draft_template_choice (draft_id, template_id, chosen_at) VALUES (?, ?, ?)")
					.params(draftId, templateId, now())
					.update();
			}
			return null;
		});
	}

	public Optional<String> chosenForDraft(String draftId) {
		return jdbc.sql("SELECT template_id FROM draft_template_choice WHERE draft_id = ?")
			.param(draftId)
			.query(String.class)
			.optional();
	}

	public int coursesChoosing(String templateId) {
		return jdbc.sql("SELECT COUNT(*) FROM course_template_choice WHERE template_id = ?")
			.param(templateId)
			.query(Integer.class)
			.single();
	}

	public int forgetDraftChoices(Instant before) {
		return jdbc.sql("DELETE FROM draft_template_choice WHERE chosen_at < ?").param(Timestamp.from(before)).update();
	}

	private CourseTemplate template(ResultSet rs, int row) throws SQLException {
		Set<RequiredPart> parts = EnumSet.noneOf(RequiredPart.class);
		if (rs.getBoolean("requires_objectives")) {
			parts.add(RequiredPart.OBJECTIVES);
		}
		if (rs.getBoolean("requires_summary")) {
			parts.add(RequiredPart.SUMMARY);
		}
		if (rs.getBoolean("requires_quiz")) {
			parts.add(RequiredPart.KNOWLEDGE_CHECK);
		}
		Set<AccessibilityRule> rules = EnumSet.noneOf(AccessibilityRule.class);
		if (rs.getBoolean("images_need_alt")) {
			rules.add(AccessibilityRule.IMAGES_NEED_ALT_TEXT);
		}
		if (rs.getBoolean("descriptive_links")) {
			rules.add(AccessibilityRule.DESCRIPTIVE_LINK_TEXT);
		}
		if (rs.getBoolean("heading_order")) {
			rules.add(AccessibilityRule.NO_SKIPPED_HEADING_LEVELS);
		}
		if (rs.getBoolean("no_all_caps")) {
			rules.add(AccessibilityRule.NO_EMPHASIS_BY_CAPITALS);
		}
		if (rs.getBoolean("table_headers")) {
			rules.add(AccessibilityRule.TABLES_NEED_HEADER_ROW);
		}
		return new CourseTemplate(rs.getString("id"), rs.getString("name"), rs.getString("description"), parts,
				integer(rs, "max_lesson_words"), integer(rs, "max_course_words"), rs.getInt("min_questions"),
				integer(rs, "max_questions"), json.readValue(rs.getString("tone_terms"), TERMS), rules,
				rs.getBoolean("is_default"), rs.getInt("revision"), rs.getTimestamp("updated_at").toInstant());
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static boolean has(Set<?> set, Object element) {
		return set.contains(element);
	}

	private static Timestamp now() {
		return Timestamp.from(Instant.now());
	}
}
