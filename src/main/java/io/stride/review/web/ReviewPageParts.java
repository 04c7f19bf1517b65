package io.stride.review.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.authoring.Course;
import io.stride.authoring.CourseStandards;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.review.ReviewCase;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Pieces shared by the review page and the author's view of review threads. */
@Component
public class ReviewPageParts {

	private final Organization organization;

	private final CourseStandards standards;

	ReviewPageParts(Organization organization, CourseStandards standards) {
		this.organization = organization;
		this.standards = standards;
	}

	public record Thread(ReviewCase.ReviewComment first, List<ReviewCase.ReviewComment> replies) {
	}

	/** Threads of the case's version, open ones first, and the names of who wrote them. */
	public void threads(Model model, ReviewCase reviewCase) {
		Map<String, Thread> byId = new LinkedHashMap<>();
		for (ReviewCase.ReviewComment c : reviewCase.comments()) {
			if (c.parentId() == null) {
				byId.put(c.id(), new Thread(c, new ArrayList<>()));
			}
		}
		for (ReviewCase.ReviewComment c : reviewCase.comments()) {
			if (c.parentId() != null && byId.containsKey(c.parentId())) {
				byId.get(c.parentId()).replies().add(c);
			}
		}
		List<Thread> threads = new ArrayList<>(byId.values());
		threads.sort(Comparator.comparing((Thread t) -> t.first().resolved()));
		model.addAttribute("threads", threads);
		Map<String, String> names = new HashMap<>();
		reviewCase.comments().forEach(c -> names.computeIfAbsent(c.authorId(), this::name));
		model.addAttribute("commentNames", names);
	}

	public String name(String personId) {
		try {
			return organization.viewerOf(new PersonId(personId)).name();
		}
		catch (RuntimeException gone) {
			return "(former member)";
		}
	}

	/** The course checked against its template (the lint findings reviewers see). */
	public CourseStandards.Check templateCheck(Course course) {
		return standards.check(course);
	}
}
