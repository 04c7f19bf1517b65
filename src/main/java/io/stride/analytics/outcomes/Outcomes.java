package io.stride.analytics.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.stride.activity.Verb;
import io.stride.analytics.internal.CourseAnalyticsAccess;
import io.stride.analytics.outcomes.internal.OutcomeRecords;
import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcome indicators: a team's managers (and the managers above them) and admins define a metric, enter or import
 * its values and see it beside the rollout of the linked courses. Anyone else is told the team or metric does not
 * exist.
 */
@Service
public class Outcomes {

	/** Values one metric may hold: twenty years of weeks and more. */
	public static final int MAX_VALUES = 1100;

	/** The largest values file an import reads (1 MB); larger ones are refused with 413. */
	public static final int MAX_IMPORT_BYTES = OutcomeValuesCsv.MAX_BYTES;

	private final OutcomeRecords records;

	private final Organization organization;

	private final Authoring authoring;

	private final CourseAnalyticsAccess access;

	private final Clock clock;

	Outcomes(OutcomeRecords records, Organization organization, Authoring authoring, CourseAnalyticsAccess access,
			Clock clock) {
		this.records = records;
		this.organization = organization;
		this.authoring = authoring;
		this.access = access;
		this.clock = clock;
	}

	/** How many values an import added and how many it replaced. */
	public record Imported(int added, int updated) {
	}

	/** A metric with what its page lists beside it. */
	public record Detail(OutcomeMetric metric, String teamName, List<OutcomeReport.LinkedCourse> courses,
			SortedMap<LocalDate, Double> values) {
	}

	/** The team, when the viewer manages it or a team above it, or is an admin; 404 otherwise. */
	@Transactional(readOnly = true)
	public Team team(Viewer viewer, TeamId team) {
		return organization.managedTeam(viewer, team);
	}

	@Transactional(readOnly = true)
	public List<OutcomeMetric> ofTeam(Viewer viewer, TeamId team) {
		organization.managedTeam(viewer, team);
		return records.ofTeam(team, false);
	}

	/** Deleted metrics of the team, newest delete first, so that a delete can be undone. */
	@Transactional(readOnly = true)
	public List<OutcomeMetric> deletedOfTeam(Viewer viewer, TeamId team) {
		organization.managedTeam(viewer, team);
		return records.ofTeam(team, true);
	}

	/** Courses a metric may be linked to: published ones, and those it is linked to already. */
	@Transactional(readOnly = true)
	public List<OutcomeReport.LinkedCourse> linkableCourses(Viewer viewer, TeamId team, OutcomeMetric current) {
		organization.managedTeam(viewer, team);
		Map<String, String> courses = new LinkedHashMap<>();
		authoring.publishedCourses().forEach(c -> courses.put(c.id().value(), c.title()));
		if (current != null) {
			titled(current.courseIds()).forEach(c -> courses.putIfAbsent(c.id(), c.title()));
		}
		return courses.entrySet().stream().map(e -> new OutcomeReport.LinkedCourse(e.getKey(), e.getValue())).toList();
	}

	/** A metric with its latest values, oldest first. */
	public record Recent(OutcomeMetric metric, SortedMap<LocalDate, Double> values) {
	}

	/**
	 * The live metrics of those of {@code teams} the viewer manages (the others are left out), each with its latest
	 * {@code count} values: at most {@code limit} metrics, by name, read in two queries. For summaries such as the
	 * manager's home; the metrics carry no linked courses.
	 */
	@Transactional(readOnly = true)
	public List<Recent> recent(Viewer viewer, Collection<TeamId> teams, int count, int limit) {
		Set<TeamId> managed = organization.managedTeamTree(viewer);
		List<TeamId> mine = teams.stream().filter(managed::contains).distinct().toList();
		List<OutcomeMetric> metrics = records.ofTeams(mine, limit);
		Map<String, SortedMap<LocalDate, Double>> values = records.latestValues(
				metrics.stream().map(OutcomeMetric::id).toList(), count);
		return metrics.stream()
			.map(m -> new Recent(m, values.getOrDefault(m.id(), new TreeMap<>())))
			.toList();
	}

