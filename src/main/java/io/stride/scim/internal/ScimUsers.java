package io.stride.scim.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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
 * SCIM Users as Stride's people: {@code userName} is the email a person signs in with, {@code displayName} (or the
 * name's parts) their name, {@code active} whether they may sign in. Attributes Stride has no use for (phone numbers,
 * the enterprise extension's department and manager, …) are kept as the provider wrote them and read back. DELETE
 * deactivates: the person and their records stay, and a later POST with the same userName brings them back.
 */
@Service
@Transactional(rollbackFor = ScimException.class)
public class ScimUsers {

	/** Kept beside the person but never among the stored attributes: they come from Stride or are write-only. */
	private static final Set<String> NOT_STORED = Set.of("id", "meta", "schemas", "username", "active", "displayname",
			"groups", "password", "externalid");

	private static final int MAX_ATTRIBUTES = 16_000;

	private static final int SCAN_CHUNK = 500;

	private final Provisioning provisioning;

	private final ScimLinks links;

	private final ApplicationEventPublisher events;

	private final String base;

	ScimUsers(Provisioning provisioning, ScimLinks links, ApplicationEventPublisher events,
			@Value("${stride.base-url:http://localhost:8080}") String baseUrl) {
		this.provisioning = provisioning;
		this.links = links;
		this.events = events;
		this.base = baseUrl.replaceAll("/+$", "") + "/scim/v2/Users/";
	}

	@Transactional(readOnly = true)
	public ObjectNode get(String id) throws ScimException {
		Provisioner by = provisioner();
		return render(by, find(by, id), links.find(Kind.USER, id).orElse(null));
	}

	@Transactional(readOnly = true)
	public ObjectNode list(String filterText, Integer startIndexParam, Integer countParam) throws ScimException {
		Provisioner by = provisioner();
		Filter filter = ScimJson.filter(filterText);
		int startIndex = ScimJson.startIndex(startIndexParam);
		int count = ScimJson.count(countParam);
		Optional<List<Person>> direct = directly(by, filter);
		Set<String> deleted = links.deleted(Kind.USER);
		List<ObjectNode> page = new ArrayList<>();
		long total = 0;
		if (direct.isPresent()) {
			for (Person person : direct.get()) {
				if (deleted.contains(person.id().value())) {
					continue;
				}
				ObjectNode node = render(by, person, links.find(Kind.USER, person.id().value()).orElse(null));
				if (filter == null || FilterEvaluator.evaluate(filter, node)) {
					total++;
					if (total >= startIndex && page.size() < count) {
						page.add(node);
					}
				}
			}
			return ScimJson.list(page, total, startIndex);
		}
		// anything but an equality on userName, externalId or id is evaluated by the SDK over everyone, a chunk at a time
		long people = provisioning.countPeople(by);
		for (int offset = 0; offset < people; offset += SCAN_CHUNK) {
			List<Person> chunk = provisioning.people(by, offset, SCAN_CHUNK);
			Map<String, Link> chunkLinks = links.find(Kind.USER, chunk.stream().map(p -> p.id().value()).toList());
			Map<String, String> teamNames = teamNames(by);
			for (Person person : chunk) {
				if (deleted.contains(person.id().value())) {
					continue;
				}
				boolean wanted = total + 1 >= startIndex && page.size() < count;
				if (filter == null && !wanted) {
					total++;
					continue;
				}
				ObjectNode node = render(person, chunkLinks.get(person.id().value()), teamNames);
				if (filter == null || FilterEvaluator.evaluate(filter, node)) {
					total++;
					if (wanted) {
						page.add(node);
					}
				}
			}
		}
		return ScimJson.list(page, total, startIndex);
	}

