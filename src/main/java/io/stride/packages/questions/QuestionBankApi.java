package io.stride.packages.questions;

import java.io.IOException;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Question banks", description = "A course's quiz questions and knowledge checks out as Moodle GIFT or a "
		+ "QTI 3.0 package, and GIFT, QTI 3.0 or QTI 2.1 in, appended to the draft's quiz after a dry run.")
@SecurityRequirement(name = "bearer")
class QuestionBankApi {

	private final QuestionBanks banks;

	QuestionBankApi(QuestionBanks banks) {
		this.banks = banks;
	}

	/** One item of the file: imported as {@code kind}, or not, with the reason. */
	record Item(int number, String title, @Schema(description = "the Stride kind it becomes; null when unsupported") String kind,
			@Schema(description = "why it is not imported; null when it is") String unsupported,
			@Schema(description = "what changed on the way in, e.g. answer feedback kept in the explanation") List<String> notes) {

		static Item of(BankItem item) {
			return new Item(item.number(), item.title(), item.importable() ? item.question().kind().name() : null,
					item.unsupported(), item.notes());
		}
	}

	record ImportResult(@Schema(description = "true when nothing was written") boolean dryRun, int imported,
			int unsupported, List<Item> items,
			@Schema(description = "ids of the questions added to the quiz; empty on a dry run") List<String> questionIds) {
	}

	@GetMapping("/api/v1/courses/{id}/questions/export")
	@Operation(summary = "Export the working copy's knowledge checks (in lesson order) and final quiz: format=gift gives a "
			+ "UTF-8 .gift file (an ordering is written as a matching of steps to positions; a question GIFT cannot hold "
			+ "is left out, named in a comment and in the header Stride-Skipped), format=qti3 a QTI 3.0 content package "
			+ "(zip: imsmanifest.xml and items/q1.xml...). 404 for a course the caller may not see, 403 for one they may "
			+ "not change, 422 at format.",
			responses = @ApiResponse(responseCode = "200", content = {
					@Content(mediaType = "text/plain", schema = @Schema(type = "string")),
					@Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")) }))
	ResponseEntity<byte[]> export(Viewer me, @PathVariable String id,
			@Parameter(description = "gift or qti3") @RequestParam(name = "format", required = false) String format) {
		QuestionBanks.Export export = banks.export(me, new CourseId(id), format);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(export.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(export.fileName()).build().toString());
		if (!export.skipped().isEmpty()) {
			response.header("Stride-Skipped", String.valueOf(export.skipped().size()));
		}
		return response.body(export.content());
	}

	@PostMapping(path = "/api/v1/courses/{id}/questions/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a GIFT file (format=gift), or a QTI 3.0 or 2.1 item or content package zip (format=qti), "
			+ "appending every supported question to the draft's final quiz in one transaction; items Stride has no kind "
			+ "for (essay, description, hotspot...) or that break a course rule are listed with the reason and left out. "
			+ "dryRun=true answers the same without writing anything. 422 at file for a malformed file (naming the GIFT "
			+ "line or the QTI element), an unsafe zip or one over the limits (1 MB, 100 items), and when nothing can be "
			+ "imported; at status for a course that is not a draft; 404 for a course the caller may not see, 403 for one "
			+ "they may not change.")
	ResponseEntity<ImportResult> importQuestions(Viewer me, @PathVariable String id,
			@Parameter(description = "gift or qti") @RequestParam(name = "format", required = false) String format,
			@Parameter(description = "true to preview only") @RequestParam(name = "dryRun", required = false) boolean dryRun,
			@RequestPart(name = "file", required = false) MultipartFile file) {
		byte[] content = read(file);
		String name = file == null ? null : file.getOriginalFilename();
		CourseId course = new CourseId(id);
		if (dryRun) {
			QuestionBanks.Preview preview = banks.preview(me, course, format, name, content);
			return ResponseEntity.ok(result(true, preview, List.of()));
		}
		QuestionBanks.Imported imported = banks.importQuestions(me, course, format, name,
				content);
		return ResponseEntity.status(HttpStatus.CREATED).body(result(false, imported.preview(), imported.questionIds()));
	}

	private static ImportResult result(boolean dryRun, QuestionBanks.Preview preview, List<String> ids) {
		return new ImportResult(dryRun, preview.importable().size(), preview.unsupported().size(),
				preview.items().stream().map(Item::of).toList(), ids);
	}

	static byte[] read(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw Refused.file("Choose a file to import.");
		}
		if (file.getSize() > QuestionBanks.MAX_BYTES) {
			throw Refused.file("The file is larger than " + QuestionBanks.MAX_BYTES / 1024
					+ " KB; split the question bank.");
		}
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw Refused.file("The upload could not be read; try again.");
		}
	}
}
