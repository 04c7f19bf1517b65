package io.stride.capability;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.stride.capability.internal.CatalogueStore;
import io.stride.capability.internal.DraftCheck;
import io.stride.capability.internal.Holdings;
import io.stride.capability.internal.RuleLabels;
import io.stride.identity.Organization;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of capabilities. Everyone signed in reads it; admins and L&D reviewers keep the organization's
 * capabilities; a manager adds and keeps capabilities local to a team they manage (or a team below it). Changing
 * levels or rules recomputes the levels people hold in the same transaction. Every change is audited.
 */
@Service
@Transactional
public class Capabilities {

	public static final String CONFLICT_MESSAGE = "This capability was saved elsewhere (another tab or person) after you "
			+ "opened it. Your changes were not saved; reload to see the latest version, then make them again.";

	private static final String NOT_SAVED = "The capability was not saved.";

	private final CatalogueStore store;

	private final DraftCheck check;

	private final RuleLabels labels;

	private final Holdings holdings;

	private final Organization organization;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final LearningTeam learningTeam;

	Capabilities(CatalogueStore store, DraftCheck check, RuleLabels labels, Holdings holdings, Organization organization,
			ApplicationEventPublisher events, Clock clock, LearningTeam learningTeam) {
		this.learningTeam = learningTeam;
		this.store = store;
		this.check = check;
		this.labels = labels;
		this.holdings = holdings;
		this.organization = organization;
		this.events = events;
		this.clock = clock;
	}

	/** Active capabilities (and retired ones when asked), optionally of one category or matching words. */
	@Transactional(readOnly = true)
	public List<Capability> catalogue(Viewer viewer, String category, String query, boolean includeRetired) {
		String wantedCategory = category == null || category.isBlank() ? null : category.strip();
		List<String> words = query == null || query.isBlank() ? List.of()
				: Arrays.stream(query.toLowerCase(Locale.ROOT).strip().split("\\s+")).toList();
		List<Capability> found = (includeRetired ? store.all() : store.active()).stream()
			.filter(c -> wantedCategory == null || c.category().equalsIgnoreCase(wantedCategory))
			.filter(c -> matches(c, words))
			.toList();
		return labels.named(found);
	}

	/** The categories in use, for filters. */
	@Transactional(readOnly = true)
	public List<String> categories() {
		return store.categories();
	}

	/** One capability; 404 when there is none. */
	@Transactional(readOnly = true)
	public Capability get(Viewer viewer, CapabilityId id) {
		return labels.named(find(id));
	}

	private static boolean sameEvidence(Capability before, Capability after) {
		return Objects.equals(before.validityMonths(), after.validityMonths())
				&& before.levels().equals(after.levels()) && rulesOf(before).equals(rulesOf(after));
	}

	/** Rules without their ids (a save gives them new ones) and labels. */
	private static List<List<Object>> rulesOf(Capability c) {
		return c.rules()
			.stream()
			.map(r -> Arrays.<Object>asList(r.level(), r.kind(), r.courseId(), r.currentVersion(), r.taskId(),
					r.count(), r.certificateName()))
			.toList();
	}

	/** Whether the viewer keeps the organization's catalogue (admins and L&D reviewers). */
	public boolean keepsOrganizationCatalogue(Viewer viewer) {
		return learningTeam.includes(viewer);
	}

	/** Whether the viewer may add capabilities: keepers of the catalogue, and managers for their teams. */
	public boolean mayCreate(Viewer viewer) {
		return learningTeam.includes(viewer) || viewer.isManager();
	}

	/** Whether the viewer may change the capability (and its levels, rules, merge and retirement). */
	public boolean mayKeep(Viewer viewer, Capability capability) {
		if (learningTeam.includes(viewer)) {
			return true;
		}
		return capability.ownerTeamId() != null && organization.canManage(viewer, capability.ownerTeamId());
	}

	/** 422 with field errors (name, description, category, validityMonths, levels, rules[i]) for a bad draft. */
	public Capability create(Viewer viewer, CapabilityDraft draft) {
		if (!learningTeam.includes(viewer) && !viewer.isManager()) {
			throw new ForbiddenException("Admins and L&D reviewers keep the catalogue; managers add capabilities of their teams.");
		}
		checkOwner(viewer, draft.ownerTeamId());
		DraftCheck.Checked checked = check.check(draft, null, NOT_SAVED);
		CapabilityId id = new CapabilityId(Ids.newId());
		store.insert(id, checked.header(), viewer.id(), clock.instant());
		store.replaceLevelsAndRules(id, checked.levels(), checked.rules());
		holdings.recomputeCapability(id);
		Capability created = get(viewer, id);
		audit(created, "CREATED", summary(created), viewer);
		return created;
	}

	/** 409 when {@code revision} is not the current one (saved elsewhere meanwhile). */
	public Capability update(Viewer viewer, CapabilityId id, int revision, CapabilityDraft draft) {
		Capability current = keepable(viewer, id);
		if (!current.active()) {
			throw new ConflictException("“" + current.name() + "” is retired; restore it before changing it.");
		}
		if (current.revision() != revision) {
			throw new ConflictException(CONFLICT_MESSAGE, Map.of("revision", current.revision()));
		}
		if (!Objects.equals(current.ownerTeamId(), draft.ownerTeamId())) {
			checkOwner(viewer, draft.ownerTeamId());
		}
		DraftCheck.Checked checked = check.check(draft, id, NOT_SAVED);
		if (!store.update(id, revision, checked.header(), clock.instant())) {
			throw new ConflictException(CONFLICT_MESSAGE);
		}
		store.replaceLevelsAndRules(id, checked.levels(), checked.rules());
		Capability stored = store.find(id).orElseThrow();
		// a new name or description changes nobody's level: only levels, rules and validity are worth recomputing
		// everyone who holds it or has evidence for it
		if (!sameEvidence(current, stored)) {
			holdings.recomputeCapability(id);
		}
		Capability updated = get(viewer, id);
		audit(updated, "UPDATED", summary(updated), viewer);
		return updated;
	}

