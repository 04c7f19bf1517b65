package io.stride.cycles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.capability.Capabilities;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.cycles.internal.TemplateRows;
import io.stride.cycles.internal.TemplateRows.TemplateGoalRow;
import io.stride.cycles.internal.TemplateRows.TemplateRow;
import io.stride.identity.Organization;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.ControlCharacters;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams' contract templates. A team's managers (and admins) keep them; the people of the team and of the teams below
 * it read them and start a cycle from one. Everyone else gets 404.
 */
@Service
@Transactional
public class ContractTemplates {

	public static final int MAX_LINES = LearningCycles.MAX_GOALS;

	private final TemplateRows rows;

	private final Organization organization;

	private final Capabilities capabilities;

	private final Clock clock;

	ContractTemplates(TemplateRows rows, Organization organization, Capabilities capabilities, Clock clock) {
		this.rows = rows;
		this.organization = organization;
		this.capabilities = capabilities;
		this.clock = clock;
	}

	/** A team's live templates, for its people (and those of the teams below), its managers and admins; 404 else. */
	@Transactional(readOnly = true)
	public List<ContractTemplate> ofTeam(Viewer viewer, TeamId teamId) {
		visibleTeam(viewer, teamId);
		return views(viewer, rows.ofTeams(Set.of(teamId)));
	}

	/** The templates a person may start a cycle from: those of their teams and of the teams above them. */
	@Transactional(readOnly = true)
	public List<ContractTemplate> openTo(Viewer viewer) {
		return views(viewer, rows.ofTeams(organization.withAncestors(viewer.teamIds())));
	}

	/** One live template, for those who may read its team's. */
	@Transactional(readOnly = true)
	public ContractTemplate get(Viewer viewer, String id) {
		TemplateRow row = live(id);
		visibleTeam(viewer, row.teamId());
		return views(viewer, List.of(row)).get(0);
	}

	/** 422 at the field for a missing or long title and goal lines that do not check out; 403 for members. */
	public ContractTemplate create(Viewer viewer, TeamId teamId, TemplateDraft draft) {
		requireEditor(viewer, teamId);
		Checked checked = check(viewer, draft);
		TemplateRow row = new TemplateRow(Ids.newId(), teamId, checked.title(), viewer.id(), clock.instant(), null);
		rows.insert(row);
		rows.replaceGoals(row.id(), checked.lines(row.id()));
		return get(viewer, row.id());
	}

	public ContractTemplate edit(Viewer viewer, String id, TemplateDraft draft) {
		TemplateRow row = live(id);
		requireEditor(viewer, row.teamId());
		Checked checked = check(viewer, draft);
		rows.update(row.id(), checked.title(), viewer.id(), clock.instant());
		rows.replaceGoals(row.id(), checked.lines(row.id()));
		return get(viewer, row.id());
	}

	/** Retires a template: no one starts from it any more; cycles started from it keep their goals. */
	public void retire(Viewer viewer, String id) {
		TemplateRow row = live(id);
		requireEditor(viewer, row.teamId());
		rows.retire(row.id(), viewer.id(), clock.instant());
	}

	private record Checked(String title, List<TemplateDraft.Line> goals) {

		List<TemplateGoalRow> lines(String templateId) {
			List<TemplateGoalRow> result = new ArrayList<>();
			int position = 1;
			for (TemplateDraft.Line l : goals) {
				result.add(new TemplateGoalRow(Ids.newId(), templateId, position++, l.what(),
						l.capabilityId() == null ? null : l.capabilityId().value(), l.targetLevel(), l.evidence()));
			}
			return result;
		}
	}