	@Transactional
	public OutcomeMetric define(Viewer viewer, TeamId team, OutcomeMetricChange change) {
		organization.managedTeam(viewer, team);
		check(viewer, team, null, change);
		return records.insert(team, change, viewer.id(), clock.instant());
	}

	@Transactional(readOnly = true)
	public OutcomeMetric metric(Viewer viewer, String id) {
		OutcomeMetric metric = records.metric(id == null ? "" : id, false).orElseThrow(() -> new NotFoundException("Outcome"));
		if (!organization.canManage(viewer, metric.teamId())) {
			throw new NotFoundException("Outcome");
		}
		return metric;
	}

	@Transactional(readOnly = true)
	public Detail detail(Viewer viewer, String id) {
		OutcomeMetric metric = metric(viewer, id);
		return new Detail(metric, organization.managedTeam(viewer, metric.teamId()).name(), titled(metric.courseIds()),
				records.values(metric.id()));
	}

	/** 422 per field; 409 when someone saved since {@code change.revision()} was read. */
	@Transactional
	public OutcomeMetric change(Viewer viewer, String id, OutcomeMetricChange change) {
		OutcomeMetric metric = metric(viewer, id);
		check(viewer, metric.teamId(), metric, change);
		if (change.parsedGranularity() != metric.granularity() && !records.values(metric.id()).isEmpty()) {
			throw new InvalidInputException("The metric was not saved.", Map.of("granularity",
					"The values are per " + metric.granularity().noun() + "; delete them before measuring per "
							+ change.parsedGranularity().noun() + "."));
		}
		if (!records.update(metric.id(), change, viewer.id(), clock.instant())) {
			throw new ConflictException("This metric was changed by someone else since you opened it; reload it and "
					+ "make your change again.");
		}
		return records.metric(metric.id(), false).orElseThrow();
	}

	/** Deletes softly: the team page offers to undo it, and the values are kept. */
	@Transactional
	public OutcomeMetric delete(Viewer viewer, String id) {
		OutcomeMetric metric = metric(viewer, id);
		records.markDeleted(metric.id(), viewer.id(), clock.instant());
		return metric;
	}

	@Transactional
	public OutcomeMetric restore(Viewer viewer, String id) {
		OutcomeMetric metric = records.metric(id == null ? "" : id, true)
			.filter(m -> organization.canManage(viewer, m.teamId()))
			.orElseThrow(() -> new NotFoundException("Outcome"));
		if (records.isDeleted(metric.id())) {
			records.restore(metric.id());
		}
		return records.metric(metric.id(), false).orElseThrow();
	}

	@Transactional(readOnly = true)
	public SortedMap<LocalDate, Double> values(Viewer viewer, String id) {
		return records.values(metric(viewer, id).id());
	}

	/**
	 * Adds or replaces the value of a period; true when it was added. 422 with a message for {@code period} or
	 * {@code value}.
	 */
	@Transactional
	public boolean putValue(Viewer viewer, String id, String period, Double value) {
		OutcomeMetric metric = metric(viewer, id);
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate start = period(period);
		String periodProblem = start == null ? "Give the first day of the period as a date such as 2026-03-02."
				: sentence(OutcomeValueRules.periodProblem(start, metric.granularity(), today()));
		if (periodProblem != null) {
			errors.put("period", periodProblem);
		}
		String valueProblem = sentence(OutcomeValueRules.valueProblem(value));
		if (valueProblem != null) {
			errors.put("value", valueProblem);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The value was not saved.", errors);
		}
		SortedMap<LocalDate, Double> saved = records.values(metric.id());
		if (!saved.containsKey(start) && saved.size() >= MAX_VALUES) {
			throw new InvalidInputException("period", "A metric holds at most " + MAX_VALUES
					+ " values; delete old ones first.");
		}
		return records.putValue(metric.id(), start, value, viewer.id(), clock.instant());
	}

