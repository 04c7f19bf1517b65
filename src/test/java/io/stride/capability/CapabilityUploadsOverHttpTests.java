package io.stride.capability;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Absence files and certificates through the real server, whose body limits read uploads before the application
 * does: these routes take files, within a few megabytes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CapabilityUploadsOverHttpTests {

	private static final String BOUNDARY = "stride-test-boundary";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PersonEvidenceFixtures rows;

	@Test
	void anAbsenceFileAndACertificateArriveAndAnOversizedOneIsRefused() throws Exception {
		Org org = fixtures.organization();
		LocalDate day = LocalDate.now().plusDays(40);
		String csv = "email,starts_on,ends_on,kind\n" + org.email("learner-a") + "," + day + "," + day.plusDays(1) + ",LEAVE\n";
		HttpResponse<String> imported = post("/api/v1/absences/import", fixtures.token(fixtures.admin().id()),
				part("file", "absences.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(imported.statusCode()).isEqualTo(200);
		assertThat(imported.body()).contains("\"added\":1");

		CapabilityId capability = rows.capability("Run an executive business review " + org.suffix());
		String path = "/api/v1/people/" + org.learnerA().value() + "/capabilities/" + capability + "/certificates";
		byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		HttpResponse<String> uploaded = post(path, fixtures.token(org.learnerA()),
				field("name", "EBR practitioner"), field("issuer", "Acme Academy"), field("issuedOn", LocalDate.now().toString()),
				part("file", "ebr.pdf", "application/pdf", pdf));
		assertThat(uploaded.statusCode()).isEqualTo(201);

		byte[] huge = new byte[7 * 1024 * 1024];
		HttpResponse<String> refused = post(path, fixtures.token(org.learnerA()), field("name", "Too big"),
				part("file", "huge.pdf", "application/pdf", huge));
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("larger than");
	}

	private HttpResponse<String> post(String path, String token, byte[]... parts) throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			body.write(part);
		}
		body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

	private static byte[] field(String name, String value) {
		return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] part(String name, String fileName, String type, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(content);
		out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}
}
