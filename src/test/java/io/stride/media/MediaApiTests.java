package io.stride.media;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.authoring.OutlineEditing;
import io.stride.identity.PersonId;
import io.stride.shared.InvalidInputException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Lesson media through the API: images with alt text resized and written again, videos with captions, links, and
 * every refusal at its field; reading a file as whoever may read its course, in ranges.
 */
@SpringBootTest(properties = { "stride.media.max-image-bytes=300KB", "stride.media.max-video-bytes=2MB" })
@AutoConfigureMockMvc
class MediaApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	OutlineEditing outline;

	@Autowired
	CourseMedia courseMedia;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@org.springframework.beans.factory.annotation.Value("${spring.datasource.url}")
	String dataSourceUrl;

	Org org;

	Course draft;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		draft = authoring.create(fixtures.viewer(org.managerA()), Fixtures.sampleCourse("Running an EBR " + org.suffix()));
	}

	@Test
	void anImageWithAltTextIsResizedToTheMaximumWidthAndItsMarkdownGiven() throws Exception {
		JsonNode created = read(upload(draft, org.managerA(), image("wide.png", MediaFixtures.image("png", 2400, 1200))
			.param("alt", "The quarter's pipeline by stage").param("title", "Pipeline")).andExpect(status().isCreated()));
		assertThat(created.get("kind").asString()).isEqualTo("IMAGE");
		assertThat(created.get("width").asInt()).isEqualTo(1600);
		assertThat(created.get("height").asInt()).isEqualTo(800);
		String id = created.get("id").asString();
		assertThat(created.get("markdown").asString())
			.isEqualTo("![The quarter's pipeline by stage](/media/" + id + " \"Pipeline\")");
		byte[] served = mvc.perform(get("/media/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", containsString("private")))
			.andExpect(header().exists("ETag"))
			.andExpect(header().string("Content-Disposition", containsString("inline")))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(served.length).isEqualTo(created.get("bytes").asInt());
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served)).getWidth()).isEqualTo(1600);
		String etag = mvc.perform(get("/media/" + id).header("Authorization", bearer(org.managerA())))
			.andReturn().getResponse().getHeader("ETag");
		mvc.perform(get("/media/" + id).header("Authorization", bearer(org.managerA())).header("If-None-Match", etag))
			.andExpect(status().isNotModified());

		mvc.perform(get("/api/v1/courses/" + draft.id().value() + "/media").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(id));
	}

	@Test
	void whatAPhotoCarriesBesidesItsPixelsIsDroppedWhenItIsWrittenAgain() throws Exception {
		byte[] photo = MediaFixtures.withExif(MediaFixtures.image("jpg", 320, 240), "GPS 51.5007N 0.1246W secret-place");
		assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("secret-place");
		String id = read(upload(draft, org.managerA(), image("photo.jpg", photo).param("alt", "The office"))
			.andExpect(status().isCreated())).get("id").asString();
		byte[] served = mvc.perform(get("/media/" + id).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("secret-place", "Exif");
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served)).getWidth()).isEqualTo(320);
	}

	@Test
	void pngJpegAndGifAreTakenAndKeptAsJpegOrPngByTransparency() throws Exception {
		for (String format : List.of("png", "jpg", "gif")) {
			JsonNode created = read(upload(draft, org.managerA(), image("chart." + format, MediaFixtures.image(format, 120, 90))
				.param("alt", "A chart")).andExpect(status().isCreated()));
			assertThat(created.get("width").asInt()).as(format).isEqualTo(120);
			assertThat(created.get("contentType").asString()).as(format).isIn("image/jpeg", "image/png");
		}
		java.awt.image.BufferedImage clear = new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_INT_ARGB);
		java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(clear, "png", png);
		assertThat(read(upload(draft, org.managerA(), image("icon.png", png.toByteArray()).param("decorative", "true"))
			.andExpect(status().isCreated())).get("contentType").asString()).isEqualTo("image/png");
	}

	@Test
	void anImageWithoutAltTextIsRefusedAtAltUnlessMarkedDecorative() throws Exception {
		upload(draft, org.managerA(), image("chart.png", MediaFixtures.image("png", 200, 100)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.alt").value(containsString("alt text")));
		upload(draft, org.managerA(), image("chart.png", MediaFixtures.image("png", 200, 100)).param("alt", "   "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.alt").exists());
		assertThat(listed(draft)).isZero();
		JsonNode decorative = read(upload(draft, org.managerA(), image("rule.png", MediaFixtures.image("png", 200, 100))
			.param("decorative", "true")).andExpect(status().isCreated()));
		assertThat(decorative.get("markdown").asString()).startsWith("![](/media/");
		assertThat(decorative.get("width").asInt()).isEqualTo(200);
	}

	@Test
	void aFileOverTheLimitIsRefusedAtFileWithTheLimitInWords() throws Exception {
		byte[] big = new byte[400 * 1024];
		byte[] png = MediaFixtures.image("png", 50, 50);
		System.arraycopy(png, 0, big, 0, png.length);
		upload(draft, org.managerA(), image("big.png", big).param("alt", "big"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.file").value(containsString("at most 300 KB")));
		upload(draft, org.managerA(), video("talk.mp4", MediaFixtures.mp4(3 * 1024 * 1024), true))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.file").value(containsString("at most 2 MB")));
		assertThat(listed(draft)).isZero();
	}

	@Test
	void aPixelBombIsRefusedQuicklyBeforeItIsDecoded() throws Exception {
		long start = System.nanoTime();
		upload(draft, org.managerA(), image("bomb.png", MediaFixtures.pixelBomb()).param("alt", "nothing"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.file").value(containsString("50000 × 50000 pixels")));
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
	}

	@Test
	void unreadableAndMislabelledImagesAreRefusedAtFile() throws Exception {
		upload(draft, org.managerA(), image("cut.png", MediaFixtures.truncated(MediaFixtures.image("png", 400, 300))).param("alt", "x"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.file").value(containsString("not a readable image")));
		upload(draft, org.managerA(), image("photo.gif", MediaFixtures.image("png", 40, 40)).param("alt", "x"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.file").value(containsString("named .gif but holds a PNG")));
		upload(draft, org.managerA(), image("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
			.getBytes(StandardCharsets.UTF_8)).param("alt", "logo"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.file").value(containsString("SVG")));
		upload(draft, org.managerA(), image("notes.png", "just text".getBytes(StandardCharsets.UTF_8)).param("alt", "x"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.file").exists());
		assertThat(listed(draft)).isZero();
	}

	@Test
	void aVideoNeedsValidWebVttCaptions() throws Exception {
		upload(draft, org.managerA(), video("talk.mp4", MediaFixtures.mp4(4096), false))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.captions").value(containsString("captions file")));
		upload(draft, org.managerA(), video("talk.mp4", MediaFixtures.mp4(4096), false)
			.file(new MockMultipartFile("captions", "talk.srt", "text/plain",
					"1\n00:00:00,000 --> 00:00:02,000\nHello\n".getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.captions").value(containsString("WEBVTT")));
		upload(draft, org.managerA(), video("talk.mp4", MediaFixtures.mp4(4096), false)
			.file(new MockMultipartFile("captions", "talk.vtt", "text/vtt", "WEBVTT\n\nno cues here\n".getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.captions").value(containsString("no cue")));
		assertThat(listed(draft)).isZero();

		JsonNode video = read(upload(draft, org.managerA(), video("talk.mp4", MediaFixtures.mp4(300_000), true)
			.param("title", "The EBR in five minutes")).andExpect(status().isCreated()));
		assertThat(video.get("kind").asString()).isEqualTo("VIDEO");
		assertThat(video.get("markdown").asString())
			.isEqualTo("![Video: The EBR in five minutes](/media/" + video.get("id").asString() + ")");
		mvc.perform(get("/media/" + video.get("id").asString() + "/captions").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/vtt")))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).isEqualTo(MediaFixtures.VTT));
	}

	@Test
	void aVideoIsServedInRangesSoThePlayerCanSeek() throws Exception {
		byte[] mp4 = MediaFixtures.mp4(600_000);
		String id = read(upload(draft, org.managerA(), video("talk.mp4", mp4, true)).andExpect(status().isCreated()))
			.get("id").asString();
		byte[] part = mvc.perform(get("/media/" + id).header("Authorization", bearer(org.managerA()))
				.header("Range", "bytes=300000-300099"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string("Content-Range", "bytes 300000-300099/600000"))
			.andExpect(header().string("Content-Type", "video/mp4"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(mp4, 300000, 300100));
		byte[] tail = mvc.perform(get("/media/" + id).header("Authorization", bearer(org.managerA()))
				.header("Range", "bytes=-10"))
			.andExpect(status().isPartialContent())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(tail).isEqualTo(java.util.Arrays.copyOfRange(mp4, 599990, 600000));
	}

	@Test
	void learnersReadOnlyFilesAPublishedVersionShows() throws Exception {
		String id = read(upload(draft, org.managerA(), image("team.png", MediaFixtures.image("png", 300, 200))
			.param("alt", "The team at the offsite")).andExpect(status().isCreated())).get("id").asString();
		// a draft's file is its editors' (and reviewers') only
		mvc.perform(get("/media/" + id).header("Authorization", bearer(org.learnerB()))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/courses/" + draft.id().value() + "/media").header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());
		upload(draft, org.learnerB(), image("x.png", MediaFixtures.image("png", 30, 30)).param("alt", "x"))
			.andExpect(status().isNotFound());

		Course published = publishWithLesson(draft, "![The team at the offsite](/media/" + id + ")");
		mvc.perform(get("/media/" + id).header("Authorization", bearer(org.learnerB()))).andExpect(status().isOk());
		// a published course's files are changed only by its editors
		upload(published, org.learnerB(), image("x.png", MediaFixtures.image("png", 30, 30)).param("alt", "x"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/media/" + id)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/media/not-an-id!")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/media/" + java.util.UUID.randomUUID()).header("Authorization", bearer(org.learnerB())))
			.andExpect(status().isNotFound());
	}

	@Test
	void anotherCoursesDraftFileIsRefusedWhenSavedAndNeverPublishedWithAForeignCourse() throws Exception {
		String secret = read(upload(draft, org.managerA(), image("plan.png", MediaFixtures.image("png", 60, 60))
			.param("alt", "The secret plan")).andExpect(status().isCreated())).get("id").asString();
		var ben = fixtures.viewer(org.managerB());
		Course bens = authoring.create(ben, Fixtures.sampleCourse("Ben's course " + org.suffix()));
		String markdown = "Look ![plan](/media/" + secret + ")";

		// the whole-course save: 422 at the lesson's text, naming the file; nothing is saved
		assertThatThrownBy(() -> authoring.update(ben, bens.id(), bens.revision(), withLesson(bens, markdown)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors().get("lessons[2].markdown"))
				.contains("/media/" + secret));
		assertThatThrownBy(() -> authoring.create(ben, withLesson(bens, markdown)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("lessons[2].markdown"));
		assertThat(authoring.editable(ben, bens.id()).lessons()).hasSize(2);
		// the outline editor's save of one lesson: 422 at markdown
		String lessonId = bens.lessons().getFirst().id();
		var element = outline.element(ben, bens.id(), lessonId);
		assertThatThrownBy(() -> outline.save(ben, bens.id(), lessonId, element.revision(),
				new OutlineEditing.LessonEdit("Spot it", markdown, null)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors().get("markdown")).contains("/media/" + secret));
		assertThat(outline.element(ben, bens.id(), lessonId).lesson().markdown()).doesNotContain(secret);

		// a text saved before the check (or by an admin) that a foreign author publishes does not open the file
		var admin = fixtures.admin();
		Course saved = authoring.update(admin, bens.id(), bens.revision(), withLesson(bens, markdown));
		authoring.publish(ben, saved.id(), saved.revision());
		mvc.perform(get("/media/" + secret).header("Authorization", bearer(org.learnerB()))).andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/courses/" + draft.id().value() + "/media/" + secret)
			.header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNoContent());
	}

	@Test
	void aFileALiveCourseShowsMayBeShownByAnotherCourseAndItsOwnAuthorsFilesToo() throws Exception {
		String shared = read(upload(draft, org.managerA(), image("team.png", MediaFixtures.image("png", 60, 60))
			.param("alt", "The team")).andExpect(status().isCreated())).get("id").asString();
		publishWithLesson(draft, "![The team](/media/" + shared + ")");
		var ben = fixtures.viewer(org.managerB());
		Course bens = authoring.create(ben, Fixtures.sampleCourse("Ben's course " + org.suffix()));
		Course saved = authoring.update(ben, bens.id(), bens.revision(), withLesson(bens, "![The team](/media/" + shared + ")"));
		authoring.publish(ben, saved.id(), saved.revision());
		// Maya shows a file of her own draft in another course of hers
		var maya = fixtures.viewer(org.managerA());
		Course second = authoring.create(maya, Fixtures.sampleCourse("Second " + org.suffix()));
		Course drafted = authoring.create(maya, Fixtures.sampleCourse("Third " + org.suffix()));
		String own = read(mvc.perform(multipart("/api/v1/courses/" + drafted.id().value() + "/media")
			.file(new MockMultipartFile("file", "own.png", "image/png", MediaFixtures.image("png", 40, 40)))
			.param("alt", "Own").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isCreated())).get("id").asString();
		Course secondSaved = authoring.update(maya, second.id(), second.revision(), withLesson(second, "![Own](/media/" + own + ")"));
		authoring.publish(maya, secondSaved.id(), secondSaved.revision());
		mvc.perform(get("/media/" + own).header("Authorization", bearer(org.learnerB()))).andExpect(status().isOk());
	}

	@Test
	void anIdenticalUploadDuringADeletionKeepsItsBytes() throws Exception {
		byte[] photo = MediaFixtures.image("png", 80, 60);
		String first = read(upload(draft, org.managerA(), image("a.png", photo).param("alt", "A"))
			.andExpect(status().isCreated())).get("id").asString();
		var maya = fixtures.viewer(org.managerA());
		var uploaded = new java.util.concurrent.CountDownLatch(1);
		var deleted = new java.util.concurrent.CountDownLatch(1);
		String[] second = new String[1];
		Thread uploader = new Thread(() -> {
			try {
				deleted.await();
				second[0] = courseMedia.upload(maya, draft.id(), new CourseMedia.Upload(new CourseMedia.UploadedFile("b.png",
						photo.length, () -> new java.io.ByteArrayInputStream(photo)), "B", false, null, null)).id();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			finally {
				uploaded.countDown();
			}
		});
		uploader.start();
		// the deletion stays open until the upload is done, or long enough for the upload to wait for it (H2's lock
		// timeout is a second); without the lock the upload found the bytes, skipped them, and lost them at commit
		long wait = dataSourceUrl.contains(":h2:") ? 700 : 3000;
		transactions.executeWithoutResult(status -> {
			courseMedia.delete(maya, draft.id(), first);
			deleted.countDown();
			try {
				uploaded.await(wait, java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		uploader.join(30_000);
		assertThat(second[0]).isNotNull();
		byte[] served = mvc.perform(get("/media/" + second[0]).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(served).isNotEmpty();
	}

	@Test
	void aFileAPublishedVersionShowsCannotBeDeleted() throws Exception {
		String shown = read(upload(draft, org.managerA(), image("a.png", MediaFixtures.image("png", 60, 60)).param("alt", "A"))
			.andExpect(status().isCreated())).get("id").asString();
		String unused = read(upload(draft, org.managerA(), image("b.png", MediaFixtures.image("png", 60, 60)).param("alt", "B"))
			.andExpect(status().isCreated())).get("id").asString();
		String inDraft = read(upload(draft, org.managerA(), image("c.png", MediaFixtures.image("png", 70, 60)).param("alt", "C"))
			.andExpect(status().isCreated())).get("id").asString();
		Course published = publishWithLesson(draft, "![A](/media/" + shown + ")");
		var editor = fixtures.viewer(org.managerA());
		Course next = authoring.startVersion(editor, published.id(), authoring.editable(editor, published.id()).revision());
		authoring.update(editor, next.id(), next.revision(), withLesson(next, "Now ![C](/media/" + inDraft + ")"));

		mvc.perform(delete("/api/v1/courses/" + draft.id().value() + "/media/" + shown).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("published version")));
		mvc.perform(delete("/api/v1/courses/" + draft.id().value() + "/media/" + inDraft).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("take it out of the lesson")));
		mvc.perform(delete("/api/v1/courses/" + draft.id().value() + "/media/" + unused).header("Authorization", bearer(org.managerB())))
			.andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/courses/" + draft.id().value() + "/media/" + unused).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/courses/" + draft.id().value() + "/media/" + unused).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/media/" + shown).header("Authorization", bearer(org.learnerB()))).andExpect(status().isOk());
		assertThat(listed(draft)).isEqualTo(2);
	}

	@Test
	void aVideoElsewhereIsALinkAndOnlyHttpsIsTaken() throws Exception {
		String path = "/api/v1/courses/" + draft.id().value() + "/media/links";
		mvc.perform(post(path).header("Authorization", bearer(org.managerA())).contentType(MediaType.APPLICATION_JSON)
				.content("{\"url\":\"https://www.youtube.com/watch?v=abc123\",\"title\":\"Discovery calls\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.markdown").value("[Watch on YouTube: Discovery calls](<https://www.youtube.com/watch?v=abc123>)"));
		for (String bad : List.of("http://www.youtube.com/watch?v=abc", "javascript:alert(1)", "", "https://user:pw@example.org/v")) {
			mvc.perform(post(path).header("Authorization", bearer(org.managerA())).contentType(MediaType.APPLICATION_JSON)
					.content("{\"url\":\"" + bad + "\"}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.url").exists());
		}
		mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"https://vimeo.com/1\"}"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void reviewersReadADraftsFilesAndThePagesUploadNeedsItsCsrfToken() throws Exception {
		PersonId reviewer = fixtures.person(fixtures.admin(), "Reviewer", "reviewer", org.suffix(), java.util.Set.of(),
				java.util.Set.of(), io.stride.identity.Role.REVIEWER);
		String id = read(upload(draft, org.managerA(), image("r.png", MediaFixtures.image("png", 80, 40)).param("alt", "R"))
			.andExpect(status().isCreated())).get("id").asString();
		mvc.perform(get("/media/" + id).header("Authorization", bearer(reviewer))).andExpect(status().isOk());

		var author = io.stride.support.SignedIn.as(fixtures.viewerPerson(org.managerA()));
		String page = "/courses/" + draft.id().value() + "/media";
		mvc.perform(multipart(page).file(new MockMultipartFile("file", "p.png", "image/png", MediaFixtures.image("png", 40, 40)))
				.param("alt", "P").with(author))
			.andExpect(status().isForbidden());
		mvc.perform(multipart(page).file(new MockMultipartFile("file", "p.png", "image/png", MediaFixtures.image("png", 40, 40)))
				.with(author).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.alt").exists());
		mvc.perform(multipart(page).file(new MockMultipartFile("file", "p.png", "image/png", MediaFixtures.image("png", 40, 40)))
				.param("alt", "P").with(author)
				.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.markdown").value(containsString("![P](/media/")));
		mvc.perform(post(page + "/links").param("url", "https://vimeo.com/76979871").param("title", "Onboarding").with(author)
				.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.markdown").value("[Watch on Vimeo: Onboarding](<https://vimeo.com/76979871>)"));
	}

	@Test
	void theMediaApiIsInTheOpenApiDocument() throws Exception {
		String document = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(document).contains("/api/v1/courses/{id}/media", "/api/v1/courses/{id}/media/links",
				"/api/v1/courses/{id}/media/{mediaId}", "/api/v1/courses/{id}/media/{mediaId}/alt");
	}

	private Course publishWithLesson(Course course, String markdown) {
		var editor = fixtures.viewer(org.managerA());
		Course current = authoring.editable(editor, course.id());
		Course saved = authoring.update(editor, current.id(), current.revision(), withLesson(current, markdown));
		return authoring.publish(editor, saved.id(), saved.revision());
	}

	private static CourseContent withLesson(Course course, String markdown) {
		List<Lesson> lessons = new java.util.ArrayList<>(course.lessons());
		lessons.add(new Lesson(null, "With media", markdown));
		return Fixtures.sampleCourse(course.title()).with(lessons, Fixtures.sampleCourse(course.title()).quiz());
	}

	private int listed(Course course) throws Exception {
		return read(mvc.perform(get("/api/v1/courses/" + course.id().value() + "/media").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())).get("total").asInt();
	}

	private MockMultipartHttpServletRequestBuilder image(String name, byte[] bytes) {
		return multipart("/api/v1/courses/" + draft.id().value() + "/media").file(new MockMultipartFile("file", name, "image/png", bytes));
	}

	private MockMultipartHttpServletRequestBuilder video(String name, byte[] bytes, boolean withCaptions) {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/courses/" + draft.id().value() + "/media").file(new MockMultipartFile("file", name, "video/mp4", bytes));
		if (withCaptions) {
			request.file(new MockMultipartFile("captions", "talk.vtt", "text/vtt", MediaFixtures.VTT.getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	private ResultActions upload(Course course, PersonId as, MockMultipartHttpServletRequestBuilder request) throws Exception {
		assertThat(course.id()).isEqualTo(draft.id());
		return mvc.perform(request.header("Authorization", bearer(as)));
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

	private static JsonNode read(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}
}