	private Checked check(Viewer viewer, TemplateDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		String title = draft.title() == null ? "" : draft.title().strip();
		if (title.isEmpty()) {
			errors.put("title", "Give the template a title, e.g. “Support engineer, first quarter”.");
		}
		else if (title.length() > LearningCycles.MAX_TITLE || ControlCharacters.in(title)) {
			errors.put("title", "Keep the title to " + LearningCycles.MAX_TITLE + " characters of plain text.");
		}
		List<TemplateDraft.Line> lines = new ArrayList<>();
		for (TemplateDraft.Line l : draft.goals()) {
			String what = strip(l.what());
			String evidence = strip(l.evidence());
			if (what == null && l.capabilityId() == null && evidence == null) {
				continue;
			}
			if (what == null) {
				errors.put("goals", "Say what each goal is about.");
				continue;
			}
			if (what.length() > LearningCycles.MAX_WHAT || ControlCharacters.in(what)) {
				errors.put("goals", "Keep each goal to " + LearningCycles.MAX_WHAT + " characters of plain text.");
				continue;
			}
			if (evidence != null && (evidence.length() > LearningCycles.MAX_TEXT || ControlCharacters.in(evidence))) {
				errors.put("goals", "Keep each goal's evidence to " + LearningCycles.MAX_TEXT + " characters.");
				continue;
			}
			Capability capability = null;
			if (l.capabilityId() != null) {
				capability = capability(viewer, l.capabilityId());
				if (capability == null) {
					errors.put("goals", "Choose capabilities of the catalogue, or none.");
					continue;
				}
			}
			Integer level = l.targetLevel() == null || l.targetLevel() == 0 ? null : l.targetLevel();
			if (level != null && (capability == null || capability.level(level).isEmpty())) {
				errors.put("goals", "Choose a level of the goal's capability (or no level).");
				continue;
			}
			lines.add(new TemplateDraft.Line(what, capability == null ? null : capability.id(), level, evidence));
		}
		if (lines.isEmpty() && !errors.containsKey("goals")) {
			errors.put("goals", "Write at least one goal.");
		}
		if (lines.size() > MAX_LINES) {
			errors.put("goals", "A template holds at most " + MAX_LINES + " goals.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The template was not saved.", errors);
		}
		return new Checked(title, lines);
	}

	private Capability capability(Viewer viewer, CapabilityId id) {
		try {
			Capability c = Ids.looksValid(id.value()) ? capabilities.get(viewer, id) : null;
			return c != null && c.active() ? c : null;
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	private List<ContractTemplate> views(Viewer viewer, List<TemplateRow> templates) {
		if (templates.isEmpty()) {
			return List.of();
		}
		Map<String, List<TemplateGoalRow>> goals = rows.goalsOf(templates.stream().map(TemplateRow::id).toList());
		Map<TeamId, String> teamNames = new HashMap<>();
		organization.allTeams().forEach(t -> teamNames.put(t.id(), t.name()));
		Map<String, Capability> catalogue = new HashMap<>();
		capabilities.catalogue(viewer, null, null, true).forEach(c -> catalogue.put(c.id().value(), c));
		Set<TeamId> managed = organization.managedTeamTree(viewer);
		List<ContractTemplate> result = new ArrayList<>();
		for (TemplateRow t : templates) {
			List<ContractTemplate.Line> lines = goals.getOrDefault(t.id(), List.of())
				.stream()
				.map(g -> new ContractTemplate.Line(g.what(), ref(catalogue, g), g.evidence()))
				.toList();
			result.add(new ContractTemplate(t.id(), t.teamId(), teamNames.getOrDefault(t.teamId(), "A team"), t.title(),
					lines, t.updatedAt(), managed.contains(t.teamId())));
		}
		return result;
	}

	private static Goal.CapabilityRef ref(Map<String, Capability> catalogue, TemplateGoalRow g) {
		if (g.capabilityId() == null) {
			return null;
		}
		Capability c = catalogue.get(g.capabilityId());
		int rank = g.targetLevel() == null ? 0 : g.targetLevel();
		if (c == null) {
			return new Goal.CapabilityRef(new CapabilityId(g.capabilityId()), "A capability no longer in the catalogue",
					rank, null);
		}
		return new Goal.CapabilityRef(c.id(), c.name(), rank, rank == 0 ? null : c.levelName(rank));
	}

	private TemplateRow live(String id) {
		if (id == null || !Ids.looksValid(id)) {
			throw new NotFoundException("Template");
		}
		return rows.find(id).filter(t -> t.retiredAt() == null).orElseThrow(() -> new NotFoundException("Template"));
	}

	private Team visibleTeam(Viewer viewer, TeamId teamId) {
		boolean inTree = organization.withAncestors(viewer.teamIds()).contains(teamId);
		if (!inTree && !organization.canManage(viewer, teamId)) {
			throw new NotFoundException("Team");
		}
		return organization.allTeams()
			.stream()
			.filter(t -> t.id().equals(teamId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Team"));
	}

	private void requireEditor(Viewer viewer, TeamId teamId) {
		visibleTeam(viewer, teamId);
		if (!organization.canManage(viewer, teamId)) {
			throw new ForbiddenException("Only the team's managers and admins keep its contract templates.");
		}
	}

	private static String strip(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
