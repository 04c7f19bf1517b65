package io.stride.authoring;

import java.util.ArrayList;
import java.util.List;

import io.stride.drafting.Drafting;
import io.stride.identity.Viewer;
import org.springframework.context.ApplicationEventPublisher;
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

	private final CourseEstimates estimates;

	private final ApplicationEventPublisher events;

	DraftCourses(Drafting drafting, Authoring authoring, CourseStandards standards, CourseEstimates estimates,
			ApplicationEventPublisher events) {
		this.events = events;
		this.drafting = drafting;
		this.authoring = authoring;
		this.standards = standards;
		this.estimates = estimates;
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
		long length = plan.parts().stream().mapToLong(DraftCourses::length).sum();
		for (CourseFromDraft.Part part : plan.parts()) {
			Course course = authoring.create(author, part.content());
			// the draft's estimate stays with the course; a draft split into several shares it by the parts' length
			int minutes = length == 0 ? draft.draft().estimatedMinutes() / plan.parts().size()
					: (int) Math.round(draft.draft().estimatedMinutes() * (double) length(part) / length);
			estimates.keep(course.id(), minutes);
			if (templateId != null) {
				standards.choose(author, course.id(), templateId);
			}
			courses.add(course);
		}
		events.publishEvent(new CoursesCreatedFromDraft(draft.id(), author.id(),
				courses.stream().map(Course::id).toList()));
		return new Created(courses, plan.notes());
	}

	private static long length(CourseFromDraft.Part part) {
		return part.content().lessons().stream().mapToLong(lesson -> lesson.markdown().length()).sum();
	}
}
