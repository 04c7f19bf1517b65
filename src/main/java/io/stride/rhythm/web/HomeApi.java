package io.stride.rhythm.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.stride.identity.Organization;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.Commissions;
import io.stride.rhythm.ManagerHome;
import io.stride.rhythm.RitualSchedule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Manager's home", description = "What needs a manager now across the teams they manage and the teams "
		+ "below them, each item with the path of the page where it is acted on")
@SecurityRequirement(name = "bearer")
class HomeApi {

	private final ManagerHome home;

	private final Organization organization;

	private final Commissions commissions;

	private final RitualSchedule schedule;

	HomeApi(ManagerHome home, Organization organization, Commissions commissions,
			RitualSchedule schedule) {
		this.home = home;
		this.organization = organization;
		this.commissions = commissions;
		this.schedule = schedule;
	}

	/** The time from commission to publication over the teams the home sums up (none for someone who manages none). */
	static Commissions.PublicationTimes publication(ManagerHome.Home h, Organization organization,
			Commissions commissions) {
		return h.teams().isEmpty() ? new Commissions.PublicationTimes(List.of(), null)
				: commissions.publicationTimes(organization.withDescendants(h.teams().stream().map(ManagerHome.TeamRef::id).toList()));
	}

	record PublishedView(String commissionId, String problem, String courseId, String courseTitle,
			Instant publishedAt, Long daysToPublication, String link) {
	}

	record PublicationView(
			@Schema(description = "median whole days from commission to publication over the recent ones; null while "
					+ "none is published") Long medianDays,
			@Schema(description = "the last commissions published (at most 20), latest first") List<PublishedView> recent) {

		static PublicationView of(Commissions.PublicationTimes t) {
			return new PublicationView(t.medianDays(), t.recent().stream()
				.map(c -> new PublishedView(c.id().value(), c.problem(), c.course() == null ? null : c.course().value(),
						c.courseTitle(), c.publishedAt(), c.tookDays(), "/commissions/" + c.id().value()))
				.toList());
		}
	}

	record TeamView(String id, String name) {

		static TeamView of(ManagerHome.TeamRef t) {
			return new TeamView(t.id().value(), t.name());
		}
	}

	record CapabilityView(String teamId, String teamName, String capabilityId, String name,
			@Schema(description = "SHORT, AT_RISK or COVERED (then it falls short within 90 days)") String status,
			int qualified, int target, String levelName,
			@Schema(description = "the first day short within the 90-day forecast, or null") LocalDate shortFrom,
			String summary, String link) {
	}

	record ExpiringView(String personId, String name, String capabilityId, String capabilityName, String levelName,
			LocalDate expiresOn, long daysLeft, @Schema(description = "what would renew it, or null") String renewal,
			String link) {
	}

	record OverdueView(String personId, String name, String teamId, String courseId, String courseTitle,
			LocalDate dueDate, long daysOverdue, @Schema(description = "NOT_STARTED or IN_PROGRESS") String status,
			String link) {
	}

	record CourseView(String courseId, String courseTitle, String reason, String link) {
	}

	record IndicatorView(String id, String teamId, String teamName, String name, String unit, Double latest,
			LocalDate latestPeriod, Double previous,
			@Schema(description = "IMPROVING, WORSENING, STEADY, ONE_VALUE or NO_VALUES, read with the metric's direction") String trend,
			String trendText, String link) {
	}

	record InterventionView(String id, String sessionId, String kind, String capabilityId, String capabilityName,
			String ownerId, String ownerName, LocalDate dueOn, boolean overdue, String description, String link) {
	}

	record RitualView(String ritualId, String teamId, String teamName, String name, String kind, Instant startsAt,
			@Schema(description = "the ritual's time zone (IANA), in which its team meets") String timeZone,
			int durationMinutes, @Schema(description = "the stored session, or null while none is prepared") String sessionId,
			String link, List<InterventionView> openInterventions) {
	}

	record CommissionView(String id, String title, String status, LocalDate dueOn, String link) {
	}

	record HoursView(String teamId, String teamName, String period, double planned, double used, String link) {
	}

