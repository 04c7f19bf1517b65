package io.stride.capability;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.audit.AuditLog;
import io.stride.authoring.Course;
import io.stride.capability.CapabilityDraft.RuleDraft;
import io.stride.capability.internal.Holdings;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.mastery.Checklists;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The catalogue service: who keeps which capability, what a capability may say, saving over a newer save, and
 * retiring, restoring and merging with the evidence moving along.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class CapabilitiesTests {

	@Autowired
	Capabilities capabilities;

	@Autowired
	Fixtures fixtures;

	// the levels people hold are the engine's (its own tests); checklist tasks come from the mastery module
	@MockitoBean
	Holdings holdings;

	@MockitoBean
	Checklists checklists;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	Org org;

	Course course;

	Viewer admin;

	Viewer reviewer;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		admin = fixtures.admin();
		reviewer = fixtures.viewer(fixtures.person(admin, "L&D Reviewer", "reviewer", org.suffix(), Set.of(), Set.of(),
				Role.REVIEWER));
		course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Running an executive business review " + org.suffix());
	}

	@Test
	void keepersOfTheOrganizationsCatalogueAreAdminsAndReviewers() {
		Capability byAdmin = capabilities.create(admin, draft("Run an EBR", null));
		Capability byReviewer = capabilities.create(reviewer, draft("Forecast a pipeline", null));
		assertThat(byAdmin.ownerTeamId()).isNull();
		verify(holdings).recomputeCapability(byAdmin.id());
		assertThat(byReviewer.levels()).extracting(Level::name).containsExactlyElementsOf(Capability.DEFAULT_LEVELS);

		Viewer managerA = fixtures.viewer(org.managerA());
		Viewer learner = fixtures.viewer(org.learnerA());
		assertThat(capabilities.mayKeep(managerA, byAdmin)).isFalse();
		assertThat(capabilities.mayKeep(learner, byAdmin)).isFalse();
		assertThat(capabilities.mayKeep(reviewer, byAdmin)).isTrue();
		assertThatThrownBy(() -> capabilities.update(managerA, byAdmin.id(), byAdmin.revision(), draft("Run an EBR", null)))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> capabilities.retire(learner, byAdmin.id())).isInstanceOf(ForbiddenException.class);
		// a manager adds only capabilities of a team they manage
		assertThatThrownBy(() -> capabilities.create(managerA, draft("Handle an escalation", null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsKey("ownerTeamId"));
		assertThatThrownBy(() -> capabilities.create(managerA, draft("Handle an escalation", org.teamB())))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsKey("ownerTeamId"));
		// a learner adds none
		assertThatThrownBy(() -> capabilities.create(learner, draft("Handle an escalation", org.teamA())))
			.isInstanceOf(ForbiddenException.class);
		// everyone reads
		assertThat(capabilities.get(learner, byAdmin.id()).name()).isEqualTo(byAdmin.name());
		assertThatThrownBy(() -> capabilities.get(learner, new CapabilityId(Ids.newId()))).isInstanceOf(NotFoundException.class);
	}

	@Test
	void aManagerKeepsTheCapabilitiesOfTheirTeamTree() {
		Viewer managerA = fixtures.viewer(org.managerA());
		Capability local = capabilities.create(managerA, draft("Handle an escalation", org.subTeamA()));
		assertThat(local.ownerTeamId()).isEqualTo(org.subTeamA());
		assertThat(local.ownerTeamName()).isEqualTo("Team A1 " + org.suffix());
		assertThat(capabilities.mayKeep(managerA, local)).isTrue();
		assertThat(capabilities.mayKeep(fixtures.viewer(org.managerB()), local)).isFalse();
		assertThat(capabilities.mayKeep(reviewer, local)).isTrue();
		assertThatThrownBy(() -> capabilities.retire(fixtures.viewer(org.managerB()), local.id()))
			.isInstanceOf(ForbiddenException.class);
		// moving it to the organization is for keepers of the catalogue
		assertThatThrownBy(() -> capabilities.update(managerA, local.id(), local.revision(), draft("Handle an escalation", null)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("ownerTeamId"));
		Capability renamed = capabilities.update(managerA, local.id(), local.revision(), draft("Handle a complex escalation", org.teamA()));
		assertThat(renamed.name()).isEqualTo("Handle a complex escalation " + org.suffix());
		assertThat(renamed.revision()).isEqualTo(local.revision() + 1);
		Capability promoted = capabilities.update(reviewer, local.id(), renamed.revision(), draft("Handle a complex escalation", null));
		assertThat(promoted.ownerTeamId()).isNull();
		assertThat(capabilities.mayKeep(managerA, promoted)).isFalse();
	}

	@Test
	void aBadCapabilityIsRefusedFieldByField() {
		capabilities.create(admin, draft("Run an EBR", null));
		CapabilityDraft bad = new CapabilityDraft("run an ebr " + org.suffix(), "x".repeat(2001), " ", null, 121,
				List.of("Learning", "", "Can teach it"), List.of());
		assertThatThrownBy(() -> capabilities.create(admin, bad))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
				.containsOnlyKeys("name", "description", "category", "validityMonths", "levels")
				.containsEntry("name", "Another active capability is already called “run an ebr " + org.suffix()
						+ "”; choose another name or merge the two."));
		CapabilityDraft tooMany = new CapabilityDraft("x".repeat(201), "", "Sales", null, 0,
				List.of("1", "2", "3", "4", "5", "6"), List.of());
		assertThatThrownBy(() -> capabilities.create(admin, tooMany))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
				.containsEntry("levels", "A capability has at most 5 levels.")
				.containsKeys("name", "validityMonths"));
		CapabilityDraft twins = new CapabilityDraft("Twins " + org.suffix(), "", "Sales", null, null,
				List.of("Learning", "learning"), List.of());
		assertThatThrownBy(() -> capabilities.create(admin, twins))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("levels"))
				.contains("Two levels are called"));
	}

	@Test
	void eachRuleIsCheckedAtItsOwnIndex() {
		Course another = fixtures.publishedCourse(admin, "Published " + org.suffix());
		List<RuleDraft> rules = List.of(
				new RuleDraft(1, RuleKind.COURSE_MASTERED, course.id(), true, null, null, null),
				new RuleDraft(4, RuleKind.CERTIFICATE, null, false, null, null, "ITIL 4 Foundation"),
				new RuleDraft(2, RuleKind.COURSE_MASTERED, new io.stride.authoring.CourseId(Ids.newId()), false, null, null, null),
				new RuleDraft(2, RuleKind.SPACED_REVIEWS, another.id(), false, null, 0, null),
				new RuleDraft(3, RuleKind.VALIDATIONS, null, false, null, 21, null),
				new RuleDraft(1, RuleKind.COURSE_MASTERED, course.id(), true, null, null, null),
				new RuleDraft(1, null, null, false, null, null, null),
				new RuleDraft(3, RuleKind.CERTIFICATE, null, false, null, null, "x".repeat(201)));
		CapabilityDraft draft = new CapabilityDraft("Rules " + org.suffix(), "", "Sales", null, null, List.of(), rules);
		assertThatThrownBy(() -> capabilities.create(admin, draft))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
				.containsOnlyKeys("rules[1]", "rules[2]", "rules[3]", "rules[4]", "rules[5]", "rules[6]", "rules[7]")
				.containsEntry("rules[1]", "Choose one of the capability's levels (1 to 3).")
				.containsEntry("rules[2]", "Choose a published course.")
				.containsEntry("rules[3]", "Ask for 1 to 100 successful spaced reviews.")
				.containsEntry("rules[4]", "Ask for validation by 1 to 20 people.")
				.containsEntry("rules[5]", "This rule is already on level 1."));
		assertThat(capabilities.catalogue(admin, null, "Rules " + org.suffix(), true)).as("nothing half-saved").isEmpty();

		List<RuleDraft> eleven = java.util.stream.IntStream.rangeClosed(1, 11)
			.mapToObj(n -> new RuleDraft(2, RuleKind.CERTIFICATE, null, false, null, null, "Certificate " + n))
			.toList();
		assertThatThrownBy(() -> capabilities.create(admin, new CapabilityDraft("Eleven " + org.suffix(), "", "Sales",
				null, null, List.of(), eleven)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
				.containsOnlyKeys("rules[10]")
				.containsEntry("rules[10]", "A level has at most 10 rules."));
	}

	@Test
	void rulesAreSaidInWords() {
		List<RuleDraft> rules = List.of(
				new RuleDraft(3, RuleKind.VALIDATIONS, null, false, null, 2, null),
				new RuleDraft(2, RuleKind.COURSE_MASTERED, course.id(), true, null, null, null),
				new RuleDraft(2, RuleKind.SPACED_REVIEWS, course.id(), true, null, 3, null),
				new RuleDraft(1, RuleKind.COURSE_MASTERED, course.id(), false, null, null, null),
				new RuleDraft(3, RuleKind.CERTIFICATE, null, false, null, null, " ITIL 4 Foundation "),
				new RuleDraft(3, RuleKind.CERTIFICATE, null, false, null, null, null));
		Capability c = capabilities.create(admin, new CapabilityDraft("  Run an EBR " + org.suffix() + " ", "Quarterly.",
				"Customer Success", null, 24, List.of(), rules));
		String title = "“Running an executive business review " + org.suffix() + "”";
		assertThat(c.name()).isEqualTo("Run an EBR " + org.suffix());
		assertThat(c.rulesOf(1)).extracting(EvidenceRule::label).containsExactly("Mastered " + title + " (any version)");
		assertThat(c.rulesOf(2)).extracting(EvidenceRule::label)
			.containsExactly("Mastered " + title + " (current version)", "3 successful spaced reviews of " + title);
		assertThat(c.rulesOf(2).get(1).currentVersion()).as("only course mastery knows versions").isFalse();
		assertThat(c.rulesOf(3)).extracting(EvidenceRule::label).containsExactly(
				"Validated by 2 people who hold the level", "A confirmed certificate: ITIL 4 Foundation",
				"A confirmed certificate");
		assertThat(c.validityMonths()).isEqualTo(24);
		assertThat(capabilities.get(fixtures.viewer(org.learnerB()), c.id())).isEqualTo(c);
	}

	@Test
	void aTaskRuleNamesTheTaskItsTeamAndCourse() {
		Checklists.TaskInfo task = new Checklists.TaskInfo(new io.stride.mastery.ChecklistTask(Ids.newId(), org.teamA(),
				course.id(), "Runs an EBR without escalation"), "CS Onboarding", "Running an EBR");
		when(checklists.taskInfo(task.task().id())).thenReturn(java.util.Optional.of(task));
		assertThatThrownBy(() -> capabilities.create(admin, new CapabilityDraft("Tasks " + org.suffix(), "", "Sales", null,
				null, List.of(), List.of(new RuleDraft(2, RuleKind.TASK_SIGNED_OFF, null, false, Ids.newId(), null, null)))))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
				.containsEntry("rules[0]", "Choose a task of an observed checklist."));
		Capability c = capabilities.create(admin, new CapabilityDraft("Tasks " + org.suffix(), "", "Sales", null, null,
				List.of(), List.of(new RuleDraft(2, RuleKind.TASK_SIGNED_OFF, course.id(), true, task.task().id(), 3, "x"))));
		assertThat(c.rules()).singleElement().satisfies(rule -> {
			assertThat(rule.label()).isEqualTo("“Runs an EBR without escalation” signed off (CS Onboarding · Running an EBR)");
			assertThat(rule.courseId()).as("only the fields of its kind are kept").isNull();
			assertThat(rule.count()).isNull();
			assertThat(rule.certificateName()).isNull();
		});
	}

	@Test
	void theSecondOfTwoSavesFromTheSameRevisionIsAConflict() {
		Capability c = capabilities.create(admin, draft("Run an EBR", null));
		capabilities.update(reviewer, c.id(), c.revision(), draft("Run an executive business review", null));
		assertThatThrownBy(() -> capabilities.update(admin, c.id(), c.revision(), draft("Run a QBR", null)))
			.isInstanceOf(ConflictException.class)
			.hasMessage(Capabilities.CONFLICT_MESSAGE);
		assertThat(capabilities.get(admin, c.id()).name()).isEqualTo("Run an executive business review " + org.suffix());
	}

	@Test
	void levelsAndRulesAreReplacedAsAWhole() {
		Capability c = capabilities.create(admin, new CapabilityDraft("Levels " + org.suffix(), "", "Sales", null, null,
				List.of("Aware", "Practitioner", "Expert", "Coach"), List.of(
						new RuleDraft(4, RuleKind.VALIDATIONS, null, false, null, 3, null),
						new RuleDraft(2, RuleKind.COURSE_MASTERED, course.id(), false, null, null, null))));
		assertThat(c.levels()).extracting(Level::name).containsExactly("Aware", "Practitioner", "Expert", "Coach");
		assertThat(c.rules()).extracting(EvidenceRule::level).containsExactly(2, 4);
		Capability changed = capabilities.update(admin, c.id(), c.revision(), new CapabilityDraft("Levels " + org.suffix(),
				"", "Sales", null, null, List.of("Aware", "Practitioner", "", "", ""), List.of(
						new RuleDraft(1, RuleKind.CERTIFICATE, null, false, null, null, null))));
		assertThat(changed.levels()).extracting(Level::name).containsExactly("Aware", "Practitioner");
		assertThat(changed.rules()).extracting(EvidenceRule::kind).containsExactly(RuleKind.CERTIFICATE);
		// a team target on level 2 keeps two levels at least
		target(org.teamA(), c.id(), 2, 1);
		assertThatThrownBy(() -> capabilities.update(admin, c.id(), changed.revision(), new CapabilityDraft(
				"Levels " + org.suffix(), "", "Sales", null, null, List.of("Only"), List.of())))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsEntry("levels", "A team target asks for level 2; keep at least 2 levels."));
	}

	@Test
	void aRetiredCapabilityLeavesTheCatalogueAndComesBack() {
		Capability c = capabilities.create(reviewer, draft("Run an EBR", null));
		assertThat(capabilities.catalogue(reviewer, null, org.suffix(), false)).extracting(Capability::id).containsExactly(c.id());
		clearInvocations(holdings);
		Capability retired = capabilities.retire(reviewer, c.id());
		verify(holdings).recomputeCapability(c.id());
		assertThat(retired.status()).isEqualTo(CapabilityStatus.RETIRED);
		assertThat(capabilities.catalogue(reviewer, null, org.suffix(), false)).isEmpty();
		assertThat(capabilities.catalogue(reviewer, null, org.suffix(), true)).extracting(Capability::id).containsExactly(c.id());
		assertThatThrownBy(() -> capabilities.update(reviewer, c.id(), retired.revision(), draft("Run an EBR", null)))
			.isInstanceOf(ConflictException.class);
		// while retired, its name is free; restoring waits until it is free again
		Capability twin = capabilities.create(reviewer, draft("Run an EBR", null));
		assertThatThrownBy(() -> capabilities.restore(reviewer, c.id())).isInstanceOf(ConflictException.class);
		capabilities.retire(reviewer, twin.id());
		Capability restored = capabilities.restore(reviewer, c.id());
		assertThat(restored.active()).isTrue();
		assertThat(audit.page(admin, c.id().value(), 1, 10).entries()).extracting(e -> e.action())
			.containsExactlyInAnyOrder("CAPABILITY_RESTORED", "CAPABILITY_RETIRED", "CAPABILITY_CREATED");
	}

	@Test
	void theCatalogueFiltersByCategoryAndWords() {
		capabilities.create(admin, new CapabilityDraft("Run an EBR " + org.suffix(), "Executive business reviews with customers",
				"Customer Success", null, null, List.of(), List.of()));
		capabilities.create(admin, new CapabilityDraft("Forecast a pipeline " + org.suffix(), "", "Sales " + org.suffix(),
				null, null, List.of(), List.of()));
		assertThat(capabilities.catalogue(admin, "customer success", org.suffix(), false)).extracting(Capability::name)
			.containsExactly("Run an EBR " + org.suffix());
		assertThat(capabilities.catalogue(admin, null, "EXECUTIVE " + org.suffix(), false)).hasSize(1);
		assertThat(capabilities.catalogue(admin, null, "pipeline " + org.suffix(), false)).extracting(Capability::category)
			.containsExactly("Sales " + org.suffix());
		assertThat(capabilities.categories()).contains("Customer Success", "Sales " + org.suffix());
		// a category typed in other capitals joins the existing one
		Capability joined = capabilities.create(admin, new CapabilityDraft("Churn " + org.suffix(), "", "SALES " + org.suffix(),
				null, null, List.of(), List.of()));
		assertThat(joined.category()).isEqualTo("Sales " + org.suffix());
	}

	@Test
	void mergingMovesTheEvidenceAndTargetsAndRetiresTheOne() {
		Capability from = capabilities.create(admin, draft("Run an EBR", null));
		Capability into = capabilities.create(admin, new CapabilityDraft("Run an executive business review " + org.suffix(),
				"", "Customer Success", null, null, List.of("Learning", "Can do it"), List.of()));
		PersonId ana = org.learnerA();
		PersonId ben = org.learnerSubA();
		certificate(ana, from.id());
		validation(ana, from.id(), 2, org.managerA());
		validation(ben, from.id(), 2, org.managerA());
		validation(ben, into.id(), 2, org.managerA());
		selfAssessment(ana, from.id(), 3);
		selfAssessment(ben, from.id(), 1);
		selfAssessment(ben, into.id(), 2);
		target(org.teamA(), from.id(), 3, 2);
		target(org.teamB(), from.id(), 1, 1);
		target(org.teamB(), into.id(), 2, 4);

		assertThatThrownBy(() -> capabilities.merge(admin, from.id(), from.id()))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("into"));
		assertThatThrownBy(() -> capabilities.merge(fixtures.viewer(org.managerA()), from.id(), into.id()))
			.isInstanceOf(ForbiddenException.class);

		clearInvocations(holdings);
		Capability merged = capabilities.merge(admin, from.id(), into.id());
		verify(holdings).recomputeCapability(from.id());
		verify(holdings).recomputeCapability(into.id());
		assertThat(merged.id()).isEqualTo(into.id());
		Capability old = capabilities.get(admin, from.id());
		assertThat(old.status()).isEqualTo(CapabilityStatus.RETIRED);
		assertThat(old.mergedInto()).isEqualTo(into.id());
		assertThat(count("capability_certificates", from.id())).isZero();
		assertThat(count("capability_certificates", into.id())).isEqualTo(1);
		assertThat(count("capability_validations", into.id())).as("ben's twin validation counts once").isEqualTo(2);
		assertThat(count("capability_validations", from.id())).isZero();
		assertThat(jdbc.sql("SELECT level_rank FROM capability_self_assessments WHERE capability_id = ? ORDER BY person_id")
			.param(into.id().value()).query(Integer.class).list())
			.as("ana's moves (to the highest level there is), ben's own on the merged one wins")
			.containsExactlyInAnyOrder(2, 2);
		assertThat(jdbc.sql("SELECT level_rank FROM capability_self_assessments WHERE capability_id = ? AND person_id = ?")
			.params(into.id().value(), ben.value()).query(Integer.class).single()).isEqualTo(2);
		Map<String, Integer> targets = new java.util.HashMap<>();
		jdbc.sql("SELECT team_id, min_people FROM capability_targets WHERE capability_id = ?").param(into.id().value())
			.query((rs, n) -> targets.put(rs.getString(1), rs.getInt(2))).list();
		assertThat(targets).containsOnly(Map.entry(org.teamA().value(), 2), Map.entry(org.teamB().value(), 4));
		assertThat(count("capability_targets", from.id())).isZero();

		// merged once, it stays merged; and nothing merges into a retired capability
		assertThatThrownBy(() -> capabilities.restore(admin, from.id())).isInstanceOf(ConflictException.class);
		Capability third = capabilities.create(admin, draft("Run a QBR", null));
		assertThatThrownBy(() -> capabilities.merge(admin, third.id(), from.id()))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("into"));
		assertThat(audit.page(admin, into.id().value(), 1, 10).entries()).extracting(e -> e.action())
			.contains("CAPABILITY_MERGED_INTO");
	}

	@Test
	void aManagerMergesOnlyWithinWhatTheyKeep() {
		Viewer managerA = fixtures.viewer(org.managerA());
		Capability mine = capabilities.create(managerA, draft("Handle an escalation", org.teamA()));
		Capability also = capabilities.create(managerA, draft("Handle escalations", org.subTeamA()));
		Capability theirs = capabilities.create(fixtures.viewer(org.managerB()), draft("Escalations", org.teamB()));
		assertThatThrownBy(() -> capabilities.merge(managerA, mine.id(), theirs.id())).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> capabilities.merge(managerA, theirs.id(), mine.id())).isInstanceOf(ForbiddenException.class);
		assertThat(capabilities.merge(managerA, also.id(), mine.id()).id()).isEqualTo(mine.id());
	}

	private CapabilityDraft draft(String name, TeamId owner) {
		return new CapabilityDraft(name + " " + org.suffix(), "", "Customer Success", owner, null, List.of(),
				List.of(new RuleDraft(2, RuleKind.COURSE_MASTERED, course.id(), true, null, null, null)));
	}

	private int count(String table, CapabilityId id) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE capability_id = ?").param(id.value()).query(Integer.class).single();
	}

	private void certificate(PersonId person, CapabilityId capability) {
		jdbc.sql("INSERT INTO capability_certificates (id, person_id, capability_id, name, issuer, issued_on, expires_on, "
				+ "file_name, content_type, content, status, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)")
			.params(Ids.newId(), person.value(), capability.value(), "EBR certificate", "Acme Academy", LocalDate.now(),
					"ebr.pdf", "application/pdf", new byte[] { 1, 2, 3 }, "CONFIRMED", Timestamp.from(Instant.now()))
			.update();
	}

	private void validation(PersonId person, CapabilityId capability, int level, PersonId validator) {
		jdbc.sql("INSERT INTO capability_validations (id, person_id, capability_id, level_rank, validator_id, validator_name, "
				+ "validated_on, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(Ids.newId(), person.value(), capability.value(), level, validator.value(), "Manager A", LocalDate.now(),
					"Watched the review.", Timestamp.from(Instant.now()))
			.update();
	}

	private void selfAssessment(PersonId person, CapabilityId capability, int level) {
		jdbc.sql("INSERT INTO capability_self_assessments (person_id, capability_id, level_rank, note, updated_at) "
				+ "VALUES (?, ?, ?, ?, ?)")
			.params(person.value(), capability.value(), level, "", Timestamp.from(Instant.now()))
			.update();
	}

	private void target(TeamId team, CapabilityId capability, int level, int people) {
		jdbc.sql("INSERT INTO capability_targets (team_id, capability_id, level_rank, min_people, set_by, set_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(team.value(), capability.value(), level, people, org.managerA().value(), Timestamp.from(Instant.now()))
			.update();
	}
}
