package io.stride.packages.export;

import java.util.Map;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who exports what, through the API and the page: the course's editors the live version and their draft, L&D the
 * live version, others nothing (403 where they can see the course, 404 where they cannot); a wrong choice is named.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CourseExportAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	Org org;

	Course live;

	Course draft;

	PersonId learningTeam;

	@BeforeEach
	void courses() {
		org = fixtures.organization();
		live = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Incident reporting " + org.suffix());
		draft = authoring.create(fixtures.viewer(org.managerA()), Fixtures.sampleCourse("Draft only " + org.suffix()));
		// a reviewer nobody set up for compliance or topics counts as L&D
		learningTeam = fixtures.person(fixtures.admin(), "Lena L&D", "lena", org.suffix(), Set.of(), Set.of(), Role.REVIEWER);
	}

	@Test
	void theAuthorExportsTheLiveVersionAndTheDraftAsZips() throws Exception {
		Map<String, byte[]> live12 = ExportedManifestsTests.unzip(api(org.managerA(), live, "format=scorm12")
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", containsString("-scorm12.zip")))
			.andReturn().getResponse().getContentAsByteArray());
		assertThat(live12).containsKeys("imsmanifest.xml", "index.html", "course.js");
		Map<String, byte[]> drafted = ExportedManifestsTests.unzip(api(org.managerA(), draft, "format=cmi5&version=draft")
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(new String(drafted.get("course.js"), java.nio.charset.StandardCharsets.UTF_8)).contains("Draft only");
	}

	@Test
	void aCourseWithNoPublishedVersionHasNoLiveVersionToExport() throws Exception {
		api(org.managerA(), draft, "format=scorm2004")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("no published version")));
	}

	@Test
	void anUnknownFormatIsRefusedNamingTheFormats() throws Exception {
		api(org.managerA(), live, "format=aicc")
			.andExpect(status().isUnprocessableContent())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(content().string(containsString("scorm12, scorm2004, cmi5")));
	}

	@Test
	void learningAndDevelopmentExportsTheLiveVersionButNotTheDraft() throws Exception {
		api(learningTeam, live, "format=scorm2004").andExpect(status().isOk());
		api(learningTeam, live, "format=scorm2004&version=draft").andExpect(status().isForbidden());
	}

	@Test
	void anotherTeamsLearnerIsRefusedALiveCourseAndCannotSeeADraft() throws Exception {
		api(org.learnerB(), live, "format=scorm12")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("editors, L&D and admins")));
		api(org.learnerB(), draft, "format=scorm12&version=draft").andExpect(status().isNotFound());
		api(org.managerB(), live, "format=cmi5").andExpect(status().isForbidden());
	}

	@Test
	void theExportPageOffersTheFormatsAndDownloadsWithASession() throws Exception {
		var author = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		mvc.perform(get("/courses/" + live.id().value() + "/export").with(author))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("SCORM 2004 4th Edition")))
			.andExpect(content().string(containsString("Include the final quiz")));
		mvc.perform(get("/courses/" + live.id().value() + "/export/download").param("format", "cmi5")
			.param("version", "live").param("quiz", "true").with(author))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"))
			.andExpect(header().string("Content-Disposition", containsString("-cmi5.zip")));
		mvc.perform(get("/courses/" + live.id().value() + "/export/download").param("format", "zip").with(author))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a format")));
		mvc.perform(get("/courses/" + live.id().value() + "/export").with(SignedIn.as(fixtures.viewerPerson(org.learnerA()))))
			.andExpect(status().isForbidden());
	}

	private ResultActions api(PersonId caller, Course course, String query) throws Exception {
		return mvc.perform(get("/api/v1/courses/" + course.id().value() + "/export?" + query)
			.header("Authorization", "Bearer " + fixtures.token(caller)));
	}
}
