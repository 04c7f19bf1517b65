package io.stride.rhythm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.internal.CommissionRows;
import io.stride.rhythm.internal.CommissionRows.Row;
import io.stride.shared.ConflictException;
import io.stride.shared.ControlCharacters;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commissions: a manager (for a team of their tree) or L&D (for any team) asks an author, in the team tree or any
 * expert of the organization, for a module that solves a problem. The author gets it as a task and drafts from its
 * brief; publishing the course that answers it closes it and measures the time it took. Its cost is charged to the
 * team's budget. Seen by its author, who commissioned it, managers of its team and L&D; everyone else gets 404.
 */
@Service
@Transactional
public class Commissions {

	public static final int MAX_PROBLEM = 2000;

	public static final int MAX_AUDIENCE = 500;

	public static final BigDecimal MAX_HOURS = new BigDecimal("10000");

	/** The most commissions one list shows. */
	public static final int MAX_LISTED = 200;

	/** Which list: those the viewer writes, those they commissioned, or all they may act on (L&D: all). */
	public enum Tab {
		AUTHOR, COMMISSIONED, ALL
	}

	private final CommissionRows rows;

	private final DecisionRights rights;

	private final Organization organization;

	private final Authoring authoring;

	private final Budgets budgets;

	private final LearningNeeds needs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final BigDecimal hourRate;

	Commissions(CommissionRows rows, DecisionRights rights, Organization organization, Authoring authoring,
			Budgets budgets, LearningNeeds needs, ApplicationEventPublisher events, Clock clock,
			@Value("${stride.commissions.internal-hour-rate:75}") BigDecimal hourRate) {
		this.rows = rows;
		this.rights = rights;
		this.organization = organization;
		this.authoring = authoring;
		this.budgets = budgets;
		this.needs = needs;
		this.events = events;
		this.clock = clock;
		this.hourRate = hourRate.setScale(2, RoundingMode.HALF_UP);
	}