	public ObjectNode create(String body) throws ScimException {
		Provisioner by = provisioner();
		ObjectNode request = ScimJson.object(body);
		Written written = read(request, null, null);
		Optional<Person> existing = provisioning.personByEmail(by, written.email());
		PersonId id;
		String action;
		if (existing.isPresent()) {
			Optional<Link> link = links.find(Kind.USER, existing.get().id().value());
			if (link.isEmpty() || !link.get().deleted()) {
				throw ResourceConflictException.uniqueness("A user with the userName " + written.email() + " already exists.");
			}
			// the provider deleted them before: the same person comes back, with their records
			id = existing.get().id();
			update(by, id, written);
			action = written.active() ? "PERSON_RESTORED" : "PERSON_RESTORED_INACTIVE";
		}
		else {
			try {
				id = provisioning.createPerson(by, written.name(), written.email(), written.active());
			}
			catch (ConflictException e) {
				throw ResourceConflictException.uniqueness(e.getMessage());
			}
			catch (InvalidInputException e) {
				throw invalid(e);
			}
			action = "PERSON_CREATED";
		}
		Instant now = Instant.now();
		links.save(Kind.USER, id.value(), written.externalId(), written.attributes(), now);
		ObjectNode created = get(id.value());
		audit(by, action, created, "userName " + written.email() + (written.active() ? "" : ", inactive"));
		return created;
	}

	public ObjectNode replace(String id, String body, String ifMatch) throws ScimException {
		Provisioner by = provisioner();
		ObjectNode current = lockedCurrent(id);
		ScimJson.requireMatch(ifMatch, current);
		ObjectNode request = ScimJson.object(body);
		return write(by, id, current, request);
	}

	public ObjectNode patch(String id, String body, String ifMatch) throws ScimException {
		Provisioner by = provisioner();
		ObjectNode current = lockedCurrent(id);
		ScimJson.requireMatch(ifMatch, current);
		PatchRequest patch = ScimJson.patch(body);
		ObjectNode changed = current.deepCopy();
		for (PatchOperation operation : patch.getOperations()) {
			String target = operation.getPath() == null ? null : operation.getPath().toString().toLowerCase(Locale.ROOT);
			if (target != null && (target.equals("id") || target.startsWith("meta") || target.startsWith("groups"))) {
				throw BadRequestException.mutability("'" + operation.getPath() + "' cannot be changed: "
						+ (target.startsWith("groups") ? "change a group's members instead." : "it is read-only."));
			}
			operation.apply(changed);
		}
		return write(by, id, current, changed);
	}

	/** Deactivates the person and hides them from SCIM; their records stay and a POST brings them back. */
	public void delete(String id, String ifMatch) throws ScimException {
		Provisioner by = provisioner();
		ObjectNode current = lockedCurrent(id);
		ScimJson.requireMatch(ifMatch, current);
		Person person = find(by, id);
		if (person.active()) {
			try {
				provisioning.updatePerson(by, person.id(), person.name(), person.email(), false);
			}
			catch (InvalidInputException e) {
				throw invalid(e);
			}
		}
		links.markDeleted(Kind.USER, id, Instant.now());
		audit(by, "PERSON_DELETED", current, "deactivated; the person and their records are kept");
	}

	private ObjectNode write(Provisioner by, String id, ObjectNode current, ObjectNode request) throws ScimException {
		JsonNode givenId = request.get("id");
		if (givenId != null && !givenId.isNull() && !id.equals(givenId.asString())) {
			throw BadRequestException.mutability("'id' cannot be changed.");
		}
		Written written = read(request, current, id);
		Person before = find(by, id);
		update(by, before.id(), written);
		links.save(Kind.USER, id, written.externalId(), written.attributes(), Instant.now());
		ObjectNode after = get(id);
		String action = before.active() == written.active() ? "PERSON_UPDATED"
				: written.active() ? "PERSON_REACTIVATED" : "PERSON_DEACTIVATED";
		audit(by, action, after, changes(before, written));
		return after;
	}

	private void update(Provisioner by, PersonId id, Written written) throws ScimException {
		try {
			provisioning.updatePerson(by, id, written.name(), written.email(), written.active());
		}
		catch (ConflictException e) {
			throw ResourceConflictException.uniqueness(e.getMessage());
		}
		catch (InvalidInputException e) {
			throw invalid(e);
		}
	}