	/** Retires a capability: its history stays; it leaves coverage, targets and the matrix. */
	public Capability retire(Viewer viewer, CapabilityId id) {
		Capability current = keepable(viewer, id);
		if (store.setStatus(id, CapabilityStatus.RETIRED, null, clock.instant())) {
			holdings.recomputeCapability(id);
			audit(current, "RETIRED", null, viewer);
		}
		return get(viewer, id);
	}

	public Capability restore(Viewer viewer, CapabilityId id) {
		Capability current = keepable(viewer, id);
		if (current.active()) {
			return labels.named(current);
		}
		if (current.mergedInto() != null) {
			String into = store.find(current.mergedInto()).map(Capability::name).orElse("another capability");
			throw new ConflictException("“" + current.name() + "” was merged into “" + into + "”, which holds its evidence "
					+ "now; it can't be restored.");
		}
		if (store.nameTaken(current.name(), id)) {
			throw new ConflictException("An active capability is already called “" + current.name() + "”; rename that "
					+ "one before restoring this one.");
		}
		store.setStatus(id, CapabilityStatus.ACTIVE, null, clock.instant());
		holdings.recomputeCapability(id);
		audit(current, "RESTORED", null, viewer);
		return get(viewer, id);
	}

	/**
	 * Merges {@code from} into {@code into}: certificates, validations, self-assessments and targets move to
	 * {@code into} (a team's own target on {@code into} wins), {@code from} is retired with a pointer to {@code into},
	 * and the levels people hold of {@code into} are recomputed.
	 */
	public Capability merge(Viewer viewer, CapabilityId from, CapabilityId into) {
		Capability source = keepable(viewer, from);
		if (from.equals(into)) {
			throw new InvalidInputException("into", "Choose another capability to merge “" + source.name() + "” into.");
		}
		Capability target = store.find(into)
			.orElseThrow(() -> new InvalidInputException("into", "Choose an existing capability to merge into."));
		if (!target.active()) {
			throw new InvalidInputException("into", "“" + target.name() + "” is retired; choose an active capability to merge into.");
		}
		if (!mayKeep(viewer, target)) {
			throw new ForbiddenException("You can't merge into “" + target.name() + "”: only its keepers can change it.");
		}
		if (source.mergedInto() != null) {
			throw new ConflictException("“" + source.name() + "” was already merged into another capability.");
		}
		CatalogueStore.Moved moved = store.moveEvidence(from, into, target.levels().size());
		store.setStatus(from, CapabilityStatus.RETIRED, into, clock.instant());
		holdings.recomputeCapability(from);
		holdings.recomputeCapability(into);
		String detail = moved.certificates() + " certificates, " + moved.validations() + " validations, "
				+ moved.selfAssessments() + " self-assessments and " + moved.targets() + " team targets moved";
		audit(source, "MERGED_AWAY", "merged into “" + target.name() + "” (" + into.value() + "); " + detail, viewer);
		audit(target, "MERGED_INTO", "“" + source.name() + "” (" + from.value() + ") merged into it; " + detail, viewer);
		return get(viewer, into);
	}

	private Capability find(CapabilityId id) {
		return store.find(id).orElseThrow(() -> new NotFoundException("Capability"));
	}

	private Capability keepable(Viewer viewer, CapabilityId id) {
		Capability capability = find(id);
		if (!mayKeep(viewer, capability)) {
			throw new ForbiddenException(capability.ownerTeamId() == null
					? "Only admins and L&D reviewers change the organization's capabilities."
					: "Only managers of the owner team, admins and L&D reviewers change this capability.");
		}
		return capability;
	}

	/** Reviewers may give any team (or none); a manager only a team of their own tree. */
	private void checkOwner(Viewer viewer, TeamId owner) {
		if (owner != null && organization.allTeams().stream().noneMatch(team -> team.id().equals(owner))) {
			throw new InvalidInputException("ownerTeamId", "Choose an existing team, or the whole organization.");
		}
		if (learningTeam.includes(viewer)) {
			return;
		}
		if (owner == null || !organization.canManage(viewer, owner)) {
			throw new InvalidInputException("ownerTeamId", "Choose a team you manage: admins and L&D reviewers keep the "
					+ "organization's capabilities.");
		}
	}

	private static boolean matches(Capability c, List<String> words) {
		if (words.isEmpty()) {
			return true;
		}
		String text = (c.name() + " " + c.description() + " " + c.category()).toLowerCase(Locale.ROOT);
		return words.stream().allMatch(text::contains);
	}

	private static String summary(Capability c) {
		StringBuilder text = new StringBuilder(c.category()).append("; levels ")
			.append(String.join(", ", c.levels().stream().map(Level::name).toList()));
		if (c.ownerTeamName() != null) {
			text.append("; owner ").append(c.ownerTeamName());
		}
		if (c.validityMonths() != null) {
			text.append("; valid ").append(c.validityMonths()).append(" months");
		}
		for (EvidenceRule rule : c.rules()) {
			text.append("; ").append(c.levelName(rule.level())).append(": ").append(rule.label());
		}
		return text.toString();
	}

	private void audit(Capability c, String change, String detail, Viewer viewer) {
		events.publishEvent(new CapabilityChanged(c.id(), c.name(), change, detail, viewer.id()));
	}
}
