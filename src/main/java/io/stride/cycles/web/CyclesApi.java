package io.stride.cycles.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.stride.authoring.CourseId;
import io.stride.capability.CapabilityId;
import io.stride.capability.PersonRef;
import io.stride.cycles.ContractDrafts;
import io.stride.cycles.ContractTemplate;
import io.stride.cycles.ContractTemplates;
import io.stride.cycles.CycleAccess;
import io.stride.cycles.CycleChange;
import io.stride.cycles.CycleId;
import io.stride.cycles.CycleSummary;
import io.stride.cycles.Goal;
import io.stride.cycles.GoalDraft;
import io.stride.cycles.GoalId;
import io.stride.cycles.GoalProposal;
import io.stride.cycles.LearningCycle;
import io.stride.cycles.LearningCycles;
import io.stride.cycles.NewCycle;
import io.stride.cycles.PriorityId;
import io.stride.cycles.TeamCycles;
import io.stride.cycles.TemplateDraft;
import io.stride.cycles.Visibility;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Learning cycles", description = "A person's learning cycles (30 to 92 days) and their contracts: goals, "
		+ "what they serve, how and with what evidence; team templates and \"Draft my contract\". Only the owner changes "
		+ "a contract; who reads it is the owner's choice, and their managers see that it exists and which priorities "
		+ "it serves; everyone else gets 404.")
@SecurityRequirement(name = "bearer")
class CyclesApi {

	private final LearningCycles cycles;

	private final ContractTemplates templates;

	private final ContractDrafts drafts;

	private final Organization organization;

	CyclesApi(LearningCycles cycles, ContractTemplates templates, ContractDrafts drafts, Organization organization) {
		this.cycles = cycles;
		this.templates = templates;
		this.drafts = drafts;
		this.organization = organization;
	}

	record PersonView(String id, String name) {

		static PersonView of(PersonRef p) {
			return p == null ? null : new PersonView(p.id().value(), p.name());
		}
	}

	/** {@code team} null: an organization priority. */
	record ServedView(String id, String title, String team, String period) {

		static ServedView of(Goal.ServedPriority p) {
			return new ServedView(p.id().value(), p.title(), p.team(), p.period());
		}
	}

	record CapabilityView(String id, String name, int targetLevel, String targetLevelName) {

		static CapabilityView of(Goal.CapabilityRef c) {
			return c == null ? null : new CapabilityView(c.id().value(), c.name(), c.targetRank(), c.targetLevelName());
		}
	}

	record CourseView(String id, String title) {

		static CourseView of(Goal.CourseRef c) {
			return new CourseView(c.id().value(), c.title());
		}
	}

	record LinkView(String id, String title, String url) {

		static LinkView of(Goal.Link l) {
			return new LinkView(l.id(), l.title(), l.url());
		}
	}

	/** For a viewer who only sees that the cycle exists, only id, position, priorities and servesSelf are filled. */
	record GoalView(String id, String cycleId, int position, String what, CapabilityView capability,
			List<ServedView> priorities, boolean servesSelf, List<CourseView> courses, List<LinkView> resources,
			String practice, PersonView mentor, String evidence, List<PersonView> validators, LocalDate targetDate,
			boolean lookingForHelp, int progress, int minutesLogged, List<LinkView> produced, String outcome,
			String reflection, String nextStep, String carriedFrom) {

		static GoalView of(Goal g) {
			return new GoalView(g.id().value(), g.cycleId().value(), g.position(), g.what(), CapabilityView.of(g.capability()),
					g.priorities().stream().map(ServedView::of).toList(), g.servesSelf(),
					g.courses().stream().map(CourseView::of).toList(), g.resources().stream().map(LinkView::of).toList(),
					g.practice(), PersonView.of(g.mentor()), g.evidence(),
					g.validators().stream().map(PersonView::of).toList(), g.targetDate(), g.lookingForHelp(), g.progress(),
					g.minutesLogged(), g.produced().stream().map(LinkView::of).toList(),
					g.outcome() == null ? null : g.outcome().name(), g.reflection(), g.nextStep(),
					g.carriedFrom() == null ? null : g.carriedFrom().value());
		}
	}

