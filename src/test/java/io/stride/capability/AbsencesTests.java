package io.stride.capability;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
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
 * Absences recorded by hand: the date rules, no overlaps, who may record, see and remove them, and that kinds stay
 * with the person, their managers and admins.
 */
@SpringBootTest
@Import(MovableClock.Config.class)
class AbsencesTests {

	@Autowired
	Absences absences;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PersonEvidenceFixtures rows;

	@Autowired
	MovableClock clock;

	Org org;

	LocalDate today;

	@BeforeEach
	void organization() {
		clock.reset();
		org = fixtures.organization();
		today = LocalDate.now(clock);
	}

	@Test
	void aPersonRecordsTheirOwnAbsenceAndSeesItWithItsKind() {
		Viewer ana = fixtures.viewer(org.learnerA());
		Absence added = absences.add(ana, ana.id(), today.plusDays(10), today.plusDays(24), AbsenceKind.LEAVE);

		assertThat(added.personName()).isEqualTo("Learner A");
		assertThat(added.source()).isEqualTo("MANUAL");
		assertThat(absences.of(ana, ana.id(), null)).singleElement().satisfies(a -> {
			assertThat(a.startsOn()).isEqualTo(today.plusDays(10));
			assertThat(a.endsOn()).isEqualTo(today.plusDays(24));
			assertThat(a.kind()).isEqualTo(AbsenceKind.LEAVE);
			assertThat(a.covers(today.plusDays(24))).isTrue();
		});
		assertThat(absences.of(ana, ana.id(), today.plusDays(25))).as("ended before the day asked from").isEmpty();
		assertThat(rows.audited("ABSENCE_ADDED", ana.id().value())).isEqualTo(1);
	}

	@Test
	void badDatesAreRefusedAtTheirField() {
		Viewer ana = fixtures.viewer(org.learnerA());
		assertThat(refusal(() -> absences.add(ana, ana.id(), today.plusDays(5), today.plusDays(4), AbsenceKind.LEAVE)))
			.containsEntry("endsOn", "The last day cannot be before the first day.");
		assertThat(refusal(() -> absences.add(ana, ana.id(), today, today.plusDays(Absences.MAX_DAYS), AbsenceKind.PARENTAL)))
			.containsEntry("endsOn", "An absence can last at most 366 days; record a longer one in parts.");
		assertThat(refusal(() -> absences.add(ana, ana.id(), today.plusYears(2), today.plusYears(2).plusDays(1), AbsenceKind.TRAINING)))
			.containsKey("endsOn");
		assertThat(refusal(() -> absences.add(ana, ana.id(), today.minusYears(2).minusDays(1), today.minusYears(2), AbsenceKind.OTHER)))
			.containsKey("startsOn");
		assertThat(refusal(() -> absences.add(ana, ana.id(), today, today, null))).containsKey("kind");
		assertThat(rows.absencesOf(ana.id())).isZero();

		// exactly the longest absence allowed, and a single day
		absences.add(ana, ana.id(), today, today.plusDays(Absences.MAX_DAYS - 1), AbsenceKind.PARENTAL);
		absences.add(ana, ana.id(), today.plusDays(Absences.MAX_DAYS), today.plusDays(Absences.MAX_DAYS), AbsenceKind.OTHER);
		assertThat(rows.absencesOf(ana.id())).isEqualTo(2);
	}

	@Test
	void anAbsenceThatOverlapsAnotherIsRefusedNamingTheClash() {
		Viewer ana = fixtures.viewer(org.learnerA());
		LocalDate start = today.plusDays(30);
		absences.add(ana, ana.id(), start, start.plusDays(6), AbsenceKind.LEAVE);

		assertThat(refusal(() -> absences.add(ana, ana.id(), start.plusDays(6), start.plusDays(8), AbsenceKind.TRAINING)))
			.containsEntry("startsOn", "Overlaps the absence already recorded from " + start + " to " + start.plusDays(6) + ".");
		assertThat(refusal(() -> absences.add(ana, ana.id(), start.minusDays(3), start.plusDays(20), AbsenceKind.TRAINING)))
			.containsKey("startsOn");

		// the next day is free, and another person's dates are theirs
		absences.add(ana, ana.id(), start.plusDays(7), start.plusDays(8), AbsenceKind.TRAINING);
		Viewer ben = fixtures.viewer(org.learnerB());
		absences.add(ben, ben.id(), start, start.plusDays(6), AbsenceKind.LEAVE);
		assertThat(absences.of(ana, ana.id(), null)).hasSize(2);
	}

