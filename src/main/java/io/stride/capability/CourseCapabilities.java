package io.stride.capability;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.authoring.CourseId;
import io.stride.capability.internal.CourseLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which capabilities a course counts for, as the catalogue of courses shows and filters them. Capability names and
 * the courses their rules name are not private to anyone (every course in the catalogue may be started by anyone),
 * so nothing is checked here.
 */
@Service
@Transactional(readOnly = true)
public class CourseCapabilities {

	/** An active capability and the courses its evidence rules name. */
	public record Linked(CapabilityId id, String name, Set<CourseId> courses) {
	}

	private final CourseLinks links;

	CourseCapabilities(CourseLinks links) {
		this.links = links;
	}

	/** The courses any rule of the capability names. */
	public Set<CourseId> coursesFor(CapabilityId capability) {
		return links.coursesOf(capability);
	}

	/** The courses that count for an active capability whose name holds the text, in any case. */
	public Set<CourseId> coursesForCapabilitiesNamed(String text) {
		return links.coursesOfActiveNamed(text);
	}

	/** The active capabilities each course counts for, by name. */
	public Map<CourseId, List<String>> namesByCourse(Collection<CourseId> courses) {
		return links.activeNamesByCourse(courses);
	}

	/** Every active capability whose rules name a course, in name order. */
	public List<Linked> withCourses() {
		return links.activeWithCourses().stream().map(l -> new Linked(l.id(), l.name(), l.courses())).toList();
	}
}