	/** {@code access}: OWNER, READ, or EXISTENCE (a manager outside the chosen audience). */
	record CycleView(String id, PersonView owner, String title, LocalDate startsOn, LocalDate endsOn, long days,
			String status, String visibility, List<PersonView> viewers, List<PersonView> invited, List<GoalView> goals,
			Integer reminderAfterDays, int revision, Instant createdAt, Instant closedAt, String access,
			List<String> warnings) {

		static CycleView of(LearningCycle c) {
			return new CycleView(c.id().value(), PersonView.of(c.owner()), c.title(), c.startsOn(), c.endsOn(), c.days(),
					c.status().name(), c.visibility() == null ? null : c.visibility().name(), c.viewers().stream().map(PersonView::of).toList(),
					c.invited().stream().map(PersonView::of).toList(), c.goals().stream().map(GoalView::of).toList(),
					c.reminderAfterDays(), c.revision(), c.createdAt(), c.closedAt(), c.access().name(), c.warnings());
		}
	}

	record CycleSummaryView(String id, PersonView owner, String title, LocalDate startsOn, LocalDate endsOn,
			String status, int goals, int progress, List<ServedView> serves, boolean servesSelf, String access) {

		static CycleSummaryView of(CycleSummary c) {
			return c == null ? null : new CycleSummaryView(c.id().value(), PersonView.of(c.owner()), c.title(),
					c.startsOn(), c.endsOn(), c.status().name(), c.goals(), c.progress(),
					c.serves().stream().map(ServedView::of).toList(), c.servesSelf(), c.access().name());
		}
	}

	record GoalInCycleView(CycleSummaryView cycle, GoalView goal) {
	}

	/** {@code activeCycle} null: no active cycle. */
	record TeamMemberView(PersonView person, CycleSummaryView activeCycle) {
	}

	record TeamCyclesView(String teamId, String teamName, long withActiveCycle, List<TeamMemberView> members) {

		static TeamCyclesView of(TeamCycles t) {
			return new TeamCyclesView(t.teamId().value(), t.teamName(), t.withActiveCycle(), t.members()
				.stream()
				.map(m -> new TeamMemberView(PersonView.of(m.person()), CycleSummaryView.of(m.active())))
				.toList());
		}
	}

	record TemplateLineView(String what, CapabilityView capability, String evidence) {
	}

	record TemplateView(String id, String teamId, String teamName, String title, List<TemplateLineView> goals,
			Instant updatedAt, boolean mayEdit) {

		static TemplateView of(ContractTemplate t) {
			return new TemplateView(t.id(), t.teamId().value(), t.teamName(), t.title(), t.goals()
				.stream()
				.map(l -> new TemplateLineView(l.what(), CapabilityView.of(l.capability()), l.evidence()))
				.toList(), t.updatedAt(), t.mayEdit());
		}
	}

	record PriorityChoiceView(String id, String title) {
	}

	/** A proposed goal; {@code draft} is the body to POST to /api/v1/cycles/{id}/goals to add it. */
	record ProposalView(String what, String reason, CapabilityView capability, List<PriorityChoiceView> priorities,
			boolean servesSelf, List<CourseView> courses, String evidence, PersonView validator, GoalBody draft) {

		static ProposalView of(GoalProposal p) {
			GoalDraft d = p.draft();
			return new ProposalView(p.what(), p.reason(), CapabilityView.of(p.capability()),
					p.priorities().stream().map(c -> new PriorityChoiceView(c.id().value(), c.title())).toList(),
					p.servesSelf(), p.courses().stream().map(CourseView::of).toList(), p.evidence(),
					PersonView.of(p.validator()),
					new GoalBody(d.what(), d.capabilityId().value(), d.targetLevel(),
							d.priorities().stream().map(PriorityId::value).toList(), d.servesSelf(),
							d.courses().stream().map(CourseId::value).toList(), List.of(), null, null, d.evidence(),
							d.validators().stream().map(PersonId::value).toList(), null, false));
		}
	}

	/**
	 * {@code days}: 30–92 (60 when absent); {@code startsOn}: ISO date (today when absent); {@code visibility}: TEAM
	 * (default), MANAGER, NAMED or ORGANIZATION; {@code viewers}: person ids of named readers; {@code fromCycle}: one of
	 * the caller's earlier cycles; {@code fromTemplate}: a template of the caller's teams; {@code reminderAfterDays}:
	 * the day of the check-in reminder (absent: halfway; 0: none).
	 */
	record StartBody(String title, String startsOn, Integer days, String visibility, List<String> viewers,
			String fromCycle, String fromTemplate, Integer reminderAfterDays) {
	}

	/** Absent parts stay as they are; {@code endsOn} wins over {@code days}; {@code revision} is the one read. */
	record ChangeBody(Integer revision, String title, String endsOn, Integer days, String visibility,
			List<String> viewers, Integer reminderAfterDays) {
	}

	record ResourceBody(String title, String url) {
	}

	/** {@code priorities}: ids of priorities served; at least one of them or {@code servesSelf} true. */
	record GoalBody(String what, String capabilityId, Integer targetLevel, List<String> priorities, Boolean servesSelf,
			List<String> courses, List<ResourceBody> resources, String practice, String mentor, String evidence,
			List<String> validators, String targetDate, Boolean lookingForHelp) {
	}