	record HomeView(LocalDate today, List<TeamView> teams,
			@Schema(description = "teams the caller also manages, not summed up here (ask with teamId)") List<TeamView> otherTeams,
			boolean targetsSet, List<CapabilityView> capabilities, List<ExpiringView> expiringEvidence,
			int expiringTotal, List<OverdueView> overdueAssignments, int overdueTotal,
			List<CourseView> coursesNeedingAttention, int coursesTotal, List<IndicatorView> outcomeIndicators,
			@Schema(description = "null when no ritual of the teams meets in the next 100 days") RitualView nextRitual,
			int openInterventions, List<CommissionView> openCommissions, List<HoursView> learningHours,
			@Schema(description = "time from commission to publication of the teams' commissions") PublicationView commissionPublication) {
	}

	@GetMapping("/home")
	@Operation(summary = "The manager's home: capabilities short or at risk (today and in the 90-day forecast), evidence "
			+ "expiring within 90 days, overdue assignments, courses needing attention, outcome indicators with their "
			+ "trend, the next ritual meeting with its open interventions, open commissions and learning hours. Lists "
			+ "hold at most 20 items; the totals say how many there were. Empty for someone who manages no team; 404 "
			+ "for a teamId outside the caller's own team tree")
	HomeView home(Viewer me,
			@Parameter(description = "one team of the caller's tree; every team they manage when left out")
			@RequestParam(required = false) String teamId) {
		ManagerHome.Home h = home.home(me,
				teamId == null || teamId.isBlank() ? null : new TeamId(teamId.strip()));
		return view(h, PublicationView.of(publication(h, organization, commissions)),
				h.nextRitual() == null ? null : schedule.zoneOf(h.nextRitual().ritualId()).getId());
	}

	static HomeView view(ManagerHome.Home h, PublicationView publication, String timeZone) {
		ManagerHome.NextRitual r = h.nextRitual();
		RitualView ritual = r == null ? null : new RitualView(r.ritualId().value(), r.teamId().value(), r.teamName(),
				r.name(), r.kind(), r.startsAt(), timeZone, r.durationMinutes(), r.sessionId() == null ? null : r.sessionId().value(),
				r.link(), r.openInterventions().stream().map(i -> new InterventionView(i.id().value(),
						i.sessionId().value(), i.kind(), i.capabilityId().value(), i.capabilityName(), i.ownerId().value(),
						i.ownerName(), i.dueOn(), i.overdue(), i.description(), i.link())).toList());
		return new HomeView(h.today(), h.teams().stream().map(TeamView::of).toList(),
				h.otherTeams().stream().map(TeamView::of).toList(), h.targetsSet(),
				h.capabilities().stream().map(c -> new CapabilityView(c.teamId().value(), c.teamName(),
						c.capabilityId().value(), c.name(), c.status(), c.qualified(), c.target(), c.levelName(),
						c.shortFrom(), c.summary(), c.link())).toList(),
				h.expiring().stream().map(e -> new ExpiringView(e.personId().value(), e.name(), e.capabilityId().value(),
						e.capabilityName(), e.levelName(), e.expiresOn(), e.daysLeft(), e.renewal(), e.link())).toList(),
				h.expiringTotal(),
				h.overdue().stream().map(o -> new OverdueView(o.personId().value(), o.name(), o.teamId().value(),
						o.courseId().value(), o.courseTitle(), o.dueDate(), o.daysOverdue(), o.status(), o.link())).toList(),
				h.overdueTotal(),
				h.courses().stream().map(c -> new CourseView(c.courseId().value(), c.courseTitle(), c.reason(), c.link()))
					.toList(),
				h.coursesTotal(),
				h.indicators().stream().map(i -> new IndicatorView(i.id(), i.teamId().value(), i.teamName(), i.name(),
						i.unit(), i.latest(), i.latestPeriod(), i.previous(), i.trend(), i.trendText(), i.link())).toList(),
				ritual, h.openInterventions(),
				h.commissions().stream().map(c -> new CommissionView(c.id(), c.title(), c.status(), c.dueOn(), c.link()))
					.toList(),
				h.hours().stream().map(x -> new HoursView(x.teamId().value(), x.teamName(), x.period(), x.planned(),
						x.used(), x.link())).toList(), publication);
	}
}
