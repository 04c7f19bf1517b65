package io.stride.scim.web;

import com.unboundid.scim2.common.exceptions.ScimException;
import io.stride.scim.internal.ScimGroups;
import io.stride.scim.internal.ScimUsers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SCIM 2.0 resources Users and Groups (RFC 7644 section 3). Bodies are read as text and parsed by the SCIM
 * SDK's mapper, so that a malformed one is a SCIM {@code invalidSyntax} error rather than Spring's.
 */
@RestController
@RequestMapping("/scim/v2")
class ScimController {

	private final ScimUsers users;

	private final ScimGroups groups;

	ScimController(ScimUsers users, ScimGroups groups) {
		this.users = users;
		this.groups = groups;
	}

	@GetMapping("/Users")
	ResponseEntity<String> users(@RequestParam(required = false) String filter,
			@RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count,
			@RequestParam(required = false) String attributes, @RequestParam(required = false) String excludedAttributes)
			throws ScimException {
		return ScimResponses.ok(Selection.inList(users.list(filter, startIndex, count), attributes, excludedAttributes));
	}

	@GetMapping("/Users/{id}")
	ResponseEntity<String> user(@PathVariable String id, @RequestParam(required = false) String attributes,
			@RequestParam(required = false) String excludedAttributes,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) throws ScimException {
		return Selection.read(users.get(id), attributes, excludedAttributes, ifNoneMatch);
	}

	@PostMapping("/Users")
	ResponseEntity<String> createUser(@RequestBody(required = false) String body,
			@RequestParam(required = false) String attributes, @RequestParam(required = false) String excludedAttributes)
			throws ScimException {
		ObjectNode created = users.create(body);
		return ScimResponses.resource(HttpStatus.CREATED, created, Selection.of(created, attributes, excludedAttributes));
	}

	@PutMapping("/Users/{id}")
	ResponseEntity<String> replaceUser(@PathVariable String id, @RequestBody(required = false) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) throws ScimException {
		ObjectNode replaced = users.replace(id, body, ifMatch);
		return ScimResponses.resource(HttpStatus.OK, replaced, replaced);
	}

	@PatchMapping("/Users/{id}")
	ResponseEntity<String> patchUser(@PathVariable String id, @RequestBody(required = false) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) throws ScimException {
		ObjectNode patched = users.patch(id, body, ifMatch);
		return ScimResponses.resource(HttpStatus.OK, patched, patched);
	}

	@DeleteMapping("/Users/{id}")
	ResponseEntity<Void> deleteUser(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) throws ScimException {
		users.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/Groups")
	ResponseEntity<String> groups(@RequestParam(required = false) String filter,
			@RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count,
			@RequestParam(required = false) String attributes, @RequestParam(required = false) String excludedAttributes)
			throws ScimException {
		return ScimResponses.ok(Selection.inList(groups.list(filter, startIndex, count), attributes, excludedAttributes));
	}

	@GetMapping("/Groups/{id}")
	ResponseEntity<String> group(@PathVariable String id, @RequestParam(required = false) String attributes,
			@RequestParam(required = false) String excludedAttributes,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) throws ScimException {
		return Selection.read(groups.get(id), attributes, excludedAttributes, ifNoneMatch);
	}

	@PostMapping("/Groups")
	ResponseEntity<String> createGroup(@RequestBody(required = false) String body,
			@RequestParam(required = false) String attributes, @RequestParam(required = false) String excludedAttributes)
			throws ScimException {
		ObjectNode created = groups.create(body);
		return ScimResponses.resource(HttpStatus.CREATED, created, Selection.of(created, attributes, excludedAttributes));
	}

	@PutMapping("/Groups/{id}")
	ResponseEntity<String> replaceGroup(@PathVariable String id, @RequestBody(required = false) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) throws ScimException {
		ObjectNode replaced = groups.replace(id, body, ifMatch);
		return ScimResponses.resource(HttpStatus.OK, replaced, replaced);
	}

	@PatchMapping("/Groups/{id}")
	ResponseEntity<String> patchGroup(@PathVariable String id, @RequestBody(required = false) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestParam(required = false) String excludedAttributes) throws ScimException {
		ObjectNode patched = groups.patch(id, body, ifMatch);
		return ScimResponses.resource(HttpStatus.OK, patched, Selection.of(patched, null, excludedAttributes));
	}

	@DeleteMapping("/Groups/{id}")
	ResponseEntity<Void> deleteGroup(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) throws ScimException {
		groups.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}
}
