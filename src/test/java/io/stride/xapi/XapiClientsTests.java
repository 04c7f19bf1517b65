package io.stride.xapi;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** LRS clients: admins create and revoke them; a key opens only /xapi, and only what its scopes allow. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class XapiClientsTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	String admin() {
		return fixtures.token(fixtures.admin().id());
	}

	@Test
	void anAdminsNewKeyOpensTheLrsUntilItIsRevokedAndBothAreAudited() throws Exception {
		Lrs lrs = Lrs.client(port, admin(), "Flight simulator", "statements/write", "statements/read");
		assertThat(lrs.get("/xapi/statements?limit=1").statusCode()).isEqualTo(200);

		HttpResponse<String> listed = Lrs.send(HttpRequest.newBuilder(URI.create(lrs.base + "/api/v1/xapi/clients"))
			.header("Authorization", "Bearer " + admin()));
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).contains("Flight simulator").contains("statements/write").doesNotContain("secret");

		HttpResponse<String> revoked = Lrs.send(HttpRequest.newBuilder(URI.create(lrs.base + "/api/v1/xapi/clients/"
				+ lrs.id)).header("Authorization", "Bearer " + admin()).DELETE());
		assertThat(revoked.statusCode()).isEqualTo(204);
		HttpResponse<String> refused = lrs.get("/xapi/statements?limit=1");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Stride LRS\"");
		assertThat(jdbc.sql("SELECT action FROM audit_events WHERE subject_id = ? ORDER BY occurred_at")
			.param(lrs.id).query(String.class).list()).containsExactly("XAPI_CLIENT_CREATED", "XAPI_CLIENT_REVOKED");
	}

	@Test
	void aWrongSecretOrNoCredentialsGet401() throws Exception {
		Lrs lrs = Lrs.client(port, admin(), "LMS", "all");
		String key = new String(java.util.Base64.getDecoder().decode(lrs.authorization.substring(6))).split(":")[0];
		assertThat(new Lrs(port, key, "not-the-secret").get("/xapi/statements").statusCode()).isEqualTo(401);
		assertThat(new Lrs(port, null, null).get("/xapi/statements").statusCode()).isEqualTo(401);
	}

	@Test
	void onlyAdminsManageClientsAndScopesMustBeKnown() throws Exception {
		Org org = fixtures.organization();
		HttpResponse<String> learner = Lrs.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/api/v1/xapi/clients")).header("Authorization", "Bearer " + fixtures.token(org.learnerA()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Mine\",\"scopes\":[\"all\"]}")));
		assertThat(learner.statusCode()).isEqualTo(404);
		HttpResponse<String> unknown = Lrs.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/api/v1/xapi/clients")).header("Authorization", "Bearer " + admin())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Odd\",\"scopes\":[\"everything\"]}")));
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("Unknown scope everything");
	}

	@Test
	void anLrsKeyOpensNoStrideApiAndABearerTokenOpensNoLrs() throws Exception {
		Lrs lrs = Lrs.client(port, admin(), "Everything", "all");
		HttpResponse<String> api = Lrs.send(HttpRequest.newBuilder(URI.create(lrs.base + "/api/v1/xapi/clients"))
			.header("Authorization", lrs.authorization));
		assertThat(api.statusCode()).isEqualTo(401);
		HttpResponse<String> page = Lrs.send(HttpRequest.newBuilder(URI.create(lrs.base + "/admin/xapi"))
			.header("Authorization", lrs.authorization));
		assertThat(page.statusCode()).isNotEqualTo(200);
		HttpResponse<String> lrsWithToken = Lrs.send(HttpRequest.newBuilder(URI.create(lrs.base
				+ "/xapi/statements")).header("X-Experience-API-Version", "1.0.3")
			.header("Authorization", "Bearer " + admin()));
		assertThat(lrsWithToken.statusCode()).isEqualTo(401);
	}

	@Test
	void everyAnswerNamesTheVersionAndOtherVersionsAreRefused() throws Exception {
		Lrs lrs = Lrs.client(port, admin(), "Versions", "all");
		HttpResponse<String> about = Lrs.send(HttpRequest.newBuilder(URI.create(lrs.base + "/xapi/about")));
		assertThat(about.statusCode()).isEqualTo(200);
		assertThat(about.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
		assertThat(Lrs.json(about).get("version").get(0).asString()).isEqualTo("1.0.3");

		HttpResponse<String> none = Lrs.send(HttpRequest.newBuilder(URI.create(lrs.base + "/xapi/statements"))
			.header("Authorization", lrs.authorization));
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(none.body()).contains("X-Experience-API-Version");
		HttpResponse<String> newer = Lrs.send(HttpRequest.newBuilder(URI.create(lrs.base + "/xapi/statements"))
			.header("Authorization", lrs.authorization).header("X-Experience-API-Version", "1.1.0"));
		assertThat(newer.statusCode()).isEqualTo(400);
		assertThat(newer.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
	}
}
