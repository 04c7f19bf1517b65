package io.stride.scim;

import java.util.List;

import io.stride.support.Fixtures;
import io.stride.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins manage SCIM tokens through Stride's own API too; nobody else does, and the API is documented. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScimTokensApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	io.stride.audit.AuditLog audit;

	@Test
	void anAdminMakesATokenThatOpensScimOnlyUntilRevoked() throws Exception {
		var org = fixtures.organization();
		String admin = fixtures.token(fixtures.admin().id());

		RawHttp.Response made = call("POST", "/api/v1/scim/tokens", admin, "{\"name\":\"Entra " + org.suffix() + "\"}");

		assertThat(made.status()).isEqualTo(201);
		JsonNode token = JSON.readTree(made.body());
		String secret = token.get("token").asString();
		assertThat(secret).startsWith("scim_");
		JsonNode listed = JSON.readTree(call("GET", "/api/v1/scim/tokens", admin, null).body());
		assertThat(listed.toString()).contains("Entra " + org.suffix()).doesNotContain(secret);
		assertThat(new ScimClientOverHttp(port, secret).get("/Users?count=1").status()).isEqualTo(200);

		assertThat(call("DELETE", "/api/v1/scim/tokens/" + token.get("id").asString(), admin, null).status()).isEqualTo(204);
		assertThat(new ScimClientOverHttp(port, secret).get("/Users?count=1").status()).isEqualTo(401);
		assertThat(audit.page(fixtures.admin(), token.get("id").asString(), 1, 10).entries())
			.extracting(e -> e.action() + " by " + e.actorId())
			.containsExactlyInAnyOrder("SCIM_TOKEN_CREATED by " + fixtures.admin().id().value(),
					"SCIM_TOKEN_REVOKED by " + fixtures.admin().id().value());
	}

	@Test
	void onlyAdminsManageTokensAndANameIsRequired() throws Exception {
		var org = fixtures.organization();
		String manager = fixtures.token(org.managerA());
		assertThat(call("POST", "/api/v1/scim/tokens", manager, "{\"name\":\"Mine\"}").status()).isEqualTo(403);
		assertThat(call("GET", "/api/v1/scim/tokens", manager, null).status()).isEqualTo(403);

		RawHttp.Response unnamed = call("POST", "/api/v1/scim/tokens", fixtures.token(fixtures.admin().id()), "{\"name\":\" \"}");
		assertThat(unnamed.status()).isEqualTo(422);
		assertThat(unnamed.body()).contains("name");
	}

	@Test
	void theTokenApiIsDocumented() throws Exception {
		// the description is built on first request, which takes longer than RawHttp waits
		String docs = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/v3/api-docs"))
				.timeout(java.time.Duration.ofMinutes(3))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(docs).contains("/api/v1/scim/tokens", "/api/v1/scim/tokens/{id}", "SCIM provisioning");
	}

	private RawHttp.Response call(String method, String path, String token, String body) throws Exception {
		return RawHttp.exchange(port, method, path, body == null ? List.of("Host: localhost", "Authorization: Bearer " + token)
				: List.of("Host: localhost", "Authorization: Bearer " + token, "Content-Type: application/json"), body);
	}

}