	private static String changes(Person before, Written after) {
		List<String> changes = new ArrayList<>();
		if (!before.name().equals(after.name())) {
			changes.add("name " + before.name() + " -> " + after.name());
		}
		if (!before.email().equalsIgnoreCase(after.email())) {
			changes.add("userName " + before.email() + " -> " + after.email());
		}
		if (before.active() != after.active()) {
			changes.add(after.active() ? "active" : "inactive: sessions and tokens ended");
		}
		return changes.isEmpty() ? "attributes" : String.join("; ", changes);
	}

	/** What a POST, PUT or patched resource asks of Stride. */
	private record Written(String email, String name, boolean active, String externalId, String attributes) {
	}

	private Written read(ObjectNode request, ObjectNode current, String id) throws ScimException {
		String userName = ScimJson.text(request, "userName");
		if (userName == null || userName.isBlank()) {
			throw BadRequestException.invalidValue("'userName' is required: the email address the person signs in with.");
		}
		JsonNode activeNode = request.get("active");
		boolean active = activeNode == null || activeNode.isNull() || ScimJson.bool(activeNode, "active");
		String name = name(request, current);
		if (name == null || name.isBlank()) {
			name = userName.strip();
		}
		ObjectNode stored = ScimJson.MAPPER.createObjectNode();
		for (String property : List.copyOf(request.propertyNames())) {
			if (!NOT_STORED.contains(property.toLowerCase(Locale.ROOT))) {
				stored.set(property, request.get(property));
			}
		}
		if (stored.get("name") instanceof ObjectNode nameParts) {
			// the formatted name is always Stride's
			nameParts.remove("formatted");
		}
		String attributes = stored.isEmpty() ? null : ScimJson.MAPPER.writeValueAsString(stored);
		if (attributes != null && attributes.length() > MAX_ATTRIBUTES) {
			throw BadRequestException.invalidValue("The user's attributes take more than " + MAX_ATTRIBUTES
					+ " characters; send fewer.");
		}
		return new Written(userName.strip(), name.strip(), active, ScimJson.text(request, "externalId"), attributes);
	}

	/**
	 * Stride keeps one name. On a change it takes the part the request changed: {@code displayName}, else
	 * {@code name.formatted}, else the given and family names; a new user's is the first of these it has.
	 */
	private static String name(ObjectNode request, ObjectNode current) throws ScimException {
		String display = ScimJson.text(request, "displayName");
		JsonNode nameNode = request.get("name");
		String formatted = ScimJson.text(nameNode, "formatted");
		String joined = String.join(" ", Stream.of(ScimJson.text(nameNode, "givenName"),
				ScimJson.text(nameNode, "familyName")).filter(s -> s != null && !s.isBlank()).map(String::strip).toList());
		if (current == null) {
			return firstOf(display, formatted, joined);
		}
		JsonNode currentName = current.get("name");
		String currentJoined = String.join(" ", Stream.of(ScimJson.text(currentName, "givenName"),
				ScimJson.text(currentName, "familyName")).filter(s -> s != null && !s.isBlank()).map(String::strip).toList());
		String stride = ScimJson.text(current, "displayName");
		if (display != null && !display.isBlank() && !display.equals(stride)) {
			return display;
		}
		if (formatted != null && !formatted.isBlank() && !formatted.equals(stride)) {
			return formatted;
		}
		if (!joined.isEmpty() && !joined.equals(currentJoined)) {
			return joined;
		}
		return stride;
	}

