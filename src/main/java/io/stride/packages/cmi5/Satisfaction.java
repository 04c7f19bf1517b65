package io.stride.packages.cmi5;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.stride.authoring.CourseId;
import io.stride.delivery.Delivery;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.xapi.LmsWrites;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * When an AU's moveOn holds (cmi5 §13.1.4, or it was waived) its lesson is done, through delivery like any lesson a
 * package completes; when every AU of the course has moved on, the course is {@code satisfied} (cmi5 §9.3.9), recorded
 * once by Stride as the LMS. Also makes the statements Stride records as the LMS.
 */
@Component
class Satisfaction {

	private final Cmi5Sessions sessions;

	private final AssignableUnits units;

	private final Delivery delivery;

	private final Organization organization;

	private final LmsWrites lrs;

	private final JsonMapper json;

	Satisfaction(Cmi5Sessions sessions, AssignableUnits units, Delivery delivery, Organization organization, LmsWrites lrs,
			JsonMapper json) {
		this.sessions = sessions;
		this.units = units;
		this.delivery = delivery;
		this.organization = organization;
		this.lrs = lrs;
		this.json = json;
	}

	/** Whether what the AU reported meets its moveOn. */
	static boolean moveOnMet(String moveOn, Cmi5Sessions.Progress p) {
		return switch (moveOn) {
			case "Passed" -> p.passed();
			case "Completed" -> p.completed();
			case "CompletedAndPassed" -> p.completed() && p.passed();
			case "CompletedOrPassed" -> p.completed() || p.passed();
			default -> true;
		};
	}

	/**
	 * Records what follows from the AU's progress in the registration: its lesson done once it moved on, and the
	 * course satisfied once all have.
	 */
	void follow(Cmi5Sessions.Registration registration, AssignableUnits.Unit unit, Cmi5Sessions.Progress progress,
			String lessonId, ObjectNode agent, String sessionId, Instant now) {
		boolean movedOn = progress.waivedBy() != null || moveOnMet(unit.moveOn(), progress);
		if (!movedOn || progress.satisfiedAt() != null) {
			return;
		}
		sessions.saveProgress(new Cmi5Sessions.Progress(progress.registrationId(), progress.itemId(), progress.completed(),
				progress.passed(), progress.failed(), now, progress.waivedBy(), progress.waivedReason()));
		PersonId person = registration.personId();
		String name = organization.contactOf(person).map(Person::name).orElse("");
		delivery.completeLesson(person, name, new CourseId(registration.courseId()), lessonId);
		List<AssignableUnits.Unit> all = units.ofPackage(unit.packageId());
		long satisfied = sessions.progressOf(registration.id()).stream().filter(p -> p.satisfiedAt() != null).count();
		if (satisfied >= all.size() && sessions.markCourseSatisfied(registration.id(), now)) {
			ObjectNode s = lmsStatement(agent, Cmi5.SATISFIED, "satisfied", unit.courseIri(), registration.id(), sessionId,
					now);
			((ObjectNode) s.get("object")).putObject("definition")
				.put("type", "https://w3id.org/xapi/cmi5/activitytype/course");
			lrs.record(List.of(s));
		}
	}

	/** A cmi5 defined statement as the LMS makes it (cmi5 §9: the cmi5 category, the registration, the session). */
	ObjectNode lmsStatement(ObjectNode agent, String verb, String display, String objectId, String registration,
			String sessionId, Instant at) {
		ObjectNode s = json.createObjectNode();
		s.put("id", UUID.randomUUID().toString());
		s.set("actor", agent.deepCopy());
		ObjectNode v = s.putObject("verb");
		v.put("id", verb);
		v.putObject("display").put("en-US", display);
		s.putObject("object").put("objectType", "Activity").put("id", objectId);
		ObjectNode context = s.putObject("context");
		context.put("registration", registration);
		context.putObject("contextActivities").putArray("category").addObject().put("id", Cmi5.CATEGORY);
		context.putObject("extensions").put(Cmi5.SESSION_ID, sessionId);
		s.put("timestamp", at.toString());
		return s;
	}
}
