package io.stride.media.web;

import java.util.List;
import java.util.Map;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.stride.media.CourseMedia;
import io.stride.media.MediaInLessons;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A course's images and videos for its editors ({@code /courses/{id}/media}): each with its thumbnail, alt text
 * (changed here, and in the draft's lessons), size and where it is shown, and deleted after a confirmation only when
 * nothing shows it.
 */
@Controller
class CourseMediaPage {

	private final CourseMedia media;

	private final MediaInLessons inLessons;

	private final Authoring authoring;

	CourseMediaPage(CourseMedia media, MediaInLessons inLessons, Authoring authoring) {
		this.media = media;
		this.inLessons = inLessons;
		this.authoring = authoring;
	}

	@GetMapping("/courses/{id}/media")
	String list(Viewer me, @PathVariable String id, Model model) {
		return page(me, new CourseId(id), model, null, Map.of(), null);
	}

	@PostMapping("/courses/{id}/media/{mediaId}/alt")
	String describe(Viewer me, @PathVariable String id, @PathVariable String mediaId,
			@RequestParam(name = "alt", required = false) String alt,
			@RequestParam(name = "decorative", required = false) boolean decorative, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		MediaInLessons.Described described;
		try {
			described = inLessons.describe(me, new CourseId(id), mediaId, alt, decorative);
		}
		catch (InvalidInputException invalid) {
			response.setStatus(422);
			model.addAttribute("altTyped", alt);
			return page(me, new CourseId(id), model, mediaId, invalid.fieldErrors(), null);
		}
		StringBuilder notice = new StringBuilder(decorative ? "Marked as decoration" : "Alt text saved");
		if (!described.lessonsChanged().isEmpty()) {
			notice.append(", and put in ").append(titles(described.lessonsChanged()));
		}
		notice.append('.');
		if (!described.lessonsKept().isEmpty()) {
			notice.append(" These lessons keep their text (").append(described.whyKept()).append("): ")
				.append(titles(described.lessonsKept())).append('.');
		}
		redirect.addFlashAttribute("notice", notice.toString());
		return "redirect:/courses/" + id + "/media#media-" + mediaId;
	}

	@GetMapping("/courses/{id}/media/{mediaId}/delete")
	String confirmDelete(Viewer me, @PathVariable String id, @PathVariable String mediaId, Model model) {
		return confirmation(me, new CourseId(id), mediaId, model, null);
	}

	@PostMapping("/courses/{id}/media/{mediaId}/delete")
	String delete(Viewer me, @PathVariable String id, @PathVariable String mediaId, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		String name = inLessons.one(me, new CourseId(id), mediaId).item().fileName();
		try {
			media.delete(me, new CourseId(id), mediaId);
		}
		catch (ConflictException stillShown) {
			response.setStatus(409);
			return confirmation(me, new CourseId(id), mediaId, model, stillShown.getMessage());
		}
		redirect.addFlashAttribute("notice", "Deleted " + name + ".");
		return "redirect:/courses/" + id + "/media";
	}

	private String confirmation(Viewer me, CourseId id, String mediaId, Model model, String problem) {
		Course course = authoring.editable(me, id);
		model.addAttribute("course", course);
		model.addAttribute("placed", inLessons.one(me, id, mediaId));
		model.addAttribute("problem", problem);
		return "media/delete";
	}

	private String page(Viewer me, CourseId id, Model model, String invalidId, Map<String, String> errors,
			String problem) {
		Course course = authoring.editable(me, id);
		model.addAttribute("course", course);
		model.addAttribute("files", inLessons.inCourse(me, id));
		model.addAttribute("invalidId", invalidId);
		model.addAttribute("errors", errors);
		if (problem != null) {
			model.addAttribute("problem", problem);
		}
		return "media/course-media";
	}

	private static String titles(List<MediaInLessons.Use> uses) {
		return String.join(", ", uses.stream().map(u -> "“" + u.lessonTitle() + "”").toList());
	}
}