	private static String firstOf(String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate;
			}
		}
		return null;
	}

	/** An equality on userName, externalId or id is answered from an index; anything else needs a scan. */
	private Optional<List<Person>> directly(Provisioner by, Filter filter) {
		if (!(filter instanceof EqualFilter equal) || !equal.getComparisonValue().isString()) {
			return Optional.empty();
		}
		String attribute = equal.getAttributePath().toString().toLowerCase(Locale.ROOT);
		String value = equal.getComparisonValue().asString();
		return switch (attribute) {
			case "username" -> Optional.of(provisioning.personByEmail(by, value).stream().toList());
			case "id" -> Optional.of(provisioning.person(by, new PersonId(value)).stream().toList());
			case "externalid" -> Optional.of(links.byExternalId(Kind.USER, value)
				.stream()
				.flatMap(id -> provisioning.person(by, new PersonId(id)).stream())
				.toList());
			default -> Optional.empty();
		};
	}

	private Person find(Provisioner by, String id) throws ScimException {
		Optional<Person> person = id == null || id.length() > 36 ? Optional.empty() : provisioning.person(by, new PersonId(id));
		if (person.isEmpty() || links.find(Kind.USER, id).map(Link::deleted).orElse(false)) {
			throw new ResourceNotFoundException("There is no user " + id + ".");
		}
		return person.get();
	}

	private ObjectNode render(Provisioner by, Person person, Link link) {
		return render(person, link, teamNames(by));
	}

	private Map<String, String> teamNames(Provisioner by) {
		Map<String, String> names = new HashMap<>();
		for (Team team : provisioning.teams(by)) {
			names.put(team.id().value(), team.name());
		}
		return names;
	}

	private ObjectNode render(Person person, Link link, Map<String, String> teamNames) {
		ObjectNode user = ScimJson.MAPPER.createObjectNode();
		ArrayNode schemas = user.putArray("schemas").add(ScimJson.USER_SCHEMA);
		user.put("id", person.id().value());
		if (link != null && link.externalId() != null) {
			user.put("externalId", link.externalId());
		}
		user.put("userName", person.email());
		ObjectNode stored = link == null || link.attributes() == null ? ScimJson.MAPPER.createObjectNode()
				: (ObjectNode) ScimJson.MAPPER.readTree(link.attributes());
		ObjectNode name = stored.get("name") instanceof ObjectNode parts ? parts.deepCopy() : ScimJson.MAPPER.createObjectNode();
		name.put("formatted", person.name());
		user.set("name", name);
		user.put("displayName", person.name());
		user.put("active", person.active());
		if (!(stored.get("emails") instanceof ArrayNode)) {
			ObjectNode email = user.putArray("emails").addObject();
			email.put("value", person.email());
			email.put("type", "work");
			email.put("primary", true);
		}
		for (String property : List.copyOf(stored.propertyNames())) {
			if (!property.equalsIgnoreCase("name")) {
				user.set(property, stored.get(property));
			}
			if (property.toLowerCase(Locale.ROOT).startsWith("urn:")) {
				schemas.add(property);
			}
		}
		ArrayNode groups = user.putArray("groups");
		person.teamIds()
			.stream()
			.map(team -> team.value())
			.sorted()
			.forEach(team -> {
				ObjectNode group = groups.addObject();
				group.put("value", team);
				group.put("$ref", base.replace("/Users/", "/Groups/") + team);
				group.put("display", teamNames.getOrDefault(team, team));
				group.put("type", "direct");
			});
		ScimJson.meta(user, "User", base + person.id().value(), link == null ? null : link.createdAt(),
				link == null ? null : link.lastModified());
		return user;
	}

	private void audit(Provisioner by, String action, ObjectNode user, String detail) {
		events.publishEvent(new ScimProvisioned(by.name(), action, "PERSON", user.get("id").asString(),
				user.get("displayName").asString(), detail));
	}

	static BadRequestException invalid(InvalidInputException e) {
		Collection<String> messages = e.fieldErrors().isEmpty() ? List.of(e.getMessage())
				: e.fieldErrors().entrySet().stream().map(entry -> scimName(entry.getKey()) + ": " + entry.getValue()).toList();
		return BadRequestException.invalidValue(String.join(" ", messages));
	}

	private static String scimName(String field) {
		return switch (field) {
			case "email" -> "userName (the email address the person signs in with)";
			case "name" -> "displayName";
			default -> field;
		};
	}

	/** The resource as it is, held against other writers until this one commits. */
	private ObjectNode lockedCurrent(String id) throws ScimException {
		get(id);
		links.lock(Kind.USER, id);
		return get(id);
	}

	private static Provisioner provisioner() throws ScimException {
		return new Provisioner("SCIM: " + ScimJson.currentClient().name());
	}
}
