package io.stride.packages.web;

import java.net.URI;
import java.util.List;

import io.stride.identity.Viewer;
import io.stride.packages.PackageRejected;
import io.stride.packages.cmi5.Cmi5Import;
import io.stride.packages.scorm.ScormImport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Packages", description = "SCORM 1.2 and 2004 packages and cmi5 courses imported as draft courses and played in Stride.")
@SecurityRequirement(name = "bearer")
class PackagesApi {

	private final ScormImport imports;

	private final Cmi5Import cmi5;

	PackagesApi(ScormImport imports, Cmi5Import cmi5) {
		this.imports = imports;
		this.cmi5 = cmi5;
	}

	record Lesson(@Schema(description = "the package item the lesson plays") String itemId, String lessonId,
			String title) {
	}

	record Imported(String packageId, String courseId, String title,
			@Schema(description = "SCORM_12, SCORM_2004_3, SCORM_2004_4 or CMI5") String standard, int files,
			List<Lesson> lessons, @Schema(description = "what of the package is not a lesson, and why") List<String> notes,
			@Schema(description = "the draft course in the editor") String editUrl) {
	}

	@PostMapping(path = "/api/v1/packages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a SCORM 1.2 or SCORM 2004 (3rd or 4th edition) package (a zip, at most 200 MB, with "
			+ "imsmanifest.xml at its root) as a draft course with one lesson per SCO, in the caller's name. The zip is "
			+ "checked before anything is written (no ../ or absolute paths, backslashes, links or duplicate names; "
			+ "at most 5,000 entries, 200 MB a file, 400 MB unpacked, 100 times its packed size a file), and the "
			+ "manifest must launch files the package holds. A refused package is a 422 (413 when too large) naming "
			+ "what is wrong, and nothing of it is kept. The course is then reviewed, published and assigned like any "
			+ "other; learners play it on the lesson page. A cmi5 course is taken too: a zip with cmi5.xml at its root "
			+ "(and no imsmanifest.xml), or a bare cmi5.xml whose AUs are absolute URLs; it is validated against cmi5's "
			+ "CourseStructure.xsd and the rules the schema can't say, and refused naming the requirement "
			+ "(e.g. \"cmi5 §13.1.4: the AU's url … names no file in the package\"). Each AU becomes a lesson.",
			responses = { @ApiResponse(responseCode = "201", description = "the course and package created"),
					@ApiResponse(responseCode = "413", description = "the zip or what it unpacks to is too large"),
					@ApiResponse(responseCode = "422", description = "not a safe zip, or not a SCORM package Stride "
							+ "plays; detail names the entry, element or limit") })
	ResponseEntity<Imported> importPackage(Viewer me,
			@RequestPart(name = "file", required = false) MultipartFile file) {
		String name = file == null ? null : file.getOriginalFilename();
		byte[] content = PackageUploads.read(file);
		ScormImport.Imported imported = cmi5.accepts(name, content)
				? cmi5.importPackage(me, name, content)
				: imports.importPackage(me, name, content);
		Imported body = new Imported(imported.packageId(), imported.courseId().value(), imported.title(),
				imported.standard().name(), imported.files(),
				imported.lessons().stream().map(l -> new Lesson(l.itemId(), l.lessonId(), l.title())).toList(),
				imported.notes(), "/courses/" + imported.courseId().value() + "/edit");
		return ResponseEntity.created(URI.create("/api/v1/courses/" + imported.courseId().value())).body(body);
	}

	@ExceptionHandler(PackageRejected.class)
	ResponseEntity<ProblemDetail> rejected(PackageRejected e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
		return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
