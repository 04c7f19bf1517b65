package io.stride.cycles.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.cycles.Contributors;
import io.stride.cycles.GoalId;
import io.stride.cycles.Kudos;
import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.Thanks;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Saying thanks, the kudos a person received, a team's feed with the month's contributors, and contributions. */
@Controller
class KudosController {

	/** A longer list is no help in a select; the course page's link names its course. */
	private static final int MAX_COURSE_CHOICES = 300;

	private final Kudos kudos;

	private final Contributors contributors;

	private final Organization organization;

	private final Authoring authoring;

	private final LearningCycles cycles;

	KudosController(Kudos kudos, Contributors contributors, Organization organization, Authoring authoring,
			LearningCycles cycles) {
		this.cycles = cycles;
		this.kudos = kudos;
		this.contributors = contributors;
		this.organization = organization;
		this.authoring = authoring;
	}

	/** The form as typed: a colleague from the list or by email (the email wins when both are given). */
	record KudosForm(String to, String toEmail, String message, String courseId, String goalId) {
	}

	@GetMapping("/kudos/new")
	String form(Viewer me, @RequestParam(required = false) String to, @RequestParam(required = false) String course,
			@RequestParam(required = false) String goal, Model model) {
		return form(model, me, new KudosForm(to, "", "", course, goal), Map.of());
	}

	@PostMapping("/kudos")
	String give(Viewer me, KudosForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			PersonId to = recipient(form);
			CourseId course = blank(form.courseId()) ? null : new CourseId(form.courseId().strip());
			GoalId goal = blank(form.goalId()) ? null : new GoalId(form.goalId().strip());
			Thanks given = kudos.give(me, to, form.message(), course, goal);
			redirect.addFlashAttribute("notice", "Sent: " + given.toName() + " will see your thanks.");
			return "redirect:/kudos/new";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model,
					e.getMessage() + (e.fieldErrors().isEmpty() ? "" : " Correct the fields marked below."));
			return form(model, me, form, e.fieldErrors());
		}
	}

	@GetMapping("/people/{id}/kudos")
	String received(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "1") int page, Model model) {
		PersonId person = new PersonId(id);
		Kudos.Page found = kudos.received(me, person, page);
		model.addAttribute("person", organization.person(me, person));
		model.addAttribute("own", me.is(person));
		model.addAttribute("kudos", found);
		return "kudos/received";
	}

	@GetMapping("/teams/{id}/kudos")
	String team(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) String month, Model model) {
		Team team = organization.managedTeam(me, new TeamId(id));
		model.addAttribute("team", team);
		model.addAttribute("kudos", kudos.teamFeed(me, team.id(), page));
		try {
			var chosen = KudosApi.month(month, contributors);
			model.addAttribute("month", chosen);
			model.addAttribute("contributors", contributors.ofTheMonth(me, team.id(), chosen));
			model.addAttribute("errors", Map.of());
		}
		catch (InvalidInputException e) {
			model.addAttribute("month", contributors.currentMonth());
			model.addAttribute("contributors", contributors.ofTheMonth(me, team.id(), contributors.currentMonth()));
			model.addAttribute("errors", e.fieldErrors());
		}
		return "kudos/team";
	}

	@GetMapping("/people/{id}/contributions")
	String contributions(Viewer me, @PathVariable String id, Model model) {
		Contributors.Contributions found = contributors.profile(me, new PersonId(id));
		model.addAttribute("contributions", found);
		model.addAttribute("own", me.is(found.personId()));
		return "kudos/contributions";
	}

	private PersonId recipient(KudosForm form) {
		if (!blank(form.toEmail())) {
			return organization.activePersonByEmail(form.toEmail())
				.map(Person::id)
				.orElseThrow(() -> new InvalidInputException("to", "No active colleague has this email."));
		}
		return blank(form.to()) ? null : new PersonId(form.to().strip());
	}

	private String form(Model model, Viewer me, KudosForm form, Map<String, String> errors) {
		Map<PersonId, Person> colleagues = new LinkedHashMap<>();
		for (TeamId team : me.teamIds()) {
			organization.membersOfTeamTree(team)
				.stream()
				.filter(p -> !me.is(p.id()))
				.forEach(p -> colleagues.putIfAbsent(p.id(), p));
		}
		List<Person> sorted = colleagues.values()
			.stream()
			.sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
		List<Course> courses = authoring.publishedCourses();
		List<Course> choices = courses.size() > MAX_COURSE_CHOICES ? courses.subList(0, MAX_COURSE_CHOICES) : courses;
		if (!blank(form.courseId()) && choices.stream().noneMatch(c -> c.id().value().equals(form.courseId()))) {
			// the course named by the link is kept as a choice even past the list's length
			courses.stream()
				.filter(c -> c.id().value().equals(form.courseId()))
				.findFirst()
				.ifPresent(c -> model.addAttribute("namedCourse", c));
		}
		model.addAttribute("colleagues", sorted);
		model.addAttribute("goals", cycles.active(me).map(LearningCycle::goals).orElse(List.of()));
		model.addAttribute("courses", choices);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("maxMessage", Kudos.MAX_MESSAGE);
		return "kudos/new";
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
