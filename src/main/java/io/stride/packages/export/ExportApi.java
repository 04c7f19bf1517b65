package io.stride.packages.export;

import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Course export", description = "A course as a SCORM 1.2, SCORM 2004 or cmi5 package for another LMS")
@SecurityRequirement(name = "bearer")
class ExportApi {

	private final CourseExport export;

	ExportApi(CourseExport export) {
		this.export = export;
	}

	@GetMapping(path = "/api/v1/courses/{id}/export", produces = { "application/zip", "application/problem+json" })
	@Operation(summary = "Export a course as a package (zip): its lessons as a self-contained page with its images, "
			+ "and the final quiz scored in the page (its answers travel in the package: leave it out with quiz=false). "
			+ "The course's editors export the live version or the draft, L&D and admins the live version; 403 for "
			+ "others, 404 for a course the caller cannot see, 422 for an unknown format or a course with no live "
			+ "version when version=live",
			responses = {
					@ApiResponse(responseCode = "200", description = "The package, with Content-Disposition naming it",
							content = @Content(mediaType = "application/zip",
									schema = @Schema(type = "string", format = "binary"))),
					@ApiResponse(responseCode = "403", description = "Not an editor of the course, L&D or an admin"),
					@ApiResponse(responseCode = "404", description = "No such course for the caller"),
					@ApiResponse(responseCode = "422", description = "Unknown format or version, or no live version") })
	ResponseEntity<byte[]> export(Viewer me, @PathVariable String id,
			@Parameter(description = "scorm12, scorm2004 (4th Edition) or cmi5",
					schema = @Schema(allowableValues = { "scorm12", "scorm2004", "cmi5" })) @RequestParam(required = false) String format,
			@Parameter(description = "live (the default) or draft (editors only)",
					schema = @Schema(allowableValues = { "live", "draft" })) @RequestParam(required = false) String version,
			@Parameter(description = "Whether the final quiz goes in the package (default true)") @RequestParam(
					defaultValue = "true") boolean quiz) {
		return ExportDownload.of(export.export(me, new CourseId(id), ExportFormat.of(format),
				CourseExport.Version.of(version), quiz));
	}
}
