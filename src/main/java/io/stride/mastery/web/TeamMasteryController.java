package io.stride.mastery.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.mastery.Checklists;
import io.stride.mastery.CourseMastery;
import io.stride.mastery.Criterion;
import io.stride.mastery.Evidence;
import io.stride.mastery.LocalCriteria;
import io.stride.mastery.Mastery;
import io.stride.mastery.MasteryRules;
import io.stride.mastery.SignOff;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import io.stride.shared.web.FormNumbers;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The manager's mastery pages for a team: courses, a course's criteria and checklist with every member's mastery,
 * and one learner's evidence where tasks are signed off (also by named experts) and withdrawn after confirming.
 */
@Controller
class TeamMasteryController {

	private final Mastery mastery;

	private final MasteryRules rules;

	private final Checklists checklists;

	private final Authoring authoring;

	private final Organization organization;

	private final Clock clock;

	TeamMasteryController(Mastery mastery, MasteryRules rules, Checklists checklists, Authoring authoring,
			Organization organization, Clock clock) {
		this.clock = clock;
		this.mastery = mastery;
		this.rules = rules;
		this.checklists = checklists;
		this.authoring = authoring;
		this.organization = organization;
	}

	/** What the criteria form holds, as typed. */
	record CriteriaForm(String passMark, String successfulReviews, String experts, Integer revision) {
	}

	/** One member's row: each kind of evidence in short, and the verdict. */
	record MemberRow(String personId, String name, String quiz, String tasks, String reviews, boolean mastered,
			String summary) {
	}

	@GetMapping("/teams/{id}/mastery")
	String team(Viewer me, @PathVariable String id, @RequestParam(required = false) String course, Model model) {
		Team team = organization.managedTeam(me, new TeamId(id));
		if (course != null && !course.isBlank()) {
			return "redirect:/teams/" + id + "/mastery/" + course.strip();
		}
		model.addAttribute("team", team);
		model.addAttribute("courses", mastery.teamCourses(me, team.id()));
		model.addAttribute("published", authoring.publishedCourses());
		model.addAttribute("organizationDefault", rules.organizationDefault().passMark());
		return "mastery/team";
	}

	@GetMapping("/teams/{id}/mastery/{courseId}")
	String teamCourse(Viewer me, @PathVariable String id, @PathVariable String courseId, Model model) {
		Mastery.TeamCourseMastery view = mastery.teamCourse(me, new TeamId(id), new CourseId(courseId));
		return teamCourseView(model, me, view, form(me, view), Map.of(), Map.of());
	}

	@PostMapping("/teams/{id}/mastery/{courseId}/criteria")
	String saveCriteria(Viewer me, @PathVariable String id, @PathVariable String courseId,
			@RequestParam(required = false) String passMark, @RequestParam(required = false) String successfulReviews,
			@RequestParam(required = false) String experts, @RequestParam(required = false) Integer revision,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		TeamId team = new TeamId(id);
		CourseId course = new CourseId(courseId);
		CriteriaForm form = new CriteriaForm(passMark, successfulReviews, experts, revision);
		try {
			Map<String, String> errors = new LinkedHashMap<>();
			Integer mark = optionalNumber(passMark, "passMark", "Give the pass mark as a whole number, e.g. 90.", errors);
			Integer reviews = optionalNumber(successfulReviews, "successfulReviews", "Give a whole number of reviews.", errors);
			List<PersonId> named = experts(experts, errors);
			if (!errors.isEmpty()) {
				throw new InvalidInputException("The mastery criteria were not saved.", errors);
			}
			rules.save(me, team, course, new MasteryRules.CriteriaChange(mark, reviews, named, revision));
			redirect.addFlashAttribute("notice", "Saved the mastery criteria.");
			return "redirect:/teams/" + id + "/mastery/" + courseId;
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return teamCourseView(model, me, mastery.teamCourse(me, team, course), form, e.fieldErrors(), Map.of());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			Mastery.TeamCourseMastery view = mastery.teamCourse(me, team, course);
			return teamCourseView(model, me, view, new CriteriaForm(passMark, successfulReviews, experts,
					view.criteria() == null ? null : view.criteria().revision()), Map.of(), Map.of());
		}
	}

