package io.stride.authoring.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.authoring.OutlineElement;
import io.stride.authoring.Question;
import io.stride.authoring.Reuse;
import io.stride.shared.web.PagePart;
import org.springframework.stereotype.Component;

/**
 * Where reused parts come from, on pages other modules own: the course page (its editors: provenance, updates with
 * their diff, detach), the review case (reviewers: provenance), the outline editor (beside the element being edited) and the lesson
 * player (learners, when the organization shows it). Their templates include {@code courses/reused-parts}.
 */
@Component
class ReusedPartsOnPages implements PagePart {

	private final Reuse reuse;

	ReusedPartsOnPages(Reuse reuse) {
		this.reuse = reuse;
	}

	@Override
	public Set<String> views() {
		return Set.of("courses/assign", "reviews/case", "courses/editor", "learning/lesson");
	}

	@Override
	public void fillIn(String view, Map<String, Object> model) {
		if (!(model.get("course") instanceof Course course)) {
			return;
		}
		switch (view) {
			case "courses/assign" -> {
				if (Boolean.TRUE.equals(model.get("editable"))) {
					model.put("reusedParts", rows(course, reuse.provenance(course.id())));
					model.put("componentUpdates", reuse.updatesOf(course.id()));
				}
			}
			case "reviews/case" -> model.put("reusedParts", rows(course, reuse.provenance(course.id())));
			case "learning/lesson" -> {
				if (model.get("lesson") instanceof Lesson lesson) {
					var origin = reuse.provenanceForLearners(course.id()).get(lesson.id());
					if (origin != null) {
						model.put("lessonOrigin", origin);
					}
				}
			}
			default -> {
				model.put("reusedOrigins", reuse.provenance(course.id()));
				editorParts(course, model);
			}
		}
	}

	/**
	 * The outline editor's: the updates waiting (by each element they cover, for the outline's markers and the element
	 * shown) and where "Insert from library" puts a part: after the lesson shown (or the lesson of the check
	 * shown), a module after that lesson's module.
	 */
	private void editorParts(Course course, Map<String, Object> model) {
		if (!course.isEditable()) {
			return;
		}
		Map<String, Reuse.Update> waiting = reuse.updatesByElement(course.id());
		model.put("waitingUpdates", waiting);
		if (!(model.get("element") instanceof OutlineElement element)) {
			return;
		}
		if (waiting.containsKey(element.id())) {
			model.put("elementUpdate", waiting.get(element.id()));
		}
		String lessonId = "LESSON".equals(element.kind()) ? element.id() : element.lessonId();
		List<Lesson> lessons = course.lessons();
		for (int i = 0; i < lessons.size(); i++) {
			if (lessons.get(i).id().equals(lessonId)) {
				String module = lessons.get(i).module();
				int end = i;
				while (module != null && end + 1 < lessons.size() && module.equals(lessons.get(end + 1).module())) {
					end++;
				}
				model.put("insertModule", module == null ? "" : module);
				model.put("insertPosition", i + 2);
				model.put("insertModulePosition", end + 2);
				return;
			}
		}
	}

	/** A reused element of the course as its page lists it. */
	record Row(String elementId, String title, String kind, String provenance, boolean linked) {
	}

	private static List<Row> rows(Course course, Map<String, Reuse.Provenance> provenance) {
		List<Row> rows = new ArrayList<>();
		provenance.forEach((id, p) -> {
			String title = course.lesson(id).map(Lesson::title)
				.or(() -> course.question(id).map(Question::prompt))
				.or(() -> course.knowledgeCheck(id).map(Question::prompt))
				.orElse(null);
			if (title != null) {
				String kind = switch (p.origin().elementKind()) {
					case LESSON -> "Lesson";
					case QUESTION -> "Quiz question";
					case KNOWLEDGE_CHECK -> "Knowledge check";
				};
				rows.add(new Row(id, title, kind, p.text(), p.origin().linked()));
			}
		});
		return rows;
	}
}
