package io.stride.scim.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Provisioning;
import io.stride.identity.Provisioning.Provisioner;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.scim.ScimProvisioned;
import io.stride.scim.internal.ScimLinks.Kind;
import io.stride.scim.internal.ScimLinks.Link;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM Groups as Stride's teams: {@code displayName} is the team's name and {@code members} its direct members.
 * Every team is a group, whoever made it. DELETE ends the group for the provider, but the team stays, with its members,
 * assignments and history (an admin retires it in Stride); a POST with its name links it again.
 */
@Service
@Transactional(rollbackFor = ScimException.class)
public class ScimGroups {

	/** The most members one write may name: a larger group is sent as PATCHes of members. */
	static final int MAX_MEMBERS_PER_WRITE = 10_000;

	private final Provisioning provisioning;

	private final ScimLinks links;

	private final ApplicationEventPublisher events;

	private final String base;

	ScimGroups(Provisioning provisioning, ScimLinks links, ApplicationEventPublisher events,
			@Value("${stride.base-url:http://localhost:8080}") String baseUrl) {
		this.provisioning = provisioning;
		this.links = links;
		this.events = events;
		this.base = baseUrl.replaceAll("/+$", "") + "/scim/v2/";
	}

	@Transactional(readOnly = true)
	public ObjectNode get(String id) throws ScimException {
		Provisioner by = provisioner();
		return render(by, find(by, id), links.find(Kind.GROUP, id).orElse(null));
	}

	@Transactional(readOnly = true)
	public ObjectNode list(String filterText, Integer startIndexParam, Integer countParam) throws ScimException {
		Provisioner by = provisioner();
		Filter filter = ScimJson.filter(filterText);
		int startIndex = ScimJson.startIndex(startIndexParam);
		int count = ScimJson.count(countParam);
		Set<String> deleted = links.deleted(Kind.GROUP);
		List<Team> candidates = directly(by, filter).orElseGet(() -> provisioning.teams(by));
		Map<String, Link> teamLinks = links.find(Kind.GROUP, candidates.stream().map(t -> t.id().value()).toList());
		List<ObjectNode> page = new ArrayList<>();
		long total = 0;
		for (Team team : candidates) {
			if (deleted.contains(team.id().value())) {
				continue;
			}
			boolean wanted = total + 1 >= startIndex && page.size() < count;
			if (filter == null && !wanted) {
				total++;
				continue;
			}
			ObjectNode node = render(by, team, teamLinks.get(team.id().value()));
			if (filter == null || FilterEvaluator.evaluate(filter, node)) {
				total++;
				if (wanted) {
					page.add(node);
				}
			}
		}
		return ScimJson.list(page, total, startIndex);
	}

	public ObjectNode create(String body) throws ScimException {
		Provisioner by = provisioner();
		ObjectNode request = ScimJson.object(body);
		String name = displayName(request);
		Set<PersonId> members = members(by, request);
		Optional<Team> existing = provisioning.teamByName(by, name);
		TeamId id;
		String action;
		if (existing.isPresent()) {
			Optional<Link> link = links.find(Kind.GROUP, existing.get().id().value());
			if (link.isEmpty() || !link.get().deleted()) {
				throw ResourceConflictException.uniqueness("A group named " + name + " already exists.");
			}
			id = existing.get().id();
			action = "TEAM_RESTORED";
		}
		else {
			try {
				id = provisioning.createTeam(by, name);
			}
			catch (ConflictException e) {
				throw ResourceConflictException.uniqueness(e.getMessage());
			}
			catch (InvalidInputException e) {
				throw ScimUsers.invalid(e);
			}
			action = "TEAM_CREATED";
		}
		String detail = setMembers(by, id, members);
		links.save(Kind.GROUP, id.value(), ScimJson.text(request, "externalId"), null, Instant.now());
		ObjectNode created = get(id.value());
		audit(by, action, created, detail);
		return created;
	}

	public ObjectNode replace(String id, String body, String ifMatch) throws ScimException {
		Provisioner by = provisioner();
		ObjectNode current = lockedCurrent(id);
		ScimJson.requireMatch(ifMatch, current);
		return write(by, id, current, ScimJson.object(body));
	}

