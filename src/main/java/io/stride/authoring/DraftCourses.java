package io.stride.authoring;

import java.util.ArrayList;
import java.util.List;

import io.stride.drafting.Drafting;
import io.stride.identity.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the courses a kept draft becomes ({@link CourseFromDraft#plan}), all or none, each with the template the
 * author chose.
 */
@Service
@Transactional
public class DraftCourses {

	private final Drafting drafting;

	private final Authoring authoring;

	private final CourseStandards standards;

	DraftCourses(Drafting drafting, Authoring authoring, CourseStandards standards) {
		this.drafting = drafting;
		this.authoring = authoring;
		this.standards = standards;
	}

	/** The courses made from one draft, in order, and what the author should know about them. */
	public record Created(List<Course> courses, List<String> notes) {

		public Created {
			courses = List.copyOf(courses);
			notes = List.copyOf(notes);
		}
	}

	/** The author's kept draft as one course, or several when it is too big for one; {@code templateId} may be null. */
	public Created create(Viewer author, String draftId, String templateId) {
		Drafting.SavedDraft draft = drafting.kept(author, draftId);
		CourseFromDraft.Plan plan = CourseFromDraft.plan(draft.draft());
		List<Course> courses = new ArrayList<>();
		for (CourseFromDraft.Part part : plan.parts()) {
			Course course = authoring.create(author, part.content());
			if (templateId != null) {
				standards.choose(author, course.id(), templateId);
			}
			courses.add(course);
		}
		return new Created(courses, plan.notes());
	}
}