	@Test
	void managersOfTheTeamTreeAndAdminsRecordAbsencesAndSeeKinds() {
		Viewer managerA = fixtures.viewer(org.managerA());
		absences.add(managerA, org.learnerSubA(), today.plusDays(1), today.plusDays(2), AbsenceKind.TRAINING);
		absences.add(fixtures.admin(), org.learnerSubA(), today.plusDays(3), today.plusDays(4), AbsenceKind.PARENTAL);

		assertThat(absences.of(managerA, org.learnerSubA(), null)).extracting(Absence::kind)
			.containsExactly(AbsenceKind.TRAINING, AbsenceKind.PARENTAL);
		assertThat(absences.of(fixtures.viewer(org.learnerSubA()), org.learnerSubA(), null)).hasSize(2);
	}

	@Test
	void everyoneElseGetsNotFoundIncludingReviewersWhoManageNoOne() {
		Viewer ana = fixtures.viewer(org.learnerA());
		Absence added = absences.add(ana, ana.id(), today.plusDays(1), today.plusDays(2), AbsenceKind.LEAVE);
		PersonId reviewer = fixtures.person(fixtures.admin(), "L&D Reviewer", "ld", org.suffix(), java.util.Set.of(org.teamB()),
				java.util.Set.of(), Role.REVIEWER);

		for (PersonId stranger : List.of(org.managerB(), org.learnerB(), org.learnerSubA(), reviewer)) {
			Viewer viewer = fixtures.viewer(stranger);
			assertThatThrownBy(() -> absences.of(viewer, ana.id(), null)).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> absences.add(viewer, ana.id(), today.plusDays(5), today.plusDays(6), AbsenceKind.LEAVE))
				.isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> absences.remove(viewer, added.id())).isInstanceOf(NotFoundException.class);
		}
		assertThat(rows.absencesOf(ana.id())).isEqualTo(1);
	}

	@Test
	void thePersonOrTheirManagerRemovesAnAbsence() {
		Viewer ana = fixtures.viewer(org.learnerA());
		Absence mine = absences.add(ana, ana.id(), today.plusDays(1), today.plusDays(2), AbsenceKind.LEAVE);
		Absence byManager = absences.add(ana, ana.id(), today.plusDays(5), today.plusDays(6), AbsenceKind.LEAVE);

		absences.remove(ana, mine.id());
		absences.remove(fixtures.viewer(org.managerA()), byManager.id());

		assertThat(rows.absencesOf(ana.id())).isZero();
		assertThat(rows.audited("ABSENCE_REMOVED", ana.id().value())).isEqualTo(2);
		assertThatThrownBy(() -> absences.remove(ana, mine.id())).isInstanceOf(NotFoundException.class);
	}

	@Test
	void coverageReadsAbsencesOverlappingADayRangeGroupedByPerson() {
		Viewer admin = fixtures.admin();
		absences.add(admin, org.learnerA(), today.plusDays(10), today.plusDays(20), AbsenceKind.LEAVE);
		absences.add(admin, org.learnerA(), today.plusDays(40), today.plusDays(41), AbsenceKind.TRAINING);
		absences.add(admin, org.learnerB(), today.plusDays(1), today.plusDays(9), AbsenceKind.OTHER);

		Map<PersonId, List<Absence>> window = absences.between(List.of(org.learnerA(), org.learnerB(), org.managerA()),
				today.plusDays(9), today.plusDays(10));
		assertThat(window).containsOnlyKeys(org.learnerA(), org.learnerB());
		assertThat(window.get(org.learnerA())).singleElement().satisfies(a -> {
			assertThat(a.personName()).isEqualTo("Learner A");
			assertThat(a.kind()).isEqualTo(AbsenceKind.LEAVE);
		});
		assertThat(absences.between(List.of(org.learnerA()), today.plusDays(21), today.plusDays(39))).isEmpty();
		assertThat(absences.allBetween(today.plusDays(40), today.plusDays(40))).containsKey(org.learnerA());
	}

	private static Map<String, String> refusal(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException e) {
			return e.fieldErrors();
		}
		throw new AssertionError("expected a 422");
	}
}
