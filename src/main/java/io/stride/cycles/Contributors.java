package io.stride.cycles;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.authoring.LibraryCourse;
import io.stride.capability.CapabilityProfiles;
import io.stride.feedback.CourseReactions;
import io.stride.feedback.Feedback;
import io.stride.feedback.ReactionScore;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contributor recognition: what a person gave the organization's learning (courses written and who takes them, how
 * learners reacted, validations given, kudos received), and a team tree's contributors of a month.
 */
@Service
@Transactional(readOnly = true)
public class Contributors {

	/** A published course the person wrote, with how many people take it and how they reacted to its lessons. */
	public record CourseContribution(CourseId courseId, String title, int learners, ReactionScore reactions) {
	}

	/**
	 * {@code learners} adds up each course's learners: someone taking two of the courses counts twice, as two
	 * courses reached them.
	 */
	public record Contributions(PersonId personId, String name, List<CourseContribution> courses, int learners,
			int validationsGiven, int kudosReceived) {
	}

	/** One person's contributions in a month; {@code total} adds the three counts and ranks the list. */
	public record Contributor(PersonId personId, String name, int coursesPublished, int validationsGiven,
			int kudosReceived) {

		public int total() {
			return coursesPublished + validationsGiven + kudosReceived;
		}
	}

	private static final Instant EVER = Instant.EPOCH;

	private static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

	private final Organization organization;

	private final Authoring authoring;

	private final Feedback feedback;

	private final CapabilityProfiles capabilities;

	private final Kudos kudos;

	private final Clock clock;

	Contributors(Organization organization, Authoring authoring, Feedback feedback, CapabilityProfiles capabilities,
			Kudos kudos, Clock clock) {
		this.organization = organization;
		this.authoring = authoring;
		this.feedback = feedback;
		this.capabilities = capabilities;
		this.kudos = kudos;
		this.clock = clock;
	}

	/** A person's contributions; for the person, their managers and admins (404 otherwise). */
	public Contributions profile(Viewer viewer, PersonId person) {
		Person who = organization.person(viewer, person);
		List<LibraryCourse> courses = authoring.libraryOf(who.id())
			.stream()
			.filter(LibraryCourse::isLive)
			.sorted(Comparator.comparing(LibraryCourse::title, String.CASE_INSENSITIVE_ORDER))
			.toList();
		List<CourseId> ids = courses.stream().map(LibraryCourse::id).toList();
		Map<CourseId, Integer> learners = authoring.learnersPerCourse(ids);
		Map<CourseId, CourseReactions> reactions = feedback.reactionsAmong(ids, null);
		List<CourseContribution> rows = courses.stream()
			.map(c -> new CourseContribution(c.id(), c.title(), learners.getOrDefault(c.id(), 0),
					reactions.getOrDefault(c.id(), CourseReactions.NONE).score()))
			.toList();
		int total = rows.stream().mapToInt(CourseContribution::learners).sum();
		return new Contributions(who.id(), who.name(), rows, total,
				capabilities.validationsGiven(List.of(who.id()), EVER, NEVER).getOrDefault(who.id(), 0),
				kudos.receivedCounts(List.of(who.id()), EVER, NEVER).getOrDefault(who.id(), 0));
	}

	/** The month (UTC) it is now, for a page asked without one. */
	public YearMonth currentMonth() {
		return YearMonth.now(clock.withZone(ZoneOffset.UTC));
	}

	/**
	 * The people of the team tree who, in the month (UTC), first published a course, gave validations or received
	 * kudos, most first (then by name); for managers of the tree and admins (404 otherwise).
	 */
	public List<Contributor> ofTheMonth(Viewer viewer, TeamId team, YearMonth month) {
		Team found = organization.managedTeam(viewer, team);
		List<Person> people = organization.membersOfTeamTree(found.id());
		Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant until = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Set<PersonId> ids = people.stream().map(Person::id).collect(Collectors.toSet());
		Map<PersonId, Integer> published = new HashMap<>();
		for (LibraryCourse course : authoring.library()) {
			Instant at = course.firstPublishedAt();
			if (at != null && !at.isBefore(from) && at.isBefore(until) && ids.contains(course.authorId())) {
				published.merge(course.authorId(), 1, Integer::sum);
			}
		}
		Map<PersonId, Integer> validations = capabilities.validationsGiven(ids, from, until);
		Map<PersonId, Integer> thanked = kudos.receivedCounts(ids, from, until);
		List<Contributor> result = new ArrayList<>();
		for (Person person : people) {
			Contributor c = new Contributor(person.id(), person.name(), published.getOrDefault(person.id(), 0),
					validations.getOrDefault(person.id(), 0), thanked.getOrDefault(person.id(), 0));
			if (c.total() > 0) {
				result.add(c);
			}
		}
		result.sort(Comparator.comparingInt(Contributor::total).reversed()
			.thenComparing(Contributor::name, String.CASE_INSENSITIVE_ORDER));
		return result;
	}
}
