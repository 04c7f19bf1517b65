package io.stride.media;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.identity.PersonId;
import io.stride.shared.InvalidInputException;
import io.stride.shared.Markdown;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A course's media as its editors manage them: the page listing each file with its thumbnail, alt text, size and
 * where it is shown; alt text changed there and in the draft's lessons; deletion confirmed and refused while shown;
 * and what lesson pages make of a file (its size, narrower copies, its captions' language).
 */
@SpringBootTest
@AutoConfigureMockMvc
class CourseMediaPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	CourseMedia media;

	@Autowired
	JdbcClient jdbc;

	Org org;

	Course draft;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		draft = authoring.create(fixtures.viewer(org.managerA()), Fixtures.sampleCourse("Running an EBR " + org.suffix()));
	}

	@Test
	void thePageListsEachFileWithItsAltTextSizeAndTheLessonsShowingIt() throws Exception {
		MediaItem chart = image("pipeline.png", 800, 400, "The quarter's pipeline by stage");
		MediaItem talk = media.upload(fixtures.viewer(org.managerA()), draft.id(), new CourseMedia.Upload(
				file("talk.mp4", MediaFixtures.mp4(4096)), null, false, "Kick-off talk",
				file("talk.vtt", MediaFixtures.VTT.getBytes(StandardCharsets.UTF_8)), "de"));
		withLesson("Pipeline review", "Look: " + chart.markdown());

		mvc.perform(get(page()).with(as(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The quarter&#39;s pipeline by stage")))
			.andExpect(content().string(containsString("/media/" + chart.id() + "?w=480")))
			.andExpect(content().string(containsString("800 × 400 pixels")))
			.andExpect(content().string(containsString("Pipeline review")))
			.andExpect(content().string(containsString("Kick-off talk")))
			.andExpect(content().string(containsString("captions in German")))
			.andExpect(content().string(containsString("Not shown in any lesson.")))
			.andExpect(content().string(containsString("/courses/" + draft.id().value() + "/media/" + talk.id() + "/delete")));
	}

	@Test
	void anotherTeamsManagerNeitherSeesNorChangesACoursesMedia() throws Exception {
		MediaItem chart = image("pipeline.png", 200, 100, "Pipeline");
		mvc.perform(get(page()).with(as(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(post(page() + "/" + chart.id() + "/alt").param("alt", "Mine now").with(as(org.managerB())).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get(page() + "/" + chart.id() + "/delete").with(as(org.managerB()))).andExpect(status().isNotFound());
		mvc.perform(post(page() + "/" + chart.id() + "/delete").with(as(org.managerB())).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get(api() + "/" + chart.id()).header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		mvc.perform(put(api() + "/" + chart.id() + "/alt").header("Authorization", bearer(org.managerB()))
				.contentType(MediaType.APPLICATION_JSON).content("{\"alt\":\"Mine now\"}"))
			.andExpect(status().isNotFound());
		// nor through another course's address
		Course mine = authoring.create(fixtures.viewer(org.managerB()), Fixtures.sampleCourse("Other " + org.suffix()));
		mvc.perform(get("/api/v1/courses/" + mine.id().value() + "/media/" + chart.id())
				.header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		assertThat(find(chart).alt()).isEqualTo("Pipeline");
	}

	@Test
	void altTextIsRequiredUnlessDecorativeAndTheRefusalIsShownAtItsField() throws Exception {
		MediaItem chart = image("pipeline.png", 200, 100, "Pipeline");
		mvc.perform(post(page() + "/" + chart.id() + "/alt").param("alt", "  ").with(as(org.managerA())).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"alt-" + chart.id() + "-error\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("or mark it as decorative")));
		mvc.perform(put(api() + "/" + chart.id() + "/alt").header("Authorization", bearer(org.managerA()))
				.contentType(MediaType.APPLICATION_JSON).content("{\"alt\":\"" + "x".repeat(1001) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.alt").value(containsString("1,000 characters")));
		assertThat(find(chart).alt()).isEqualTo("Pipeline");
	}

	@Test
	void changedAltTextReachesTheDraftsLessonsShowingTheImage() throws Exception {
		MediaItem chart = image("pipeline.png", 200, 100, "Pipeline");
		withLesson("Pipeline review", "Before ![Old [words]](/media/" + chart.id() + " \"Chart\") after.");

		mvc.perform(post(page() + "/" + chart.id() + "/alt").param("alt", "Deals by stage, Q3").with(as(org.managerA()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(page() + "#media-" + chart.id()))
			.andExpect(flash().attribute("notice", containsString("“Pipeline review”")));
		assertThat(find(chart).alt()).isEqualTo("Deals by stage, Q3");
		assertThat(lesson("Pipeline review").markdown())
			.isEqualTo("Before ![Deals by stage, Q3](/media/" + chart.id() + " \"Chart\") after.");

		mvc.perform(put(api() + "/" + chart.id() + "/alt").header("Authorization", bearer(org.managerA()))
				.contentType(MediaType.APPLICATION_JSON).content("{\"decorative\":true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.file.decorative").value(true))
			.andExpect(jsonPath("$.lessonsChanged[0].title").value("Pipeline review"));
		assertThat(lesson("Pipeline review").markdown()).isEqualTo("Before ![](/media/" + chart.id() + " \"Chart\") after.");
	}

	@Test
	void aFileALessonShowsIsNotDeletedAndAnUnusedOneIsAfterConfirmation() throws Exception {
		MediaItem shown = image("shown.png", 200, 100, "Shown");
		MediaItem unused = image("unused.png", 2000, 1000, "Unused");
		withLesson("Pipeline review", shown.markdown());

		// the list offers no delete for a file still shown, and says what to do first
		String list = mvc.perform(get(page()).with(as(org.managerA()))).andReturn().getResponse().getContentAsString();
		assertThat(list).doesNotContain("id=\"delete-" + shown.id() + "\"")
			.contains("id=\"delete-" + unused.id() + "\"")
			.contains("In use: remove it from the lessons first.");

		mvc.perform(get(page() + "/" + shown.id() + "/delete").with(as(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"still-shown\"")))
			.andExpect(content().string(containsString("Pipeline review")))
			.andExpect(content().string(not(containsString("id=\"confirm-delete\""))));
		mvc.perform(post(page() + "/" + shown.id() + "/delete").with(as(org.managerA())).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("take it out of the lesson first")));
		mvc.perform(get(api() + "/" + shown.id()).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deletable").value(false))
			.andExpect(jsonPath("$.lessons[0].title").value("Pipeline review"));
		assertThat(find(shown)).isNotNull();

		List<String> copies = jdbc.sql("SELECT sha256 FROM media_widths WHERE media_id = ?").param(unused.id())
			.query(String.class).list();
		assertThat(copies).hasSize(2);
		mvc.perform(get(page() + "/" + unused.id() + "/delete").with(as(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"confirm-delete\"")));
		mvc.perform(post(page() + "/" + unused.id() + "/delete").with(as(org.managerA())).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "Deleted unused.jpg."));
		mvc.perform(get("/media/" + unused.id()).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isNotFound());
		// the narrower copies' bytes go with it
		for (String sha : copies) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM media_chunks WHERE sha256 = ?").param(sha).query(Integer.class).single())
				.isZero();
		}
	}

	@Test
	void aLessonImageTakesItsPlaceBeforeItLoadsAndOffersNarrowerCopies() throws Exception {
		MediaItem wide = image("wide.png", 2400, 1200, "Wide");
		String src = "/media/" + wide.id();

		String html = Markdown.toSafeHtml("![Wide](" + src + ")");

		assertThat(html).contains("width=\"1600\"", "height=\"800\"",
				"srcset=\"" + src + "?w=480 480w, " + src + "?w=960 960w, " + src + " 1600w\"", "sizes=\"");
		// only what Stride writes: an author's own srcset or width address is not kept
		assertThat(Markdown.toSafeHtml("![Wide](" + src + "?w=480)")).doesNotContain("<img");
		assertThat(Markdown.toSafeHtml("<img src=\"" + src + "\" srcset=\"https://evil.example/x.png 1w\">"))
			.doesNotContain("<img").contains("&lt;img");

		for (String[] asked : new String[][] { { "480", "480" }, { "700", "960" }, { "5000", "1600" }, { "abc", "1600" } }) {
			byte[] served = mvc.perform(get(src).param("w", asked[0]).header("Authorization", bearer(org.managerA())))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
			assertThat(ImageIO.read(new ByteArrayInputStream(served)).getWidth()).as("w=%s", asked[0])
				.isEqualTo(Integer.parseInt(asked[1]));
		}
	}

	@Test
	void aVideosCaptionsTrackSpeaksTheLanguageTheAuthorChose() {
		MediaItem german = video("de-CH");
		MediaItem unsaid = video(null);

		assertThat(Markdown.toSafeHtml(german.markdown())).contains("srclang=\"de-CH\"", "label=\"German (Switzerland)\"");
		assertThat(Markdown.toSafeHtml(unsaid.markdown())).contains("srclang=\"en\"", "label=\"English\"");
		assertThatThrownBy(() -> video("the german one"))
			.isInstanceOf(InvalidInputException.class)
			.extracting(e -> ((InvalidInputException) e).fieldErrors().get("captionsLanguage"))
			.asString()
			.contains("language tag");
	}

	@Test
	void theApiSaysWhenAnAnimatedGifKeepsOnlyItsFirstFrameAndTakesTheCaptionsLanguage() throws Exception {
		mvc.perform(multipart(api()).file(new MockMultipartFile("file", "wave.gif", "image/gif", MediaFixtures.animatedGif(4, 40, 30)))
				.param("alt", "A waving hand").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value("image/gif"))
			.andExpect(jsonPath("$.note").doesNotExist());
		mvc.perform(multipart(api()).file(new MockMultipartFile("file", "long.gif", "image/gif", MediaFixtures.animatedGif(151, 8, 8)))
				.param("alt", "A long loop").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.contentType").value(not("image/gif")))
			.andExpect(jsonPath("$.note").value(containsString("only its first frame is shown")));

		mvc.perform(multipart(api()).file(new MockMultipartFile("file", "talk.mp4", "video/mp4", MediaFixtures.mp4(3000)))
				.file(new MockMultipartFile("captions", "talk.vtt", "text/vtt", MediaFixtures.VTT.getBytes(StandardCharsets.UTF_8)))
				.param("captionsLanguage", "fr").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.captionsLanguage").value("fr"));
		mvc.perform(multipart(api()).file(new MockMultipartFile("file", "talk.mp4", "video/mp4", MediaFixtures.mp4(3000)))
				.file(new MockMultipartFile("captions", "talk.vtt", "text/vtt", MediaFixtures.VTT.getBytes(StandardCharsets.UTF_8)))
				.param("captionsLanguage", "<script>").header("Authorization", bearer(org.managerA())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.captionsLanguage").exists());
	}

	private MediaItem video(String language) {
		return media.upload(fixtures.viewer(org.managerA()), draft.id(), new CourseMedia.Upload(
				file("talk.mp4", MediaFixtures.mp4(2048 + (language == null ? 1 : language.length()))), null, false,
				"Talk", file("talk.vtt", MediaFixtures.VTT.getBytes(StandardCharsets.UTF_8)), language));
	}

	private MediaItem image(String name, int width, int height, String alt) {
		return media.upload(fixtures.viewer(org.managerA()), draft.id(),
				new CourseMedia.Upload(file(name, MediaFixtures.image("png", width, height)), alt, false, null, null));
	}

	private static CourseMedia.UploadedFile file(String name, byte[] bytes) {
		return new CourseMedia.UploadedFile(name, bytes.length, new ByteArrayResource(bytes));
	}

	private void withLesson(String title, String markdown) {
		var editor = fixtures.viewer(org.managerA());
		Course current = authoring.editable(editor, draft.id());
		List<Lesson> lessons = new java.util.ArrayList<>(current.lessons());
		lessons.add(new Lesson(null, title, markdown));
		CourseContent content = Fixtures.sampleCourse(current.title()).with(lessons,
				Fixtures.sampleCourse(current.title()).quiz());
		authoring.update(editor, current.id(), current.revision(), content);
	}

	private Lesson lesson(String title) {
		return authoring.editable(fixtures.viewer(org.managerA()), draft.id()).lessons().stream()
			.filter(l -> l.title().equals(title))
			.findFirst()
			.orElseThrow();
	}

	private MediaItem find(MediaItem item) {
		return media.list(fixtures.viewer(org.managerA()), draft.id(), 1, 100).items().stream()
			.filter(m -> m.id().equals(item.id()))
			.findFirst()
			.orElse(null);
	}

	private String page() {
		return "/courses/" + draft.id().value() + "/media";
	}

	private String api() {
		return "/api/v1/courses/" + draft.id().value() + "/media";
	}

	private RequestPostProcessor as(PersonId person) {
		return SignedIn.as(fixtures.viewerPerson(person));
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}
}
