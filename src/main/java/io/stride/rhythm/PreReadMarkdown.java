package io.stride.rhythm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.stride.rhythm.PreRead.AttentionLine;
import io.stride.rhythm.PreRead.CoverageLine;
import io.stride.rhythm.PreRead.ExpiringLine;
import io.stride.rhythm.PreRead.IndicatorLine;
import io.stride.rhythm.PreRead.InterventionReview;
import io.stride.rhythm.PreRead.NamedCycle;

/** A pre-read as Markdown, to paste into a meeting document or send by email and chat. */
public final class PreReadMarkdown {


	private PreReadMarkdown() {
	}

	/** In UTC; {@link #of(PreRead, ZoneId)} in the ritual's zone. */
	public static String of(PreRead p) {
		return of(p, ZoneOffset.UTC);
	}

	/** The pre-read with its times in {@code zone} (the ritual's). */
	public static String of(PreRead p, ZoneId zone) {
		DateTimeFormatter at = RitualTimes.formatter(zone);
		StringBuilder md = new StringBuilder();
		md.append("# Pre-read: ").append(text(p.ritualName())).append(", ").append(at.format(p.startsAt())).append("\n\n");
		md.append(text(p.teamName())).append(" · ").append(p.kind().label()).append(" · since ")
			.append(p.previousSession() == null ? at.format(p.since()) + " (30 days: the first session)"
					: "the last session on " + at.format(p.since()))
			.append("\n\n");

		md.append("## Coverage changes and shortfalls\n\n");
		if (p.coverage().isEmpty()) {
			md.append("No capability is short or at risk, and coverage has not changed since the last session.\n");
		}
		for (CoverageLine c : p.coverage()) {
			md.append("- **").append(text(c.name())).append("**: ").append(c.status()).append(", ")
				.append(c.qualified())
				.append(c.target() == null ? " qualified and available" : " of " + c.target() + " needed");
			if (c.change() != null && c.change() != 0) {
				md.append(" (").append(c.change() > 0 ? "+" : "").append(c.change()).append(" since the last session)");
			}
			// a capability short today needs no "short from": the forecast matters for the others
			if (c.shortFrom() != null && !"Short".equals(c.status())) {
				md.append("; short from ").append(c.shortFrom());
			}
			md.append(".\n");
		}

		md.append("\n## Evidence expiring by ").append(p.expiringUntil()).append("\n\n");
		if (p.expiring().isEmpty()) {
			md.append("No evidence expires before the next session and 30 days more.\n");
		}
		for (ExpiringLine e : p.expiring()) {
			md.append("- ").append(text(e.person())).append(": ").append(text(e.capability())).append(" (")
				.append(text(e.level())).append(") expires on ").append(e.expiresOn()).append(".\n");
		}

		md.append("\n## Outcome indicators\n\n");
		if (!p.indicatorsShown()) {
			md.append("Only the team's managers see its outcome indicators.\n");
		}
		else if (p.indicators().isEmpty()) {
			md.append("The team has no outcome indicators yet: define one on the team's outcomes page.\n");
		}
		for (IndicatorLine i : p.indicators()) {
			md.append("- **").append(text(i.name())).append("**: ").append(text(i.sentence())).append('\n');
		}

		md.append("\n## Courses that need attention\n\n");
		if (p.needsAttention().isEmpty()) {
			md.append("Nothing in the team's courses needs attention.\n");
		}
		for (AttentionLine a : p.needsAttention()) {
			md.append("- ").append(text(a.courseTitle())).append(": ").append(text(a.what())).append('\n');
		}

		md.append("\n## Learning cycles serving the team's priorities\n\n");
		var goals = p.cycleGoals();
		if (goals.goals() == 0) {
			md.append("No active learning cycle has a goal that serves the team's priorities.\n");
		}
		else {
			md.append(goals.goals()).append(goals.goals() == 1 ? " goal" : " goals").append(" in ").append(goals.cycles())
				.append(goals.cycles() == 1 ? " active cycle serves" : " active cycles serve")
				.append(" the team's priorities.\n");
			for (NamedCycle c : goals.named()) {
				md.append("- ").append(text(c.owner())).append(": ").append(text(c.title()));
				if (!c.priorities().isEmpty()) {
					md.append(" (").append(text(String.join("; ", c.priorities()))).append(')');
				}
				md.append('\n');
			}
		}

		md.append("\n## Last session's interventions\n\n");
		if (p.previousSession() == null) {
			md.append("This is the ritual's first session: there are no interventions to review yet.\n");
		}
		else if (p.interventions().isEmpty()) {
			md.append("The last session recorded no interventions.\n");
		}
		for (InterventionReview r : p.interventions()) {
			md.append(r.position()).append(". **").append(r.kind().label()).append("** for ").append(text(r.capability()))
				.append(", owner ").append(text(r.owner()));
			if (r.description() != null && !r.description().isBlank()) {
				md.append(": ").append(text(r.description()));
			}
			md.append("  \n   ").append(text(r.effect())).append('\n');
		}
		md.append("\n_Prepared by Stride on ").append(at.format(p.preparedAt())).append("._\n");
		return md.toString();
	}

	/** A figure without trailing zeros: 42, 3.5. */
	public static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/** Text as itself in Markdown: characters that would format, link or open HTML are escaped. */
	static String text(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(s.length());
		for (char ch : s.replace('\n', ' ').replace('\r', ' ').toCharArray()) {
			if ("\\`*_[]<>#|".indexOf(ch) >= 0) {
				out.append('\\');
			}
			out.append(ch);
		}
		return out.toString();
	}
}
