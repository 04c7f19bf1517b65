package io.stride.delivery;

import java.time.LocalDate;
import java.util.Set;

import io.stride.authoring.Course;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@SpringBootTest
@AutoConfigureMockMvc
class TeamProgressPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Delivery delivery;

	@Test
	void aLargeTeamIsShownInPagesWithASummaryOnTop() throws Exception {
		Org org = fixtures.organization();
		for (int i = 0; i < 30; i++) {
			fixtures.person(fixtures.admin(), "Member " + i, "member-" + i, org.suffix(), Set.of(org.teamA()), Set.of());
		}
		var manager = fixtures.viewer(org.managerA());
		for (String title : new String[] { "First", "Second" }) {
			Course course = fixtures.publishedCourse(manager, title + " " + org.suffix());
			delivery.assign(manager, course.id(), org.teamA(), LocalDate.now().plusDays(5));
		}
		var session = SignedIn.as(fixtures.viewerPerson(org.managerA()));
		String first = mvc.perform(get("/teams/" + org.teamA().value()).with(session)).andReturn().getResponse().getContentAsString();
		String second = mvc.perform(get("/teams/" + org.teamA().value()).param("page", "2").with(session))
			.andReturn().getResponse().getContentAsString();
		// 30 members + manager + learner + sub-team learner = 33 people, 2 courses each
		assertThat(first).contains("Page 1 of 2", "(66 rows)", "id=\"team-summary\"");
		assertThat(rows(first)).isEqualTo(50);
		assertThat(rows(second)).isEqualTo(16);
		assertThat(first).contains("<td>33</td>");
	}

	private static int rows(String html) {
		String table = html.substring(html.indexOf("id=\"team-progress\""));
		return table.split("<tr>").length - 2;
	}
}
