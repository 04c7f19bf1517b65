package io.stride.capability;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stride.authoring.Course;
import io.stride.capability.internal.Holdings;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.mastery.ChecklistTask;
import io.stride.mastery.Checklists;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalogue pages as a signed-in browser gets them: the list, the form with its errors next to the fields,
 * creating, editing, retiring and merging.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class CataloguePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Capabilities capabilities;

	// the levels people hold are the engine's (its own tests); checklist tasks come from the mastery module
	@MockitoBean
	Holdings holdings;

	@MockitoBean
	Checklists checklists;

	Org org;

	Course course;

	PersonId reviewer;

	Checklists.TaskInfo task;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		reviewer = fixtures.person(fixtures.admin(), "L&D Reviewer", "reviewer", org.suffix(), Set.of(), Set.of(), Role.REVIEWER);
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Running an EBR " + org.suffix());
		task = new Checklists.TaskInfo(new ChecklistTask(io.stride.shared.Ids.newId(), org.teamA(), course.id(),
				"Runs an EBR without escalation"), "CS Onboarding", "Running an EBR");
		when(checklists.allTasks()).thenReturn(List.of(task));
		when(checklists.taskInfo(task.task().id())).thenReturn(Optional.of(task));
	}

	@Test
	void theEmptyCatalogueSaysWhatACapabilityIsAndTheListGroupsByCategory() throws Exception {
		String q = "nothing-like-this-" + org.suffix();
		String learner = html("/capabilities?q=" + q, org.learnerA());
		assertThat(learner).contains("No capability matches these filters.").doesNotContain("id=\"new-capability\"");
		assertThat(html("/capabilities?q=" + q, reviewer)).contains("id=\"new-capability\"");

		capabilities.create(fixtures.viewer(reviewer), new CapabilityDraft("Run an EBR " + org.suffix(), "", "Customer Success",
				null, null, List.of(), List.of(new CapabilityDraft.RuleDraft(2, RuleKind.COURSE_MASTERED, course.id(), true,
						null, null, null))));
		capabilities.create(fixtures.viewer(org.managerA()), new CapabilityDraft("Forecast a pipeline " + org.suffix(), "",
				"Sales", org.teamA(), null, List.of(), List.of()));
		String list = html("/capabilities?q=" + org.suffix(), org.learnerA());
		assertThat(list).contains("<h1>Capabilities</h1>", ">Customer Success</h2>", ">Sales</h2>",
				"Run an EBR " + org.suffix(), "The whole organization", "Team A " + org.suffix(),
				"Learning → Can do it alone → Can teach it",
				"Can do it alone: Mastered “Running an EBR " + org.suffix() + "” (current version).", "No evidence rules yet.");
		assertThat(list.indexOf("Customer Success</h2>")).isLessThan(list.indexOf("Sales</h2>"));
		assertThat(html("/capabilities?category=Sales&q=" + org.suffix(), org.learnerA()))
			.contains("Forecast a pipeline").doesNotContain("Run an EBR " + org.suffix());
	}

	@Test
	void theFormShowsErrorsNextToTheFieldsAndKeepsWhatWasTyped() throws Exception {
		String form = html("/capabilities/new", reviewer);
		assertThat(form).contains("<h1>New capability</h1>", "value=\"Learning\"", "value=\"Can do it alone\"",
				"value=\"Can teach it\"", "The whole organization", "CS Onboarding · Running an EBR · Runs an EBR without escalation",
				"Running an EBR " + org.suffix(), "name=\"rules[2].kind\"");
		String refused = mvc.perform(submit(post("/capabilities/new"), reviewer)
				.param("name", "")
				.param("category", "Customer Success")
				.param("validityMonths", "forever")
				.param("levels", "Learning", "", "Can teach it", "", "")
				.param("rules[0].kind", "").param("rules[0].level", "1")
				.param("rules[1].kind", "SPACED_REVIEWS").param("rules[1].level", "1").param("rules[1].courseId", course.id().value())
				.param("rules[1].count", "lots")
				.param("rules[2].kind", "CERTIFICATE").param("rules[2].level", "1").param("rules[2].certificateName", "ITIL 4 Foundation"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"name-error\"", "Give the capability a name",
				"id=\"validityMonths-error\"", "value=\"forever\"",
				"id=\"levels-error\"", "Name every level from the lowest up",
				"id=\"rule-1-error\"", "Ask for 1 to 100 successful spaced reviews.",
				"value=\"ITIL 4 Foundation\"", "aria-invalid=\"true\"")
			.doesNotContain("id=\"rule-0-error\"", "id=\"rule-2-error\"");
		assertThat(capabilities.catalogue(fixtures.viewer(reviewer), null, "ITIL", false)).isEmpty();
		String bell = mvc.perform(submit(post("/capabilities/new"), reviewer).param("name", "Ring\u0007 " + org.suffix())
				.param("category", "Customer Success").param("rules[0].kind", "").param("rules[0].level", "1"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(bell).contains("id=\"name-error\"", "Remove the control character");

		String more = mvc.perform(submit(post("/capabilities/new"), reviewer).param("name", "Typed " + org.suffix())
				.param("rules[0].kind", "").param("rules[0].level", "1").param("addRule", "true"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(more).contains("name=\"rules[1].kind\"", "value=\"Typed " + org.suffix() + "\"")
			.doesNotContain("name=\"rules[2].kind\"", "field-error");
	}

	@Test
	void aKeeperCreatesEditsAndRetiresACapability() throws Exception {
		String created = mvc.perform(submit(post("/capabilities/new"), reviewer)
				.param("name", "Run an EBR " + org.suffix())
				.param("description", "Quarterly, with the customer's executives.")
				.param("category", "Customer Success")
				.param("ownerTeamId", "")
				.param("validityMonths", "24")
				.param("levels", "Learning", "Can do it alone", "Can teach it", "", "")
				.param("rules[0].kind", "COURSE_MASTERED").param("rules[0].level", "2").param("rules[0].courseId", course.id().value())
				.param("rules[0].currentVersion", "true")
				.param("rules[1].kind", "TASK_SIGNED_OFF").param("rules[1].level", "2").param("rules[1].taskId", task.task().id())
				.param("rules[2].kind", "").param("rules[2].level", "1"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/capabilities/*"))
			.andReturn().getResponse().getRedirectedUrl();
		String detail = html(created, org.learnerA());
		assertThat(detail).contains("Run an EBR " + org.suffix(), "Quarterly, with the customer&#39;s executives.",
				"Mastered “Running an EBR " + org.suffix() + "” (current version)",
				"“Runs an EBR without escalation” signed off (CS Onboarding · Running an EBR)", "24 months",
				"id=\"capability-holders\"")
			.doesNotContain("id=\"keeper-actions\"");
		assertThat(html(created, reviewer)).contains("id=\"edit-capability\"", "id=\"retire-capability\"");
		mvc.perform(get(created + "/edit").with(as(org.learnerA()))).andExpect(status().isForbidden());

		String edit = html(created + "/edit", reviewer);
		assertThat(edit).contains("name=\"revision\" value=\"1\"", "value=\"Run an EBR " + org.suffix() + "\"");
		mvc.perform(submit(post(created + "/edit"), reviewer).param("revision", "1")
				.param("name", "Run an executive business review " + org.suffix()).param("category", "Customer Success")
				.param("levels", "Learning", "Can do it alone", "Can teach it", "", ""))
			.andExpect(status().is3xxRedirection());
		String stale = mvc.perform(submit(post(created + "/edit"), reviewer).param("revision", "1")
				.param("name", "Run a QBR " + org.suffix()).param("category", "Customer Success"))
			.andExpect(status().isConflict())
			.andReturn().getResponse().getContentAsString();
		assertThat(stale).contains("saved elsewhere", "value=\"Run a QBR " + org.suffix() + "\"", "Reload the latest version");

		assertThat(html(created + "/retire", reviewer)).contains("Retire Run an executive business review " + org.suffix() + "?");
		mvc.perform(post(created + "/retire").with(as(org.managerA())).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post(created + "/retire").with(as(reviewer)).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(html(created, org.learnerA())).contains("Retired: it no longer counts");
		assertThat(html(created + "/retire", reviewer)).contains("id=\"confirm-restore\"");
		mvc.perform(post(created + "/restore").with(as(reviewer)).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(html(created, org.learnerA())).doesNotContain("Retired: it no longer counts");
	}

	@Test
	void aManagerWritesCapabilitiesOfTheirTeamsOnly() throws Exception {
		String form = html("/capabilities/new", org.managerA());
		assertThat(form).contains("Team A " + org.suffix(), "Team A1 " + org.suffix())
			.doesNotContain("The whole organization", "Team B " + org.suffix());
		String refused = mvc.perform(submit(post("/capabilities/new"), org.managerA()).param("name", "Escalations " + org.suffix())
				.param("category", "Support").param("ownerTeamId", org.teamB().value()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"ownerTeamId-error\"", "Choose a team you manage");
		mvc.perform(get("/capabilities/new").with(as(org.learnerA()))).andExpect(status().isForbidden());
	}

	@Test
	void mergingShowsBothRuleSetsBeforeItMoves() throws Exception {
		Capability from = capabilities.create(fixtures.viewer(reviewer), new CapabilityDraft("Run an EBR " + org.suffix(), "",
				"Customer Success", null, null, List.of(), List.of(new CapabilityDraft.RuleDraft(3, RuleKind.VALIDATIONS,
						null, false, null, 2, null))));
		Capability into = capabilities.create(fixtures.viewer(reviewer), new CapabilityDraft("Run an executive business review "
				+ org.suffix(), "", "Customer Success", null, null, List.of(), List.of(new CapabilityDraft.RuleDraft(1,
						RuleKind.CERTIFICATE, null, false, null, null, "EBR Practitioner"))));
		String page = "/capabilities/" + from.id().value() + "/merge";
		assertThat(html(page, reviewer)).contains("Merge into", into.name());
		String compare = html(page + "?into=" + into.id().value(), reviewer);
		assertThat(compare).contains("Validated by 2 people who hold the level", "A confirmed certificate: EBR Practitioner",
				"id=\"confirm-merge\"");
		mvc.perform(get(page).with(as(org.managerA()))).andExpect(status().isForbidden());
		mvc.perform(post(page).with(as(reviewer)).with(csrf()).param("into", into.id().value()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/capabilities/" + into.id().value()));
		assertThat(html("/capabilities/" + from.id().value(), org.learnerA())).contains("id=\"merged-into\"", into.name());
	}

	private MockHttpServletRequestBuilder submit(MockHttpServletRequestBuilder request, PersonId who) {
		return request.with(as(who)).with(csrf());
	}

	private String html(String path, PersonId who) throws Exception {
		return mvc.perform(get(path).with(as(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private RequestPostProcessor as(PersonId who) {
		return SignedIn.as(fixtures.viewerPerson(who));
	}
}
