package io.stride.packages.web;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.packages.cmi5.Waivers;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Packages")
@SecurityRequirement(name = "bearer")
class Cmi5WaiversApi {

	private final Waivers waivers;

	Cmi5WaiversApi(Waivers waivers) {
		this.waivers = waivers;
	}

	record WaiverForm(@Schema(description = "the learner") String personId, String courseId,
			@Schema(description = "the lesson that plays the AU") String lessonId,
			@Schema(description = "why, kept in the learner's record (at most 500 characters)") String reason) {
	}

	record Waived(@Schema(description = "the waived statement in the LRS; null when the AU had moved on already")
			String statementId) {
	}

	@PostMapping("/api/v1/packages/cmi5/waivers")
	@Operation(summary = "Waive a cmi5 AU for a learner (cmi5 §9.3.7): Stride records the waived statement with the "
			+ "reason, the AU counts as moved on, its lesson as done, and the course is satisfied once every AU is. "
			+ "For admins and the managers of a team the learner is in (or above it).",
			responses = { @ApiResponse(responseCode = "201", description = "waived"),
					@ApiResponse(responseCode = "200", description = "the AU had moved on already; nothing recorded"),
					@ApiResponse(responseCode = "404", description = "no such learner, course or lesson for you"),
					@ApiResponse(responseCode = "422", description = "no reason, or the lesson plays no AU") })
	ResponseEntity<Waived> waive(Viewer me, @RequestBody WaiverForm form) {
		if (form == null || form.personId() == null || form.courseId() == null || form.lessonId() == null) {
			throw new InvalidInputException("personId", "Name the learner, the course and the lesson.");
		}
		String id = waivers.waive(me, new PersonId(form.personId()),
				new CourseId(form.courseId()), form.lessonId(), form.reason());
		return ResponseEntity.status(id == null ? HttpStatus.OK : HttpStatus.CREATED).body(new Waived(id));
	}
}
