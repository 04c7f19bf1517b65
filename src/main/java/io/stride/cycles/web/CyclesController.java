package io.stride.cycles.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.CourseId;
import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.PersonRef;
import io.stride.catalog.Catalog;
import io.stride.catalog.CatalogQuery;
import io.stride.cycles.ContractDrafts;
import io.stride.cycles.ContractTemplates;
import io.stride.cycles.CycleChange;
import io.stride.cycles.CycleId;
import io.stride.cycles.CycleStatus;
import io.stride.cycles.CycleSummary;
import io.stride.cycles.Goal;
import io.stride.cycles.GoalDraft;
import io.stride.cycles.GoalId;
import io.stride.cycles.GoalProposal;
import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.NewCycle;
import io.stride.cycles.Priorities;
import io.stride.cycles.PriorityId;
import io.stride.cycles.Visibility;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import io.stride.shared.web.FormNumbers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import io.stride.xapi.OutsideLearning;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The learning cycle pages: my cycles (the active one front and centre, past ones, those shared with me), starting a
 * cycle, the contract, changing a cycle, the goal form and "Draft my contract".
 */
@Controller
class CyclesController {

	/** Colleagues offered in a picker; anyone else is named by email. */
	static final int MAX_PICKER = 300;

	private final LearningCycles cycles;

	private final ContractTemplates templates;

	private final ContractDrafts drafts;

	private final Priorities priorities;

	private final Capabilities capabilities;

	private final Catalog catalog;

	private final Organization organization;

	/** Outside learning listed on a contract; the person's page has the rest. */
	static final int OUTSIDE_SHOWN = 20;

	private final OutsideLearning outsideLearning;

	CyclesController(LearningCycles cycles, ContractTemplates templates, ContractDrafts drafts, Priorities priorities,
			Capabilities capabilities, Catalog catalog, Organization organization, OutsideLearning outsideLearning) {
		this.outsideLearning = outsideLearning;
		this.cycles = cycles;
		this.templates = templates;
		this.drafts = drafts;
		this.priorities = priorities;
		this.capabilities = capabilities;
		this.catalog = catalog;
		this.organization = organization;
	}

	/** The start form as typed. {@code from}: "blank", "cycle:ID" or "template:ID". */
	record StartForm(String title, String startsOn, String days, String visibility, List<String> viewers,
			String viewerEmails, String from, String reminderAfterDays) {

		StartForm {
			viewers = viewers == null ? List.of() : List.copyOf(viewers);
		}
	}

	/** The cycle settings form as typed. */
	record SettingsForm(String title, String endsOn, String visibility, List<String> viewers, String viewerEmails,
			String reminderAfterDays, String revision) {

		SettingsForm {
			viewers = viewers == null ? List.of() : List.copyOf(viewers);
		}
	}

	/** The goal form as typed; free-text lists (resources) are read from the request to keep commas. */
	record GoalForm(String what, String capabilityLevel, List<String> priorities, boolean servesSelf,
			List<String> courses, List<Resource> resources, String practice, String mentor, String evidence,
			List<String> validators, String validatorEmails, String targetDate, boolean lookingForHelp,
			String courseSearch) {

		record Resource(String title, String url) {
		}

		GoalForm {
			priorities = priorities == null ? List.of() : List.copyOf(priorities);
			courses = courses == null ? List.of() : List.copyOf(courses);
			resources = resources == null ? List.of() : List.copyOf(resources);
			validators = validators == null ? List.of() : List.copyOf(validators);
		}

		static GoalForm blank() {
			return new GoalForm(null, null, List.of(), true, List.of(), List.of(), null, null, null, List.of(), null, null,
					false, null);
		}

		static GoalForm of(Goal g) {
			return new GoalForm(g.what(),
					g.capability() == null ? null : g.capability().id().value() + ":" + g.capability().targetRank(),
					g.priorities().stream().map(p -> p.id().value()).toList(), g.servesSelf(),
					g.courses().stream().map(c -> c.id().value()).toList(),
					g.resources().stream().map(r -> new Resource(r.title(), r.url())).toList(), g.practice(),
					g.mentor() == null ? null : g.mentor().id().value(), g.evidence(),
					g.validators().stream().map(v -> v.id().value()).toList(), null,
					g.targetDate() == null ? null : g.targetDate().toString(), g.lookingForHelp(), null);
		}
	}