	@PostMapping("/teams/{id}/mastery/{courseId}/criteria/delete")
	String deleteCriteria(Viewer me, @PathVariable String id, @PathVariable String courseId,
			RedirectAttributes redirect) {
		rules.delete(me, new TeamId(id), new CourseId(courseId));
		redirect.addFlashAttribute("notice", "Removed this team's criteria and checklist; the criteria above it apply.");
		return "redirect:/teams/" + id + "/mastery/" + courseId;
	}

	@PostMapping("/teams/{id}/mastery/{courseId}/tasks")
	String addTask(Viewer me, @PathVariable String id, @PathVariable String courseId,
			@RequestParam(required = false) String title, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			rules.addTask(me, new TeamId(id), new CourseId(courseId), title);
			redirect.addFlashAttribute("notice", "Added the task to the checklist.");
			return "redirect:/teams/" + id + "/mastery/" + courseId;
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, "The task was not added.");
			model.addAttribute("taskTitle", title);
			Mastery.TeamCourseMastery view = mastery.teamCourse(me, new TeamId(id), new CourseId(courseId));
			return teamCourseView(model, me, view, form(me, view), Map.of(), e.fieldErrors());
		}
	}

	@PostMapping("/teams/{id}/mastery/{courseId}/tasks/{taskId}/delete")
	String removeTask(Viewer me, @PathVariable String id, @PathVariable String courseId, @PathVariable String taskId,
			RedirectAttributes redirect) {
		rules.removeTask(me, taskId);
		redirect.addFlashAttribute("notice", "Removed the task and its sign-offs.");
		return "redirect:/teams/" + id + "/mastery/" + courseId;
	}

	@GetMapping("/teams/{id}/mastery/{courseId}/people/{personId}")
	String learner(Viewer me, @PathVariable String id, @PathVariable String courseId, @PathVariable String personId,
			Model model) {
		return learnerView(model, me, id, courseId, personId, null, Map.of(), null, null);
	}

	@PostMapping("/teams/{id}/mastery/{courseId}/people/{personId}/sign-offs")
	String signOff(Viewer me, @PathVariable String id, @PathVariable String courseId, @PathVariable String personId,
			@RequestParam String taskId, @RequestParam(required = false) String observedOn,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			LocalDate day;
			try {
				day = observedOn == null || observedOn.isBlank() ? null : LocalDate.parse(observedOn.strip());
			}
			catch (DateTimeParseException e) {
				throw new InvalidInputException("observedOn", "Give the day you watched as a date, e.g. 2026-11-20.");
			}
			checklists.signOff(me, taskId, new PersonId(personId), day, note);
			redirect.addFlashAttribute("notice", "Signed off.");
			return "redirect:/teams/" + id + "/mastery/" + courseId + "/people/" + personId;
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage());
			return learnerView(model, me, id, courseId, personId, taskId, e.fieldErrors(), observedOn, note);
		}
		catch (ConflictException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			return "redirect:/teams/" + id + "/mastery/" + courseId + "/people/" + personId;
		}
	}

	@GetMapping("/teams/{id}/mastery/{courseId}/sign-offs/{signOffId}/withdraw")
	String confirmWithdraw(Viewer me, @PathVariable String id, @PathVariable String courseId,
			@PathVariable String signOffId, Model model) {
		SignOff signOff = checklists.signOffFor(me, signOffId);
		model.addAttribute("signOff", signOff);
		model.addAttribute("task", checklists.task(me, signOff.taskId()));
		model.addAttribute("learner", mastery.courseMastery(me, new TeamId(id), new CourseId(courseId), signOff.personId()));
		model.addAttribute("teamId", id);
		model.addAttribute("courseId", courseId);
		model.addAttribute("mine", me.is(signOff.signedBy()));
		return "mastery/withdraw";
	}

	@PostMapping("/teams/{id}/mastery/{courseId}/sign-offs/{signOffId}/withdraw")
	String withdraw(Viewer me, @PathVariable String id, @PathVariable String courseId, @PathVariable String signOffId,
			RedirectAttributes redirect) {
		SignOff signOff = checklists.signOffFor(me, signOffId);
		checklists.withdraw(me, signOffId);
		redirect.addFlashAttribute("notice", "Withdrew the sign-off.");
		return "redirect:/teams/" + id + "/mastery/" + courseId + "/people/" + signOff.personId().value();
	}

	private String teamCourseView(Model model, Viewer me, Mastery.TeamCourseMastery view, CriteriaForm form,
			Map<String, String> errors, Map<String, String> taskErrors) {
		model.addAttribute("view", view);
		model.addAttribute("team", view.team());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("taskErrors", taskErrors);
		model.addAttribute("rows", view.members().stream().map(TeamMasteryController::row).toList());
		model.addAttribute("mastered", view.members().stream().filter(CourseMastery::mastered).count());
		model.addAttribute("tasks", view.criteria() == null ? List.of() : view.criteria().tasks());
		model.addAttribute("expertNames", view.criteria() == null ? List.of()
				: view.criteria().experts().stream().flatMap(e -> organization.contactOf(e).stream()).map(Person::name).toList());
		model.addAttribute("maySignOff", checklists.maySignOff(me, view.team().id(), view.courseId()));
		return "mastery/team-course";
	}

	private String learnerView(Model model, Viewer me, String teamId, String courseId, String personId, String taskId,
			Map<String, String> errors, String observedOn, String note) {
		CourseMastery learner = mastery.courseMastery(me, new TeamId(teamId), new CourseId(courseId), new PersonId(personId));
		Set<String> mine = new HashSet<>();
		for (Evidence e : learner.evidence()) {
			if (e.signOffId() != null && me.is(checklists.signOffFor(me, e.signOffId()).signedBy())) {
				mine.add(e.signOffId());
			}
		}
		model.addAttribute("learner", learner);
		model.addAttribute("teamId", teamId);
		model.addAttribute("team", organization.allTeams().stream().filter(t -> t.id().value().equals(teamId)).findFirst().orElseThrow());
		model.addAttribute("mySignOffs", mine);
		model.addAttribute("maySignOff", !me.is(learner.personId()) && checklists.maySignOff(me, new TeamId(teamId), learner.courseId()));
		model.addAttribute("errorTask", taskId);
		model.addAttribute("errors", errors);
		model.addAttribute("openTasks", learner.evidence()
			.stream()
			.filter(e -> e.criterion() == Criterion.OBSERVED_TASK && !e.met())
			.toList());
		model.addAttribute("today", LocalDate.now(clock).toString());
		model.addAttribute("observedOn", observedOn);
		model.addAttribute("note", note);
		return "mastery/learner";
	}

	private CriteriaForm form(Viewer me, Mastery.TeamCourseMastery view) {
		LocalCriteria c = view.criteria();
		if (c == null) {
			return new CriteriaForm("", "", "", null);
		}
		String emails = view.manager() ? String.join("\n", rules.experts(me, view.team().id(), view.courseId())
			.stream()
			.map(Person::email)
			.toList()) : "";
		return new CriteriaForm(c.passMark() == null ? "" : c.passMark().toString(),
				c.successfulReviews() == null ? "" : c.successfulReviews().toString(), emails, c.revision());
	}

	private static MemberRow row(CourseMastery m) {
		String quiz = "—";
		int tasks = 0;
		int signed = 0;
		String reviews = "—";
		for (Evidence e : m.evidence()) {
			if (e.criterion() == Criterion.QUIZ_SCORE) {
				quiz = e.actual() == null ? "No attempt (needs " + e.required() + "%)"
						: e.actual() + "% (needs " + e.required() + "%)";
			}
			else if (e.criterion() == Criterion.OBSERVED_TASK) {
				tasks++;
				signed += e.met() ? 1 : 0;
			}
			else {
				reviews = Math.min(e.actual(), e.required()) + " of " + e.required();
			}
		}
		return new MemberRow(m.personId().value(), m.personName(), quiz, tasks == 0 ? "—" : signed + " of " + tasks,
				reviews, m.mastered(), m.summary());
	}

	/** Experts are named by email in the form; each must be an active person. */
	private List<PersonId> experts(String text, Map<String, String> errors) {
		List<PersonId> ids = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (String email : text == null ? new String[0] : text.split("[,;\\s]+")) {
			if (!email.isBlank()) {
				organization.activePersonByEmail(email).ifPresentOrElse(p -> ids.add(p.id()), () -> unknown.add(email));
			}
		}
		if (!unknown.isEmpty()) {
			errors.put("experts", "No active person has the email " + String.join(", ", unknown) + ".");
		}
		return ids;
	}

	static int number(String text, String field, String message) {
		return FormNumbers.wholeNumber(text).orElseThrow(() -> new InvalidInputException(field, message));
	}

	private static Integer optionalNumber(String text, String field, String message, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Optional<Integer> number = FormNumbers.wholeNumber(text);
		if (number.isEmpty()) {
			errors.put(field, message);
		}
		return number.orElse(null);
	}
}
