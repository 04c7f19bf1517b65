package io.stride.packages.questions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.authoring.Outline;
import io.stride.authoring.OutlineEditing;
import io.stride.authoring.Question;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Question banks through the API against the real database: a course's questions exported and imported into another
 * course come back identical, previews write nothing, bad files are refused whole with where they break, and nobody
 * reaches a course they may not edit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class QuestionBankApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	OutlineEditing editing;

	Org org;

	Viewer author;

	Course source;

	@BeforeEach
	void courseWithEveryKind() {
		org = fixtures.organization();
		author = fixtures.viewer(org.managerA());
		source = authoring.create(author, Fixtures.sampleCourse("Question bank " + org.suffix()));
		Outline outline = editing.outline(author, source.id());
		String lesson = outline.lessons().get(1).id();
		editing.add(author, source.id(), OutlineEditing.KNOWLEDGE_CHECK, null, lesson, null, null,
				SampleQuestions.all().get(1));
		for (Question q : SampleQuestions.all()) {
			editing.add(author, source.id(), OutlineEditing.QUESTION, null, null, null, null, q);
		}
	}

	@Test
	void giftExportImportedIntoAnotherCourseKeepsEveryQuestion() throws Exception {
		roundTrip("gift", "gift", "text/plain;charset=UTF-8");
	}

	@Test
	void qti3ExportImportedIntoAnotherCourseKeepsEveryQuestion() throws Exception {
		roundTrip("qti3", "qti", "application/zip");
	}

	private void roundTrip(String exportFormat, String importFormat, String contentType) throws Exception {
		byte[] file = mvc.perform(get("/api/v1/courses/" + source.id().value() + "/questions/export")
			.param("format", exportFormat).header("Authorization", bearer(org.managerA())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", contentType))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn().getResponse().getContentAsByteArray();
		Course target = authoring.create(author, Fixtures.sampleCourse("Target " + org.suffix()));
		List<Question> before = questions(target.id());

		JsonNode preview = read(importFile(target, org.managerA(), importFormat, true, "bank", file).andExpect(status().isOk()));
		assertThat(preview.get("dryRun").asBoolean()).isTrue();
		assertThat(preview.get("imported").asInt()).isEqualTo(SampleQuestions.all().size() + 3);
		assertThat(preview.get("unsupported").asInt()).isZero();
		assertThat(questions(target.id())).as("a preview writes nothing").isEqualTo(before);

		JsonNode imported = read(importFile(target, org.managerA(), importFormat, false, "bank", file)
			.andExpect(status().isCreated()));
		assertThat(imported.get("questionIds").size()).isEqualTo(SampleQuestions.all().size() + 3);

		List<Question> expected = new ArrayList<>();
		expected.add(SampleQuestions.all().get(1));
		expected.addAll(questions(source.id()).subList(1, questions(source.id()).size()));
		List<Question> after = questions(target.id());
		assertThat(after.subList(0, before.size())).isEqualTo(before);
		assertThat(after.subList(before.size(), after.size())).containsExactlyElementsOf(plain(expected));
	}

	@Test
	void aPreviewListsUnsupportedItemsByNumberAndTitleWithTheReason() throws Exception {
		String gift = """
				::Fire exits::Where is the nearest exit? {=Left ~Right}

				::Near miss::Describe a near miss. {}

				::Long::%s {=a ~b}
				""".formatted("x".repeat(2100));
		Course target = authoring.create(author, Fixtures.sampleCourse("Target " + org.suffix()));
		importFile(target, org.managerA(), "gift", true, "bank.gift", gift.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(1))
			.andExpect(jsonPath("$.unsupported").value(2))
			.andExpect(jsonPath("$.items[1].number").value(2))
			.andExpect(jsonPath("$.items[1].title").value("Near miss"))
			.andExpect(jsonPath("$.items[1].unsupported").value(containsString("essay")))
			.andExpect(jsonPath("$.items[2].unsupported").value(containsString("prompt: Use at most 2000 characters")));
	}

	@Test
	void aMalformedFileIsRefusedWholeNamingWhereAndNothingIsSaved() throws Exception {
		Course target = authoring.create(author, Fixtures.sampleCourse("Target " + org.suffix()));
		List<Question> before = questions(target.id());
		String gift = "::Good::Fine {=a ~b}\n\n::Bad::Broken {=a ~b\n";
		importFile(target, org.managerA(), "gift", false, "bank.gift", gift.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("Nothing was imported. Line 3: the answers opened with { are not closed with }."));
		String qti = "<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\" identifier=\"x\" title=\"X\">"
				+ "<itemBody><choiceInteraction responseIdentifier=\"R\"/></itemBody></assessmentItem>";
		importFile(target, org.managerA(), "qti", false, "item.xml", qti.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("<choiceInteraction> answers into \"R\"")));
		importFile(target, org.managerA(), "gift", false, "item.xml", qti.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.file").value("This looks like a QTI file, not GIFT: choose QTI as the format."));
		assertThat(questions(target.id())).isEqualTo(before);
	}

	@Test
	void anImportThatFailsHalfWayLeavesTheQuizAsItWas() throws Exception {
		Course target = authoring.create(author, Fixtures.sampleCourse("Target " + org.suffix()));
		List<Question> before = questions(target.id());
		// 99 importable questions on top of the course's two break the course's limit of 100 at the 99th
		StringBuilder gift = new StringBuilder();
		for (int i = 1; i <= 99; i++) {
			gift.append("::Q").append(i).append("::Question ").append(i).append("? {=yes ~no}\n\n");
		}
		importFile(target, org.managerA(), "gift", false, "many.gift", gift.toString().getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("at most 100 questions")));
		assertThat(questions(target.id())).isEqualTo(before);
	}

	@Test
	void anotherTeamsManagerCannotExportOrImportACourse() throws Exception {
		mvc.perform(get("/api/v1/courses/" + source.id().value() + "/questions/export").param("format", "gift")
			.header("Authorization", bearer(org.managerB())))
			.andExpect(status().isNotFound());
		importFile(source, org.managerB(), "gift", false, "bank.gift", "::Q::A? {=a ~b}".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isNotFound());
		Course published = fixtures.publishedCourse(author, "Published " + org.suffix());
		importFile(published, org.managerB(), "gift", true, "bank.gift", "::Q::A? {=a ~b}".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isForbidden());
		importFile(published, org.managerA(), "gift", false, "bank.gift", "::Q::A? {=a ~b}".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(startsWith("Questions are imported into a draft")));
		mvc.perform(get("/api/v1/courses/" + source.id().value() + "/questions/export").param("format", "gift"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anExternalEntityInQtiIsRefusedAndNeverRead() throws Exception {
		java.nio.file.Path secret = java.nio.file.Files.createTempFile("secret", ".txt");
		java.nio.file.Files.writeString(secret, "TOP-SECRET");
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>"
				+ "<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\" identifier=\"x\" title=\"&leak;\"/>";
		Course target = authoring.create(author, Fixtures.sampleCourse("Target " + org.suffix()));
		importFile(target, org.managerA(), "qti", true, "xxe.xml", xxe.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("DOCTYPE is not allowed")))
			.andExpect(content().string(not(containsString("TOP-SECRET"))));
	}

	@Test
	void aQti21PackageIsImported() throws Exception {
		java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
			for (String name : List.of("choice.xml", "order.xml", "essay.xml")) {
				out.putNextEntry(new java.util.zip.ZipEntry("items/" + name));
				out.write(QuestionBankFormatsTests.resource("qti21/" + name));
				out.closeEntry();
			}
			out.putNextEntry(new java.util.zip.ZipEntry("imsmanifest.xml"));
			out.write("""
					<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="m">
					  <organizations/>
					  <resources>
					    <resource identifier="a" type="imsqti_item_xmlv2p1" href="items/choice.xml"/>
					    <resource identifier="b" type="imsqti_item_xmlv2p1" href="items/essay.xml"/>
					    <resource identifier="c" type="imsqti_item_xmlv2p1" href="items/order.xml"/>
					  </resources>
					</manifest>""".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		Course target = authoring.create(author, Fixtures.sampleCourse("Target " + org.suffix()));
		importFile(target, org.managerA(), "qti", false, "bank.zip", zip.toByteArray())
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.imported").value(2))
			.andExpect(jsonPath("$.items[0].kind").value("SINGLE_CHOICE"))
			.andExpect(jsonPath("$.items[1].title").value("Reflection"))
			.andExpect(jsonPath("$.items[1].unsupported").value(containsString("essay")))
			.andExpect(jsonPath("$.items[2].kind").value("ORDERING"));
		assertThat(questions(target.id())).hasSize(4);
	}

	private List<Question> questions(CourseId id) {
		Outline outline = editing.outline(author, id);
		List<Question> all = new ArrayList<>();
		outline.lessons().forEach(l -> l.knowledgeChecks().forEach(c -> all.add(editing.element(author, id, c.id()).question())));
		outline.quiz().forEach(q -> all.add(editing.element(author, id, q.id()).question()));
		return plain(all);
	}

	private static List<Question> plain(List<Question> questions) {
		return questions.stream().map(q -> q.withId(null).withSource(null)).toList();
	}

	private ResultActions importFile(Course course, PersonId as, String format, boolean dryRun, String name, byte[] file)
			throws Exception {
		return mvc.perform(multipart("/api/v1/courses/" + course.id().value() + "/questions/import")
			.file(new MockMultipartFile("file", name, "application/octet-stream", file))
			.param("format", format)
			.param("dryRun", String.valueOf(dryRun))
			.header("Authorization", bearer(as)));
	}

	private String bearer(PersonId person) {
		return "Bearer " + fixtures.token(person);
	}

	private static JsonNode read(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}
}
