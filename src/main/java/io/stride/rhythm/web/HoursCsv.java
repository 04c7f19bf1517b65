package io.stride.rhythm.web;

import io.stride.rhythm.HoursPlan;
import io.stride.rhythm.HoursPlan.Hours;
import io.stride.shared.Csv;

/**
 * A team's learning hours in a period for capacity tools: one row per person, hours to one decimal. Names and the
 * period's name are users' text, written so that a spreadsheet never runs them as a formula.
 */
final class HoursCsv {

	private HoursCsv() {
	}

	static String of(HoursPlan plan) {
		StringBuilder csv = new StringBuilder(Csv.line("person_id", "name", "email", "period", "starts_on", "ends_on",
				"allocated_hours", "committed_hours", "assigned_hours", "goal_hours", "used_hours", "lesson_hours",
				"quiz_hours", "logged_hours", "over_committed"));
		if (plan.period() == null) {
			return csv.toString();
		}
		for (HoursPlan.PersonHours p : plan.people()) {
			csv.append(Csv.line(Csv.text(p.person().value()), Csv.text(p.name()), Csv.text(p.email()),
					Csv.text(plan.period().name()), plan.period().startsOn().toString(), plan.period().endsOn().toString(),
					p.allocatedHours() == null ? "" : p.allocatedHours().setScale(1).toPlainString(),
					Csv.number(Hours.of(p.committedMinutes())), Csv.number(Hours.of(p.assignedMinutes())),
					Csv.number(Hours.of(p.goalMinutes())), Csv.number(Hours.of(p.usedMinutes())),
					Csv.number(Hours.of(p.lessonMinutes())), Csv.number(Hours.of(p.quizMinutes())),
					Csv.number(Hours.of(p.loggedMinutes())), p.overCommitted() ? "true" : "false"));
		}
		return csv.toString();
	}
}