	/** The teams the viewer may commission for, by name: their managed tree, or every team for L&D. */
	@Transactional(readOnly = true)
	public List<Team> teamsToActOn(Viewer viewer) {
		Set<TeamId> teams = rights.teams(viewer);
		return organization.allTeams()
			.stream()
			.filter(t -> teams.contains(t.id()))
			.sorted(Comparator.comparing(Team::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** Whether the viewer sees the "all" tab: L&D and managers. */
	public boolean seesAll(Viewer viewer) {
		return viewer.isManager() || rights.isLearningTeam(viewer);
	}

	/** The installation's internal hour rate, in {@link Budgets#defaultCurrency()} (or the budget's currency). */
	public BigDecimal hourRate() {
		return hourRate;
	}

	/**
	 * A commission as the form starts it from a session's intervention (kind COMMISSION_MODULE): its team, due date
	 * and description. 404 for an intervention the viewer may not act on or of another kind.
	 */
	@Transactional(readOnly = true)
	public CommissionDraft fromIntervention(Viewer viewer, InterventionId id) {
		CommissionRows.InterventionRow row = intervention(viewer, id);
		return new CommissionDraft(new TeamId(row.teamId()), null, row.description(), "", row.dueOn(), null,
				new InterventionId(row.id()), null, null, null, false);
	}

	/** A commission as the form starts it from a learning need: its text as the problem, its team. */
	@Transactional(readOnly = true)
	public CommissionDraft fromNeed(Viewer viewer, LearningNeedId id) {
		var need = needs.decidable(viewer, id);
		return new CommissionDraft(need.teamId() == null ? null : new TeamId(need.teamId()), null, need.what(), "",
				null, null, null, new LearningNeedId(need.id()), null, null, false);
	}

	/**
	 * Commissions a module. 422 at the field for no author (or one who is not an active person), no problem, a due
	 * date missing or past, a course to extend that is not published, hours or a price below 0 (or both given), an
	 * intervention carried out already, a cost over what the team's budget has left without {@code requestApproval};
	 * 404 for a team, intervention or need the viewer may not act on.
	 */
	public Commission create(Viewer viewer, CommissionDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		CommissionRows.InterventionRow intervention = draft.intervention() == null ? null
				: intervention(viewer, draft.intervention());
		TeamId team = draft.team() != null ? draft.team()
				: intervention != null ? new TeamId(intervention.teamId()) : null;
		if (team == null) {
			errors.put("teamId", "Choose the team the module is for.");
		}
		else {
			rights.team(viewer, team);
			if (intervention != null && !intervention.teamId().equals(team.value())) {
				errors.put("interventionId", "This intervention belongs to another team's session.");
			}
		}
		if (intervention != null && intervention.commissionId() != null) {
			errors.put("interventionId", "Another commission carries out this intervention already.");
		}
		if (draft.need() != null) {
			var need = needs.decidable(viewer, draft.need());
			if (!"OPEN".equals(need.status())) {
				errors.put("needId", "This need is carried out by another commission already.");
			}
		}
		Person author = null;
		if (draft.author() == null || draft.author().value().isBlank()) {
			errors.put("authorId", "Choose who writes the module: someone in your team or an expert you name.");
		}
		else {
			author = Ids.looksValid(draft.author().value()) ? organization.contactOf(draft.author()).orElse(null) : null;
			if (author == null) {
				errors.put("authorId", "Choose an active person of the organization as the author.");
			}
		}
		String problem = text(draft.problem(), "problem", MAX_PROBLEM, errors);
		if (problem.isEmpty() && !errors.containsKey("problem")) {
			errors.put("problem", "Say what problem the module solves.");
		}
		String audience = text(draft.audience(), "audience", MAX_AUDIENCE, errors);
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		LocalDate dueOn = draft.dueOn() == null && intervention != null ? intervention.dueOn() : draft.dueOn();
		if (dueOn == null) {
			errors.put("dueOn", "Give the date the module is due.");
		}
		else if (dueOn.isBefore(today)) {
			errors.put("dueOn", "Give a due date from today on.");
		}
		else if (dueOn.isAfter(today.plusYears(5))) {
			errors.put("dueOn", "Give a due date within five years.");
		}
		Course extended = null;
		if (draft.extendsCourse() != null) {
			extended = publishedOrNull(draft.extendsCourse());
			if (extended == null) {
				errors.put("extendsCourseId", "Choose a published course to extend, or none for a new one.");
			}
		}
		Commission.CostKind kind = Commission.CostKind.INTERNAL;
		BigDecimal hours = null;
		BigDecimal cost = BigDecimal.ZERO.setScale(2);
		if (draft.internalHours() != null && draft.externalPrice() != null) {
			errors.put("externalPrice", "Give internal hours or an external price, not both.");
		}
		else if (draft.externalPrice() != null) {
			kind = Commission.CostKind.EXTERNAL;
			Budgets.amountError(draft.externalPrice(), "externalPrice", errors);
			// rounded only once checked: 1e-700000000 to two decimals is a division by 10^700000000
			if (!errors.containsKey("externalPrice")) {
				cost = Budgets.money(draft.externalPrice());
			}
		}
		else if (draft.internalHours() != null) {
			if (draft.internalHours().signum() < 0) {
				errors.put("internalHours", "Give 0 hours or more; hours cannot be negative.");
			}
			else if (draft.internalHours().compareTo(MAX_HOURS) > 0) {
				errors.put("internalHours", "Give at most " + MAX_HOURS + " hours.");
			}
			else if (draft.internalHours().stripTrailingZeros().scale() > 6) {
				// rounding 1e-700000000 to one decimal would divide by 10^700000000
				errors.put("internalHours", "Give hours to one decimal, e.g. 6 or 7.5.");
			}
			else {
				hours = draft.internalHours().setScale(1, RoundingMode.HALF_UP);
				cost = Budgets.money(hours.multiply(hourRate));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The commission was not made.", errors);
		}
		String costField = kind == Commission.CostKind.EXTERNAL ? "externalPrice" : "internalHours";
		budgets.checkCharge(team, cost, draft.requestApproval(), costField);
		String currency = budgets.current(team).map(b -> b.currency()).orElse(budgets.defaultCurrency());
		Row row = new Row(Ids.newId(), team.value(), viewer.id().value(), author.id().value(), problem, audience,
				dueOn, extended == null ? null : extended.id().value(),
				intervention == null ? null : intervention.id(), draft.need() == null ? null : draft.need().value(),
				kind.name(), hours, hours == null ? null : hourRate, cost, currency, "OPEN", null, null, clock.instant(),
				null, null, 1);
		rows.insert(row);
		CommissionId id = new CommissionId(row.id());
		if (intervention != null && !rows.carryOut(intervention.id(), row.id())) {
			throw new InvalidInputException("interventionId", "Another commission carries out this intervention already.");
		}
		if (draft.need() != null && !needs.commissioned(draft.need(), id)) {
			throw new InvalidInputException("needId", "This need is carried out by another commission already.");
		}
		Budgets.Spend spend = budgets.charge(viewer, team, id, "Commission: " + shorten(problem), cost,
				draft.requestApproval(), costField);
		events.publishEvent(new CommissionCreated(id, team, viewer.id(), author.id(), problem,
				intervention == null ? null : new InterventionId(intervention.id()),
				spend != null && spend.status() == Budgets.SpendStatus.WAITING));
		return views(List.of(row)).get(0);
	}

	/** The commission, for its author, who commissioned it, managers of its team and L&D; 404 for others. */
	@Transactional(readOnly = true)
	public Commission get(Viewer viewer, CommissionId id) {
		return views(List.of(visible(viewer, id))).get(0);
	}

	/** Whether the viewer may cancel it (who commissioned it, managers of its team, L&D) while it is open. */
	public boolean mayCancel(Viewer viewer, Commission commission) {
		return commission.isOpen()
				&& (viewer.is(commission.commissionedBy()) || rights.mayAct(viewer, commission.teamId()));
	}

	/** The open commissions of these teams, due first (at most {@code limit}); the caller decides who may see them. */
	@Transactional(readOnly = true)
	public List<Commission> openOfTeams(Collection<TeamId> teams, int limit) {
		return views(rows.openOfTeams(teams.stream().map(TeamId::value).toList(), limit));
	}

	/** Commissions read for the median time from commission to publication. */
	public static final int MEDIAN_OVER = 20;

	/**
	 * How long commissions of these teams took from commission to publication: the last ones published (at most
	 * {@link #MEDIAN_OVER}, latest first) and the median of their whole days; null while none is published.
	 */
	public record PublicationTimes(List<Commission> recent, Long medianDays) {

		public PublicationTimes {
			recent = List.copyOf(recent);
		}
	}

	/** {@link PublicationTimes} of these teams; the caller decides who may see them. */
	@Transactional(readOnly = true)
	public PublicationTimes publicationTimes(Collection<TeamId> teams) {
		List<Commission> recent = views(rows.publishedOfTeams(teams.stream().map(TeamId::value).toList(), MEDIAN_OVER));
		return new PublicationTimes(recent, medianDays(recent));
	}

	/** The median of the commissions' whole days to publication (the lower middle one of an even count). */
	static Long medianDays(List<Commission> published) {
		List<Long> days = published.stream().map(Commission::tookDays).filter(Objects::nonNull).sorted().toList();
		return days.isEmpty() ? null : days.get((days.size() - 1) / 2);
	}

	/**
	 * A list of commissions, newest first (at most {@link #MAX_LISTED}). The author's list holds their tasks: not the
	 * commissions still waiting for L&D to fund them.
	 */
	@Transactional(readOnly = true)
	public List<Commission> list(Viewer viewer, Tab tab) {
		List<Row> found = switch (tab) {
			case AUTHOR -> rows.byAuthor(viewer.id().value(), MAX_LISTED);
			case COMMISSIONED -> rows.byCommissioner(viewer.id().value(), MAX_LISTED);
			case ALL -> rights.isLearningTeam(viewer) ? rows.all(MAX_LISTED)
					: rows.ofTeams(organization.managedTeamTree(viewer).stream().map(TeamId::value).toList(),
							MAX_LISTED);
		};
		List<Commission> listed = views(found);
		return tab == Tab.AUTHOR ? listed.stream().filter(c -> !c.waitingForFunding()).toList() : listed;
	}

	/**
	 * The brief the author drafts from ("Draft from this commission"); the drafting form carries the commission on, and
	 * the draft kept from it is remembered ({@link #draftKept}).
	 */
	public String startDraft(Viewer viewer, CommissionId id) {
		Row row = visible(viewer, id);
		Commission commission = views(List.of(row)).get(0);
		if (viewer.is(commission.authorId()) && commission.waitingForFunding()) {
			throw new ConflictException("This commission waits for L&D to fund it; you can start once it is funded.");
		}
		if (viewer.is(new PersonId(row.authorId())) && "OPEN".equals(row.status()) && row.courseId() == null) {
			rows.draftStarted(row.id(), clock.instant());
		}
		return brief(commission);
	}

	/**
	 * The author kept a draft started from this open commission: the courses made from that draft answer it. Ignored
	 * for anyone but its author and for a commission that is closed or that they may not see.
	 */
	void draftKept(Viewer viewer, CommissionId id, String draftId) {
		if (draftId == null || id == null || !Ids.looksValid(id.value())) {
			return;
		}
		rows.find(id.value())
			.filter(row -> "OPEN".equals(row.status()) && viewer.is(new PersonId(row.authorId())))
			.filter(row -> !views(List.of(row)).get(0).waitingForFunding())
			.ifPresent(row -> rows.draftOf(row.id(), draftId, clock.instant()));
	}

	/**
	 * The author made courses from a draft: when it was started from one of their commissions still open, those
	 * courses answer it (the first is shown as its course until one is published); one published already closes it.
	 */
	void coursesFromDraft(String draftId, PersonId author, List<CourseId> courses) {
		Row row = rows.commissionOfDraft(draftId).orElse(null);
		if (row == null || courses.isEmpty() || !"OPEN".equals(row.status()) || !row.authorId().equals(author.value())) {
			return;
		}
		for (CourseId course : courses) {
			rows.answeredBy(row.id(), course.value(), draftId, clock.instant());
		}
		if (row.courseId() == null) {
			rows.link(row.id(), courses.get(0).value());
		}
		for (CourseId course : courses) {
			// read as its author sees it (authoring's published() refuses a draft, which would roll this back)
			Course made = authorsCourse(row, course);
			if (made != null && made.liveVersion() != null && made.publishedAt() != null) {
				close(rows.find(row.id()).orElseThrow(), made.id(), made.title(), clock.instant());
				return;
			}
		}
	}

	/** The brief as text for drafting: what the module solves, for whom, by when, and what it extends. */
	@Transactional(readOnly = true)
	public String brief(Viewer viewer, CommissionId id) {
		return brief(get(viewer, id));
	}

	private static String brief(Commission c) {
		StringBuilder text = new StringBuilder("Commissioned module for ").append(c.teamName()).append(".\n\n");
		text.append("Problem it solves: ").append(c.problem()).append("\n\n");
		if (!c.audience().isEmpty()) {
			text.append("Audience: ").append(c.audience()).append("\n\n");
		}
		text.append("Due: ").append(c.dueOn()).append("\n");
		if (c.extendsTitle() != null) {
			text.append("\nExtends the course \"").append(c.extendsTitle()).append("\".\n");
		}
		return text.toString();
	}

	/**
	 * The author (or an admin) names the course that answers the commission; a course already published closes it at
	 * once. 422 at {@code courseId} for a course the author may not edit; 403 for anyone but the author; 409 once
	 * closed.
	 */
	public Commission link(Viewer viewer, CommissionId id, CourseId courseId) {
		Row row = visible(viewer, id);
		if (!viewer.is(new PersonId(row.authorId())) && !viewer.isAdmin()) {
			throw new ForbiddenException("Only the commission's author links the course that answers it.");
		}
		if (!"OPEN".equals(row.status())) {
			throw new ConflictException("This commission is " + row.status().toLowerCase(Locale.ROOT) + " already.");
		}
		Course course = authorsCourse(row, courseId);
		if (course == null) {
			throw new InvalidInputException("courseId", "Choose one of the author's courses.");
		}
		if (!rows.link(row.id(), course.id().value())) {
			throw new ConflictException("This commission was closed meanwhile.");
		}
		if (course.liveVersion() != null && course.publishedAt() != null) {
			close(rows.find(row.id()).orElseThrow(), course.id(), course.title(), clock.instant());
		}
		return get(viewer, id);
	}

	/** Cancels an open commission: its cost no longer counts; a need it came from is open again. 409 once closed. */
	public Commission cancel(Viewer viewer, CommissionId id) {
		Row row = visible(viewer, id);
		if (!viewer.is(new PersonId(row.commissionedBy())) && !rights.mayAct(viewer, new TeamId(row.teamId()))) {
			throw new ForbiddenException("Only who commissioned it, a manager of its team or L&D cancels a commission.");
		}
		if (!rows.cancelled(row.id(), clock.instant())) {
			throw new ConflictException("This commission is " + row.status().toLowerCase(Locale.ROOT) + " already.");
		}
		CommissionId commission = new CommissionId(row.id());
		budgets.release(commission);
		rows.release(row.id());
		if (row.needId() != null) {
			needs.reopen(new LearningNeedId(row.needId()), commission);
		}
		events.publishEvent(new CommissionCancelled(commission, new TeamId(row.teamId()), viewer.id(),
				new PersonId(row.authorId()), row.problem()));
		return get(viewer, id);
	}

	/**
	 * L&D declined going over the budget for this commission: it cannot be paid for, so it is cancelled (its author,
	 * who was told of it, hears it is no longer needed; its intervention and learning need are free again).
	 */
	void fundingApproved(CommissionId commission) {
		rows.find(commission.value()).filter(row -> "OPEN".equals(row.status())).ifPresent(row -> events.publishEvent(
				new CommissionFunded(commission, new TeamId(row.teamId()), new PersonId(row.commissionedBy()),
						new PersonId(row.authorId()), row.problem())));
	}

	void fundingDeclined(CommissionId commission, PersonId decidedBy) {
		Row row = rows.find(commission.value()).orElse(null);
		if (row == null || !rows.cancelled(row.id(), clock.instant())) {
			return;
		}
		budgets.release(commission);
		rows.release(row.id());
		if (row.needId() != null) {
			needs.reopen(new LearningNeedId(row.needId()), commission);
		}
		events.publishEvent(new CommissionCancelled(commission, new TeamId(row.teamId()), decidedBy,
				new PersonId(row.authorId()), row.problem()));
	}

	/**
	 * A course was published: each open commission it answers (linked to it, made from a draft started from it, or
	 * extending it when this is a new version its author published) is closed as published.
	 */
	void coursePublished(CourseId course, int version, String title, PersonId publishedBy) {
		for (Row row : rows.openAnsweredBy(course.value())) {
			boolean linked = course.value().equals(row.courseId()) || rows.answers(row.id(), course.value());
			// a new version of the course it extends answers it when its author published it (a fix someone else
			// publishes meanwhile does not); a version published through review is linked by the author on its page
			boolean extendedByItsAuthor = version > 1 && publishedBy != null && publishedBy.value().equals(row.authorId());
			if (linked || extendedByItsAuthor) {
				close(row, course, title, clock.instant());
			}
		}
	}

	private void close(Row row, CourseId course, String title, Instant at) {
		if (!rows.published(row.id(), course.value(), at)) {
			return;
		}
		CommissionId id = new CommissionId(row.id());
		if (row.needId() != null) {
			needs.answeredByCommission(new LearningNeedId(row.needId()), course, title, new PersonId(row.authorId()));
		}
		events.publishEvent(new CommissionPublished(id, new TeamId(row.teamId()), new PersonId(row.commissionedBy()),
				new PersonId(row.authorId()), course, title,
				row.interventionId() == null ? null : new InterventionId(row.interventionId()),
				Duration.between(row.createdAt(), at)));
	}

	private Row visible(Viewer viewer, CommissionId id) {
		Row row = id == null || !Ids.looksValid(id.value()) ? null : rows.find(id.value()).orElse(null);
		if (row == null || !(viewer.is(new PersonId(row.authorId())) || viewer.is(new PersonId(row.commissionedBy()))
				|| rights.mayAct(viewer, new TeamId(row.teamId())))) {
			throw new NotFoundException("Commission");
		}
		return row;
	}

	private CommissionRows.InterventionRow intervention(Viewer viewer, InterventionId id) {
		CommissionRows.InterventionRow row = id == null || !Ids.looksValid(id.value()) ? null
				: rows.intervention(id.value()).orElse(null);
		if (row == null || !InterventionKind.COMMISSION_MODULE.name().equals(row.kind())
				|| !rights.mayAct(viewer, new TeamId(row.teamId()))) {
			throw new NotFoundException("Intervention");
		}
		return row;
	}

	private Course authorsCourse(Row row, CourseId id) {
		if (id == null || !Ids.looksValid(id.value())) {
			return null;
		}
		try {
			Course course = authoring.course(organization.viewerOf(new PersonId(row.authorId())), id);
			return course.authorId().value().equals(row.authorId()) ? course : null;
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	private Course publishedOrNull(CourseId id) {
		if (!Ids.looksValid(id.value())) {
			return null;
		}
		try {
			return authoring.published(id);
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	private static String text(String value, String field, int max, Map<String, String> errors) {
		String text = value == null ? "" : value.strip();
		if (text.length() > max) {
			errors.put(field, "Keep it to " + max + " characters (this one has " + text.length() + ").");
		}
		else if (ControlCharacters.in(text)) {
			errors.put(field, ControlCharacters.MESSAGE);
		}
		return text;
	}

	private static String shorten(String text) {
		return text.length() <= 200 ? text : text.substring(0, 199) + "…";
	}

	private List<Commission> views(List<Row> found) {
		if (found.isEmpty()) {
			return List.of();
		}
		Set<PersonId> people = new HashSet<>();
		Set<CourseId> courses = new HashSet<>();
		for (Row r : found) {
			people.add(new PersonId(r.authorId()));
			people.add(new PersonId(r.commissionedBy()));
			if (r.courseId() != null) {
				courses.add(new CourseId(r.courseId()));
			}
			if (r.extendsCourseId() != null) {
				courses.add(new CourseId(r.extendsCourseId()));
			}
		}
		Map<PersonId, Organization.Credit> names = organization.credits(people);
		Map<CourseId, String> titles = courses.isEmpty() ? Map.of() : authoring.titles(new ArrayList<>(courses));
		Map<String, String> teams = new HashMap<>();
		organization.allTeams().forEach(t -> teams.put(t.id().value(), t.name()));
		Map<CommissionId, Budgets.Spend> funding = budgets
			.funding(found.stream().map(r -> new CommissionId(r.id())).toList());
		List<Commission> result = new ArrayList<>();
		for (Row r : found) {
			result.add(new Commission(new CommissionId(r.id()), new TeamId(r.teamId()), teams.get(r.teamId()),
					new PersonId(r.commissionedBy()), name(names, r.commissionedBy()), new PersonId(r.authorId()),
					name(names, r.authorId()), r.problem(), r.audience(), r.dueOn(),
					r.extendsCourseId() == null ? null : new CourseId(r.extendsCourseId()),
					r.extendsCourseId() == null ? null : titles.get(new CourseId(r.extendsCourseId())),
					r.interventionId() == null ? null : new InterventionId(r.interventionId()),
					r.needId() == null ? null : new LearningNeedId(r.needId()), Commission.CostKind.valueOf(r.costKind()),
					r.internalHours(), r.hourRate(), r.cost(), r.currency(), Commission.Status.valueOf(r.status()),
					r.courseId() == null ? null : new CourseId(r.courseId()),
					r.courseId() == null ? null : titles.get(new CourseId(r.courseId())), r.createdAt(), r.publishedAt(),
					r.cancelledAt(), funding.get(new CommissionId(r.id()))));
		}
		return result;
	}

	private static String name(Map<PersonId, Organization.Credit> names, String id) {
		Organization.Credit credit = names.get(new PersonId(id));
		return credit == null ? "Someone who left" : credit.name();
	}
}
