package io.stride.packages.web;

import java.util.Map;
import java.util.Set;

import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.identity.Organization;
import io.stride.packages.cmi5.Cmi5Launches;
import io.stride.shared.web.PagePart;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Launches a cmi5 AU on delivery's lesson page when the lesson plays one (as {@link PlayerOnTheLessonPage} does for a
 * SCO): each opening of the page is a launch, a new session, and the template's {@code packages/cmi5 :: launch}
 * shows the AU in the sandboxed frame or, for a remote AU or launchMethod OwnWindow, a link that opens it.
 */
@Component
class Cmi5OnTheLessonPage implements PagePart {

	private final Cmi5Launches launches;

	private final Organization organization;

	Cmi5OnTheLessonPage(Cmi5Launches launches, Organization organization) {
		this.launches = launches;
		this.organization = organization;
	}

	@Override
	public Set<String> views() {
		return Set.of("learning/lesson");
	}

	@Override
	public void fillIn(String view, Map<String, Object> model) {
		if (model.get("course") instanceof Course course && model.get("lesson") instanceof Lesson lesson) {
			String address = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
			launches.launch(organization.currentViewer(), course, lesson, address)
				.ifPresent(launch -> model.put("cmi5Launch", launch));
		}
	}
}
