package io.stride.media;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.identity.Viewer;
import io.stride.standards.AccessibilityRule;
import io.stride.standards.CourseTemplate;
import io.stride.standards.CourseToCheck;
import io.stride.standards.Finding;
import io.stride.standards.RequiredPart;
import io.stride.standards.Templates;
import io.stride.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The template's "images need alternative text" check and images the author marked decorative when uploading. */
@SpringBootTest
class DecorativeImageCheckTests {

	static final CourseTemplate ALT_TEXT = new CourseTemplate("a", "Alt text", "", EnumSet.noneOf(RequiredPart.class),
			null, null, 0, null, List.of(), EnumSet.of(AccessibilityRule.IMAGES_NEED_ALT_TEXT), false, 1, Instant.now());

	@Autowired
	Fixtures fixtures;

	@Autowired
	Authoring authoring;

	@Autowired
	CourseMedia media;

	@Autowired
	Templates templates;

	@Test
	void anEmptyAltIsMeantOnlyForAnImageWhoseRecordIsDecorative() {
		var org = fixtures.organization();
		Viewer author = fixtures.viewer(org.managerA());
		Course draft = authoring.create(author, Fixtures.sampleCourse("Pictures " + org.suffix()));
		MediaItem rule = upload(author, draft, "rule.png", null, true);
		MediaItem chart = upload(author, draft, "chart.png", "Pipeline by stage", false);

		String markdown = "Intro.\n\n![](/media/" + rule.id() + ")\n\n![](/media/" + rule.id() + " \"A rule\")\n\n"
				+ "![](/media/" + chart.id() + ")\n\n![](/media/no-such-image)\n\n![](https://example.org/x.png)";
		CourseToCheck course = new CourseToCheck("Pictures", "", List.of(),
				List.of(new CourseToCheck.Lesson("Look", markdown)), 0);

		assertThat(templates.findings(ALT_TEXT, course)).extracting(Finding::message).containsExactly(
				"Lesson 'Look': an image (/media/" + chart.id() + ") has no alternative text",
				"Lesson 'Look': an image (/media/no-such-image) has no alternative text",
				"Lesson 'Look': an image (https://example.org/x.png) has no alternative text");
		// without the media records (the static check) every empty alt is a finding
		assertThat(Templates.check(ALT_TEXT, course)).hasSize(5);
	}

	private MediaItem upload(Viewer author, Course draft, String name, String alt, boolean decorative) {
		byte[] png = MediaFixtures.image("png", 120, 60);
		return media.upload(author, draft.id(), new CourseMedia.Upload(
				new CourseMedia.UploadedFile(name, png.length, new ByteArrayResource(png)), alt, decorative, null, null));
	}
}
