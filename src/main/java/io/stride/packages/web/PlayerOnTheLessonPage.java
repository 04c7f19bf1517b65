package io.stride.packages.web;

import java.util.Map;
import java.util.Set;

import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.identity.Organization;
import io.stride.packages.scorm.ScormPlayer;
import io.stride.shared.web.PagePart;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the player on delivery's lesson page when the lesson plays a package item. That page belongs to delivery,
 * which knows nothing of packages: its template includes this module's fragment ({@code packages/player}), filled
 * in here after delivery opened the lesson for the learner.
 */
@Component
class PlayerOnTheLessonPage implements PagePart {

	private final ScormPlayer player;

	private final Organization organization;

	private final JsonMapper json;

	PlayerOnTheLessonPage(ScormPlayer player, Organization organization, JsonMapper json) {
		this.player = player;
		this.organization = organization;
		this.json = json;
	}

	/** What the fragment shows and the player script reads. */
	record Player(String title, String runtime, String contentUrl, String commitUrl, long sequence, String data) {
	}

	@Override
	public Set<String> views() {
		return Set.of("learning/lesson");
	}

	@Override
	public void fillIn(String view, Map<String, Object> model) {
		if (model.get("course") instanceof Course course && model.get("lesson") instanceof Lesson lesson) {
			player.launch(organization.currentViewer(), course, lesson)
				.ifPresent(launch -> model.put("packagePlayer", new Player(launch.itemTitle(),
						launch.standard().runtime(), launch.contentUrl(), launch.commitUrl(), launch.sequence(),
						json.writeValueAsString(launch.initialData()))));
		}
	}
}
