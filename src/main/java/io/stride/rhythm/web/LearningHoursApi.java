package io.stride.rhythm.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.HoursPlan;
import io.stride.rhythm.HoursPlan.Hours;
import io.stride.rhythm.LearningHours;
import io.stride.rhythm.LearningPeriod;
import io.stride.shared.web.CsvDownload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams/{teamId}/learning-hours")
@Tag(name = "Learning hours", description = "A team's planning periods (a sprint or a month), the learning hours "
		+ "given to each person of the team tree, and per person the estimated time of their assigned courses and "
		+ "contract goals (committed) and the time spent in lessons, quizzes and logged on goals (used); for the team's "
		+ "managers, L&D and admins (404 otherwise)")
@SecurityRequirement(name = "bearer")
class LearningHoursApi {

	private final LearningHours hours;

	LearningHoursApi(LearningHours hours) {
		this.hours = hours;
	}

	/** {@code maxHours}: the most hours a person may be given, weekdays × 8. */
	record PeriodView(String id, String teamId, String name, LocalDate startsOn, LocalDate endsOn, int workingDays,
			BigDecimal maxHours, int revision) {

		static PeriodView of(LearningPeriod p) {
			return p == null ? null : new PeriodView(p.id(), p.team().value(), p.name(), p.startsOn(), p.endsOn(),
					p.workingDays(), p.maxHours(), p.revision());
		}
	}

	/** Dates as YYYY-MM-DD; {@code revision} only when changing a period. */
	record PeriodBody(String name, String startsOn, String endsOn, Integer revision) {
	}

	/**
	 * Hours per person; {@code allocatedHours} null when none were given. Every other figure is in hours to one
	 * decimal: committed = assigned + goals; used = lessons + quizzes + logged.
	 */
	record PersonHoursView(String personId, String name, BigDecimal allocatedHours, BigDecimal committedHours,
			BigDecimal assignedHours, int assignedCourses, BigDecimal goalHours, int goalCourses, BigDecimal usedHours,
			BigDecimal lessonHours, BigDecimal quizHours, BigDecimal loggedHours, boolean overCommitted,
			String warning) {

		static PersonHoursView of(HoursPlan.PersonHours p) {
			return new PersonHoursView(p.person().value(), p.name(), p.allocatedHours(), Hours.of(p.committedMinutes()),
					Hours.of(p.assignedMinutes()), p.assignedCourses(), Hours.of(p.goalMinutes()), p.goalCourses(),
					Hours.of(p.usedMinutes()), Hours.of(p.lessonMinutes()), Hours.of(p.quizMinutes()),
					Hours.of(p.loggedMinutes()), p.overCommitted(), p.warning());
		}
	}

	/** {@code period} null when the team has no period yet. */
	record PlanView(String teamId, String teamName, PeriodView period, List<PeriodView> periods,
			List<PersonHoursView> people, int overCommitted) {

		static PlanView of(HoursPlan plan) {
			return new PlanView(plan.team().id().value(), plan.team().name(), PeriodView.of(plan.period()),
					plan.periods().stream().map(PeriodView::of).toList(),
					plan.people().stream().map(PersonHoursView::of).toList(), plan.overCommitted());
		}
	}

	/** {@code hours} null takes back the hours given. */
	record AllocationBody(String personId, BigDecimal hours) {
	}

	record AllocationsBody(Integer revision, List<AllocationBody> allocations) {
	}

	@GetMapping
	@Operation(summary = "The team's learning hours in a period ('period' = its id; by default the one today falls "
			+ "in, else the last ended, else the first to come): per person of the team tree, hours given, committed "
			+ "and used, with a warning when over-committed. JSON, or CSV with Accept: text/csv")
	PlanView plan(Viewer me, @PathVariable String teamId, @RequestParam(required = false) String period) {
		return PlanView.of(hours.plan(me, new TeamId(teamId), period));
	}

	@GetMapping(produces = "text/csv")
	ResponseEntity<String> planCsv(Viewer me, @PathVariable String teamId,
			@RequestParam(required = false) String period) {
		return csv(hours.plan(me, new TeamId(teamId), period));
	}

	@PutMapping("/{periodId}")
	@Operation(summary = "Give hours to people of the team tree in the period, all or none: 'revision' is the "
			+ "period's as read (409 when saved since); 422 at 'allocations[i].hours' below 0, above the period's "
			+ "working hours (weekdays × 8, named in the message) or with more than one decimal, and at "
			+ "'allocations[i].personId' for someone outside the team tree")
	PlanView allocate(Viewer me, @PathVariable String teamId, @PathVariable String periodId,
			@RequestBody AllocationsBody body) {
		List<LearningHours.Allocation> allocations = body == null || body.allocations() == null ? List.of()
				: body.allocations().stream()
					.map(a -> a == null ? new LearningHours.Allocation(null, null)
							: new LearningHours.Allocation(a.personId(),
									// not toPlainString: 1e700000000 would be 700 million digits
									a.hours() == null ? null : a.hours().toString()))
					.toList();
		return PlanView.of(hours.allocate(me, new TeamId(teamId), periodId,
				body == null ? null : body.revision(), allocations));
	}

	@GetMapping("/periods")
	@Operation(summary = "The team's planning periods, latest first")
	List<PeriodView> periods(Viewer me, @PathVariable String teamId) {
		return hours.periods(me, new TeamId(teamId)).stream().map(PeriodView::of).toList();
	}

	@PostMapping("/periods")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a period (a sprint or a month, at most 92 days); 422 at the field for a blank name, "
			+ "missing or reversed dates, or dates overlapping another of the team's periods")
	PeriodView createPeriod(Viewer me, @PathVariable String teamId, @RequestBody PeriodBody body) {
		return PeriodView.of(hours.createPeriod(me, new TeamId(teamId), draft(body)));
	}

	@GetMapping("/periods/{periodId}")
	@Operation(summary = "One of the team's periods")
	PeriodView period(Viewer me, @PathVariable String teamId, @PathVariable String periodId) {
		return PeriodView.of(hours.period(me, new TeamId(teamId), periodId));
	}

	@PutMapping("/periods/{periodId}")
	@Operation(summary = "Change a period's name and dates; 'revision' as read (409 when saved since); 422 as for "
			+ "adding, and at 'endsOn' when someone's hours exceed the new length")
	PeriodView changePeriod(Viewer me, @PathVariable String teamId, @PathVariable String periodId,
			@RequestBody PeriodBody body) {
		return PeriodView.of(hours.changePeriod(me, new TeamId(teamId), periodId,
				body == null ? null : body.revision(), draft(body)));
	}

	@DeleteMapping("/periods/{periodId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a period and the hours given in it")
	void deletePeriod(Viewer me, @PathVariable String teamId, @PathVariable String periodId) {
		hours.deletePeriod(me, new TeamId(teamId), periodId);
	}

	static ResponseEntity<String> csv(HoursPlan plan) {
		String name = plan.period() == null ? "none" : CsvDownload.slug(plan.period().name(), 40, "period");
		return CsvDownload.of("learning-hours-" + CsvDownload.slug(plan.team().name(), 40, "team") + "-" + name + ".csv",
				HoursCsv.of(plan));
	}

	private static LearningHours.PeriodDraft draft(PeriodBody body) {
		return body == null ? new LearningHours.PeriodDraft(null, null, null)
				: new LearningHours.PeriodDraft(body.name(), body.startsOn(), body.endsOn());
	}
}