	// --- my cycles -----------------------------------------------------------------------------------------------

	@GetMapping("/cycles")
	String index(Viewer me, Model model) {
		List<CycleSummary> mine = cycles.mine(me);
		model.addAttribute("active", cycles.active(me).orElse(null));
		model.addAttribute("past", mine.stream().filter(c -> c.status() != CycleStatus.ACTIVE).toList());
		model.addAttribute("shared", cycles.sharedWithMe(me));
		model.addAttribute("managedTeams", organization.teamsManagedBy(me));
		return "cycles/index";
	}

	@GetMapping("/cycles/new")
	String startForm(Viewer me, @RequestParam(required = false) String from, Model model) {
		StartForm form = new StartForm(null, cycles.today().toString(), String.valueOf(LearningCycles.DEFAULT_DAYS),
				Visibility.TEAM.name(), List.of(), null, from == null ? "blank" : from, null);
		return startPage(model, me, form, Map.of());
	}

	@PostMapping("/cycles")
	String start(Viewer me, StartForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			Map<String, String> errors = new LinkedHashMap<>();
			LocalDate startsOn = date(form.startsOn(), "startsOn", errors);
			Integer days = number(form.days(), "days", errors);
			Integer reminder = number(form.reminderAfterDays(), "reminderAfterDays", errors);
			Visibility visibility = visibility(form.visibility(), errors);
			List<PersonId> viewers = people(form.viewers(), form.viewerEmails(), "viewers", errors);
			String from = form.from() == null ? "blank" : form.from();
			CycleId fromCycle = from.startsWith("cycle:") ? new CycleId(from.substring(6)) : null;
			String fromTemplate = from.startsWith("template:") ? from.substring(9) : null;
			if (!errors.isEmpty()) {
				// what else is wrong, shown together with what did not parse
				Map<String, String> all = new LinkedHashMap<>(cycles.startProblems(me, new NewCycle(form.title(),
						startsOn, days, visibility, viewers, fromCycle, fromTemplate, reminder)));
				all.putAll(errors);
				throw new InvalidInputException("The cycle was not started.", all);
			}
			LearningCycle started = cycles.start(me, new NewCycle(form.title(), startsOn, days, visibility, viewers,
					fromCycle, fromTemplate, reminder));
			redirect.addFlashAttribute("notice", "Started “" + started.title() + "”. Now write your goals.");
			return "redirect:/cycles/" + started.id().value();
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return startPage(model, me, form, e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			return startPage(model, me, form, Map.of());
		}
	}

	private String startPage(Model model, Viewer me, StartForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("visibilities", Visibility.values());
		model.addAttribute("previous", cycles.mine(me));
		model.addAttribute("templates", templates.openTo(me));
		model.addAttribute("colleagues", colleagues(me, form.viewers()));
		model.addAttribute("minDays", LearningCycles.MIN_DAYS);
		model.addAttribute("maxDays", LearningCycles.MAX_DAYS);
		return "cycles/new";
	}

	// --- the contract ----------------------------------------------------------------------------------------------