	record TemplateLineBody(String what, String capabilityId, Integer targetLevel, String evidence) {
	}

	record TemplateBody(String title, List<TemplateLineBody> goals) {
	}

	@GetMapping("/cycles")
	@Operation(summary = "The caller's cycles, latest first ('scope=shared': others' cycles that name or invite the "
			+ "caller)")
	List<CycleSummaryView> mine(Viewer me, @RequestParam(required = false) String scope) {
		List<CycleSummary> found = "shared".equalsIgnoreCase(scope) ? cycles.sharedWithMe(me) : cycles.mine(me);
		return found.stream().map(CycleSummaryView::of).toList();
	}

	@PostMapping("/cycles")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start a learning cycle, blank or from a previous cycle or a team template; 422 at the field "
			+ "(days, startsOn, title, visibility, viewers, fromCycle, fromTemplate, reminderAfterDays); 409 while "
			+ "another cycle is active")
	CycleView start(Viewer viewer, @RequestBody StartBody body) {
		LocalDate startsOn = null;
		InvalidInputException unparsed = null;
		try {
			startsOn = date(body.startsOn(), "startsOn");
		}
		catch (InvalidInputException e) {
			unparsed = e;
		}
		NewCycle draft = new NewCycle(body.title(), startsOn, body.days(), visibility(body.visibility()),
				people(body.viewers()), blank(body.fromCycle()) == null ? null : new CycleId(body.fromCycle().strip()),
				blank(body.fromTemplate()), body.reminderAfterDays());
		if (unparsed != null) {
			// the date did not parse: report it with whatever else is wrong
			Map<String, String> all = new LinkedHashMap<>(cycles.startProblems(viewer, draft));
			all.putAll(unparsed.fieldErrors());
			throw new InvalidInputException("The cycle was not started.", all);
		}
		return CycleView.of(cycles.start(viewer, draft));
	}

	@GetMapping("/cycles/draft")
	@Operation(summary = "\"Draft my contract\": up to five goals proposed from the caller's teams' short and at-risk "
			+ "capabilities and the levels the caller is closest to, each prefilled; nothing is added")
	List<ProposalView> draft(Viewer me) {
		return drafts.propose(me).stream().map(ProposalView::of).toList();
	}

	@GetMapping("/cycles/{id}")
	@Operation(summary = "A cycle with its contract, as the caller may read it; 404 for those who may not")
	CycleView cycle(Viewer me, @PathVariable String id) {
		return CycleView.of(cycles.cycle(me, new CycleId(id)));
	}

	@PutMapping("/cycles/{id}")
	@Operation(summary = "Change one's own active cycle (title, endsOn or days, visibility, viewers, "
			+ "reminderAfterDays); 422 at the field, 409 when changed since 'revision' or closed, 403 for readers, 404 "
			+ "for others")
	CycleView change(Viewer me, @PathVariable String id, @RequestBody ChangeBody body) {
		if (body.revision() == null) {
			throw new InvalidInputException("revision", "Give the revision you read, e.g. 1.");
		}
		return CycleView.of(cycles.edit(me, new CycleId(id), body.revision(),
				new CycleChange(body.title(), date(body.endsOn(), "endsOn"), body.days(), visibility(body.visibility()),
						body.viewers() == null ? null : people(body.viewers()), body.reminderAfterDays())));
	}

	@PostMapping("/cycles/{id}/goals")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a goal to one's own active cycle; 422 at the field (what, why, capabilityId, "
			+ "targetLevel, priorities, courses, resources, practice, evidence, mentor, validators, targetDate)")
	GoalView addGoal(Viewer me, @PathVariable String id, @RequestBody GoalBody body) {
		return GoalView.of(cycles.addGoal(me, new CycleId(id), goal(body)));
	}

	@GetMapping("/goals/{id}")
	@Operation(summary = "A goal with a summary of its cycle, as the caller may read them; 404 otherwise")
	GoalInCycleView goal(Viewer me, @PathVariable String id) {
		LearningCycles.GoalInCycle found = cycles.goal(me, new GoalId(id));
		LearningCycle c = found.cycle();
		return new GoalInCycleView(new CycleSummaryView(c.id().value(), PersonView.of(c.owner()), c.title(),
				c.startsOn(), c.endsOn(), c.status().name(),
				c.access() == CycleAccess.EXISTENCE ? 0 : c.goals().size(),
				(int) Math.round(c.goals().stream().mapToInt(Goal::progress).average().orElse(0)),
				c.goals().stream().flatMap(g -> g.priorities().stream()).distinct().map(ServedView::of).toList(),
				c.goals().stream().anyMatch(Goal::servesSelf), c.access().name()), GoalView.of(found.goal()));
	}

	@PutMapping("/goals/{id}")
	@Operation(summary = "Rewrite a goal of one's own active cycle (everything but progress and reflection); 422 at "
			+ "the field, 403 for readers, 404 for others, 409 for a closed cycle")
	GoalView editGoal(Viewer me, @PathVariable String id, @RequestBody GoalBody body) {
		return GoalView.of(cycles.editGoal(me, new GoalId(id), goal(body)));
	}

	@DeleteMapping("/goals/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a goal from one's own active cycle (its discussion stays in the history)")
	void removeGoal(Viewer me, @PathVariable String id) {
		cycles.removeGoal(me, new GoalId(id));
	}

	@GetMapping("/teams/{id}/cycles")
	@Operation(summary = "The people of a team's tree with their active cycle (dates, goals, progress, priorities "
			+ "served), those with one first; for the team's managers and admins, 404 otherwise")
	TeamCyclesView teamCycles(Viewer me, @PathVariable String id) {
		return TeamCyclesView.of(cycles.team(me, new TeamId(id)));
	}

	@GetMapping("/teams/{id}/contract-templates")
	@Operation(summary = "A team's contract templates, for its people, its managers and admins; 404 otherwise")
	List<TemplateView> templates(Viewer me, @PathVariable String id) {
		return templates.ofTeam(me, new TeamId(id)).stream().map(TemplateView::of).toList();
	}

	@PostMapping("/teams/{id}/contract-templates")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a contract template to a team (its managers and admins; 403 for members, 404 for "
			+ "others); 422 at 'title' or 'goals'")
	TemplateView createTemplate(Viewer me, @PathVariable String id, @RequestBody TemplateBody body) {
		return TemplateView.of(templates.create(me, new TeamId(id), template(body)));
	}

	@PutMapping("/contract-templates/{id}")
	@Operation(summary = "Rewrite a contract template (the team's managers and admins)")
	TemplateView editTemplate(Viewer me, @PathVariable String id, @RequestBody TemplateBody body) {
		return TemplateView.of(templates.edit(me, id, template(body)));
	}

	@DeleteMapping("/contract-templates/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Retire a contract template; cycles started from it keep their goals")
	void retireTemplate(Viewer me, @PathVariable String id) {
		templates.retire(me, id);
	}

	// --- reading bodies ------------------------------------------------------------------------------------------

	static GoalDraft goal(GoalBody b) {
		List<GoalDraft.Resource> resources = new ArrayList<>();
		if (b.resources() != null) {
			b.resources().stream().filter(r -> r != null).forEach(r -> resources.add(new GoalDraft.Resource(r.title(), r.url())));
		}
		String capability = blank(b.capabilityId());
		String mentor = blank(b.mentor());
		return new GoalDraft(b.what(), capability == null ? null : new CapabilityId(capability), b.targetLevel(),
				ids(b.priorities()).stream().map(PriorityId::new).toList(), Boolean.TRUE.equals(b.servesSelf()),
				ids(b.courses()).stream().map(CourseId::new).toList(), resources, b.practice(),
				mentor == null ? null : new PersonId(mentor), b.evidence(), people(b.validators()),
				date(b.targetDate(), "targetDate"), Boolean.TRUE.equals(b.lookingForHelp()));
	}

	static TemplateDraft template(TemplateBody b) {
		List<TemplateDraft.Line> lines = new ArrayList<>();
		if (b.goals() != null) {
			for (TemplateLineBody l : b.goals()) {
				if (l == null) {
					continue;
				}
				String capability = blank(l.capabilityId());
				lines.add(new TemplateDraft.Line(l.what(), capability == null ? null : new CapabilityId(capability),
						l.targetLevel(), l.evidence()));
			}
		}
		return new TemplateDraft(b.title(), lines);
	}

	static Visibility visibility(String v) {
		String value = blank(v);
		if (value == null) {
			return null;
		}
		try {
			return Visibility.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("visibility", "Choose TEAM, MANAGER, NAMED or ORGANIZATION.");
		}
	}

	static LocalDate date(String text, String field) {
		String value = blank(text);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, "Give a date as YYYY-MM-DD.");
		}
	}

	static List<PersonId> people(List<String> ids) {
		return ids(ids).stream().map(PersonId::new).toList();
	}

	static List<String> ids(List<String> ids) {
		return ids == null ? List.of() : ids.stream().map(CyclesApi::blank).filter(s -> s != null).toList();
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
