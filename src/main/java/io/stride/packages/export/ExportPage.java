package io.stride.packages.export;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /courses/{id}/export}: the course's editors, L&D and admins choose a format, the version and whether the
 * quiz goes with it, and download the package. The form is a GET: downloading changes nothing.
 */
@Controller
class ExportPage {

	private final CourseExport export;

	ExportPage(CourseExport export) {
		this.export = export;
	}

	/** What the form sends back, shown again when it is refused. */
	record ExportForm(String format, String version, boolean quiz) {
	}

	@GetMapping("/courses/{id}/export")
	String page(Viewer viewer, @PathVariable String id, Model model) {
		CourseExport.Choices choices = export.choices(viewer, new CourseId(id));
		return page(choices, new ExportForm("scorm12", choices.live() ? "live" : "draft", true), Map.of(), model);
	}

	@GetMapping("/courses/{id}/export/download")
	ModelAndView download(Viewer viewer, @PathVariable String id, @RequestParam(required = false) String format,
			@RequestParam(required = false) String version, @RequestParam(defaultValue = "false") boolean quiz,
			Model model, HttpServletResponse response) throws IOException {
		CourseId courseId = new CourseId(id);
		CourseExport.Exported exported;
		try {
			exported = export.export(viewer, courseId, ExportFormat.of(format), CourseExport.Version.of(version), quiz);
		}
		catch (InvalidInputException invalid) {
			response.setStatus(422);
			return new ModelAndView(page(export.choices(viewer, courseId), new ExportForm(format, version, quiz),
					invalid.fieldErrors(), model), model.asMap());
		}
		// written here rather than returned: the same method shows the page again when the choice is refused
		ExportDownload.of(exported).getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
		response.setContentType("application/zip");
		response.setContentLength(exported.zip().length);
		response.getOutputStream().write(exported.zip());
		return null;
	}

	private static String page(CourseExport.Choices choices, ExportForm form, Map<String, String> errors,
			Model model) {
		model.addAttribute("course", choices.course());
		model.addAttribute("choices", choices);
		model.addAttribute("formats", Arrays.asList(ExportFormat.values()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "packages/export";
	}
}
