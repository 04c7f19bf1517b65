package io.stride.cycles;

import java.time.LocalDate;
import java.util.List;

import io.stride.authoring.Course;
import io.stride.capability.CapabilityId;
import io.stride.delivery.Delivery;
import io.stride.delivery.LearningItem;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.support.CapabilityRows;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changing a cycle, a team's cycles for its managers, team templates, "Draft my contract" and contract courses in
 * My learning.
 */
@SpringBootTest
@Import(MovableClock.Config.class)
class ContractsTests {

	@Autowired
	LearningCycles cycles;

	@Autowired
	ContractTemplates templates;

	@Autowired
	ContractDrafts drafts;

	@Autowired
	Priorities priorities;

	@Autowired
	Delivery delivery;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CapabilityRows capabilityRows;

	@Autowired
	MovableClock clock;

	Org org;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
	}

	@Test
	void theOwnerChangesLengthAndAudienceWithinThirtyToNinetyTwoDaysAndAStaleRevisionIsRefused() {
		Viewer ana = fixtures.viewer(org.learnerA());
		LearningCycle cycle = cycles.start(ana, NewCycle.blank("Spring"));

		for (LocalDate end : List.of(cycle.startsOn().plusDays(29), cycle.startsOn().plusDays(93))) {
			assertThatThrownBy(() -> cycles.edit(ana, cycle.id(), cycle.revision(),
					new CycleChange(null, end, null, null, null, null)))
				.isInstanceOfSatisfying(InvalidInputException.class,
						e -> assertThat(e.fieldErrors()).containsOnlyKeys("endsOn"));
		}
		assertThatThrownBy(() -> cycles.edit(ana, cycle.id(), cycle.revision(),
				new CycleChange(null, null, 100, null, null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("days"));
		assertThatThrownBy(() -> cycles.edit(ana, cycle.id(), cycle.revision(),
				new CycleChange(null, null, null, Visibility.NAMED, List.of(), null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("viewers"));

		LearningCycle changed = cycles.edit(ana, cycle.id(), cycle.revision(),
				new CycleChange("Spring, longer", null, 90, Visibility.NAMED, List.of(org.learnerB()), null));

		assertThat(changed.endsOn()).isEqualTo(cycle.startsOn().plusDays(90));
		assertThat(changed.title()).isEqualTo("Spring, longer");
		assertThat(changed.viewers()).extracting(p -> p.id()).containsExactly(org.learnerB());
		assertThat(cycles.cycle(fixtures.viewer(org.learnerB()), cycle.id()).access()).isEqualTo(CycleAccess.READ);
		assertThatThrownBy(() -> cycles.edit(ana, cycle.id(), cycle.revision(),
				new CycleChange("Lost update", null, null, null, null, null)))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> cycles.edit(fixtures.viewer(org.learnerB()), cycle.id(), changed.revision(),
				new CycleChange("Not mine", null, null, null, null, null)))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> cycles.edit(fixtures.viewer(org.managerB()), cycle.id(), changed.revision(),
				new CycleChange("Not mine", null, null, null, null, null)))
			.isInstanceOf(NotFoundException.class);
		assertThat(cycles.cycle(ana, cycle.id()).title()).isEqualTo("Spring, longer");
	}

	@Test
	void aManagerSeesTheTeamTreeWithActiveCyclesFirstAndOthersGet404() {
		Viewer ana = fixtures.viewer(org.learnerA());
		LearningCycle named = cycles.start(ana,
				new NewCycle("Ana's", null, 45, Visibility.NAMED, List.of(org.learnerB()), null, null, null));
		cycles.addGoal(ana, named.id(), GoalDraft.of("Facilitate a workshop"));
		Viewer sub = fixtures.viewer(org.learnerSubA());
		cycles.start(sub, NewCycle.blank("Sub's"));

		TeamCycles team = cycles.team(fixtures.viewer(org.managerA()), org.teamA());

		assertThat(team.members()).extracting(m -> m.person().name())
			.containsExactly("Learner A", "Learner A1", "Manager A");
		assertThat(team.withActiveCycle()).isEqualTo(2);
		assertThat(team.members().get(0).active()).satisfies(c -> {
			assertThat(c.access()).isEqualTo(CycleAccess.EXISTENCE);
			// what the goals serve, not the owner's title nor how many goals they set
			assertThat(c.title()).isEqualTo(LearningCycles.EXISTENCE_TITLE);
			assertThat(c.goals()).isZero();
			assertThat(c.servesSelf()).isTrue();
		});
		assertThat(team.members().get(1).active().access()).isEqualTo(CycleAccess.READ);
		assertThat(team.members().get(2).active()).isNull();
		assertThat(cycles.team(fixtures.admin(), org.teamA()).withActiveCycle()).isEqualTo(2);
		assertThatThrownBy(() -> cycles.team(ana, org.teamA())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> cycles.team(fixtures.viewer(org.managerB()), org.teamA()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void aTeamTemplateIsKeptByItsManagersAndStartsTheCyclesOfThePeopleBelow() {
		CapabilityId escalations = capabilityRows.capability("Escalations " + org.suffix(), "Support",
				fixtures.admin().id());
		Viewer manager = fixtures.viewer(org.managerA());
		TemplateDraft draft = new TemplateDraft("First quarter in support", List.of(
				new TemplateDraft.Line("Handle escalations alone", escalations, 2, "Three escalations closed"),
				new TemplateDraft.Line("  ", null, null, null)));
		assertThatThrownBy(() -> templates.create(fixtures.viewer(org.learnerA()), org.teamA(), draft))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> templates.create(fixtures.viewer(org.managerB()), org.teamA(), draft))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> templates.create(manager, org.teamA(), new TemplateDraft(" ", List.of())))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("title", "goals"));
		assertThatThrownBy(() -> templates.create(manager, org.teamA(), new TemplateDraft("Bad level",
				List.of(new TemplateDraft.Line("Something", escalations, 9, null)))))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("goals"));

		ContractTemplate template = templates.create(manager, org.teamA(), draft);

		assertThat(template.goals()).singleElement().satisfies(l -> {
			assertThat(l.capability().targetLevelName()).isEqualTo("Can do it alone");
			assertThat(l.evidence()).isEqualTo("Three escalations closed");
		});
		Viewer sub = fixtures.viewer(org.learnerSubA());
		assertThat(templates.openTo(sub)).extracting(ContractTemplate::id).contains(template.id());
		assertThat(templates.ofTeam(sub, org.teamA())).singleElement().satisfies(t -> assertThat(t.mayEdit()).isFalse());
		assertThatThrownBy(() -> templates.ofTeam(fixtures.viewer(org.learnerB()), org.teamA()))
			.isInstanceOf(NotFoundException.class);

		LearningCycle started = cycles.start(sub, new NewCycle(null, null, null, null, List.of(), null, template.id(), null));

		assertThat(started.goals()).singleElement().satisfies(g -> {
			assertThat(g.what()).isEqualTo("Handle escalations alone");
			assertThat(g.capability().id()).isEqualTo(escalations);
			assertThat(g.capability().targetRank()).isEqualTo(2);
			assertThat(g.evidence()).isEqualTo("Three escalations closed");
			assertThat(g.servesSelf()).isTrue();
		});
		assertThatThrownBy(() -> cycles.start(fixtures.viewer(org.learnerB()),
				new NewCycle(null, null, null, null, List.of(), null, template.id(), null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).containsOnlyKeys("fromTemplate"));

		templates.retire(manager, template.id());
		assertThat(templates.openTo(sub)).extracting(ContractTemplate::id).doesNotContain(template.id());
	}

	@Test
	void draftMyContractProposesTheTeamsGapsAndTheClosestNextLevelPrefilledAndAddsNothing() {
		Viewer ana = fixtures.viewer(org.learnerA());
		CapabilityId escalations = capabilityRows.capability("Escalations " + org.suffix(), "Support",
				fixtures.admin().id());
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Escalation basics " + org.suffix());
		// a colleague in another team holds the level (recorded before the level also asked for the course)
		capabilityRows.holds(org.learnerB(), escalations, 1, null);
		capabilityRows.holds(org.learnerB(), escalations, 2, null);
		capabilityRows.courseRule(escalations, 2, course.id().value());
		capabilityRows.target(org.teamA(), escalations, 2, 2, org.managerA());
		CapabilityId writing = capabilityRows.capability("Writing " + org.suffix(), "Craft", fixtures.admin().id());
		capabilityRows.holds(org.learnerA(), writing, 1, null);
		Priority priority = priorities.publish(fixtures.viewer(org.managerA()), org.teamA(), "Now " + org.suffix(),
				LocalDate.now(clock).minusDays(1).toString(), LocalDate.now(clock).plusDays(100).toString(),
				new PriorityContent(PriorityKind.PRIORITY, "Fewer escalations reach engineering", null,
						List.of(escalations)));
		LearningCycle cycle = cycles.start(ana, NewCycle.blank(null));

		List<GoalProposal> proposals = drafts.propose(ana);

		assertThat(proposals).hasSizeLessThanOrEqualTo(ContractDrafts.MAX_PROPOSALS);
		GoalProposal gap = proposals.get(0);
		assertThat(gap.capability().id()).isEqualTo(escalations);
		assertThat(gap.capability().targetLevelName()).isEqualTo("Can do it alone");
		assertThat(gap.reason()).contains("Your team is short of");
		assertThat(gap.courses()).extracting(Goal.CourseRef::id).containsExactly(course.id());
		assertThat(gap.evidence()).contains("Escalation basics " + org.suffix());
		assertThat(gap.validator().id()).isEqualTo(org.learnerB());
		boolean current = priorities.current().map(p -> p.label().equals("Now " + org.suffix())).orElse(false);
		if (current) {
			assertThat(gap.priorities()).extracting(GoalProposal.PriorityChoice::id).containsExactly(priority.id());
		}
		assertThat(proposals).anySatisfy(p -> {
			assertThat(p.capability().id()).isEqualTo(writing);
			assertThat(p.capability().targetRank()).isEqualTo(2);
			assertThat(p.reason()).contains("You are close to “Can do it alone”");
			assertThat(p.servesSelf()).isTrue();
		});
		assertThat(cycles.cycle(ana, cycle.id()).goals()).isEmpty();

		Goal added = cycles.addGoal(ana, cycle.id(), gap.draft());

		assertThat(added.courses()).extracting(Goal.CourseRef::id).containsExactly(course.id());
		assertThat(added.validators()).extracting(v -> v.id()).containsExactly(org.learnerB());
	}

	@Test
	void coursesOfTheActiveContractShowInMyLearningAsSelfChosenWithoutADueDate() {
		Viewer ana = fixtures.viewer(org.learnerA());
		Course course = fixtures.publishedCourse(fixtures.viewer(org.managerA()), "Negotiation " + org.suffix());
		LearningCycle cycle = cycles.start(ana, NewCycle.blank(null));
		Goal goal = cycles.addGoal(ana, cycle.id(), new GoalDraft("Negotiate renewals", null, null, List.of(), true,
				List.of(course.id()), List.of(), null, null, null, List.of(), null, false));

		LearningItem item = delivery.myLearning(ana)
			.stream()
			.filter(i -> i.courseId().equals(course.id()))
			.findFirst()
			.orElseThrow();

		assertThat(item.assigned()).isFalse();
		assertThat(item.dueDate()).isNull();
		assertThat(item.selfChosen()).isTrue();
		assertThat(item.chosenFrom()).isEqualTo("from your learning contract");
		assertThat(item.section()).isEqualTo(LearningItem.Section.SELF_CHOSEN);
		assertThat(delivery.myLearning(fixtures.viewer(org.learnerB()))).noneMatch(i -> i.courseId().equals(course.id()));

		cycles.removeGoal(ana, goal.id());
		assertThat(delivery.myLearning(ana)).noneMatch(i -> i.courseId().equals(course.id()));
	}

}
