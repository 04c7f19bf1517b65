package io.stride.scim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.stride.audit.AuditLog;
import io.stride.identity.Organization;
import io.stride.identity.OrganizationAdministration;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.scim.internal.ScimTokens;
import io.stride.support.Fixtures;
import io.stride.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An identity provider provisions Stride over real HTTP, as Okta and Microsoft Entra ID do: JSON bodies, a SCIM
 * bearer token, filters, paging, PATCH in both providers' dialects, ETags. What it changes is checked in Stride, and
 * a deactivated person's open session and API token are checked by using them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScimProvisioningTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ScimTokens scimTokens;

	@Autowired
	OrganizationAdministration administration;

	@Autowired
	Organization organization;

	@Autowired
	AuditLog audit;

	@Autowired
	io.stride.scim.internal.ScimUsers users;

	@Autowired
	io.stride.scim.internal.ScimGroups groups;

	ScimClientOverHttp okta;

	String tokenName;

	String suffix;

	@BeforeEach
	void connect() {
		suffix = System.nanoTime() % 10_000_000 + "";
		tokenName = "Okta " + suffix;
		okta = new ScimClientOverHttp(port, scimTokens.create(fixtures.admin(), tokenName).token());
	}

	@Test
	void oktaCreatesAPersonWhoIsFoundByUserNameAndHasNoPassword() throws Exception {
		String email = "ada-" + suffix + "@acme.test";
		var created = okta.post("/Users", """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
				 "name":{"givenName":"Ada","familyName":"Lovelace"},"emails":[{"primary":true,"value":"%s","type":"work"}],
				 "displayName":"Ada Lovelace","externalId":"00u%s","active":true,"password":"ignored-by-stride",
				 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Engineering"}}
				""".formatted(email, email, suffix));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.contentType()).startsWith("application/scim+json");
		JsonNode user = created.json();
		String id = user.get("id").asString();
		assertThat(created.location()).endsWith("/scim/v2/Users/" + id);
		assertThat(created.etag()).isEqualTo(user.get("meta").get("version").asString()).startsWith("W/\"");
		assertThat(user.get("meta").get("resourceType").asString()).isEqualTo("User");
		assertThat(user.get("meta").get("created").asString()).isNotBlank();
		assertThat(user.get("userName").asString()).isEqualTo(email);
		assertThat(user.get("name").get("givenName").asString()).isEqualTo("Ada");
		assertThat(user.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").get("department").asString())
			.isEqualTo("Engineering");
		assertThat(user.has("password")).isFalse();

		var person = administration.person(fixtures.admin(), new PersonId(id));
		assertThat(person.name()).isEqualTo("Ada Lovelace");
		assertThat(person.email()).isEqualTo(email);
		assertThat(person.active()).isTrue();
		assertThat(person.roles()).isEmpty();
		// no usable password: the one the provider sent is not kept, and no guess signs in
		assertThat(signInForToken(email, "ignored-by-stride").status()).isEqualTo(401);
		// a right password clears this loopback address's failure for the tests that count theirs
		var colleague = fixtures.organization();
		assertThat(signInForToken(colleague.email("learner-a"), Fixtures.PASSWORD).status()).isEqualTo(201);

		for (String filter : List.of("userName eq \"" + email.toUpperCase() + "\"", "externalId eq \"00u" + suffix + "\"")) {
			JsonNode found = okta.get("/Users?filter=" + ScimClientOverHttp.query(filter)).json();
			assertThat(found.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
			assertThat(found.get("totalResults").asInt()).as(filter).isEqualTo(1);
			assertThat(found.get("Resources").get(0).get("id").asString()).isEqualTo(id);
		}
		JsonNode nobody = okta.get("/Users?filter=" + ScimClientOverHttp.query("userName eq \"nobody-" + suffix + "@acme.test\"")).json();
		assertThat(nobody.get("totalResults").asInt()).isZero();
		assertThat(nobody.get("Resources")).isEmpty();

		assertThat(audit.page(fixtures.admin(), id, 1, 10).entries())
			.anySatisfy(entry -> {
				assertThat(entry.action()).isEqualTo("SCIM_PERSON_CREATED");
				assertThat(entry.actorName()).isEqualTo("SCIM: " + tokenName);
			});
	}

	@Test
	void aProviderPagesThroughPeopleWithAnyFilter() throws Exception {
		List<String> ids = new ArrayList<>();
		for (String handle : List.of("amy", "bob", "cat")) {
			ids.add(createUser(handle + "-page-" + suffix + "@acme.test", handle).get("id").asString());
		}
		String filter = ScimClientOverHttp.query("userName sw \"\" and userName ew \"-page-" + suffix + "@acme.test\"");
		JsonNode first = okta.get("/Users?filter=" + filter + "&startIndex=1&count=2").json();
		JsonNode second = okta.get("/Users?filter=" + filter + "&startIndex=3&count=2").json();

		assertThat(first.get("totalResults").asInt()).isEqualTo(3);
		assertThat(first.get("itemsPerPage").asInt()).isEqualTo(2);
		assertThat(first.get("startIndex").asInt()).isEqualTo(1);
		assertThat(second.get("totalResults").asInt()).isEqualTo(3);
		assertThat(second.get("itemsPerPage").asInt()).isEqualTo(1);
		List<String> seen = new ArrayList<>();
		first.get("Resources").forEach(user -> seen.add(user.get("id").asString()));
		second.get("Resources").forEach(user -> seen.add(user.get("id").asString()));
		assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);

		JsonNode unfiltered = okta.get("/Users?startIndex=1&count=1&attributes=userName").json();
		assertThat(unfiltered.get("totalResults").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(unfiltered.get("Resources")).hasSize(1);
		assertThat(unfiltered.get("Resources").get(0).has("userName")).isTrue();
		assertThat(unfiltered.get("Resources").get(0).has("emails")).isFalse();
	}

	@Test
	void deactivationEndsTheOpenSessionAndTheApiTokenAtOnceAndReactivationRestoresSignIn() throws Exception {
		var org = fixtures.organization();
		String email = org.email("learner-a");
		String session = signIn(email);
		String apiToken = fixtures.token(org.learnerA());
		assertThat(page("/learning", session).status()).isEqualTo(200);
		assertThat(api("/api/v1/me/learning", apiToken).status()).isEqualTo(200);
		String id = okta.get("/Users?filter=" + ScimClientOverHttp.query("userName eq \"" + email + "\"")).json()
			.get("Resources").get(0).get("id").asString();

		// Entra ID's dialect: a capitalised op and the boolean as a string
		var deactivated = okta.patch("/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"Replace","path":"active","value":"False"}]}
				""");

		assertThat(deactivated.status()).isEqualTo(200);
		assertThat(deactivated.json().get("active").asBoolean()).isFalse();
		RawHttp.Response afterwards = page("/learning", session);
		assertThat(afterwards.status()).isEqualTo(302);
		assertThat(afterwards.header("Location").orElseThrow()).contains("/login");
		assertThat(page("/learning", session).status()).as("the session is gone, not only refused once").isEqualTo(302);
		assertThat(api("/api/v1/me/learning", apiToken).status()).isEqualTo(401);
		assertThat(signInForToken(email, Fixtures.PASSWORD).status()).isEqualTo(401);
		// the person and what hangs on them stay
		assertThat(administration.person(fixtures.admin(), org.learnerA()).teamIds()).containsExactly(org.teamA());

		// Okta's dialect: no path, the attribute inside the value
		var reactivated = okta.patch("/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations":[{"op":"replace","value":{"active":true}}]}
				""");

		assertThat(reactivated.json().get("active").asBoolean()).isTrue();
		assertThat(page("/learning", session).status()).as("the old session stays ended").isEqualTo(302);
		assertThat(signInForToken(email, Fixtures.PASSWORD).status()).isEqualTo(201);
		assertThat(page("/learning", signIn(email)).status()).isEqualTo(200);
		assertThat(audit.page(fixtures.admin(), id, 1, 10).entries()).extracting(e -> e.action())
			.contains("SCIM_PERSON_DEACTIVATED", "SCIM_PERSON_REACTIVATED");
	}

	@Test
	void patchChangesNamesAndEmailsByPath() throws Exception {
		String email = "grace-" + suffix + "@acme.test";
		String id = createUser(email, "Grace").get("id").asString();

		var patched = okta.patch("/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"replace","path":"name.givenName","value":"Grace"},
				 {"op":"replace","path":"name.familyName","value":"Hopper"},
				 {"op":"replace","path":"emails[type eq \\"work\\"].value","value":"g.hopper-%s@navy.test"},
				 {"op":"add","path":"title","value":"Rear admiral"},
				 {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Navy"}]}
				""".formatted(suffix));

		assertThat(patched.status()).isEqualTo(200);
		JsonNode user = patched.json();
		assertThat(user.get("displayName").asString()).isEqualTo("Grace Hopper");
		assertThat(user.get("emails").get(0).get("value").asString()).isEqualTo("g.hopper-" + suffix + "@navy.test");
		assertThat(user.get("title").asString()).isEqualTo("Rear admiral");
		assertThat(user.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").get("department").asString())
			.isEqualTo("Navy");
		assertThat(user.get("schemas").toString()).contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
		assertThat(administration.person(fixtures.admin(), new PersonId(id)).name()).isEqualTo("Grace Hopper");

		var renamed = okta.patch("/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"replace","path":"userName","value":"grace.hopper-%s@acme.test"}]}
				""".formatted(suffix));
		assertThat(renamed.json().get("userName").asString()).isEqualTo("grace.hopper-" + suffix + "@acme.test");
		assertThat(administration.person(fixtures.admin(), new PersonId(id)).email())
			.isEqualTo("grace.hopper-" + suffix + "@acme.test");

		var readOnly = okta.patch("/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"replace","path":"id","value":"another"}]}
				""");
		assertThat(readOnly.status()).isEqualTo(400);
		assertThat(readOnly.json().get("scimType").asString()).isEqualTo("mutability");
	}

	@Test
	void anIdentityProviderCannotMoveTheEmailOfSomeoneWithARoleInStride() throws Exception {
		PersonId admin = fixtures.admin().id();
		String before = administration.person(fixtures.admin(), admin).email();

		var moved = okta.patch("/Users/" + admin.value(), """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"replace","path":"userName","value":"me-%s@attacker.test"}]}
				""".formatted(suffix));

		assertThat(moved.status()).isEqualTo(400);
		assertThat(moved.json().get("detail").asString()).contains("holds a role in Stride (admin)");
		assertThat(administration.person(fixtures.admin(), admin).email()).isEqualTo(before);
	}

	@Test
	void aGroupWithMembersBecomesATeamAndPatchesChangeItsMembers() throws Exception {
		String amy = createUser("amy-group-" + suffix + "@acme.test", "Amy").get("id").asString();
		String bob = createUser("bob-group-" + suffix + "@acme.test", "Bob").get("id").asString();
		String cat = createUser("cat-group-" + suffix + "@acme.test", "Cat").get("id").asString();

		var created = okta.post("/Groups", """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Support %s","externalId":"g-%s",
				 "members":[{"value":"%s"},{"value":"%s"}]}
				""".formatted(suffix, suffix, amy, bob));

		assertThat(created.status()).isEqualTo(201);
		String groupId = created.json().get("id").asString();
		TeamId team = new TeamId(groupId);
		assertThat(organization.allTeams()).anySatisfy(t -> {
			assertThat(t.id()).isEqualTo(team);
			assertThat(t.name()).isEqualTo("Support " + suffix);
		});
		assertThat(organization.directMembersOf(team)).containsExactlyInAnyOrder(new PersonId(amy), new PersonId(bob));
		assertThat(okta.get("/Users/" + amy).json().get("groups").get(0).get("value").asString()).isEqualTo(groupId);

		// Okta removes by a value filter in the path; Entra adds with a list of values
		var patched = okta.patch("/Groups/" + groupId, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"remove","path":"members[value eq \\"%s\\"]"},
				 {"op":"Add","path":"members","value":[{"value":"%s"}]},
				 {"op":"Replace","path":"displayName","value":"Customer support %s"}]}
				""".formatted(amy, cat, suffix));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(organization.directMembersOf(team)).containsExactlyInAnyOrder(new PersonId(bob), new PersonId(cat));
		assertThat(organization.allTeams()).anySatisfy(t -> {
			assertThat(t.id()).isEqualTo(team);
			assertThat(t.name()).isEqualTo("Customer support " + suffix);
		});

		// Entra removes with a value list and no filter
		okta.patch("/Groups/" + groupId, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"Remove","path":"members","value":[{"value":"%s"}]}]}
				""".formatted(bob));
		assertThat(organization.directMembersOf(team)).containsExactly(new PersonId(cat));

		JsonNode byName = okta.get("/Groups?excludedAttributes=members&filter="
				+ ScimClientOverHttp.query("displayName eq \"customer support " + suffix + "\"")).json();
		assertThat(byName.get("totalResults").asInt()).isEqualTo(1);
		assertThat(byName.get("Resources").get(0).has("members")).isFalse();
		assertThat(byName.get("Resources").get(0).get("externalId").asString()).isEqualTo("g-" + suffix);

		var replaced = okta.put("/Groups/" + groupId, """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Customer support %s",
				 "members":[{"value":"%s"},{"value":"%s"}]}
				""".formatted(suffix, amy, bob), null);
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(organization.directMembersOf(team)).containsExactlyInAnyOrder(new PersonId(amy), new PersonId(bob));

		var unknownMember = okta.patch("/Groups/" + groupId, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"add","path":"members","value":[{"value":"no-such-user"}]}]}
				""");
		assertThat(unknownMember.status()).isEqualTo(400);
		assertThat(unknownMember.json().get("scimType").asString()).isEqualTo("invalidValue");
		assertThat(organization.directMembersOf(team)).as("nothing half-saved")
			.containsExactlyInAnyOrder(new PersonId(amy), new PersonId(bob));

		assertThat(okta.delete("/Groups/" + groupId).status()).isEqualTo(204);
		assertThat(okta.get("/Groups/" + groupId).status()).isEqualTo(404);
		assertThat(organization.directMembersOf(team)).as("the team stays with its members")
			.containsExactlyInAnyOrder(new PersonId(amy), new PersonId(bob));
	}

	@Test
	void aWriteWithAStaleETagIsRefused() throws Exception {
		var created = createUserAnswer("etag-" + suffix + "@acme.test", "Eve");
		String id = created.json().get("id").asString();
		String first = created.etag();
		var changed = okta.patch("/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"replace","path":"displayName","value":"Eve Changed"}]}
				""", first);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.etag()).isNotEqualTo(first);

		var stale = okta.patch("/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"replace","path":"displayName","value":"Eve Stale"}]}
				""", first);

		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.json().get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
		assertThat(administration.person(fixtures.admin(), new PersonId(id)).name()).isEqualTo("Eve Changed");
		assertThat(okta.get("/Users/" + id).etag()).isEqualTo(changed.etag());
		assertThat(okta.getIfNoneMatch("/Users/" + id, changed.etag()).status()).isEqualTo(304);
		assertThat(okta.getIfNoneMatch("/Users/" + id, first).status()).isEqualTo(200);
		assertThat(okta.put("/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"etag-%s@acme.test","displayName":"Eve"}
				""".formatted(suffix), first).status()).isEqualTo(412);
	}

	@Test
	void twoWritesFromTheSameVersionAtOnceLeaveOneWinner() throws Exception {
		var created = createUserAnswer("race-" + suffix + "@acme.test", "Rae");
		String id = created.json().get("id").asString();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<Integer>> writes = new ArrayList<>();
			for (String name : List.of("Rae One", "Rae Two")) {
				writes.add(pool.submit(() -> okta.patch("/Users/" + id, """
						{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
						 {"op":"replace","path":"displayName","value":"%s"}]}
						""".formatted(name), created.etag()).status()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (var write : writes) {
				statuses.add(write.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 412);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void malformedRequestsGetScimErrorsThatNameTheProblem() throws Exception {
		var badFilter = okta.get("/Users?filter=" + ScimClientOverHttp.query("userName eq"));
		assertThat(badFilter.status()).isEqualTo(400);
		assertThat(badFilter.contentType()).startsWith("application/scim+json");
		assertThat(badFilter.json().get("scimType").asString()).isEqualTo("invalidFilter");
		assertThat(badFilter.json().get("status").asString()).isEqualTo("400");
		assertThat(badFilter.json().get("detail").asString()).startsWith("The filter cannot be read").doesNotContain("\n");

		String email = "dup-" + suffix + "@acme.test";
		createUser(email, "Dup");
		var duplicate = okta.post("/Users", """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","displayName":"Dup Again"}
				""".formatted(email.toUpperCase()));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("scimType").asString()).isEqualTo("uniqueness");

		var notAnEmail = okta.post("/Users", """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"jdoe","displayName":"J Doe"}
				""");
		assertThat(notAnEmail.status()).isEqualTo(400);
		assertThat(notAnEmail.json().get("scimType").asString()).isEqualTo("invalidValue");
		assertThat(notAnEmail.json().get("detail").asString()).contains("userName");

		var notJson = okta.post("/Users", "{\"userName\":");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.json().get("scimType").asString()).isEqualTo("invalidSyntax");

		var badActive = okta.post("/Users", """
				{"userName":"maybe-%s@acme.test","active":"perhaps"}
				""".formatted(suffix));
		assertThat(badActive.status()).isEqualTo(400);
		assertThat(badActive.json().get("detail").asString()).contains("active");
		assertThat(organization.activePersonByEmail("maybe-" + suffix + "@acme.test")).isEmpty();

		var nul = okta.post("/Users", """
				{"userName":"nul-%s@acme.test","displayName":"Nul\\u0000Name"}
				""".formatted(suffix));
		assertThat(nul.status()).isEqualTo(400);
		assertThat(nul.json().get("detail").asString()).contains("displayName", "control character");
		var nulTeam = okta.post("/Groups", "{\"displayName\":\"Team\\u0000" + suffix + "\"}");
		assertThat(nulTeam.status()).isEqualTo(400);

		assertThat(okta.get("/Users/no-such-id").status()).isEqualTo(404);
		assertThat(okta.get("/Users/no-such-id").json().get("detail").asString()).contains("no-such-id");
	}

	@Test
	void deleteDeactivatesAndKeepsThePersonAndAPostBringsThemBack() throws Exception {
		String email = "leaver-" + suffix + "@acme.test";
		String id = createUser(email, "Leaver").get("id").asString();

		assertThat(okta.delete("/Users/" + id).status()).isEqualTo(204);

		assertThat(okta.get("/Users/" + id).status()).isEqualTo(404);
		assertThat(okta.get("/Users?filter=" + ScimClientOverHttp.query("userName eq \"" + email + "\"")).json()
			.get("totalResults").asInt()).isZero();
		var kept = administration.person(fixtures.admin(), new PersonId(id));
		assertThat(kept.active()).isFalse();

		var back = createUserAnswer(email, "Leaver Returns");
		assertThat(back.status()).isEqualTo(201);
		assertThat(back.json().get("id").asString()).isEqualTo(id);
		assertThat(administration.person(fixtures.admin(), new PersonId(id)).active()).isTrue();
	}

	@Test
	void scimAndApiCredentialsNeverOpenEachOthersDoors() throws Exception {
		var org = fixtures.organization();
		String apiToken = fixtures.token(org.managerA());
		String scimToken = scimTokens.create(fixtures.admin(), "Entra " + suffix).token();
		String session = signIn(org.email("manager-a"));

		assertThat(api("/api/v1/me/learning", scimToken).status()).isEqualTo(401);
		assertThat(page("/learning", "x", "Authorization: Bearer " + scimToken).status()).isEqualTo(401);
		var withApiToken = new ScimClientOverHttp(port, apiToken).get("/Users");
		assertThat(withApiToken.status()).isEqualTo(401);
		assertThat(withApiToken.contentType()).startsWith("application/scim+json");
		assertThat(new ScimClientOverHttp(port, null).get("/Users").status()).isEqualTo(401);
		RawHttp.Response withSession = RawHttp.exchange(port, "GET", "/scim/v2/Users",
				List.of("Host: localhost", "Cookie: " + session), null);
		assertThat(withSession.status()).isEqualTo(401);

		var revoked = scimTokens.all(fixtures.admin()).stream().filter(t -> t.name().equals("Entra " + suffix)).findFirst().orElseThrow();
		assertThat(new ScimClientOverHttp(port, scimToken).get("/Users?count=1").status()).isEqualTo(200);
		scimTokens.revoke(fixtures.admin(), revoked.id());
		assertThat(new ScimClientOverHttp(port, scimToken).get("/Users?count=1").status()).isEqualTo(401);
	}

	@Test
	void discoveryDescribesWhatStrideDoes() throws Exception {
		JsonNode config = okta.get("/ServiceProviderConfig").json();
		assertThat(config.get("patch").get("supported").asBoolean()).isTrue();
		assertThat(config.get("etag").get("supported").asBoolean()).isTrue();
		assertThat(config.get("bulk").get("supported").asBoolean()).isFalse();
		assertThat(config.get("authenticationSchemes").get(0).get("type").asString()).isEqualTo("oauthbearertoken");
		assertThat(config.get("authenticationSchemes").get(0).get("description").asString()).contains("deactivates");

		JsonNode types = okta.get("/ResourceTypes").json();
		assertThat(types.get("totalResults").asInt()).isEqualTo(2);
		JsonNode schemas = okta.get("/Schemas").json();
		List<String> ids = new ArrayList<>();
		schemas.get("Resources").forEach(s -> ids.add(s.get("id").asString()));
		assertThat(ids).contains("urn:ietf:params:scim:schemas:core:2.0:User",
				"urn:ietf:params:scim:schemas:core:2.0:Group",
				"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
		assertThat(okta.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group").status()).isEqualTo(200);
	}

	@Test
	void theServicesServeOnlyAScimClient() {
		// no SCIM token behind this call (as for any page, API call or listener that might try)
		org.springframework.security.core.context.SecurityContextHolder.clearContext();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.list(null, 1, 10))
			.isInstanceOf(com.unboundid.scim2.common.exceptions.UnauthorizedException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> groups.create("{\"displayName\":\"Sneaky\"}"))
			.isInstanceOf(com.unboundid.scim2.common.exceptions.UnauthorizedException.class);
		assertThat(organization.allTeams()).noneMatch(team -> team.name().equals("Sneaky"));
	}

	private JsonNode createUser(String email, String name) throws Exception {
		var answer = createUserAnswer(email, name);
		assertThat(answer.status()).as(answer.text()).isEqualTo(201);
		return answer.json();
	}

	private ScimClientOverHttp.Answer createUserAnswer(String email, String name) throws Exception {
		return okta.post("/Users", """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","displayName":"%s","active":true}
				""".formatted(email, name));
	}

	/**
	 * Asks for an API token with a password. Other tests on this loopback address may have left the sign-in throttle
	 * waiting: a refusal to even check (429) is waited out, so that the answer is about the password.
	 */
	private RawHttp.Response signInForToken(String email, String password) throws Exception {
		for (int attempt = 0;; attempt++) {
			RawHttp.Response answer = RawHttp.exchange(port, "POST", "/api/v1/auth/token",
					List.of("Host: localhost", "Content-Type: application/json"),
					"{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
			if (answer.status() != 429 || attempt == 5) {
				return answer;
			}
			Thread.sleep(1_000L * Long.parseLong(answer.header("Retry-After").orElse("1")));
		}
	}

	private RawHttp.Response api(String path, String token) throws Exception {
		return RawHttp.exchange(port, "GET", path, List.of("Host: localhost", "Authorization: Bearer " + token), null);
	}

	private RawHttp.Response page(String path, String session, String... headers) throws Exception {
		List<String> all = new ArrayList<>(List.of("Host: localhost", "Cookie: " + session));
		all.addAll(List.of(headers));
		return RawHttp.exchange(port, "GET", path, all, null);
	}

	/** Signs in through the sign-in form, as a browser does, and answers the session cookie. */
	private String signIn(String email) throws Exception {
		for (int attempt = 0;; attempt++) {
			String session = trySignIn(email);
			if (session != null || attempt == 5) {
				assertThat(session).as("signed in").isNotNull();
				return session;
			}
		}
	}

	/** The session cookie, or null when the throttle asked to wait (it has been waited out then). */
	private String trySignIn(String email) throws Exception {
		RawHttp.Response form = RawHttp.exchange(port, "GET", "/login", List.of("Host: localhost"), null);
		String cookie = form.header("Set-Cookie").orElseThrow().split(";")[0];
		String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		RawHttp.Response signedIn = RawHttp.exchange(port, "POST", "/login",
				List.of("Host: localhost", "Cookie: " + cookie, "Content-Type: application/x-www-form-urlencoded"),
				"email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + Fixtures.PASSWORD + "&_csrf="
						+ csrf);
		assertThat(signedIn.status()).isEqualTo(302);
		String location = signedIn.header("Location").orElseThrow();
		if (location.contains("wait=")) {
			Thread.sleep(1_000L * Long.parseLong(location.replaceAll(".*wait=(\\d+).*", "$1")));
			return null;
		}
		assertThat(location).doesNotContain("error");
		return signedIn.header("Set-Cookie").orElse(cookie).split(";")[0];
	}

}
