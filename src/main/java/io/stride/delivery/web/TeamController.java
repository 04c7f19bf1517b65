package io.stride.delivery.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.delivery.Delivery;
import io.stride.delivery.ProgressStatus;
import io.stride.delivery.TeamProgressRow;
import io.stride.identity.Organization;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The manager's side: assigning a published course to a team and following the team's progress.
 */
@Controller
class TeamController {

	private final Delivery delivery;

	private final Authoring authoring;

	private final Organization organization;

	TeamController(Delivery delivery, Authoring authoring, Organization organization) {
		this.delivery = delivery;
		this.authoring = authoring;
		this.organization = organization;
	}

	@GetMapping("/teams")
	String teams(Viewer me, Model model) {
		model.addAttribute("teams", delivery.teamsManagedBy(me));
		return "teams/list";
	}

	static final int PAGE_SIZE = 50;

	@GetMapping("/teams/{id}")
	String team(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "1") int page, Model model) {
		Team team = organization.managedTeam(me, new TeamId(id));
		List<TeamProgressRow> rows = delivery.teamProgress(me, team.id());
		int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), pages);
		model.addAttribute("team", team);
		model.addAttribute("rows", rows.subList((current - 1) * PAGE_SIZE, Math.min(rows.size(), current * PAGE_SIZE)));
		model.addAttribute("total", rows.size());
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("summary", summary(rows));
		return "teams/progress";
	}

	/** Per course: how many people are at each status, for the top of the page. */
	record CourseSummary(String courseId, String title, long notStarted, long inProgress, long completed, long passed, long overdue) {
	}

	private static List<CourseSummary> summary(List<TeamProgressRow> rows) {
		Map<String, List<TeamProgressRow>> byCourse = new LinkedHashMap<>();
		rows.forEach(row -> byCourse.computeIfAbsent(row.courseId().value(), k -> new ArrayList<>()).add(row));
		return byCourse.entrySet().stream().map(e -> new CourseSummary(e.getKey(), e.getValue().get(0).courseTitle(),
				count(e.getValue(), ProgressStatus.NOT_STARTED),
				count(e.getValue(), ProgressStatus.IN_PROGRESS),
				count(e.getValue(), ProgressStatus.COMPLETED),
				count(e.getValue(), ProgressStatus.PASSED),
				e.getValue().stream().filter(TeamProgressRow::overdue).count())).toList();
	}

	private static long count(List<TeamProgressRow> rows, ProgressStatus status) {
		return rows.stream().filter(row -> row.status() == status).count();
	}

	@GetMapping("/courses/{id}/assign")
	String assignPage(Viewer me, @PathVariable String id, Model model) {
		Course course = authoring.course(me, new CourseId(id));
		return assignView(model, me, course, Map.of(), null, null);
	}

	@PostMapping("/courses/{id}/assignments")
	String assign(Viewer me, @PathVariable String id, @RequestParam(required = false) String teamId,
			@RequestParam(name = "dueDate", required = false) String dueDateText, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Course course = authoring.course(me, new CourseId(id));
		LocalDate dueDate = null;
		try {
			if (dueDateText != null && !dueDateText.isBlank()) {
				try {
					dueDate = LocalDate.parse(dueDateText.strip());
				}
				catch (DateTimeParseException e) {
					throw new InvalidInputException("dueDate", "Give the due date as a date, for example 2026-12-31.");
				}
			}
			if (teamId == null || teamId.isBlank()) {
				throw new InvalidInputException("teamId", "Choose a team.");
			}
			Team team = organization.managedTeam(me, new TeamId(teamId));
			delivery.assign(me, course.id(), team.id(), dueDate);
			redirect.addFlashAttribute("notice", "Assigned to " + team.name()
					+ (dueDate == null ? "." : ", due " + dueDate + "."));
			return "redirect:/courses/" + id + "/assign";
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return assignView(model, me, course, e.fieldErrors(), teamId, dueDate);
		}
		catch (NotFoundException e) {
			response.setStatus(422);
			return assignView(model, me, course, Map.of("teamId", "Choose one of the teams you manage."), teamId, dueDate);
		}
	}

	private String assignView(Model model, Viewer me, Course course, Map<String, String> errors, String teamId,
			LocalDate dueDate) {
		List<Team> teams = delivery.teamsManagedBy(me);
		Map<String, String> names = new HashMap<>();
		organization.allTeams().forEach(team -> names.put(team.id().value(), team.name()));
		model.addAttribute("course", course);
		model.addAttribute("teams", teams);
		model.addAttribute("teamNames", names);
		model.addAttribute("assignments", course.isLive() ? delivery.assignmentsOf(me, course.id()) : List.of());
		model.addAttribute("errors", errors);
		model.addAttribute("teamId", teamId);
		model.addAttribute("dueDate", dueDate == null ? LocalDate.now().plusDays(14) : dueDate);
		model.addAttribute("editable", Authoring.mayEdit(me, course));
		model.addAttribute("versions", Authoring.mayEdit(me, course) ? authoring.versions(me, course.id()) : List.of());
		if (!errors.isEmpty()) {
			model.addAttribute("problem", "The course was not assigned.");
		}
		return "courses/assign";
	}
}
