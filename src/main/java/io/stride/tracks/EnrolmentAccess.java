package io.stride.tracks;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.stride.capability.LearningTeam;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.NotFoundException;
import io.stride.tracks.internal.EnrolmentRows;
import org.springframework.stereotype.Component;

/**
 * Who may see and decide enrolments: the person sees their own; their managers (of one of their teams or above it in
 * the tree), L&D and admins see them and decide requests. Nobody decides their own request.
 */
@Component
class EnrolmentAccess {

	private final Organization organization;

	private final LearningTeam learningTeam;

	private final EnrolmentRows rows;

	EnrolmentAccess(Organization organization, LearningTeam learningTeam, EnrolmentRows rows) {
		this.organization = organization;
		this.learningTeam = learningTeam;
		this.rows = rows;
	}

	/** L&D and admins act on every enrolment. */
	boolean actsOnAll(Viewer viewer) {
		return viewer.isAdmin() || learningTeam.includes(viewer);
	}

	/** May approve, decline, release early and confirm for this person: their manager, L&D or an admin; never themselves. */
	boolean mayDecideFor(Viewer viewer, PersonId person) {
		if (viewer.is(person)) {
			return false;
		}
		return actsOnAll(viewer) || viewer.isManager() && organization.canSee(viewer, person);
	}

	boolean maySee(Viewer viewer, PersonId person) {
		return viewer.is(person) || mayDecideFor(viewer, person);
	}

	/** The enrolment, if the viewer may see it; "not found" otherwise, so that others' enrolments stay unknown. */
	Enrolment visible(Viewer viewer, String id) {
		Enrolment enrolment = rows.find(id).orElseThrow(() -> new NotFoundException("Enrolment"));
		if (!maySee(viewer, enrolment.personId())) {
			throw new NotFoundException("Enrolment");
		}
		return enrolment;
	}

	/** The people whose enrolments the viewer manages; null for everyone (L&D and admins). */
	Set<PersonId> managedPeople(Viewer viewer) {
		if (actsOnAll(viewer)) {
			return null;
		}
		Set<PersonId> people = new HashSet<>();
		for (var team : viewer.manages()) {
			organization.membersOfTeamTree(team).stream().map(Person::id).forEach(people::add);
		}
		people.remove(viewer.id());
		return people;
	}

	String nameOf(PersonId person) {
		var credit = organization.credits(List.of(person)).get(person);
		return credit == null ? "Someone" : credit.name();
	}
}
