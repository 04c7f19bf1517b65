package io.stride.drafting.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.stride.drafting.Drafting;
import io.stride.drafting.Recordings;
import io.stride.drafting.SourceRejected;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Recordings being transcribed, and their transcripts, for their authors (anyone else gets 404). A recording is
 * uploaded through {@code POST /api/v1/drafts}, which answers 202 and the address of the job here.
 */
@RestController
@Tag(name = "Recordings", description = "Audio and video transcribed, corrected and drafted from")
@SecurityRequirement(name = "bearer")
class RecordingApi {

	private final Recordings recordings;

	RecordingApi(Recordings recordings) {
		this.recordings = recordings;
	}

	/** A recording with its transcription job and, once transcribed, its segments. */
	record RecordingView(String recordingId, String status, int chunksTotal, int chunksDone, String stage,
			String fileName, long durationMillis, boolean recordingKept, String error, String draftId,
			List<Recordings.Segment> segments) {

		static RecordingView of(Recordings.Recording r) {
			return new RecordingView(r.status().recordingId(), r.status().status(), r.status().chunksTotal(),
					r.status().chunksDone(), r.status().stage(), r.fileName(), r.durationMillis(), r.recordingKept(),
					r.error(), r.draftId(), r.segments());
		}
	}

	/** New words for a segment; {@code version} as last read, to refuse (409) writing over a newer correction. */
	record Correction(String text, Integer version) {
	}

	@GetMapping("/api/v1/recordings/{id}")
	@Operation(summary = "A recording's transcription: status (TRANSCRIBING, TRANSCRIBED, FAILED), chunks done of "
			+ "total, the stage in words, the error once failed, and the segments once transcribed")
	RecordingView recording(Viewer me, @PathVariable String id) {
		return RecordingView.of(recordings.find(me, id));
	}

	@PutMapping(path = "/api/v1/recordings/{id}/segments/{index}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Correct the words of one segment of the transcript; its times stay. With the version last "
			+ "read, a correction made meanwhile is not written over (409)")
	Recordings.Segment correct(Viewer me, @PathVariable String id, @PathVariable int index,
			@RequestBody Correction correction) {
		return recordings.correct(me, id, index,
				correction == null ? null : correction.version(), correction == null ? null : correction.text());
	}

	@PostMapping("/api/v1/recordings/{id}/retry")
	@Operation(summary = "Take a failed transcription up again where it stopped")
	ResponseEntity<Recordings.Status> retry(Viewer me, @PathVariable String id) {
		return started(recordings.retry(me, id));
	}

	@PostMapping("/api/v1/recordings/{id}/draft")
	@Operation(summary = "Draft a course from the transcript (as corrected); the draft is kept as POST /api/v1/drafts "
			+ "keeps drafts, and its citations point into the transcript")
	ResponseEntity<DraftApi.DraftView> draft(Viewer me, @PathVariable String id) {
		Drafting.Kept kept = recordings.draft(me, id);
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/drafts/" + kept.id()))
			.body(new DraftApi.DraftView(kept.draft(), kept.sources(), id));
	}

	@DeleteMapping("/api/v1/recordings/{id}")
	@Operation(summary = "Delete the recording: its files, its job and its transcript (drafts made from it stay)")
	ResponseEntity<Void> delete(Viewer me, @PathVariable String id) {
		recordings.delete(me, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/recordings/{id}/media")
	@Operation(summary = "The recording as uploaded, while it is kept (byte ranges supported, to play from a moment)")
	ResponseEntity<Resource> media(Viewer me, @PathVariable String id) {
		return play(recordings.media(me, id));
	}

	/** A kept recording to play, in place, never cached; Spring answers a Range header with the bytes asked for. */
	static ResponseEntity<Resource> play(Recordings.Playable playable) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(playable.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(playable.fileName(), StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(new FileSystemResource(playable.file()));
	}

	@ExceptionHandler(SourceRejected.class)
	ResponseEntity<ProblemDetail> rejected(SourceRejected e) {
		return DraftApi.problem(e);
	}

	static ResponseEntity<Recordings.Status> started(Recordings.Status status) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/v1/recordings/" + status.recordingId()))
			.body(status);
	}

	/**
	 * The recording among the uploaded files, if there is one: it must come on its own, as it is transcribed in the
	 * background while documents are drafted on the spot.
	 */
	static MultipartFile recording(List<MultipartFile> files, String text) {
		if (files == null) {
			return null;
		}
		List<MultipartFile> given = files.stream()
			.filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())))
			.toList();
		MultipartFile recording = given.stream()
			.filter(f -> Recordings.isRecording(f.getOriginalFilename()))
			.findFirst()
			.orElse(null);
		if (recording == null) {
			return null;
		}
		if (given.size() > 1 || (text != null && !text.isBlank())) {
			throw new SourceRejected(422, recording.getOriginalFilename(), "is a recording: upload it on its own, "
					+ "without other files or text. It is transcribed first; draft from the documents separately.");
		}
		return recording;
	}

	/** The part as a recording upload; its size is checked before anything reads it. */
	static Recordings.Upload upload(MultipartFile file, Recordings recordings) {
		recordings.checkSize(file.getOriginalFilename(), file.getSize());
		return new Recordings.Upload() {

			@Override
			public String name() {
				return file.getOriginalFilename();
			}

			@Override
			public long size() {
				return file.getSize();
			}

			@Override
			public void moveTo(Path target) throws IOException {
				// as a File, so that the part's own temporary file is renamed rather than copied (500 MB twice on disk)
				file.transferTo(target.toFile());
			}
		};
	}
}
