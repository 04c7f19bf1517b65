package io.stride.media;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code stride.media.store=directory}, through the real server and its body limits: a video with its captions
 * is uploaded (the upload route takes files), kept in the folder under its hash, and read back in ranges; a body
 * announcing more than the media limit is refused before it is read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"stride.media.store=directory", "stride.media.directory=target/media-store-test", "stride.media.max-video-bytes=1MB",
		"stride.media.max-image-bytes=512KB" })
class MediaInADirectoryTests {

	private static final String BOUNDARY = "stride-media-test-boundary";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Test
	void aVideoIsKeptInTheFolderAndServedInRanges() throws Exception {
		Org org = fixtures.organization();
		Course draft = authoring.create(fixtures.viewer(org.managerA()), Fixtures.sampleCourse("Demo day " + org.suffix()));
		String token = fixtures.token(org.managerA());
		byte[] mp4 = MediaFixtures.mp4(500_000);
		byte[] body = multipart(List.of(new Part("file", "demo.mp4", "video/mp4", mp4),
				new Part("captions", "demo.vtt", "text/vtt", MediaFixtures.VTT.getBytes(StandardCharsets.UTF_8)),
				new Part("title", null, null, "Demo day".getBytes(StandardCharsets.UTF_8))));
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/courses/" + draft.id().value() + "/media"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode video = JsonMapper.builder().build().readTree(created.body());

		String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(mp4));
		Path kept = Path.of("target/media-store-test", sha.substring(0, 2), sha);
		assertThat(Files.readAllBytes(kept)).isEqualTo(mp4);

		HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(URI.create(base() + "/media/" + video.get("id").asString()))
			.header("Authorization", "Bearer " + token)
			.header("Range", "bytes=1000-1999")
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/500000");
		assertThat(range.body()).isEqualTo(Arrays.copyOfRange(mp4, 1000, 2000));
	}

	@Autowired
	CourseMedia media;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void anImagesNarrowerCopiesAreKeptInTheFolderAndGoWithIt() throws Exception {
		Org org = fixtures.organization();
		Course draft = authoring.create(fixtures.viewer(org.managerA()), Fixtures.sampleCourse("Charts " + org.suffix()));
		byte[] png = MediaFixtures.image("png", 2000, 1000);
		MediaItem image = media.upload(fixtures.viewer(org.managerA()), draft.id(), new CourseMedia.Upload(
				new CourseMedia.UploadedFile("wide.png", png.length, new org.springframework.core.io.ByteArrayResource(png)),
				"A wide chart", false, null, null));
		List<Path> copies = jdbc.sql("SELECT sha256 FROM media_widths WHERE media_id = ? ORDER BY width")
			.param(image.id())
			.query(String.class)
			.list()
			.stream()
			.map(sha -> Path.of("target/media-store-test", sha.substring(0, 2), sha.strip()))
			.toList();
		assertThat(copies).hasSize(2).allMatch(Files::exists);

		media.delete(fixtures.viewer(org.managerA()), draft.id(), image.id());

		assertThat(copies).noneMatch(Files::exists);
	}

	@Test
	void aBodyOverTheMediaLimitIsRefusedBeforeItIsReadAtTheFileField() throws Exception {
		RawHttp.Response refused = RawHttp.exchange(port, "POST", "/api/v1/courses/anything/media",
				List.of("Host: localhost", "Content-Type: multipart/form-data; boundary=" + BOUNDARY, "Content-Length: " + 50 * 1024 * 1024), null);
		// refused for its size at the field the author chose the file in (the largest kind here: 1 MB of video), not
		// as a route that takes no files, and before a byte of it is read
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("\"errors\":{\"file\":\"This file is larger than 1 MB.\"}");
	}

	@Test
	void anyOtherBodyOverItsLimitIsStillTooLarge() throws Exception {
		RawHttp.Response refused = RawHttp.exchange(port, "POST", "/api/v1/courses/anything/outline/moves",
				List.of("Host: localhost", "Content-Type: application/json", "Content-Length: " + 50 * 1024 * 1024), null);
		assertThat(refused.status()).isEqualTo(413);
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private record Part(String name, String fileName, String type, byte[] bytes) {
	}

	private static byte[] multipart(List<Part> parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (Part part : parts) {
			StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\"");
			if (part.fileName() != null) {
				head.append("; filename=\"").append(part.fileName()).append("\"\r\nContent-Type: ").append(part.type());
			}
			head.append("\r\n\r\n");
			out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
			out.writeBytes(part.bytes());
			out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}
}
