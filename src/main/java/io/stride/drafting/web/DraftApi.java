package io.stride.drafting.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.stride.drafting.CourseDraft;
import io.stride.drafting.DraftBriefs;
import io.stride.drafting.Drafting;
import io.stride.drafting.Recordings;
import io.stride.drafting.SourceFile;
import io.stride.drafting.SourceRejected;
import io.stride.identity.Viewer;
import io.stride.shared.ChecksControlCharacters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Drafting", description = "Notes, documents and transcripts to a course draft")
@SecurityRequirement(name = "bearer")
class DraftApi {

	private final Drafting drafting;

	private final Recordings recordings;

	private final List<DraftBriefs> briefs;

	DraftApi(Drafting drafting, Recordings recordings,
			List<DraftBriefs> briefs) {
		this.briefs = briefs;
		this.drafting = drafting;
		this.recordings = recordings;
	}

	/**
	 * A draft as the API gives it: the CourseDraft of the contract, plus the extracted text of each source, so that a
	 * client can check every citation: {@code sources[i].text.substring(start, end)} is the citation's text.
	 */
	record DraftView(@JsonUnwrapped CourseDraft draft,
			@Schema(description = "Each source's extracted text, into which citations' start and end point; empty when "
					+ "the sources were too long to keep") List<Drafting.Source> sources,
			@Schema(description = "The recording the draft was transcribed from (GET /api/v1/recordings/{id}), while "
					+ "it exists; null for drafts from documents") String recordingId) {

		DraftView(CourseDraft draft, List<Drafting.Source> sources) {
			this(draft, sources, null);
		}
	}

	@PostMapping(path = "/api/v1/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Draft a course from files (PDF, DOCX, PPTX, HTML, Markdown, TXT, VTT, SRT) and/or text; "
			+ "the draft is kept (its id opens it again and makes courses from it) and comes with its sources' text. "
			+ "One recording (MP3, M4A, WAV, OGG, WebM, MP4, MOV) on its own is transcribed instead: 202 with the "
			+ "job's status, followed at the Location given (/api/v1/recordings/{id})")
	@ChecksControlCharacters("text")
	ResponseEntity<?> draft(Viewer me, @RequestPart(name = "files", required = false) List<MultipartFile> files,
			@RequestPart(name = "text", required = false) String text,
			@Parameter(description = "With a recording: keep it once transcribed, to play it from the draft")
			@RequestPart(name = "keep", required = false) String keep,
			@Parameter(description = "The commission drafted from (\"Draft from this commission\"): the courses made "
					+ "from this draft answer it, and publishing one closes it")
			@RequestPart(name = "commission", required = false) String commission) throws IOException {
		MultipartFile recording = RecordingApi.recording(files, text);
		if (recording != null) {
			return RecordingApi.started(recordings.start(me, RecordingApi.upload(recording, recordings),
					"true".equalsIgnoreCase(keep == null ? "" : keep.strip())));
		}
		Drafting.Kept kept = drafting.keep(me, () -> sources(files, drafting), text);
		DraftController.briefKept(me, commission, kept.id(), briefs);
		return ResponseEntity.status(HttpStatus.CREATED).body(new DraftView(kept.draft(), kept.sources()));
	}

	@GetMapping("/api/v1/drafts/{id}")
	@Operation(summary = "A kept draft, for its author, with its sources' text")
	DraftView kept(Viewer me, @PathVariable String id) {
		Drafting.SavedDraft saved = drafting.kept(me, id);
		return new DraftView(saved.draft(), drafting.sources(me, id), recordings.recordingOf(me, id).orElse(null));
	}

	static List<SourceFile> sources(List<MultipartFile> files, Drafting drafting) throws IOException {
		List<SourceFile> sources = new ArrayList<>();
		if (files != null) {
			for (MultipartFile file : files) {
				if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
					continue;
				}
				drafting.checkSize(file.getOriginalFilename(), file.getSize());
				sources.add(new SourceFile(file.getOriginalFilename(), file.getBytes()));
			}
		}
		return sources;
	}

	@ExceptionHandler(SourceRejected.class)
	ResponseEntity<ProblemDetail> rejected(SourceRejected e) {
		return problem(e);
	}

	static ResponseEntity<ProblemDetail> problem(SourceRejected e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
		problem.setProperty("source", e.source());
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
		if (e.retryAfterSeconds() > 0) {
			answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
		}
		return answer.body(problem);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The upload as a whole is too large; send fewer or smaller files (each document at most 20 MB, a "
						+ "recording at most " + recordings.maxBytes() / (1024 * 1024) + " MB).");
	}
}
