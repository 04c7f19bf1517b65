package io.stride.media;

import java.util.LinkedHashMap;
import java.util.List;
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
		Map<String, MediaItem> found = items.found(ids);
		Map<String, List<Integer>> widths = items.widthsOf(found.keySet());
		found.forEach((id, item) -> facts.put(id, new Markdown.MediaFacts(item.width(), item.height(),
				widths.getOrDefault(id, List.of()), item.captionsLanguage())));
		return facts;
	}

	@Override
	public void destroy() {
		registration.run();
	}
}
