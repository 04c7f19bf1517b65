package io.stride.delivery.web;

import java.time.LocalDate;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.delivery.Assignment;
import io.stride.delivery.Delivery;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Learning", description = "Assignments, my learning and team progress")
@SecurityRequirement(name = "bearer")
class DeliveryApi {

	private final Delivery delivery;

	DeliveryApi(Delivery delivery) {
		this.delivery = delivery;
	}

	record AssignmentRequest(String teamId, LocalDate dueDate) {
	}

	record AssignmentView(String id, String courseId, String teamId, LocalDate dueDate) {

		static AssignmentView of(Assignment a) {
			return new AssignmentView(a.id(), a.courseId().value(), a.teamId().value(), a.dueDate());
		}
	}

	/**
	 * {@code section}: ASSIGNED (to start, or to take again: see {@code recertifyReason}), SELF_CHOSEN (chosen by the
	 * caller, e.g. in their learning contract, not started; {@code chosenFrom} says where), IN_PROGRESS or COMPLETED.
	 */
	record LearningView(String courseId, String title, String status, LocalDate dueDate, Integer bestScore,
			boolean overdue, String section, String recertifyReason, String reason, boolean assigned,
			String chosenFrom) {
	}

	record ProgressView(String personId, String name, String courseId, String courseTitle, String status, Integer score,
			LocalDate dueDate) {
	}

	@PostMapping("/courses/{id}/assignments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Assign a published course to a team the caller manages")
	AssignmentView assign(Viewer me, @PathVariable String id, @RequestBody AssignmentRequest request) {
		if (request.teamId() == null || request.teamId().isBlank()) {
			throw new InvalidInputException("teamId", "Give the team to assign the course to.");
		}
		return AssignmentView.of(delivery.assign(me, new CourseId(id),
				new TeamId(request.teamId()), request.dueDate()));
	}

	@GetMapping("/me/learning")
	@Operation(summary = "The caller's assigned and started courses")
	List<LearningView> myLearning(Viewer me) {
		LocalDate today = delivery.today();
		return delivery.myLearning(me)
			.stream()
			.map(i -> new LearningView(i.courseId().value(), i.title(), i.status().name(), i.dueDate(), i.bestScore(),
					i.overdueOn(today), i.section().name(), i.recertifyReason(), i.reason(), i.assigned(),
					i.selfChosen() ? i.chosenFrom() : null))
			.toList();
	}

	@GetMapping("/teams/{id}/progress")
	@Operation(summary = "Per-person status on the team's assigned courses; 404 unless the caller manages the team")
	List<ProgressView> progress(Viewer me, @PathVariable String id) {
		return delivery.teamProgress(me, new TeamId(id))
			.stream()
			.map(r -> new ProgressView(r.personId().value(), r.name(), r.courseId().value(), r.courseTitle(),
					r.status().name(), r.score(), r.dueDate()))
			.toList();
	}
}