	public ObjectNode patch(String id, String body, String ifMatch) throws ScimException {
		Provisioner by = provisioner();
		ObjectNode current = lockedCurrent(id);
		ScimJson.requireMatch(ifMatch, current);
		PatchRequest patch = ScimJson.patch(body);
		ObjectNode changed = current.deepCopy();
		for (PatchOperation operation : patch.getOperations()) {
			String target = operation.getPath() == null ? null : operation.getPath().toString().toLowerCase(Locale.ROOT);
			if (target != null && (target.equals("id") || target.startsWith("meta"))) {
				throw BadRequestException.mutability("'" + operation.getPath() + "' is read-only.");
			}
			operation.apply(changed);
		}
		return write(by, id, current, changed);
	}

	/** The team stays, with its members and history; it is no longer a group the provider sees. */
	public void delete(String id, String ifMatch) throws ScimException {
		Provisioner by = provisioner();
		ObjectNode current = lockedCurrent(id);
		ScimJson.requireMatch(ifMatch, current);
		links.markDeleted(Kind.GROUP, id, Instant.now());
		audit(by, "TEAM_UNLINKED", current, "the team and its members are kept in Stride");
	}

	private ObjectNode write(Provisioner by, String id, ObjectNode current, ObjectNode request) throws ScimException {
		JsonNode givenId = request.get("id");
		if (givenId != null && !givenId.isNull() && !id.equals(givenId.asString())) {
			throw BadRequestException.mutability("'id' cannot be changed.");
		}
		String name = displayName(request);
		Set<PersonId> members = members(by, request);
		TeamId team = new TeamId(id);
		List<String> details = new ArrayList<>();
		if (!name.equals(current.get("displayName").asString())) {
			try {
				provisioning.renameTeam(by, team, name);
			}
			catch (ConflictException e) {
				throw ResourceConflictException.uniqueness(e.getMessage());
			}
			catch (InvalidInputException e) {
				throw ScimUsers.invalid(e);
			}
			details.add("renamed " + current.get("displayName").asString() + " -> " + name);
		}
		String memberChanges = setMembers(by, team, members);
		if (!memberChanges.isEmpty()) {
			details.add(memberChanges);
		}
		links.save(Kind.GROUP, id, ScimJson.text(request, "externalId"), null, Instant.now());
		ObjectNode after = get(id);
		audit(by, memberChanges.isEmpty() ? "TEAM_UPDATED" : "TEAM_MEMBERS_CHANGED", after,
				details.isEmpty() ? "attributes" : String.join("; ", details));
		return after;
	}

	/** Makes the team's direct members exactly these; answers what changed, for the audit log. */
	private String setMembers(Provisioner by, TeamId team, Set<PersonId> wanted) {
		Set<PersonId> now = new LinkedHashSet<>(provisioning.members(by, team));
		List<PersonId> added = wanted.stream().filter(p -> !now.contains(p)).toList();
		List<PersonId> removed = now.stream().filter(p -> !wanted.contains(p)).toList();
		provisioning.addMembers(by, team, added);
		provisioning.removeMembers(by, team, removed);
		Instant at = Instant.now();
		// a person's groups changed: their representation (and ETag) moved
		added.forEach(p -> links.touch(Kind.USER, p.value(), at));
		removed.forEach(p -> links.touch(Kind.USER, p.value(), at));
		List<String> parts = new ArrayList<>();
		if (!added.isEmpty()) {
			parts.add("added " + String.join(" ", added.stream().map(PersonId::value).toList()));
		}
		if (!removed.isEmpty()) {
			parts.add("removed " + String.join(" ", removed.stream().map(PersonId::value).toList()));
		}
		return String.join("; ", parts);
	}

	private static String displayName(ObjectNode request) throws ScimException {
		String name = ScimJson.text(request, "displayName");
		if (name == null || name.isBlank()) {
			throw BadRequestException.invalidValue("'displayName' is required: it is the team's name.");
		}
		if (name.strip().length() > 120) {
			throw BadRequestException.invalidValue("'displayName' may have at most 120 characters.");
		}
		return name.strip();
	}