	@GetMapping("/cycles/{id}")
	String contract(Viewer me, @PathVariable String id, Model model) {
		LearningCycle cycle = cycles.cycle(me, new CycleId(id));
		model.addAttribute("cycle", cycle);
		model.addAttribute("today", cycles.today());
		// peers a contract is shared with see the contract, not the owner's learning record
		model.addAttribute("outside", outsideLearning.during(me, cycle.owner().id(),
				cycle.startsOn().atStartOfDay(ZoneOffset.UTC).toInstant(),
				cycle.endsOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), OUTSIDE_SHOWN).orElse(null));
		return "cycles/contract";
	}

	@GetMapping("/cycles/{id}/edit")
	String settings(Viewer me, @PathVariable String id, Model model) {
		LearningCycle cycle = cycles.forChange(me, new CycleId(id));
		SettingsForm form = new SettingsForm(cycle.title(), cycle.endsOn().toString(), cycle.visibility().name(),
				cycle.viewers().stream().map(p -> p.id().value()).toList(), null,
				cycle.reminderAfterDays() == null ? null : String.valueOf(cycle.reminderAfterDays()),
				String.valueOf(cycle.revision()));
		return settingsPage(model, me, cycle, form, Map.of());
	}

	@PostMapping("/cycles/{id}/edit")
	String saveSettings(Viewer me, @PathVariable String id, SettingsForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		LearningCycle cycle = cycles.forChange(me, new CycleId(id));
		try {
			Map<String, String> errors = new LinkedHashMap<>();
			LocalDate endsOn = date(form.endsOn(), "endsOn", errors);
			Integer reminder = number(form.reminderAfterDays(), "reminderAfterDays", errors);
			Visibility visibility = visibility(form.visibility(), errors);
			List<PersonId> viewers = people(form.viewers(), form.viewerEmails(), "viewers", errors);
			Integer revision = number(form.revision(), "title", errors);
			if (revision == null && !errors.containsKey("title")) {
				errors.put("title", "The form lost the revision it was opened at; reload the page.");
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException("The cycle was not changed.", errors);
			}
			LearningCycle saved = cycles.edit(me, cycle.id(), revision, new CycleChange(form.title(), endsOn, null,
					visibility, viewers, reminder == null ? cycle.reminderAfterDays() : reminder));
			redirect.addFlashAttribute("notice", "Saved “" + saved.title() + "”.");
			return "redirect:/cycles/" + saved.id().value();
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return settingsPage(model, me, cycle, form, e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			return settingsPage(model, me, cycle, form, Map.of());
		}
	}

	private String settingsPage(Model model, Viewer me, LearningCycle cycle, SettingsForm form,
			Map<String, String> errors) {
		model.addAttribute("cycle", cycle);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("visibilities", Visibility.values());
		model.addAttribute("colleagues", colleagues(me, form.viewers()));
		model.addAttribute("minEnd", cycle.startsOn().plusDays(LearningCycles.MIN_DAYS));
		model.addAttribute("maxEnd", cycle.startsOn().plusDays(LearningCycles.MAX_DAYS));
		return "cycles/settings";
	}

	// --- goals -----------------------------------------------------------------------------------------------------

	/**
	 * {@code what} and {@code capabilityLevel} ("capabilityId:rank", rank 0 for any level) prefill the form, e.g. from a
	 * goal a manager proposed in a ritual session; the person still decides and saves it.
	 */
	@GetMapping("/cycles/{id}/goals/new")
	String newGoal(Viewer me, @PathVariable String id, @RequestParam(required = false) String what,
			@RequestParam(required = false) String capabilityLevel, Model model) {
		LearningCycle cycle = cycles.forChange(me, new CycleId(id));
		GoalForm blank = GoalForm.blank();
		GoalForm form = what == null && capabilityLevel == null ? blank
				: new GoalForm(what, capabilityLevel, blank.priorities(), blank.servesSelf(), blank.courses(),
						blank.resources(), null, null, null, blank.validators(), null, null, false, null);
		return goalPage(model, me, cycle, null, form, Map.of());
	}

	@PostMapping("/cycles/{id}/goals")
	String addGoal(Viewer me, @PathVariable String id, @RequestParam(required = false) String action,
			HttpServletRequest request, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		LearningCycle cycle = cycles.forChange(me, new CycleId(id));
		GoalForm form = goalForm(request);
		if ("search".equals(action)) {
			return goalPage(model, me, cycle, null, form, Map.of());
		}
		try {
			Goal added = cycles.addGoal(me, cycle.id(), draft(me, form));
			redirect.addFlashAttribute("notice", "Added “" + added.what() + "” to your contract.");
			return "redirect:/cycles/" + cycle.id().value() + "#goal-" + added.id().value();
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return goalPage(model, me, cycle, null, form, e.fieldErrors());
		}
	}

	@GetMapping("/goals/{id}/edit")
	String editGoal(Viewer me, @PathVariable String id, Model model) {
		LearningCycles.GoalInCycle found = cycles.goal(me, new GoalId(id));
		LearningCycle cycle = cycles.forChange(me, found.cycle().id());
		return goalPage(model, me, cycle, found.goal(), GoalForm.of(found.goal()), Map.of());
	}

	@PostMapping("/goals/{id}/edit")
	String saveGoal(Viewer me, @PathVariable String id, @RequestParam(required = false) String action,
			HttpServletRequest request, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		LearningCycles.GoalInCycle found = cycles.goal(me, new GoalId(id));
		LearningCycle cycle = cycles.forChange(me, found.cycle().id());
		GoalForm form = goalForm(request);
		if ("search".equals(action)) {
			return goalPage(model, me, cycle, found.goal(), form, Map.of());
		}
		try {
			Goal saved = cycles.editGoal(me, found.goal().id(), draft(me, form));
			redirect.addFlashAttribute("notice", "Saved “" + saved.what() + "”.");
			return "redirect:/cycles/" + cycle.id().value() + "#goal-" + saved.id().value();
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage() + " Check the fields marked below.");
			return goalPage(model, me, cycle, found.goal(), form, e.fieldErrors());
		}
	}

	@PostMapping("/goals/{id}/remove")
	String removeGoal(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		LearningCycles.GoalInCycle found = cycles.goal(me, new GoalId(id));
		cycles.removeGoal(me, found.goal().id());
		redirect.addFlashAttribute("notice", "Removed “" + found.goal().what() + "” from your contract.");
		return "redirect:/cycles/" + found.cycle().id().value();
	}

	private String goalPage(Model model, Viewer me, LearningCycle cycle, Goal goal, GoalForm form,
			Map<String, String> errors) {
		model.addAttribute("cycle", cycle);
		model.addAttribute("goal", goal);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("servable", priorities.servable(me));
		model.addAttribute("capabilities", capabilities.catalogue(me, null, null, false)
			.stream()
			.sorted(Comparator.comparing((Capability c) -> c.name().toLowerCase(Locale.ROOT)))
			.toList());
		// the courses chosen (with their titles) and, when asked, those the catalogue finds
		Map<String, String> courses = new LinkedHashMap<>();
		if (goal != null) {
			goal.courses().forEach(c -> courses.put(c.id().value(), c.title()));
		}
		List<String> unknown = form.courses().stream().filter(c -> !courses.containsKey(c)).toList();
		if (!unknown.isEmpty()) {
			cycles.courseTitles(unknown.stream().map(CourseId::new).toList())
				.forEach((c, t) -> courses.put(c.value(), t));
		}
		Map<String, String> found = new LinkedHashMap<>();
		String words = form.courseSearch() == null ? "" : form.courseSearch().strip();
		if (!words.isEmpty()) {
			try {
				catalog.search(me, new CatalogQuery(words, null, null, null, null, null, 1))
					.items()
					.forEach(e -> found.put(e.id().value(), e.title()));
			}
			catch (InvalidInputException e) {
				model.addAttribute("searchProblem", e.getMessage());
			}
			model.addAttribute("searched", true);
		}
		model.addAttribute("chosenCourses", courses);
		model.addAttribute("foundCourses", found);
		List<String> people = new ArrayList<>(form.validators());
		if (form.mentor() != null && !form.mentor().isBlank()) {
			people.add(form.mentor());
		}
		model.addAttribute("colleagues", colleagues(me, people));
		List<GoalForm.Resource> rows = new ArrayList<>(form.resources());
		rows.add(new GoalForm.Resource(null, null));
		while (rows.size() < 3) {
			rows.add(new GoalForm.Resource(null, null));
		}
		model.addAttribute("resourceRows", rows);
		return "cycles/goal-form";
	}

	private static GoalForm goalForm(HttpServletRequest request) {
		String[] titles = values(request, "resourceTitle");
		String[] urls = values(request, "resourceUrl");
		List<GoalForm.Resource> resources = new ArrayList<>();
		for (int i = 0; i < Math.max(titles.length, urls.length); i++) {
			String t = i < titles.length ? titles[i] : null;
			String u = i < urls.length ? urls[i] : null;
			if ((t != null && !t.isBlank()) || (u != null && !u.isBlank())) {
				resources.add(new GoalForm.Resource(t, u));
			}
		}
		return new GoalForm(request.getParameter("what"), request.getParameter("capabilityLevel"),
				List.of(values(request, "priorities")), request.getParameter("servesSelf") != null,
				List.of(values(request, "courses")), resources, request.getParameter("practice"),
				request.getParameter("mentor"), request.getParameter("evidence"), List.of(values(request, "validators")),
				request.getParameter("validatorEmails"), request.getParameter("targetDate"),
				request.getParameter("lookingForHelp") != null, request.getParameter("courseSearch"));
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] v = request.getParameterValues(name);
		return v == null ? new String[0] : v;
	}

	private GoalDraft draft(Viewer me, GoalForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		CapabilityId capability = null;
		Integer level = null;
		String chosen = form.capabilityLevel() == null ? "" : form.capabilityLevel().strip();
		if (!chosen.isEmpty()) {
			int colon = chosen.lastIndexOf(':');
			capability = new CapabilityId(colon < 0 ? chosen : chosen.substring(0, colon));
			if (colon >= 0) {
				try {
					level = Integer.parseInt(chosen.substring(colon + 1));
				}
				catch (NumberFormatException e) {
					errors.put("targetLevel", "Choose one of the capability's levels.");
				}
			}
		}
		LocalDate target = date(form.targetDate(), "targetDate", errors);
		List<PersonId> validators = people(form.validators(), form.validatorEmails(), "validators", errors);
		String mentor = form.mentor() == null || form.mentor().isBlank() ? null : form.mentor().strip();
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The goal was not saved.", errors);
		}
		return new GoalDraft(form.what(), capability, level,
				form.priorities().stream().filter(p -> !p.isBlank()).map(PriorityId::new).toList(), form.servesSelf(),
				form.courses().stream().filter(c -> !c.isBlank()).map(CourseId::new).toList(),
				form.resources().stream().map(r -> new GoalDraft.Resource(r.title(), r.url())).toList(), form.practice(),
				mentor == null ? null : new PersonId(mentor), form.evidence(), validators, target, form.lookingForHelp());
	}

	// --- Draft my contract -----------------------------------------------------------------------------------------

	@GetMapping("/cycles/{id}/draft")
	String draftPage(Viewer me, @PathVariable String id, Model model) {
		LearningCycle cycle = cycles.forChange(me, new CycleId(id));
		Set<String> already = new LinkedHashSet<>();
		cycle.goals().stream().filter(g -> g.capability() != null).forEach(g -> already.add(g.capability().id().value()));
		List<GoalProposal> proposals = drafts.propose(me);
		model.addAttribute("cycle", cycle);
		model.addAttribute("proposals", proposals);
		model.addAttribute("already", already);
		return "cycles/draft";
	}

	// --- helpers ---------------------------------------------------------------------------------------------------

	/**
	 * Colleagues to pick from: the people of the viewer's teams and the teams below (at most {@link #MAX_PICKER}),
	 * with anyone already chosen; others are named by email.
	 */
	private List<PersonRef> colleagues(Viewer me, List<String> chosen) {
		Map<PersonId, PersonRef> result = new LinkedHashMap<>();
		for (var team : me.teamIds()) {
			for (Person p : organization.membersOfTeamTree(team)) {
				if (result.size() >= MAX_PICKER) {
					break;
				}
				if (!me.is(p.id())) {
					result.putIfAbsent(p.id(), new PersonRef(p.id(), p.name()));
				}
			}
		}
		for (String id : chosen) {
			if (id == null || id.isBlank()) {
				continue;
			}
			PersonId p = new PersonId(id.strip());
			if (!result.containsKey(p) && Ids.looksValid(p.value())) {
				organization.contactOf(p).ifPresent(found -> result.put(p, new PersonRef(p, found.name())));
			}
		}
		List<PersonRef> list = new ArrayList<>(result.values());
		list.sort(Comparator.comparing((PersonRef p) -> p.name().toLowerCase(Locale.ROOT)));
		return list;
	}

	/** People picked by id plus people named by email (comma or line separated); unknown emails at the field. */
	private List<PersonId> people(List<String> ids, String emails, String field, Map<String, String> errors) {
		List<PersonId> result = new ArrayList<>();
		ids.stream().filter(i -> i != null && !i.isBlank()).forEach(i -> result.add(new PersonId(i.strip())));
		if (emails != null && !emails.isBlank()) {
			for (String email : emails.split("[,;\\s]+")) {
				if (email.isBlank()) {
					continue;
				}
				organization.activePersonByEmail(email)
					.ifPresentOrElse(p -> result.add(p.id()),
							() -> errors.put(field, "Nobody active has the email " + email.strip() + "."));
			}
		}
		return result;
	}

	static LocalDate date(String text, String field, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			errors.put(field, "Give a date as YYYY-MM-DD.");
			return null;
		}
	}

	static Integer number(String text, String field, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Optional<Integer> number = FormNumbers.wholeNumber(text);
		if (number.isEmpty()) {
			errors.put(field, "Give a whole number.");
		}
		return number.orElse(null);
	}

	static Visibility visibility(String text, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Visibility.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			errors.put("visibility", "Choose who reads your contract: " + Arrays.toString(Visibility.values()) + ".");
			return null;
		}
	}
}
