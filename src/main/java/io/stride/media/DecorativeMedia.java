package io.stride.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.media.internal.MediaItems;
import io.stride.standards.DecorativeImages;
import org.springframework.stereotype.Component;

/**
 * Tells the template check which images are decorative: a {@code /media/ID} image (perhaps with a title) whose
 * record the author marked decorative when uploading it. Any other image keeps needing alternative text.
 */
@Component
class DecorativeMedia implements DecorativeImages {

	private static final Pattern MEDIA = Pattern.compile("^/media/([A-Za-z0-9-]{1,64})(?:\\s+\"[^\"]*\")?$");

	private final MediaItems items;

	DecorativeMedia(MediaItems items) {
		this.items = items;
	}

	@Override
	public boolean decorative(String target) {
		Matcher media = MEDIA.matcher(target == null ? "" : target.strip());
		return media.matches() && items.find(media.group(1))
			.filter(item -> item.kind() == MediaKind.IMAGE && item.decorative())
			.isPresent();
	}
}
