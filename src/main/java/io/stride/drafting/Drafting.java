package io.stride.drafting;

import java.util.ArrayList;
import java.util.List;

import io.stride.drafting.internal.Drafts;
import io.stride.drafting.internal.ExtractedSource;
import io.stride.drafting.internal.LlmEngine;
import io.stride.drafting.internal.OfflineEngine;
import io.stride.drafting.internal.SourceReader;
import io.stride.identity.Viewer;
import io.stride.shared.Ids;
import io.stride.shared.NotFoundException;
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

	private final Drafts drafts;

	private final LlmEngine llm;

	Drafting(SourceReader reader, OfflineEngine offline, @Value("${stride.drafting.max-files:10}") int maxFiles,
			Drafts drafts, LlmEngine llm) {
		this.reader = reader;
		this.offline = offline;
		this.maxFiles = maxFiles;
		this.drafts = drafts;
		this.llm = llm;
	}

	/** A saved draft: what the author reviews before turning it into a course. */
	public record SavedDraft(String id, CourseDraft draft, java.time.Instant createdAt) {
	}

	/** Drafts and keeps the draft for its author. */
	public SavedDraft draftAndKeep(Viewer author, List<SourceFile> files, String text) {
		CourseDraft draft = draft(files, text);
		String id = Ids.newId();
		drafts.insert(id, author.id(), draft);
		return new SavedDraft(id, draft, java.time.Instant.now());
	}

	/** A kept draft, for its author only. */
	public SavedDraft kept(Viewer viewer, String id) {
		if (!Ids.looksValid(id)) {
			throw new NotFoundException("Draft");
		}
		Drafts.Saved saved = drafts.find(id)
			.filter(d -> d.owner().equals(viewer.id()))
			.orElseThrow(() -> new NotFoundException("Draft"));
		return new SavedDraft(saved.id(), saved.draft(), saved.createdAt());
	}

	public List<Drafts.Summary> keptBy(Viewer viewer) {
		return drafts.of(viewer.id());
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
		CourseDraft draft = offline.draft(sources);
		// the offline draft is always made: it is the fallback for every part the language model gets wrong
		return llm != null && llm.enabled() ? llm.draft(sources, draft) : draft;
	}
}
