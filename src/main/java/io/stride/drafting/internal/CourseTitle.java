package io.stride.drafting.internal;

import java.util.List;

/**
 * A course is named by what its document is named: its own top heading, else the title its file gives it (front
 * matter, an HTML title, a DOCX or PDF title property when it is real), else its file name. Never by a phrase from
 * its body: that read as a random phrase where a title belongs.
 */
final class CourseTitle {

	private CourseTitle() {
	}

	/** @param headingTitles per source, the heading that names it as its outline found it (or null) */
	static String of(List<ExtractedSource> sources, List<String> headingTitles) {
		for (int i = 0; i < sources.size(); i++) {
			String heading = i < headingTitles.size() ? Outline.clean(headingTitles.get(i)) : null;
			if (heading != null && !heading.isBlank()) {
				return heading;
			}
			String given = sources.get(i).meta(ExtractedSource.TITLE);
			if (given != null && !given.isBlank()) {
				return given;
			}
		}
		return fromName(sources.get(0));
	}

	private static String fromName(ExtractedSource source) {
		String name = source.name();
		String plain = name.replaceAll("\\.[^.]+$", "").replaceAll("[-_]+", " ").strip();
		if (name.matches("(?i).*\\.(vtt|srt)$")) {
			return "Notes from " + plain;
		}
		if (name.equals("text") || plain.isEmpty()) {
			// pasted text has no name: its first heading, if it has one, is the best there is
			return source.blocks().stream().filter(b -> b.is(Block.Kind.HEADING)).map(Block::text).findFirst()
				.orElse("Untitled course");
		}
		return Words.capitalize(plain);
	}
}
