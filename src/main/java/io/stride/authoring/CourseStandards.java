package io.stride.authoring;

import java.util.List;

import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.standards.CourseTemplate;
import io.stride.standards.CourseToCheck;
import io.stride.standards.Finding;
import io.stride.standards.Templates;
import org.springframework.stereotype.Service;

/**
 * Courses and their templates: which template a course is checked against, who may choose it, and what the check
 * finds. The template module knows courses only by id; the course rules (who may see or edit one) apply here.
 */
@Service
public class CourseStandards {

	private final Authoring authoring;

	private final Templates templates;

	CourseStandards(Authoring authoring, Templates templates) {
		this.authoring = authoring;
		this.templates = templates;
	}

	/** A course's template and what checking the course against it found. */
	public record Check(CourseTemplate template, List<Finding> findings) {
	}

	/** The template chosen for a course the viewer may see; the default when none was chosen. */
	public CourseTemplate templateOf(Viewer viewer, CourseId id) {
		authoring.course(viewer, id);
		return templates.templateFor(id.value());
	}

	/** Chooses the template of a draft course the viewer may edit. */
	public void choose(Viewer editor, CourseId id, String templateId) {
		Course course = authoring.editable(editor, id);
		if (!course.isEditable()) {
			throw new ConflictException("The template can be changed while the course is a draft.");
		}
		templates.choose(id.value(), templateId);
	}

	/** A course the viewer may see, checked against its template. */
	public Check check(Viewer viewer, CourseId id) {
		return check(authoring.course(viewer, id));
	}

	/** A course the caller has already read (and may show, as a reviewer may), checked against its template. */
	public Check check(Course course) {
		CourseTemplate template = templates.templateFor(course.id().value());
		return new Check(template, templates.findings(template, toCheck(course.content())));
	}

	/** What a template looks at in a course's content, also for content not saved yet (the builder's form). */
	public static CourseToCheck toCheck(CourseContent content) {
		return new CourseToCheck(content.title(), content.description(), content.objectives(),
				content.lessons().stream().map(lesson -> new CourseToCheck.Lesson(lesson.title(), lesson.markdown())).toList(),
				content.quiz().questions().size(),
				content.lessons().stream().mapToInt(lesson -> lesson.knowledgeChecks().size()).sum());
	}
}
