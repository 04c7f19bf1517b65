package io.stride.media;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.stride.media.internal.MediaItems;
import io.stride.shared.Markdown;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Tells the lesson renderer ({@link Markdown}) what it shows of uploaded files: an image's size and narrower widths
 * (for width, height and srcset) and a video's captions language. Only files Stride keeps are described; what the
 * renderer makes of them is fixed markup, never author text.
 */
@Component
class LessonMediaFacts implements Markdown.MediaLookup, DisposableBean {

	private final MediaItems items;

	private final Runnable registration;

	LessonMediaFacts(MediaItems items) {
		this.items = items;
		this.registration = Markdown.describeMediaWith(this);
	}

	@Override
	public Map<String, Markdown.MediaFacts> facts(Set<String> ids) {
		Map<String, Markdown.MediaFacts> facts = new LinkedHashMap<>();
		items.found(ids).forEach((id, item) -> facts.put(id, new Markdown.MediaFacts(item.width(), item.height(),
				item.kind() == MediaKind.IMAGE ? items.widths(id).stream().map(MediaItems.Width::width).toList()
						: java.util.List.of(),
				item.captionsLanguage())));
		return facts;
	}

	@Override
	public void destroy() {
		registration.run();
	}
}
