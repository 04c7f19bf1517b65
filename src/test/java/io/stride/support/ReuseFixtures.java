package io.stride.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Quiz;
import io.stride.authoring.RiskTier;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Courses made partly of parts reused from another course, with the {@code element_origins} rows the library's reuse
 * writes put in directly (this slice reads them; the library writes them).
 *
 * <pre>
 * source:  Fixtures.sampleCourse: lessons "Spot it", "Report it"; quiz "Report within?", "Which are steps?"
 * reusing: lessons "Our opening" (its own), "Spot it" (LINKED, as in the source),
 *          "Report it" (COPIED, then a paragraph added); quiz "Report within?" (LINKED, as in the source),
 *          "Who do you tell?" (its own)
 * </pre>
 */
@Component
public class ReuseFixtures {

	public static final String ADDED_PARAGRAPH = "Ask the caller for a reference number.";

	private final Authoring authoring;

	private final JdbcClient jdbc;

	ReuseFixtures(Authoring authoring, JdbcClient jdbc) {
		this.authoring = authoring;
		this.jdbc = jdbc;
	}

	/** A published course to take parts from. */
	public Course source(Viewer author, String title) {
		Course draft = authoring.create(author, Fixtures.sampleCourse(title));
		return authoring.publish(author, draft.id(), draft.revision());
	}

	/** A draft made of its own parts and parts of {@code source}'s published version, with their origins recorded. */
	public Course reusing(Viewer author, Course source, String title, RiskTier tier) {
		Lesson spot = source.lessons().get(0);
		Lesson report = source.lessons().get(1);
		Question within = source.quiz().questions().get(0);
		CourseContent content = new CourseContent(title, "Handling incidents, our way.",
				List.of(new Lesson(null, "Our opening", "We start with the numbers.\n\nThen the story."),
						new Lesson(null, spot.title(), spot.markdown(), spot.sources()),
						new Lesson(null, report.title(), report.markdown() + "\n\n" + ADDED_PARAGRAPH, report.sources())),
				new Quiz(50, List.of(within.withId(null),
						new Question(null, QuestionKind.SINGLE_CHOICE, "Who do you tell?", List.of("Your manager", "Nobody"),
								List.of(0), "Always your manager."))))
			.withTier(tier, "as chosen");
		Course course = authoring.create(author, content);
		origin(course, course.lessons().get(1).id(), "LESSON", source, spot.id(), "LINKED", author.id());
		origin(course, course.lessons().get(2).id(), "LESSON", source, report.id(), "COPIED", author.id());
		origin(course, course.quiz().questions().get(0).id(), "QUESTION", source, within.id(), "LINKED", author.id());
		return authoring.course(author, course.id());
	}

	/** Records that an element of {@code course} was taken from an element of {@code source}'s live version. */
	public void origin(Course course, String elementId, String kind, Course source, String sourceElementId, String mode,
			PersonId by) {
		int version = source.liveVersion() == null ? source.version() : source.liveVersion();
		jdbc.sql("INSERT INTO element_origins (course_id, element_id, element_kind, source_course_id, source_element_id, "
				+ "source_version, mode, reused_by, reused_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(course.id().value(), elementId, kind, source.id().value(), sourceElementId, version, mode, by.value(),
					Timestamp.from(Instant.now()))
			.update();
	}

	/** What accepting a linked part's update records: it now follows that version of its source. */
	public void followVersion(Course course, String elementId, int version) {
		jdbc.sql("UPDATE element_origins SET source_version = ? WHERE course_id = ? AND element_id = ?")
			.params(version, course.id().value(), elementId)
			.update();
	}
}