	/** The people a request names as members; each must be a user here (members are people, not groups). */
	private Set<PersonId> members(Provisioner by, ObjectNode request) throws ScimException {
		JsonNode members = request.get("members");
		Set<PersonId> people = new LinkedHashSet<>();
		if (members == null || members.isNull()) {
			return people;
		}
		if (!members.isArray()) {
			throw BadRequestException.invalidValue("'members' must be a list of {\"value\": \"<user id>\"}.");
		}
		if (members.size() > MAX_MEMBERS_PER_WRITE) {
			throw BadRequestException.invalidValue("A write may name at most " + MAX_MEMBERS_PER_WRITE
					+ " members; add the others with PATCH.");
		}
		for (JsonNode member : members) {
			String value = member.isObject() ? ScimJson.text(member, "value") : null;
			if (value == null || value.isBlank()) {
				throw BadRequestException.invalidValue("Every member needs a 'value': the id of a user.");
			}
			String type = ScimJson.text(member, "type");
			if (type != null && type.equalsIgnoreCase("Group")) {
				throw BadRequestException.invalidValue("Groups cannot be members of groups here: Stride's teams hold people.");
			}
			Optional<Person> person = value.length() > 36 ? Optional.empty()
					: provisioning.person(by, new PersonId(value));
			if (person.isEmpty()) {
				throw BadRequestException.invalidValue("Member " + value + " is not a user here.");
			}
			people.add(person.get().id());
		}
		return people;
	}

	private Optional<List<Team>> directly(Provisioner by, Filter filter) {
		if (!(filter instanceof EqualFilter equal) || !equal.getComparisonValue().isString()) {
			return Optional.empty();
		}
		String attribute = equal.getAttributePath().toString().toLowerCase(Locale.ROOT);
		String value = equal.getComparisonValue().asString();
		return switch (attribute) {
			case "displayname" -> Optional.of(provisioning.teamByName(by, value).stream().toList());
			case "id" -> Optional.of(provisioning.team(by, new TeamId(value)).stream().toList());
			case "externalid" -> Optional.of(links.byExternalId(Kind.GROUP, value)
				.stream()
				.flatMap(id -> provisioning.team(by, new TeamId(id)).stream())
				.toList());
			default -> Optional.empty();
		};
	}

	private Team find(Provisioner by, String id) throws ScimException {
		Optional<Team> team = id == null || id.length() > 36 ? Optional.empty() : provisioning.team(by, new TeamId(id));
		if (team.isEmpty() || links.find(Kind.GROUP, id).map(Link::deleted).orElse(false)) {
			throw new ResourceNotFoundException("There is no group " + id + ".");
		}
		return team.get();
	}

	private ObjectNode render(Provisioner by, Team team, Link link) {
		ObjectNode group = ScimJson.MAPPER.createObjectNode();
		group.putArray("schemas").add(ScimJson.GROUP_SCHEMA);
		group.put("id", team.id().value());
		if (link != null && link.externalId() != null) {
			group.put("externalId", link.externalId());
		}
		group.put("displayName", team.name());
		ArrayNode members = group.putArray("members");
		List<PersonId> ids = provisioning.members(by, team.id());
		Map<PersonId, String> names = new HashMap<>();
		ids.forEach(id -> provisioning.person(by, id).ifPresent(p -> names.put(id, p.name())));
		for (PersonId id : ids) {
			ObjectNode member = members.addObject();
			member.put("value", id.value());
			member.put("$ref", base + "Users/" + id.value());
			member.put("display", names.getOrDefault(id, id.value()));
			member.put("type", "User");
		}
		ScimJson.meta(group, "Group", base + "Groups/" + team.id().value(), link == null ? null : link.createdAt(),
				link == null ? null : link.lastModified());
		return group;
	}

	private void audit(Provisioner by, String action, ObjectNode group, String detail) {
		events.publishEvent(new ScimProvisioned(by.name(), action, "TEAM", group.get("id").asString(),
				group.get("displayName").asString(), detail));
	}

	/** The resource as it is, held against other writers until this one commits. */
	private ObjectNode lockedCurrent(String id) throws ScimException {
		get(id);
		links.lock(Kind.GROUP, id);
		return get(id);
	}

	private static Provisioner provisioner() throws ScimException {
		return new Provisioner("SCIM: " + ScimJson.currentClient().name());
	}
}
