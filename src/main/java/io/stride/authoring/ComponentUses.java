package io.stride.authoring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.internal.ChangeRows;
import io.stride.shared.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every course that uses a component (a lesson or question of a course, named by its id there): its source course,
 * and each course that reused it, LINKED or COPIED, and copies of those copies, for figures that follow the
 * component. Callers check who may see each course.
 */
@Service
@Transactional(readOnly = true)
public class ComponentUses {

	/** Copies of copies are followed this deep; a chain longer than this is not a real library's. */
	static final int MAX_DEPTH = 5;

	/** At most this many uses are read; a component reused more widely shows its first ones. */
	static final int MAX_USES = 500;

	private final ChangeRows rows;

	ComponentUses(ChangeRows rows) {
		this.rows = rows;
	}

	/**
	 * @param kind LESSON, QUESTION (final quiz) or KNOWLEDGE_CHECK
	 * @param uses the source first, then the courses that took it in the order they did
	 */
	public record Component(String id, String kind, CourseId sourceCourseId, List<Use> uses) {
	}

	/**
	 * One course using the component.
	 * @param elementId the component's id in that course
	 * @param mode SOURCE, LINKED or COPIED
	 * @param takenFrom the course it was taken from (the source, or a copy for a copy of a copy); null for the source
	 */
	public record Use(CourseId courseId, String elementId, String mode, CourseId takenFrom) {
	}

	/**
	 * The component with this id and the courses using it; empty for an unknown id. An id of a reused element names
	 * the component it was taken from.
	 */
	public Optional<Component> component(String id) {
		if (id == null || !Ids.looksValid(id)) {
			return Optional.empty();
		}
		String sourceElement = id;
		String sourceCourse = null;
		String kind = null;
		// climb from a copy to the element it was first taken from
		Set<String> climbed = new HashSet<>();
		for (int i = 0; i < MAX_DEPTH; i++) {
			Optional<ChangeRows.Origin> origin = rows.originOfElement(sourceElement);
			if (origin.isEmpty() || !climbed.add(sourceElement)) {
				break;
			}
			sourceElement = origin.get().sourceElementId();
			sourceCourse = origin.get().sourceCourseId();
			kind = origin.get().kind();
		}
		Optional<ChangeRows.Located> located = rows.locate(sourceElement);
		if (located.isPresent()) {
			sourceCourse = located.get().courseId();
			kind = located.get().kind();
		}
		else if (sourceCourse == null) {
			// an element taken from a course whose working copy has since dropped it is still followed from its copy
			return Optional.empty();
		}
		List<Use> uses = new ArrayList<>();
		uses.add(new Use(new CourseId(sourceCourse), sourceElement, "SOURCE", null));
		Deque<Use> toFollow = new ArrayDeque<>(uses);
		Set<String> seen = new HashSet<>();
		seen.add(sourceCourse + "/" + sourceElement);
		int depth = 0;
		while (!toFollow.isEmpty() && depth++ < MAX_DEPTH && uses.size() < MAX_USES) {
			Deque<Use> next = new ArrayDeque<>();
			for (Use use : toFollow) {
				for (ChangeRows.Origin taken : rows.takenFrom(use.courseId().value(), use.elementId())) {
					if (seen.add(taken.courseId() + "/" + taken.elementId()) && uses.size() < MAX_USES) {
						Use copy = new Use(new CourseId(taken.courseId()), taken.elementId(), taken.mode(), use.courseId());
						uses.add(copy);
						next.add(copy);
					}
				}
			}
			toFollow = next;
		}
		return Optional.of(new Component(sourceElement, kind, new CourseId(sourceCourse), uses));
	}
}
