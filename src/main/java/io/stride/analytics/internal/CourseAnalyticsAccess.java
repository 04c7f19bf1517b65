package io.stride.analytics.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stride.analytics.course.CourseAnalyticsFilter;
import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Role;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.review.Reviews;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see whose figures: a course's editors, admins and L&D reviewers see every learner; a manager sees the
 * learners of their team tree; everyone else is told the course does not exist, as elsewhere.
 */
@Component
public class CourseAnalyticsAccess {

	private final Authoring authoring;

	private final Organization organization;

	private final Reviews reviews;

	CourseAnalyticsAccess(Authoring authoring, Organization organization, Reviews reviews) {
		this.authoring = authoring;
		this.organization = organization;
		this.reviews = reviews;
	}

	/**
	 * Admins and the L&D team (reviewers set up for all topics, as a reviewer nobody has set up is) see the figures of
	 * every course and every learner; topic and compliance reviewers see those of the courses they write.
	 */
	public boolean seesAll(Viewer viewer) {
		return viewer.isAdmin()
				|| (viewer.roles().contains(Role.REVIEWER) && reviews.profile(viewer.id()).learningTeam());
	}

	/** Whether the viewer sees every learner of this course: its editors and whoever {@link #seesAll sees all}. */
	public boolean seesEveryone(Viewer viewer, Course course) {
		return Authoring.mayEdit(viewer, course) || seesAll(viewer);
	}

	/**
	 * The course and the learners whose figures the viewer gets.
	 * @param learners null for everyone
	 * @param team the team filtered by, or null
	 */
	public record Scope(Course course, Set<PersonId> learners, Team team) {

		public List<String> actorIds() {
			return learners == null ? null : learners.stream().map(PersonId::value).toList();
		}
	}

	/**
	 * 404 for a course the viewer may not analyse; 422 for an unknown team for those who see every team, 404 for any
	 * team a manager does not manage.
	 */
	public Scope scope(Viewer viewer, CourseId courseId, CourseAnalyticsFilter filter) {
		boolean seesAll = seesAll(viewer);
		Course visible = seesAll ? authoring.forReview(courseId) : authoring.course(viewer, courseId);
		boolean seesEveryone = seesAll || Authoring.mayEdit(viewer, visible);
		if (!seesEveryone && !viewer.isManager()) {
			throw new NotFoundException("Course");
		}
		// learners take the published version; its lessons are the funnel, not those of a draft in progress
		Course course = seesEveryone && visible.isLive() ? authoring.published(courseId) : visible;
		if (filter.team() == null) {
			return new Scope(course, seesEveryone ? null : membersOf(viewer.manages()), null);
		}
		Optional<Team> known = organization.allTeams().stream().filter(t -> t.id().equals(filter.team())).findFirst();
		if (!seesEveryone && (known.isEmpty() || !organization.canManage(viewer, known.get().id()))) {
			// a manager learns nothing of teams that are not theirs, not even whether the id exists
			throw new NotFoundException("Team");
		}
		Team team = known.orElseThrow(() -> new InvalidInputException("teamId",
				"There is no team with the id “" + cut(filter.team().value())
				+ "”; pick one of the teams offered."));
		return new Scope(course, membersOf(Set.of(team.id())), team);
	}

	/** The teams the viewer may filter a course's figures by. */
	public List<Team> teams(Viewer viewer, Course course) {
		if (seesEveryone(viewer, course)) {
			return organization.allTeams();
		}
		return organization.teamsManagedBy(viewer);
	}

	/** Whether the viewer manages the team or a team above it (admins manage all). */
	public boolean manages(Viewer viewer, TeamId team) {
		return organization.canManage(viewer, team);
	}

	/** Active members of the teams and every team below them. */
	public Set<PersonId> membersOf(Set<TeamId> teams) {
		Set<PersonId> members = new LinkedHashSet<>();
		for (TeamId team : teams) {
			organization.membersOfTeamTree(team).stream().map(Person::id).forEach(members::add);
		}
		return members;
	}

	private static String cut(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "…";
	}
}
