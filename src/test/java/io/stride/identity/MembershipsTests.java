package io.stride.identity;

import java.util.List;
import java.util.Set;

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memberships read at once for organization-wide reports, and the managers of a person up the team tree: active
 * people only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class MembershipsTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organization organization;

	@Autowired
	OrganizationAdministration administration;

	Org org;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
	}

	@Test
	void everyActivePersonsDirectMembershipsAreReadAtOnce() {
		Viewer admin = fixtures.admin();
		PersonId twoTeams = fixtures.person(admin, "Two Teams", "two-teams", org.suffix(), Set.of(org.teamA(), org.teamB()),
				Set.of());
		PersonId leaver = fixtures.person(admin, "Leaver", "leaver", org.suffix(), Set.of(org.teamB()), Set.of());
		administration.updatePerson(admin, leaver, new PersonChanges("Leaver", org.email("leaver"), null, false,
				Set.of(org.teamB()), Set.of(), Set.of()));

		List<Organization.Membership> all = organization.memberships();

		assertThat(all).filteredOn(m -> m.personId().equals(twoTeams))
			.extracting(Organization.Membership::teamId)
			.containsExactlyInAnyOrder(org.teamA(), org.teamB());
		assertThat(all).filteredOn(m -> m.personId().equals(twoTeams)).allMatch(m -> m.name().equals("Two Teams"));
		// direct only: the sub-team's learner is not also listed in team A
		assertThat(all).filteredOn(m -> m.personId().equals(org.learnerSubA()))
			.extracting(Organization.Membership::teamId)
			.containsExactly(org.subTeamA());
		assertThat(all).noneMatch(m -> m.personId().equals(leaver));
	}

	@Test
	void managersOfAPersonAreThoseOfTheirTeamsAndTheTeamsAbove() {
		Viewer admin = fixtures.admin();
		PersonId subManager = fixtures.person(admin, "Sub Manager", "sub-manager", org.suffix(), Set.of(), Set.of(org.subTeamA()));
		PersonId formerManager = fixtures.person(admin, "Former Manager", "former-manager", org.suffix(), Set.of(),
				Set.of(org.teamA()));
		administration.updatePerson(admin, formerManager, new PersonChanges("Former Manager", org.email("former-manager"),
				null, false, Set.of(), Set.of(org.teamA()), Set.of()));

		assertThat(organization.managersOf(org.learnerSubA())).containsExactlyInAnyOrder(org.managerA(), subManager);
		assertThat(organization.managersOf(org.learnerA())).containsExactly(org.managerA());
		assertThat(organization.managersOf(org.learnerB())).containsExactly(org.managerB());
		// manager A is in team A, which they manage: never their own manager
		assertThat(organization.managersOf(org.managerA())).isEmpty();
	}
}
