package io.stride.mastery.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.mastery.ChecklistTask;
import io.stride.mastery.Checklists;
import io.stride.mastery.CourseMastery;
import io.stride.mastery.Evidence;
import io.stride.mastery.LocalCriteria;
import io.stride.mastery.Mastery;
import io.stride.mastery.MasteryRules;
import io.stride.mastery.SignOff;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Mastery", description = "Mastery criteria, observed checklists, sign-offs and who mastered what, and why")
@SecurityRequirement(name = "bearer")
class MasteryApi {

	private final Mastery mastery;

	private final MasteryRules rules;

	private final Checklists checklists;

	private final Organization organization;

	MasteryApi(Mastery mastery, MasteryRules rules, Checklists checklists, Organization organization) {
		this.mastery = mastery;
		this.rules = rules;
		this.checklists = checklists;
		this.organization = organization;
	}

	/**
	 * One criterion and its evidence. {@code criterion} is QUIZ_SCORE, OBSERVED_TASK or SPACED_REVIEWS;
	 * {@code description} says which evidence met it, e.g. "Best score 92% ≥ 90% (pass mark of Sales)".
	 */
	record EvidenceView(String criterion, boolean met, String description, Integer required, Integer actual,
			String setBy, String taskId, String taskTitle, String signOffId, String signedOffBy, LocalDate observedOn,
			String note) {

		static EvidenceView of(Evidence e) {
			return new EvidenceView(e.criterion().name(), e.met(), e.description(), e.required(), e.actual(), e.setBy(),
					e.taskId(), e.taskTitle(), e.signOffId(), e.signedOffBy(), e.observedOn(), e.note());
		}
	}

	record MasteryView(String courseId, String courseTitle, boolean mastered, Instant masteredAt,
			List<EvidenceView> evidence) {

		static MasteryView of(CourseMastery m) {
			return new MasteryView(m.courseId().value(), m.courseTitle(), m.mastered(), m.masteredAt(),
					m.evidence().stream().map(EvidenceView::of).toList());
		}
	}

	record MemberView(String personId, String name, boolean mastered, List<EvidenceView> evidence) {
	}

	record DefaultBody(Integer passMark, Integer revision) {
	}

	record TaskView(String id, String teamId, String courseId, String title) {

		static TaskView of(ChecklistTask t) {
			return new TaskView(t.id(), t.teamId().value(), t.courseId().value(), t.title());
		}
	}

	record CriteriaView(String teamId, String courseId, Integer passMark, Integer successfulReviews,
			List<TaskView> tasks, List<String> experts, int revision) {

		static CriteriaView of(LocalCriteria c) {
			return new CriteriaView(c.teamId().value(), c.courseId().value(), c.passMark(), c.successfulReviews(),
					c.tasks().stream().map(TaskView::of).toList(), c.experts().stream().map(PersonId::value).toList(),
					c.revision());
		}
	}

	record CriteriaBody(Integer passMark, Integer successfulReviews, List<String> experts, Integer revision) {
	}

	record TeamMasteryView(String teamId, String courseId, int organizationPassMark, CriteriaView criteria,
			CriteriaView inherited, List<MemberView> members) {
	}

	record TaskBody(String title) {
	}

	record SignOffBody(String personId, LocalDate observedOn, String note) {
	}

	record SignOffView(String id, String taskId, String personId, String signedBy, String signerName,
			LocalDate observedOn, String note) {

		static SignOffView of(SignOff s) {
			return new SignOffView(s.id(), s.taskId(), s.personId().value(), s.signedBy().value(), s.signerName(),
					s.observedOn(), s.note());
		}
	}

	@GetMapping("/people/{id}/mastery")
	@Operation(summary = "Which courses a person mastered, and why; for the person, their managers and admins (404 otherwise)")
	List<MasteryView> masteryOf(Viewer me, @PathVariable String id) {
		return mastery.masteryOf(me, new PersonId(id)).stream().map(MasteryView::of).toList();
	}

	@GetMapping("/mastery/default")
	@Operation(summary = "The organization's default mastery criterion (a quiz pass mark)")
	MasteryRules.OrganizationDefault organizationDefault(Viewer signedIn) {
		return rules.organizationDefault();
	}

