package io.stride.packages.questions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.stride.authoring.CourseId;
import io.stride.authoring.Outline;
import io.stride.authoring.OutlineEditing;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The course editor's question bank pages: import ({@code /courses/{id}/questions/import}: choose a file, read the
 * preview of what will be added and what will not, then import) and export ({@code /courses/{id}/questions/export}:
 * download GIFT or a QTI 3.0 package). The preview page carries the file back in a hidden field, so that the import
 * reads exactly the file the preview showed, and nothing is kept on the server between the two.
 */
@Controller
class QuestionBankPages {

	private final QuestionBanks banks;

	private final OutlineEditing editing;

	QuestionBankPages(QuestionBanks banks, OutlineEditing editing) {
		this.banks = banks;
		this.editing = editing;
	}

	@GetMapping("/courses/{id}/questions/import")
	String importForm(Viewer me, @PathVariable String id, Model model) {
		return importPage(me, new CourseId(id), model, "gift", Map.of());
	}

	@PostMapping("/courses/{id}/questions/import")
	String importFile(Viewer me, @PathVariable String id,
			@RequestParam(name = "format", required = false) String format,
			@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "content", required = false) String encoded,
			@RequestParam(name = "fileName", required = false) String fileName,
			@RequestParam(name = "confirm", required = false) boolean confirm, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CourseId course = new CourseId(id);
		try {
			if (confirm) {
				byte[] content = decode(encoded);
				QuestionBanks.Imported imported = banks.importQuestions(me, course, format, fileName, content);
				int added = imported.questionIds().size();
				redirect.addFlashAttribute("notice", "Imported " + added + (added == 1 ? " question" : " questions")
						+ " into the final quiz" + (imported.preview().unsupported().isEmpty() ? "."
								: "; " + imported.preview().unsupported().size() + " left out as the preview said."));
				return "redirect:/courses/" + id + "/edit";
			}
			byte[] content = QuestionBankApi.read(file);
			String name = file.getOriginalFilename();
			QuestionBanks.Preview preview = banks.preview(me, course, format, name, content);
			model.addAttribute("preview", preview);
			model.addAttribute("content", Base64.getEncoder().encodeToString(content));
			model.addAttribute("fileName", name == null ? "" : name);
			return importPage(me, course, model, preview.format().value(), Map.of());
		}
		catch (InvalidInputException invalid) {
			response.setStatus(422);
			return importPage(me, course, model, format, invalid.fieldErrors().isEmpty()
					? Map.of("file", invalid.getMessage()) : invalid.fieldErrors());
		}
	}

	@GetMapping("/courses/{id}/questions/export")
	String exportPage(Viewer me, @PathVariable String id, Model model) {
		CourseId course = new CourseId(id);
		Outline outline = editing.outline(me, course);
		QuestionBanks.Export gift = banks.export(me, course, "gift");
		model.addAttribute("course", outline);
		model.addAttribute("questions", outline.quiz().size()
				+ outline.lessons().stream().mapToInt(l -> l.knowledgeChecks().size()).sum());
		model.addAttribute("skipped", gift.skipped());
		model.addAttribute("pageTitle", "Export questions of " + outline.title());
		return "questions/export";
	}

	@GetMapping("/courses/{id}/questions/export/{format}")
	ResponseEntity<byte[]> download(Viewer me, @PathVariable String id, @PathVariable String format) {
		QuestionBanks.Export export = banks.export(me, new CourseId(id), format);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(export.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(export.fileName(), StandardCharsets.UTF_8).build().toString())
			.body(export.content());
	}

	private String importPage(Viewer me, CourseId course, Model model, String format, Map<String, String> errors) {
		Outline outline = editing.outline(me, course);
		model.addAttribute("course", outline);
		model.addAttribute("format", format == null || format.isBlank() ? "gift" : format.strip().toLowerCase());
		model.addAttribute("errors", errors);
		model.addAttribute("pageTitle", "Import questions into " + outline.title());
		return "questions/import";
	}

	private static byte[] decode(String encoded) {
		try {
			return Base64.getDecoder().decode(encoded == null ? "" : encoded.strip());
		}
		catch (IllegalArgumentException garbled) {
			throw Refused.file("The file sent back from the preview was damaged; choose it again.");
		}
	}
}
