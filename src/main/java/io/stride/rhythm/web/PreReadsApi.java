package io.stride.rhythm.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.PreRead;
import io.stride.rhythm.PreReadMarkdown;
import io.stride.rhythm.PreReads;
import io.stride.rhythm.RitualHistory;
import io.stride.rhythm.RitualId;
import io.stride.rhythm.RitualSchedule;
import io.stride.rhythm.SessionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Pre-reads and ritual history", description = "A session's pre-read (coverage changes and shortfalls, "
		+ "expiring evidence, outcome indicators, needs-attention items, cycle goals serving the team's priorities, the "
		+ "last session's interventions with what moved since) as JSON or Markdown, and the sessions of a ritual or "
		+ "team over time; for the managers of the team's tree, L&D and admins (404 otherwise)")
@SecurityRequirement(name = "bearer")
class PreReadsApi {

	static final String MARKDOWN = "text/markdown";

	private final PreReads preReads;

	private final RitualHistory history;

	private final RitualSchedule schedule;

	PreReadsApi(PreReads preReads, RitualHistory history, RitualSchedule schedule) {
		this.schedule = schedule;
		this.preReads = preReads;
		this.history = history;
	}

	/**
	 * {@code qualified}: qualified and available today (not away), as coverage's status counts; {@code change}: since
	 * the last session, null when no snapshot was taken before it.
	 */
	record CoverageView(String capabilityId, String name, String status, int qualified, Integer target,
			Integer qualifiedBefore, Integer change, LocalDate shortFrom, String summary) {
	}

	/** {@code trend}: up, down, flat or unknown; {@code better}: whether that is the good way (null when flat). */
	record IndicatorView(String metricId, String name, String unit, String direction, List<PreRead.Value> values,
			Double before, Double latest, String trend, Boolean better, String sentence) {
	}

	/** {@code effect}: what moved since it was recorded, in words (correlation, not proof). */
	record InterventionView(String id, int position, String kind, String description, String capability, String owner,
			LocalDate dueOn, String status, Integer holdersBefore, Integer holdersNow, String metric,
			Double metricBefore, Double metricNow, String effect) {
	}

	/**
	 * {@code since}: the previous session's start, or 30 days before the first; {@code indicatorsShown} false for L&D
	 * outside the team (indicators are the managers'); {@code cycleGoals.named} lists only cycles the caller reads.
	 */
	record PreReadView(String sessionId, String ritualId, String ritualName, String kind, String teamId,
			String teamName, Instant startsAt, Instant since, String previousSessionId, LocalDate expiringUntil,
			Instant preparedAt, List<CoverageView> coverage, List<PreRead.ExpiringLine> expiring,
			boolean indicatorsShown, List<IndicatorView> indicators, List<PreRead.AttentionLine> needsAttention,
			PreRead.CycleGoals cycleGoals, List<InterventionView> interventions) {

		static PreReadView of(PreRead p) {
			return new PreReadView(p.session().value(), p.ritual().value(), p.ritualName(), p.kind().name(),
					p.team().value(), p.teamName(), p.startsAt(), p.since(),
					p.previousSession() == null ? null : p.previousSession().value(), p.expiringUntil(), p.preparedAt(),
					p.coverage().stream().map(c -> new CoverageView(c.capabilityId(), c.name(), c.status(), c.qualified(),
							c.target(), c.qualifiedBefore(), c.change(), c.shortFrom(), c.summary())).toList(),
					p.expiring(), p.indicatorsShown(),
					p.indicators().stream().map(i -> new IndicatorView(i.metricId(), i.name(), i.unit(), i.direction(),
							i.values(), i.before(), i.latest(), i.trend(), i.better(), i.sentence())).toList(),
					p.needsAttention(), p.cycleGoals(),
					p.interventions().stream().map(i -> new InterventionView(i.id(), i.position(), i.kind().name(),
							i.description(), i.capability(), i.owner(), i.dueOn(), i.status(), i.holdersBefore(),
							i.holdersNow(), i.metric(), i.metricBefore(), i.metricNow(), i.effect())).toList());
		}
	}

	record GapView(String id, String capability, String note, List<String> people) {
	}

	record HistoryInterventionView(String id, int position, String kind, String capability, String owner,
			LocalDate dueOn, String status, String description, Integer holdersBefore, Integer holdersNow,
			String effect) {
	}

	/** {@code status}: PLANNED, HELD or SKIPPED. */
	record SessionView(String id, String ritualId, String ritualName, Instant startsAt, String status,
			Instant preReadSentAt, List<GapView> gaps, List<HistoryInterventionView> interventions) {
	}

	/** Newest session first; {@code page} from 1. */
	record HistoryView(String teamId, String teamName, String ritualId, String ritualName, int page, int pages,
			long total, List<SessionView> sessions) {

		static HistoryView of(RitualHistory.Page p) {
			return new HistoryView(p.team().value(), p.teamName(), p.ritual() == null ? null : p.ritual().value(),
					p.ritualName(), p.page(), p.pages(), p.total(), p.sessions().stream().map(s -> new SessionView(
							s.id().value(), s.ritual().value(), s.ritualName(), s.startsAt(), s.status(), s.preReadSentAt(),
							s.gaps().stream().map(g -> new GapView(g.id(), g.capability(), g.note(), g.people())).toList(),
							s.interventions().stream().map(i -> new HistoryInterventionView(i.id(), i.position(),
									i.kind().name(), i.capability(), i.owner(), i.dueOn(), i.status(), i.description(),
									i.holdersBefore(), i.holdersNow(), i.effect())).toList()))
						.toList());
		}
	}

	@GetMapping(path = "/sessions/{id}/pre-read", produces = "application/json")
	@Operation(summary = "The session's pre-read as of now (JSON; with Accept: text/markdown the Markdown to paste "
			+ "into a meeting document)")
	PreReadView preRead(Viewer me, @PathVariable String id) {
		return PreReadView.of(preReads.of(me, new SessionId(id)));
	}

	@GetMapping(path = "/sessions/{id}/pre-read", produces = MARKDOWN + ";charset=UTF-8")
	String preReadMarkdown(Viewer me, @PathVariable String id) {
		PreRead preRead = preReads.of(me, new SessionId(id));
		return PreReadMarkdown.of(preRead, schedule.zoneOf(preRead.ritual()));
	}

	@GetMapping("/rituals/{id}/history")
	@Operation(summary = "The ritual's sessions over time, newest first, each with its gaps and interventions, their "
			+ "status and what moved since (10 per page)")
	HistoryView ritualHistory(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "1") int page) {
		return HistoryView.of(history.ofRitual(me, new RitualId(id), page));
	}

	@GetMapping("/teams/{id}/ritual-history")
	@Operation(summary = "The sessions of all the team's rituals over time, newest first (10 per page)")
	HistoryView teamHistory(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "1") int page) {
		return HistoryView.of(history.ofTeam(me, new TeamId(id), page));
	}
}