	@PutMapping("/mastery/default")
	@Operation(summary = "Change the default pass mark (admins; 403 otherwise). 'revision' must be the one last read (409)")
	MasteryRules.OrganizationDefault setOrganizationDefault(Viewer me, @RequestBody DefaultBody body) {
		if (body.passMark() == null) {
			throw new InvalidInputException("passMark", "Give a pass mark from 1 to 100%.");
		}
		if (body.revision() == null) {
			throw new InvalidInputException("revision", "Send the revision you last read, to avoid overwriting a newer save.");
		}
		return rules.setOrganizationDefault(me, body.passMark(), body.revision());
	}

	@GetMapping("/teams/{teamId}/courses/{courseId}/mastery-criteria")
	@Operation(summary = "The team's own mastery criteria for a course; 404 when it has none or the caller does not manage the team")
	CriteriaView criteria(Viewer me, @PathVariable String teamId, @PathVariable String courseId) {
		return rules.criteria(me, new TeamId(teamId), new CourseId(courseId))
			.map(CriteriaView::of)
			.orElseThrow(() -> new NotFoundException("Mastery criteria"));
	}

	@PutMapping("/teams/{teamId}/courses/{courseId}/mastery-criteria")
	@Operation(summary = "Set the team's mastery criteria for a course (managers of the team): a pass mark not below the "
			+ "organization default (422), a number of successful spaced reviews, and experts who may sign off the "
			+ "checklist. Replacing needs the 'revision' last read (409)")
	CriteriaView saveCriteria(Viewer me, @PathVariable String teamId, @PathVariable String courseId,
			@RequestBody CriteriaBody body) {
		List<PersonId> experts;
		try {
			experts = body.experts() == null ? List.of() : body.experts().stream().map(PersonId::new).toList();
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("experts", "Every expert must be an active person in the organization.");
		}
		return CriteriaView.of(rules.save(me, new TeamId(teamId), new CourseId(courseId),
				new MasteryRules.CriteriaChange(body.passMark(), body.successfulReviews(), experts, body.revision())));
	}

	@DeleteMapping("/teams/{teamId}/courses/{courseId}/mastery-criteria")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove the team's criteria, checklist and sign-offs for the course; the criteria above apply")
	void deleteCriteria(Viewer me, @PathVariable String teamId, @PathVariable String courseId) {
		rules.delete(me, new TeamId(teamId), new CourseId(courseId));
	}

	@GetMapping("/teams/{teamId}/courses/{courseId}/mastery")
	@Operation(summary = "Every member's mastery of the course (team and sub-teams), for managers and named experts")
	TeamMasteryView teamMastery(Viewer me, @PathVariable String teamId, @PathVariable String courseId) {
		Mastery.TeamCourseMastery view = mastery.teamCourse(me, new TeamId(teamId),
				new CourseId(courseId));
		return new TeamMasteryView(teamId, courseId, view.organizationPassMark(),
				view.criteria() == null ? null : CriteriaView.of(view.criteria()),
				view.inherited() == null ? null : CriteriaView.of(view.inherited()),
				view.members()
					.stream()
					.map(m -> new MemberView(m.personId().value(), m.personName(), m.mastered(),
							m.evidence().stream().map(EvidenceView::of).toList()))
					.toList());
	}

	@PostMapping("/teams/{teamId}/courses/{courseId}/checklist-tasks")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a task to the team's observed checklist for the course (managers of the team)")
	TaskView addTask(Viewer me, @PathVariable String teamId, @PathVariable String courseId,
			@RequestBody TaskBody body) {
		return TaskView.of(rules.addTask(me, new TeamId(teamId), new CourseId(courseId),
				body.title()));
	}

	@DeleteMapping("/checklist-tasks/{taskId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a checklist task and its sign-offs (managers of the task's team)")
	void removeTask(Viewer me, @PathVariable String taskId) {
		rules.removeTask(me, taskId);
	}

	@PostMapping("/checklist-tasks/{taskId}/sign-offs")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Sign a task off for a learner after watching (a manager of the learner or a named expert; 403 for "
			+ "others who see the checklist, 404 for the rest). 'observedOn' defaults to today; 'note' is required")
	SignOffView signOff(Viewer me, @PathVariable String taskId, @RequestBody SignOffBody body) {
		if (body.personId() == null || body.personId().isBlank()) {
			throw new InvalidInputException("personId", "Give the learner the task is signed off for.");
		}
		return SignOffView.of(checklists.signOff(me, taskId, new PersonId(body.personId()),
				body.observedOn(), body.note()));
	}

	@DeleteMapping("/sign-offs/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Withdraw a sign-off (only whoever made it; 403 for others who see it, 404 for the rest)")
	void withdraw(Viewer me, @PathVariable String id) {
		checklists.withdraw(me, id);
	}
}
