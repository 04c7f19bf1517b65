package io.stride.drafting;

import java.util.List;
import java.util.Set;

import io.stride.standards.CourseTemplate;
import io.stride.standards.TemplateContent;
import io.stride.standards.Templates;
import io.stride.support.Fixtures;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A draft made against a template with few words per lesson: the lesson is condensed, and the draft page keeps the
 * passages it left out one click away, with their place in the source.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CondensedLessonsPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Templates templates;

	@Test
	void theDraftPageShowsWhatWasCutToFitTheTemplatesWordsPerLesson() throws Exception {
		Fixtures.Org org = fixtures.organization();
		CourseTemplate brief = templates.create(fixtures.admin(), null, new TemplateContent("Brief lessons " + org.suffix(), "",
				Set.of(), 120, null, 0, null, List.of(), Set.of()));
		RequestPostProcessor author = SignedIn.as(fixtures.viewerPerson(org.managerA()));

		String job = mvc.perform(multipart("/drafts").param("text", CourseTextTests.LONG_LESSON).param("template", brief.id())
				.with(author).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		String page = mvc.perform(get(draftOf(job, author)).with(author))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).containsPattern("<summary>\\d+ passages? cut to fit the lesson length</summary>")
			.contains("<blockquote>" + HtmlUtils.htmlEscape("For example, clip it to your jacket rather than keeping it in a pocket.")
					+ "</blockquote>")
			// the source names no audience, so the page names none
			.doesNotContain("Audience:");
	}

	/** Follows the background job, as the progress page does, until the draft is there. */
	private String draftOf(String job, RequestPostProcessor author) throws Exception {
		for (int i = 0; i < 300; i++) {
			String progress = mvc.perform(get(job + "/progress").with(author)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			if (progress.contains("\"done\":true")) {
				return "/drafts/" + progress.replaceAll(".*\"draftId\":\"([^\"]+)\".*", "$1");
			}
			assertThat(progress).doesNotContain("\"failed\":true");
			Thread.sleep(100);
		}
		throw new AssertionError("drafting did not finish in 30 s");
	}
}
