package io.stride.analytics.course;

import io.stride.analytics.course.CourseAnalyticsFixtures.History;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.identity.PersonId;
import io.stride.support.Fixtures;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The analytics page: figures in tables behind the charts, the filter form, the empty state and the CSV files.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CourseAnalyticsPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CourseAnalyticsFixtures story;

	History h;

	@BeforeEach
	void history() {
		h = story.history("Complaints page");
	}

	@Test
	void theAuthorSeesEachChartWithItsTable() throws Exception {
		String html = page(h.author(), "").getResponse().getContentAsString();
		assertThat(html).contains("id=\"analytics-filter\"", "<label for=\"from\"", "<label for=\"to\"", "<label for=\"teamId\"")
			.contains("id=\"analytics-summary\"", "id=\"analytics-funnel\"", "id=\"analytics-trend\"", "<caption>")
			.contains("<svg class=\"chart\" aria-hidden=\"true\"")
			.contains("<td id=\"opened\">6</td>", "<td id=\"completed\">3</td>", "<td id=\"median-minutes\">60.0 minutes</td>")
			.contains("<th scope=\"row\">2. Log it</th>", "2026-W11 (from 2026-03-09)")
			.contains("funnel.csv", "trend.csv", "summary.csv")
			.doesNotContain("id=\"analytics-empty\"");
	}

	@Test
	void theFilterKeepsWhatWasChosenAndExplainsMistakes() throws Exception {
		String html = page(h.author(), "?teamId=" + h.org().teamA().value() + "&from=2026-03-02&to=2026-03-08")
			.getResponse().getContentAsString();
		assertThat(html).contains("value=\"2026-03-02\"", "<td id=\"opened\">2</td>", "<td id=\"median-minutes\">65.0 minutes</td>");
		MvcResult bad = page(h.author(), "?from=2026-03-10&to=2026-03-01");
		assertThat(bad.getResponse().getStatus()).isEqualTo(422);
		assertThat(bad.getResponse().getContentAsString()).contains("id=\"filter-problem\"", "id=\"to-error\"",
				"aria-invalid=\"true\"", "before the start date").doesNotContain("id=\"analytics-summary\"");
	}

	@Test
	void aCourseNobodyTookYetShowsAnEmptyState() throws Exception {
		Course quiet = story.published(h.author(), CourseAnalyticsFixtures.threeLessons("Quiet page " + h.org().suffix()));
		String html = mvc.perform(get("/courses/" + quiet.id().value() + "/analytics").with(session(h.author())))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("id=\"analytics-empty\"").doesNotContain("id=\"analytics-funnel\"");
	}

	@Test
	void learnersGetNotFound() throws Exception {
		assertThat(page(h.p1(), "").getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void everyTableDownloadsAsCsvWithTheSameNumbers() throws Exception {
		MvcResult funnel = mvc.perform(get("/courses/" + h.course().id().value() + "/analytics/funnel.csv")
				.with(session(h.author()))).andReturn();
		assertThat(funnel.getResponse().getContentType()).startsWith("text/csv");
		assertThat(funnel.getResponse().getHeader("Content-Disposition")).startsWith("attachment")
			.contains("stride-complaints-page-", "-funnel.csv");
		assertThat(funnel.getResponse().getContentAsString()).startsWith("position,lesson_id,lesson_title,reached,drop_off\r\n")
			.contains("1,\"" + h.lesson(1) + "\",\"Listen\",5,\r\n", "2,\"" + h.lesson(2) + "\",\"Log it\",4,0.2\r\n",
					"3,\"" + h.lesson(3) + "\",\"Follow up\",3,0.25\r\n");
		String trend = mvc.perform(get("/courses/" + h.course().id().value() + "/analytics/trend.csv")
				.param("from", "2026-03-09").with(session(h.author()))).andReturn().getResponse().getContentAsString();
		assertThat(trend).isEqualTo("iso_week,week_start,opened,started,completed\r\n\"2026-W11\",\"2026-03-09\",3,2,1\r\n");
		MvcResult summary = mvc.perform(get("/courses/" + h.course().id().value() + "/analytics/summary.csv")
				.with(session(h.author()))).andReturn();
		assertThat(summary.getResponse().getHeader("Content-Disposition")).contains("-summary.csv");
		assertThat(summary.getResponse().getContentAsString()).contains("opened,6\r\n", "completion_rate,0.6\r\n",
				"pass_rate,0.75\r\n", "reaction_score,-33\r\n");
	}

	@Test
	void csvCellsNeverRunAsFormulas() throws Exception {
		CourseContent content = CourseAnalyticsFixtures.threeLessons("=HYPERLINK(\"http://evil.example\") " + h.org().suffix());
		content = new CourseContent(content.title(), content.description(),
				java.util.List.of(new Lesson(null, "@SUM(A1:A9)", "Text."), new Lesson(null, "+1", "Text.")), content.quiz(),
				content.objectives(), content.riskTier(), content.tierReason());
		Course course = story.published(h.author(), content);
		String funnel = mvc.perform(get("/courses/" + course.id().value() + "/analytics/funnel.csv").with(session(h.author())))
			.andReturn().getResponse().getContentAsString();
		assertThat(funnel).contains("\"'@SUM(A1:A9)\"", "\"'+1\"").doesNotContain(",\"@", ",\"+");
		String summary = mvc.perform(get("/courses/" + course.id().value() + "/analytics/summary.csv").with(session(h.author())))
			.andReturn().getResponse().getContentAsString();
		assertThat(summary).contains("course,\"'=HYPERLINK(\"\"http://evil.example\"\")");
	}

	private MvcResult page(PersonId who, String query) throws Exception {
		return mvc.perform(get("/courses/" + h.course().id().value() + "/analytics" + query).with(session(who))).andReturn();
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor session(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
