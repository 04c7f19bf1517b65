package io.stride.rhythm.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.capability.LearningTeam;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.Budgets;
import io.stride.rhythm.Commission;
import io.stride.rhythm.CommissionDraft;
import io.stride.rhythm.CommissionId;
import io.stride.rhythm.Commissions;
import io.stride.rhythm.Intervention;
import io.stride.rhythm.InterventionId;
import io.stride.rhythm.Interventions;
import io.stride.rhythm.LearningNeedId;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The commissions list with its tabs, the commission form (also from an intervention or a need) and its page. */
@Controller
class CommissionsController {

	/** A longer list is no help in a select; an expert is named by email. */
	private static final int MAX_CHOICES = 300;

	private final Commissions commissions;

	private final Budgets budgets;

	private final Organization organization;

	private final Authoring authoring;

	private final Interventions interventions;

	private final LearningTeam learningTeam;

	CommissionsController(Commissions commissions, Budgets budgets, Organization organization, Authoring authoring,
			Interventions interventions, LearningTeam learningTeam) {
		this.commissions = commissions;
		this.budgets = budgets;
		this.organization = organization;
		this.authoring = authoring;
		this.interventions = interventions;
		this.learningTeam = learningTeam;
	}

	/** The form as typed: an author from the team's people or an expert by email (the email wins). */
	record CommissionForm(String teamId, String authorId, String authorEmail, String problem, String audience,
			String dueOn, String extendsCourseId, String interventionId, String needId, String internalHours,
			String externalPrice, Boolean requestApproval) {
	}

	@GetMapping("/commissions")
	String list(Viewer me, @RequestParam(defaultValue = "author") String tab, Model model) {
		Commissions.Tab chosen;
		try {
			chosen = CommissionsApi.tab(tab);
		}
		catch (InvalidInputException e) {
			chosen = Commissions.Tab.AUTHOR;
		}
		if (chosen == Commissions.Tab.ALL && !commissions.seesAll(me)) {
			chosen = Commissions.Tab.AUTHOR;
		}
		model.addAttribute("tab", chosen.name().toLowerCase(Locale.ROOT));
		model.addAttribute("seesAll", commissions.seesAll(me));
		model.addAttribute("mayCommission", !commissions.teamsToActOn(me).isEmpty());
		model.addAttribute("commissions", commissions.list(me, chosen));
		return "commissions/list";
	}

	@GetMapping("/commissions/new")
	String form(Viewer me, @RequestParam(required = false) String team,
			@RequestParam(required = false) String intervention, @RequestParam(required = false) String need,
			Model model) {
		CommissionForm form = new CommissionForm(team, null, null, null, null, null, null, null, null, null, null, false);
		if (!ApiValues.blank(intervention)) {
			form = of(commissions.fromIntervention(me, new InterventionId(intervention.strip())));
		}
		else if (!ApiValues.blank(need)) {
			form = of(commissions.fromNeed(me, new LearningNeedId(need.strip())));
		}
		return form(model, me, form, Map.of());
	}