	/** 404 when the period has no value. */
	@Transactional
	public void deleteValue(Viewer viewer, String id, String period) {
		OutcomeMetric metric = metric(viewer, id);
		LocalDate start = period(period);
		// a period no value can have (before 2000, in the future) has no value to delete
		if (start == null || OutcomeValueRules.periodProblem(start, metric.granularity(), today()) != null
				|| !records.deleteValue(metric.id(), start)) {
			throw new NotFoundException("Value");
		}
	}

	/**
	 * Imports a values file (see {@link OutcomeValuesCsv}): all lines or none. 413 above the size limit; 422 with a
	 * message per bad line.
	 */
	@Transactional
	public Imported importValues(Viewer viewer, String id, byte[] file) {
		OutcomeMetric metric = metric(viewer, id);
		SortedMap<LocalDate, Double> incoming = OutcomeValuesCsv.parse(file, metric.granularity(), today());
		SortedMap<LocalDate, Double> saved = records.values(metric.id());
		long fresh = incoming.keySet().stream().filter(p -> !saved.containsKey(p)).count();
		if (saved.size() + fresh > MAX_VALUES) {
			throw new InvalidInputException("file", "Nothing was imported: a metric holds at most " + MAX_VALUES
					+ " values and this file would bring it to " + (saved.size() + fresh) + ".");
		}
		int added = 0;
		int updated = 0;
		for (var entry : incoming.entrySet()) {
			if (records.putValue(metric.id(), entry.getKey(), entry.getValue(), viewer.id(), clock.instant())) {
				added++;
			}
			else {
				updated++;
			}
		}
		return new Imported(added, updated);
	}

	/** The metric over time beside the rollout of its courses, completed or mastered. */
	@Transactional(readOnly = true)
	public OutcomeReport report(Viewer viewer, String id, OutcomeReport.Basis basis) {
		OutcomeMetric metric = metric(viewer, id);
		Team team = organization.managedTeam(viewer, metric.teamId());
		Set<PersonId> members = access.membersOf(Set.of(team.id()));
		var done = records.doneWithAll(metric.courseIds(),
				basis == OutcomeReport.Basis.MASTERED ? Verb.MASTERED : Verb.COMPLETED, members);
		return OutcomeReport.compute(metric, team.name(), titled(metric.courseIds()), basis, members.size(),
				new ArrayList<>(done.values()), records.values(metric.id()));
	}

	/** The first day of the current period's day, in UTC, for refusing values of periods not yet begun. */
	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private void check(Viewer viewer, TeamId team, OutcomeMetric current, OutcomeMetricChange change) {
		Map<String, String> errors = new LinkedHashMap<>(change.errors());
		if (current != null && change.revision() == null) {
			errors.put("revision", "Send the revision you last read, to avoid overwriting a newer save.");
		}
		if (!errors.containsKey("courseIds")) {
			Set<String> allowed = linkableCourses(viewer, team, current).stream()
				.map(OutcomeReport.LinkedCourse::id)
				.collect(Collectors.toSet());
			List<String> unknown = change.courses().stream().filter(c -> !allowed.contains(c)).toList();
			if (!unknown.isEmpty()) {
				errors.put("courseIds", "Link published courses only; not found: " + String.join(", ",
						unknown.stream().map(u -> u.length() > 40 ? u.substring(0, 40) + "…" : u).toList()) + ".");
			}
		}
		if (!errors.containsKey("name")) {
			boolean taken = records.ofTeam(team, false)
				.stream()
				.anyMatch(m -> (current == null || !m.id().equals(current.id()))
						&& m.name().equalsIgnoreCase(change.cleanName()));
			if (taken) {
				errors.put("name", "The team already has a metric with this name.");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The metric was not saved.", errors);
		}
	}

	private List<OutcomeReport.LinkedCourse> titled(List<CourseId> courses) {
		Map<CourseId, String> titles = authoring.titles(courses);
		return courses.stream()
			.map(c -> new OutcomeReport.LinkedCourse(c.value(), titles.getOrDefault(c, c.value())))
			.toList();
	}

	private static LocalDate period(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static String sentence(String problem) {
		return problem == null ? null : Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".";
	}
}
