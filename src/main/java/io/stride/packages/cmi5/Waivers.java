package io.stride.packages.cmi5;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.packages.scorm.PackageLessons;
import io.stride.packages.scorm.Packages;
import io.stride.shared.ControlCharacters;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.xapi.LmsWrites;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A manager (of a team the learner is in, or above it) or an admin waives an AU for a learner with a reason (cmi5
 * §9.3.7): recorded as {@code waived} with Stride as authority, and the AU counts as moved on, so its lesson is done
 * and the course may be satisfied. Anyone else gets "not found", as for a learner they can't see.
 */
@Service
@Transactional
public class Waivers {

	public static final int MAX_REASON = 500;

	private final Authoring authoring;

	private final Organization organization;

	private final PackageLessons lessons;

	private final Packages packages;

	private final AssignableUnits units;

	private final Cmi5Sessions sessions;

	private final Satisfaction satisfaction;

	private final Cmi5Launches launches;

	private final LmsWrites lrs;

	private final Clock clock;

	Waivers(Authoring authoring, Organization organization, PackageLessons lessons, Packages packages,
			AssignableUnits units, Cmi5Sessions sessions, Satisfaction satisfaction, Cmi5Launches launches,
			LmsWrites lrs, Clock clock) {
		this.authoring = authoring;
		this.organization = organization;
		this.lessons = lessons;
		this.packages = packages;
		this.units = units;
		this.sessions = sessions;
		this.satisfaction = satisfaction;
		this.launches = launches;
		this.lrs = lrs;
		this.clock = clock;
	}

	/** @return the waived statement's id, or null when the AU had moved on already (nothing to waive) */
	public String waive(Viewer manager, PersonId learner, CourseId courseId, String lessonId, String reason) {
		Viewer person = organization.viewerOf(learner);
		boolean allowed = manager.isAdmin()
				|| person.teamIds().stream().anyMatch(team -> organization.canManage(manager, team));
		if (!allowed || manager.is(learner)) {
			throw new NotFoundException("Learner");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidInputException("reason", "Say why the AU is waived; the learner's record keeps it.");
		}
		if (why.length() > MAX_REASON || ControlCharacters.in(why)) {
			throw new InvalidInputException("reason", "The reason may have at most " + MAX_REASON
					+ " characters and no control characters.");
		}
		Course course = authoring.deliveredTo(learner, courseId);
		Lesson lesson = course.lesson(lessonId).orElseThrow(() -> new NotFoundException("Lesson"));
		Packages.Item item = lessons.itemOf(courseId, lesson).orElseThrow(() -> new InvalidInputException("lessonId",
				"This lesson plays no cmi5 AU; only an AU can be waived."));
		AssignableUnits.Unit unit = units.ofItem(item.id()).orElseThrow(() -> new InvalidInputException("lessonId",
				"This lesson plays no cmi5 AU; only an AU can be waived."));
		Cmi5Sessions.Registration known = sessions.registration(item.packageId(), learner, courseId.value());
		Cmi5Sessions.Registration registration = sessions.lockRegistration(known.id()).orElseThrow();
		Cmi5Sessions.Progress progress = sessions.progress(registration.id(), item.id());
		if (progress.satisfiedAt() != null) {
			return null;
		}
		Instant now = clock.instant();
		ObjectNode agent = launches.agent(learner);
		// a waiver happens outside any session; cmi5 still wants a session id on it, so it gets one of its own
		String sessionId = UUID.randomUUID().toString();
		ObjectNode s = satisfaction.lmsStatement(agent, Cmi5.WAIVED, "waived", unit.auIri(), registration.id(),
				sessionId, now);
		ObjectNode result = s.putObject("result");
		result.put("success", true).put("completion", true);
		result.putObject("extensions").put(Cmi5.REASON, "Administrative");
		result.put("response", why);
		String id = lrs.record(List.of(s)).getFirst();
		Cmi5Sessions.Progress waived = new Cmi5Sessions.Progress(progress.registrationId(), progress.itemId(),
				progress.completed(), progress.passed(), progress.failed(), null, manager.id().value(), why);
		sessions.saveProgress(waived);
		satisfaction.follow(registration, unit, waived, lesson.id(), agent, sessionId, now);
		return id;
	}
}
