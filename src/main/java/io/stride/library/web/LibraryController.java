package io.stride.library.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.analytics.course.ComponentAnalytics;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.Reuse;
import io.stride.identity.Viewer;
import io.stride.library.Component;
import io.stride.library.ComponentKind;
import io.stride.library.ComponentPage;
import io.stride.library.ComponentQuery;
import io.stride.library.Library;
import io.stride.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The library page (a GET form, so a search is a link) and a component's page with "Reuse in my course…". */
@Controller
class LibraryController {

	private final Library library;

	private final Reuse reuse;

	private final ComponentAnalytics figures;

	LibraryController(Library library, Reuse reuse, ComponentAnalytics figures) {
		this.library = library;
		this.reuse = reuse;
		this.figures = figures;
	}

	@GetMapping("/library")
	String library(Viewer me, LibraryParams params, Model model, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		ComponentPage result;
		try {
			result = library.search(me, params.query());
		}
		catch (InvalidInputException e) {
			// the search is not run: its errors are said, and no list stands there as if it were its answer
			response.setStatus(422);
			errors.putAll(e.fieldErrors());
			result = new ComponentPage(List.of(), 1, ComponentQuery.PAGE_SIZE, 0, 0);
			model.addAttribute("searchProblem", String.join(" ", e.fieldErrors().values()));
		}
		model.addAttribute("params", params);
		model.addAttribute("errors", errors);
		model.addAttribute("result", result);
		model.addAttribute("kinds", library.mayReadQuestions(me) ? List.of(ComponentKind.values())
				: List.of(ComponentKind.LESSON, ComponentKind.MODULE));
		model.addAttribute("capabilities", library.capabilities());
		model.addAttribute("teams", library.teams());
		model.addAttribute("authors", library.authors());
		model.addAttribute("sorts", ComponentQuery.Sort.values());
		model.addAttribute("showToLearners", me.isAdmin() ? reuse.shownToLearners() : null);
		if (result.page() > 1) {
			model.addAttribute("previous", pageLink(params, result.page() - 1));
		}
		if (result.page() < result.pages()) {
			model.addAttribute("next", pageLink(params, result.page() + 1));
		}
		return "library/library";
	}

	@PostMapping("/library/settings")
	String settings(Viewer me, @RequestParam(required = false) String showToLearners, RedirectAttributes redirect) {
		boolean shown = "true".equals(showToLearners);
		reuse.showToLearners(me, shown);
		redirect.addFlashAttribute("notice", shown ? "Learners now see where reused parts come from."
				: "Learners no longer see where reused parts come from.");
		return "redirect:/library";
	}

	@GetMapping("/library/components/{id}")
	String component(Viewer me, @PathVariable String id, Model model) {
		Component component = library.component(me, id);
		fill(model, me, component);
		model.addAttribute("errors", Map.of());
		return "library/component";
	}

	@PostMapping("/library/components/{id}/reuse")
	String reuse(Viewer me, @PathVariable String id, @RequestParam(required = false) String courseId,
			@RequestParam(required = false) String mode, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Component component = library.component(me, id);
		try {
			if (courseId == null || courseId.isBlank()) {
				throw new InvalidInputException("courseId", "Choose one of your drafts.");
			}
			List<String> ids = library.reuse(me, new CourseId(courseId.strip()), id, mode, null, null);
			redirect.addFlashAttribute("notice", "“" + component.title() + "” was added to your draft "
					+ ("LINKED".equalsIgnoreCase(mode) ? "as a linked part." : "as your own copy.")
					+ (ids.size() > 1 ? " " + ids.size() + " elements came along." : ""));
			// the editor opens at the part just added, so the author sees it in place
			if (!ids.isEmpty()) {
				redirect.addAttribute("element", ids.get(0));
			}
			return "redirect:/courses/" + courseId.strip() + "/edit";
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			fill(model, me, component);
			model.addAttribute("errors", e.fieldErrors());
			// what the course's rules refuse (too many lessons, say) has no field on this page: said above the button
			model.addAttribute("reuseProblem", e.fieldErrors().entrySet().stream()
				.filter(f -> !List.of("courseId", "mode", "componentId", "position").contains(f.getKey()))
				.map(Map.Entry::getValue)
				.reduce((a, b) -> a + " " + b)
				.orElse(null));
			model.addAttribute("chosenCourse", courseId);
			model.addAttribute("chosenMode", mode);
			return "library/component";
		}
	}

	private void fill(Model model, Viewer me, Component component) {
		Course source = library.sourceOf(me, component);
		model.addAttribute("component", component);
		model.addAttribute("lessons", lessons(source, component));
		model.addAttribute("question", question(source, component));
		model.addAttribute("uses", library.uses(me, component));
		model.addAttribute("drafts", library.drafts(me));
		model.addAttribute("mayReadFigures", figures.mayRead(me, component.id()));
	}

	private static List<Lesson> lessons(Course source, Component c) {
		return switch (c.kind()) {
			case LESSON -> source.lesson(c.id()).map(List::of).orElse(List.of());
			case MODULE -> source.lessons().stream().filter(l -> c.moduleName().equals(l.module())).toList();
			default -> List.of();
		};
	}

	private static Question question(Course source, Component c) {
		return switch (c.kind()) {
			case QUESTION -> source.question(c.id()).orElse(null);
			case KNOWLEDGE_CHECK -> source.knowledgeCheck(c.id()).orElse(null);
			default -> null;
		};
	}

	private static String pageLink(LibraryParams p, int page) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/library");
		Map<String, String> values = new LinkedHashMap<>();
		values.put("q", p.q());
		values.put("kind", p.kind());
		values.put("capability", p.capability());
		values.put("author", p.author());
		values.put("team", p.team());
		values.put("minScore", p.minScore());
		values.put("sort", p.sort());
		values.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				link.queryParam(name, value);
			}
		});
		return link.queryParam("page", page).encode().build().toUriString();
	}
}