	@PostMapping("/commissions")
	String create(Viewer me, CommissionForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Commission made = commissions.create(me, draft(form));
			redirect.addFlashAttribute("notice", "Commissioned: " + made.authorName() + " has it as a task.");
			return "redirect:/commissions/" + made.id().value();
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model,
					e.getMessage() + (e.fieldErrors().isEmpty() ? "" : " Correct the fields marked below."));
			return form(model, me, form, e.fieldErrors());
		}
	}

	@GetMapping("/commissions/{id}")
	String show(Viewer me, @PathVariable String id, Model model) {
		Commission commission = commissions.get(me, new CommissionId(id));
		model.addAttribute("commission", commission);
		model.addAttribute("isAuthor", me.is(commission.authorId()));
		model.addAttribute("mayCancel", commissions.mayCancel(me, commission));
		model.addAttribute("courses", me.is(commission.authorId()) && commission.isOpen() && !commission.waitingForFunding()
				? authoring.authoredBy(me) : List.of());
		model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
		model.addAttribute("whoDecides", commission.waitingForFunding() ? budgets.whoDecides() : null);
		model.addAttribute("mayDecide", commission.waitingForFunding() && budgets.mayGive(me));
		model.addAttribute("origin", origin(me, commission));
		return "commissions/show";
	}

	/** L&D funds a commission that waits for them, from its page (the spend over or without a budget is approved). */
	@PostMapping("/commissions/{id}/funding/approve")
	String fund(Viewer me, @PathVariable String id, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return decide(me, id, true, note, redirect);
	}

	/** L&D declines to fund it: the commission is cancelled and its author told it is no longer needed. */
	@PostMapping("/commissions/{id}/funding/decline")
	String refuse(Viewer me, @PathVariable String id, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return decide(me, id, false, note, redirect);
	}

	private String decide(Viewer me, String id, boolean approve, String note, RedirectAttributes redirect) {
		Commission commission = commissions.get(me, new CommissionId(id));
		if (!commission.waitingForFunding()) {
			redirect.addFlashAttribute("problem", "This commission does not wait for funding (any more).");
			return "redirect:/commissions/" + commission.id().value();
		}
		try {
			if (approve) {
				budgets.approve(me, commission.spend().id(), note);
				redirect.addFlashAttribute("notice", "Funded: " + commission.authorName() + " has it as a task now.");
			}
			else {
				budgets.decline(me, commission.spend().id(), note);
				redirect.addFlashAttribute("notice", "Declined: the commission is cancelled and its author told.");
			}
		}
		catch (InvalidInputException | ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/commissions/" + commission.id().value();
	}

	/**
	 * The session intervention a commission carries out, for those who open that session (managers of its team, L&D
	 * and admins); null for anyone else, and for a commission made without one.
	 */
	private Intervention origin(Viewer me, Commission commission) {
		if (commission.intervention() == null
				|| !(organization.canManage(me, commission.teamId()) || learningTeam.includes(me))) {
			return null;
		}
		try {
			return interventions.get(me, commission.intervention());
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	@PostMapping("/commissions/{id}/draft")
	String draft(Viewer me, @PathVariable String id) {
		commissions.startDraft(me, new CommissionId(id));
		return "redirect:/drafts/new?commission=" + new CommissionId(id).value();
	}

	@PostMapping("/commissions/{id}/course")
	String link(Viewer me, @PathVariable String id, @RequestParam(required = false) String courseId,
			RedirectAttributes redirect) {
		try {
			Commission linked = commissions.link(me, new CommissionId(id),
					ApiValues.blank(courseId) ? null : new CourseId(courseId.strip()));
			redirect.addFlashAttribute("notice", linked.isOpen()
					? "Linked: publishing “" + linked.courseTitle() + "” closes this commission."
					: "Closed: “" + linked.courseTitle() + "” is published.");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", "The course was not linked.");
			redirect.addFlashAttribute("errors", e.fieldErrors());
		}
		return "redirect:/commissions/" + id;
	}

	@PostMapping("/commissions/{id}/cancel")
	String cancel(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		commissions.cancel(me, new CommissionId(id));
		redirect.addFlashAttribute("notice", "Cancelled: its cost no longer counts in the team's budget.");
		return "redirect:/commissions/" + id;
	}

	private static CommissionForm of(CommissionDraft d) {
		return new CommissionForm(d.team() == null ? null : d.team().value(), null, null, d.problem(), d.audience(),
				d.dueOn() == null ? null : d.dueOn().toString(), null,
				d.intervention() == null ? null : d.intervention().value(), d.need() == null ? null : d.need().value(),
				null, null, false);
	}

	private CommissionDraft draft(CommissionForm form) {
		PersonId author = null;
		if (!ApiValues.blank(form.authorEmail())) {
			author = organization.activePersonByEmail(form.authorEmail().strip())
				.map(Person::id)
				.orElseThrow(() -> new InvalidInputException("authorId", "No active person has this email."));
		}
		else if (!ApiValues.blank(form.authorId())) {
			author = new PersonId(form.authorId().strip());
		}
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate due = parse(errors, "dueOn", () -> ApiValues.date(form.dueOn(), "dueOn"));
		BigDecimal hours = parse(errors, "internalHours", () -> ApiValues.number(form.internalHours(), "internalHours"));
		BigDecimal price = parse(errors, "externalPrice", () -> ApiValues.number(form.externalPrice(), "externalPrice"));
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The commission was not made.", errors);
		}
		return new CommissionDraft(ApiValues.blank(form.teamId()) ? null : new TeamId(form.teamId().strip()), author,
				form.problem(), form.audience(), due,
				ApiValues.blank(form.extendsCourseId()) ? null : new CourseId(form.extendsCourseId().strip()),
				ApiValues.blank(form.interventionId()) ? null : new InterventionId(form.interventionId().strip()),
				ApiValues.blank(form.needId()) ? null : new LearningNeedId(form.needId().strip()), hours, price,
				Boolean.TRUE.equals(form.requestApproval()));
	}

	private static <T> T parse(Map<String, String> errors, String field, Supplier<T> read) {
		try {
			return read.get();
		}
		catch (InvalidInputException e) {
			errors.put(field, e.getMessage());
			return null;
		}
	}

	private String form(Model model, Viewer me, CommissionForm form, Map<String, String> errors) {
		List<Team> teams = commissions.teamsToActOn(me);
		Map<PersonId, Person> people = new LinkedHashMap<>();
		for (Team team : teams) {
			if (people.size() >= MAX_CHOICES) {
				break;
			}
			organization.membersOfTeamTree(team.id()).forEach(p -> people.putIfAbsent(p.id(), p));
		}
		List<Person> authors = people.values()
			.stream()
			.sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER))
			.limit(MAX_CHOICES)
			.toList();
		List<Course> courses = authoring.publishedCourses();
		model.addAttribute("teams", teams);
		model.addAttribute("authors", authors);
		model.addAttribute("courses", courses.size() > MAX_CHOICES ? courses.subList(0, MAX_CHOICES) : courses);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("hourRate", commissions.hourRate());
		model.addAttribute("currency", budgets.defaultCurrency());
		model.addAttribute("maxProblem", Commissions.MAX_PROBLEM);
		model.addAttribute("maxAudience", Commissions.MAX_AUDIENCE);
		return "commissions/new";
	}
}
