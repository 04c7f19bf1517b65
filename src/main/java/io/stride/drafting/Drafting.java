package io.stride.drafting;

import java.util.ArrayList;
import java.util.List;

import io.stride.drafting.internal.ExtractedSource;
import io.stride.drafting.internal.OfflineEngine;
import io.stride.drafting.internal.SourceReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Turns uploaded files and pasted text into a {@link CourseDraft}. A file that can't be used is refused with
 * a {@link SourceRejected} naming it; nothing is stored here, so a refused file loses nothing.
 */
@Service
public class Drafting {

	private final SourceReader reader;

	private final OfflineEngine offline;

	private final int maxFiles;

	Drafting(SourceReader reader, OfflineEngine offline, @Value("${stride.drafting.max-files:10}") int maxFiles) {
		this.reader = reader;
		this.offline = offline;
		this.maxFiles = maxFiles;
	}

	public CourseDraft draft(List<SourceFile> files, String text) {
		List<SourceFile> given = files == null ? List.of() : files.stream().filter(f -> f.content().length > 0 || !f.name().equals("upload")).toList();
		boolean hasText = text != null && !text.isBlank();
		if (given.isEmpty() && !hasText) {
			throw new SourceRejected(422, "input", "is empty: upload a file or paste some text.");
		}
		if (given.size() > maxFiles) {
			throw new SourceRejected(413, given.get(maxFiles).name(), "is one file too many: draft from at most " + maxFiles + " files at once.");
		}
		List<ExtractedSource> sources = new ArrayList<>();
		int characters = 0;
		for (SourceFile file : given) {
			ExtractedSource source = reader.read(file);
			characters += source.text().length();
			if (characters > reader.maxChars()) {
				throw new SourceRejected(422, file.name(), "brings the total text over " + reader.maxChars()
						+ " characters. Draft from fewer or shorter files.");
			}
			sources.add(source);
		}
		if (hasText) {
			sources.add(reader.readText(text));
		}
		return offline.draft(sources);
	}
}
