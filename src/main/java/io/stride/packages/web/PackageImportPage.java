package io.stride.packages.web;

import io.stride.identity.Viewer;
import io.stride.packages.PackageRejected;
import io.stride.packages.cmi5.Cmi5Import;
import io.stride.packages.scorm.ScormImport;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Import a SCORM package" from the course area: the zip becomes a draft course with one lesson per SCO, opened in
 * the editor; a refused package is named with what is wrong, at the file field, and nothing of it is kept.
 */
@Controller
class PackageImportPage {

	private final ScormImport imports;

	private final Cmi5Import cmi5;

	PackageImportPage(ScormImport imports, Cmi5Import cmi5) {
		this.imports = imports;
		this.cmi5 = cmi5;
	}

	@GetMapping("/packages/import")
	String page(Viewer signedIn, Model model) {
		return "packages/import";
	}

	@PostMapping("/packages/import")
	String upload(Viewer me, @RequestPart(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			String name = file == null ? null : file.getOriginalFilename();
			byte[] content = PackageUploads.read(file);
			ScormImport.Imported imported = cmi5.accepts(name, content) ? cmi5.importPackage(me, name, content)
					: imports.importPackage(me, name, content);
			redirect.addFlashAttribute("notice", "Imported \u201c" + imported.title() + "\u201d (" + imported.standard()
				.display() + ") as a draft with " + imported.lessons().size()
					+ (imported.lessons().size() == 1 ? " lesson" : " lessons")
					+ ". Review it, then publish it like any course."
					+ (imported.notes().isEmpty() ? "" : " " + String.join(" ", imported.notes())));
			return "redirect:/courses/" + imported.courseId().value() + "/edit";
		}
		catch (PackageRejected e) {
			response.setStatus(e.status());
			model.addAttribute("problem", e.getMessage());
			return "packages/import";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, "The package's course was not created: "
					+ String.join(" ", e.fieldErrors().values()));
			return "packages/import";
		}
	}
}
