package io.stride.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API error is an RFC 9457 problem detail, also those raised before any controller is chosen: by Tomcat, by
 * the firewall, by the multipart limits and by the security chains. Requests are written by hand, as HTTP clients
 * refuse to send most of these paths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiProblemDetailsTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	Org org;

	String token;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		token = fixtures.token(org.managerA());
	}

	@Test
	void aPathTomcatCannotDecodeIsAProblemDetail() throws Exception {
		for (String path : new String[] { "/api/v1/courses/%ZZ", "/api/v1/courses/a%2Fb", "/api/v1/courses/a%5Cb" }) {
			assertProblem(send("GET", path, token, null, null), 400, "check the path");
		}
	}

	@Test
	void aPathTheFirewallRefusesIsAProblemDetail() throws Exception {
		for (String path : new String[] { "/api/v1/courses/a;b", "/api/v1//courses/x", "/api/v1/courses/%2e%2e/x" }) {
			assertProblem(send("GET", path, token, null, null), 400, "path");
		}
	}

	@Test
	void aPageThePathFirewallRefusesIsABadRequestNotAServerError() throws Exception {
		for (String path : new String[] { "/learning;x=1", "//learning", "/courses/%2e%2e/x" }) {
			assertThat(send("GET", path, null, null, null)).startsWith("HTTP/1.1 400");
		}
	}

	@Test
	void anUploadWithTooManyPartsIsATooLargeProblemDetail() throws Exception {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 60; i++) {
			body.append("--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"notes-" + i
					+ ".txt\"\r\nContent-Type: text/plain\r\n\r\nReport incidents within one hour.\r\n");
		}
		body.append("--B--\r\n");
		assertProblem(send("POST", "/api/v1/drafts", token, "multipart/form-data; boundary=B", body.toString()), 413,
				"too many parts");
	}

	@Test
	void aTokenCallerWhoIsNotAnAdminGetsAForbiddenProblemDetailOnAdminRoutes() throws Exception {
		assertProblem(send("GET", "/actuator/metrics", token, null, null), 403, "admins");
		assertProblem(send("GET", "/admin/people", token, null, null), 403, "admins");
		assertProblem(send("POST", "/api/v1/teams", token, "application/json", "{\"name\":\"Ops\"}"), 403, "");
	}

	@Test
	void noTokenAWrongMethodAndUnacceptableTypesAreProblemDetails() throws Exception {
		assertProblem(send("GET", "/api/v1/me", null, null, null), 401, "Bearer");
		assertProblem(send("DELETE", "/api/v1/me", token, null, null), 405, "DELETE");
		assertProblem(send("POST", "/api/v1/courses", token, "text/plain", "a course"), 415, "");
		assertProblem(send("POST", "/api/v1/courses", token, "application/json", "{not json"), 400, "");
		String csv = raw("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept: text/csv\r\n"
				+ "Authorization: Bearer " + token + "\r\n\r\n", new byte[0]);
		assertProblem(csv, 406, "");
	}

	private static void assertProblem(String response, int status, String detail) {
		assertThat(response).as(response).startsWith("HTTP/1.1 " + status + " ");
		assertThat(response.lines().filter(line -> line.toLowerCase().startsWith("content-type:")).findFirst())
			.as(response)
			.hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
		assertThat(response).contains("\"status\":" + status).contains("\"detail\":\"").contains(detail);
	}

	private String send(String method, String path, String bearer, String contentType, String body) throws IOException {
		byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept: application/json\r\n"
				+ (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n")
				+ (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
				+ "Content-Length: " + bytes.length + "\r\n\r\n";
		return raw(head, bytes);
	}

	private String raw(String head, byte[] body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			return response.toString(StandardCharsets.UTF_8);
		}
	}
}
