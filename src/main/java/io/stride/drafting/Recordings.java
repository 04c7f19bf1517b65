package io.stride.drafting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import io.stride.drafting.internal.DraftsUnderWay;
import io.stride.drafting.internal.recording.Media;
import io.stride.drafting.internal.recording.RecordingFiles;
import io.stride.drafting.internal.recording.RecordingJobs;
import io.stride.drafting.internal.recording.TranscriptionClient;
import io.stride.drafting.internal.recording.TranscriptionWorker;
import io.stride.identity.Viewer;
import io.stride.shared.ControlCharacters;
import io.stride.shared.Ids;
import io.stride.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Recordings as a source: an upload is checked on the spot (media with a sound track that is not silent), then
 * transcribed in the background, chunk by chunk, by the configured transcription service; its author follows the
 * progress, corrects the transcript's words and drafts from it like from an uploaded transcript. Everything here is
 * for the recording's author only; anyone else is told it does not exist.
 */
@Service
public class Recordings {

	/** The file types taken as recordings, by extension. */
	public static final Set<String> EXTENSIONS = Set.of("mp3", "m4a", "wav", "ogg", "oga", "webm", "mp4", "mov");

	private static final int MAX_SEGMENT_CHARS = 4000;

	private final RecordingJobs jobs;

	private final RecordingFiles files;

	private final Media media;

	private final TranscriptionClient client;

	private final TranscriptionWorker worker;

	private final DraftsUnderWay underWay;

	private final Drafting drafting;

	private final long maxBytes;

	private final int perPerson;

	Recordings(RecordingJobs jobs, RecordingFiles files, Media media, TranscriptionClient client,
			TranscriptionWorker worker, DraftsUnderWay underWay, Drafting drafting,
			@Value("${stride.recordings.max-bytes:524288000}") long maxBytes,
			@Value("${stride.recordings.per-person:2}") int perPerson) {
		this.jobs = jobs;
		this.files = files;
		this.media = media;
		this.client = client;
		this.worker = worker;
		this.underWay = underWay;
		this.drafting = drafting;
		this.maxBytes = maxBytes;
		this.perPerson = Math.max(1, perPerson);
	}

	/** An uploaded recording, moved to its place on disk without passing through memory. */
	public interface Upload {

		String name();

		long size();

		void moveTo(Path file) throws IOException;
	}

	/** A transcription job as its author sees it. */
	public record Status(String recordingId, String status, int chunksTotal, int chunksDone, String stage) {
	}

	/**
	 * What was said between two moments, in milliseconds from the recording's start; {@code version} counts the
	 * author's corrections, for the next one to name.
	 */
	public record Segment(int index, long startMillis, long endMillis, String text, int version) {
	}

	/** A recording, its job and, once transcribed, its transcript. */
	public record Recording(Status status, String fileName, long durationMillis, boolean recordingKept, String error,
			String draftId, List<Segment> segments) {
	}

	/** The kept upload, to play. */
	public record Playable(Path file, String fileName, String contentType) {
	}

	/** Whether a file is taken as a recording, by its name. */
	public static boolean isRecording(String fileName) {
		return EXTENSIONS.contains(extension(fileName));
	}

	public long maxBytes() {
		return maxBytes;
	}

	/** Refuses a recording over the limit by its size alone, before any of it is read. */
	public void checkSize(String fileName, long bytes) {
		if (bytes > maxBytes) {
			throw new SourceRejected(413, clean(fileName), "is larger than " + (maxBytes / (1024 * 1024))
					+ " MB, the limit for recordings. Cut it into shorter parts, or upload the meeting tool's "
					+ "transcript (VTT or SRT) instead.");
		}
	}

	/**
	 * Takes a recording to transcribe: refused on the spot (and nothing kept) when no transcription service is set up,
	 * when it is too large, not audio or video, has no sound track or is silent, or when its author has as many
	 * recordings being transcribed as allowed. {@code keep}: the author wants the recording kept once transcribed
	 * (to play it from the draft); otherwise it is deleted then.
	 */
	public Status start(Viewer author, Upload upload, boolean keep) throws IOException {
		String name = clean(upload.name());
		if (!client.enabled()) {
			throw new SourceRejected(422, name, "can't be transcribed: no transcription service is configured on this "
					+ "Stride. Upload the transcript your meeting tool made (a VTT or SRT file) instead, or ask an "
					+ "administrator to set STRIDE_TRANSCRIPTION_BASE_URL.");
		}
		String extension = extension(name);
		if (!EXTENSIONS.contains(extension)) {
			throw new SourceRejected(415, name, "is not a recording Stride takes (MP3, M4A, WAV, OGG, WebM, MP4, MOV).");
		}
		checkSize(name, upload.size());
		if (jobs.transcribing(author.id()) >= perPerson) {
			throw new SourceRejected(429, name, "was not taken: you already have " + perPerson + " recording"
					+ (perPerson == 1 ? "" : "s") + " being transcribed. Wait for one to finish, then try again.",
					DraftsUnderWay.RETRY_AFTER_SECONDS);
		}
		String id = Ids.newId();
		// FFmpeg's work on the upload counts as one of the author's drafts under way
		try (DraftsUnderWay.Draft under = underWay.begin(author.id())) {
			files.newFolder(id);
			Path original = files.original(id, extension);
			upload.moveTo(original);
			Media.Info info = media.probe(original, name);
			Path wav = media.audio(original, files.soundFolder(id));
			if (media.silent(wav)) {
				throw new SourceRejected(422, name, "is silent: there is nothing to transcribe.");
			}
			jobs.insert(id, author.id(), name, extension, info.millis(), keep);
		}
		catch (IOException | RuntimeException | Error e) {
			files.deleteAll(id);
			throw e;
		}
		worker.wake();
		return status(jobs.find(id).orElseThrow());
	}

	/** A recording of the author's, with its transcript once there is one. */
	public Recording find(Viewer viewer, String id) {
		RecordingJobs.Job job = owned(viewer, id);
		List<Segment> segments = job.transcribed() ? segments(id) : List.of();
		boolean kept = job.keep() && files.originalIfKept(id, job.extension()).isPresent();
		return new Recording(status(job), job.fileName(), job.durationMillis(), kept, job.error(), job.draftId(),
				segments);
	}

	/**
	 * Corrects the words of one segment of a transcript; its times stay as they were. {@code version}, when given, is
	 * the segment's version the author corrected: a correction made meanwhile (another tab) is not written over.
	 */
	public Segment correct(Viewer viewer, String id, int index, Integer version, String text) {
		RecordingJobs.Job job = owned(viewer, id);
		if (!job.transcribed()) {
			throw new SourceRejected(409, job.fileName(), "is not transcribed yet; correct its words once it is.");
		}
		String words = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		if (words.isEmpty()) {
			throw new SourceRejected(422, "text", "is empty: a segment needs its words.");
		}
		if (words.length() > MAX_SEGMENT_CHARS || ControlCharacters.in(words)) {
			throw new SourceRejected(422, "text", words.length() > MAX_SEGMENT_CHARS
					? "is longer than " + MAX_SEGMENT_CHARS + " characters." : "contains a control character.");
		}
		List<RecordingJobs.Segment> segments = jobs.segments(id);
		if (index < 0 || index >= segments.size()) {
			throw new NotFoundException("Segment");
		}
		RecordingJobs.Segment segment = segments.get(index);
		int seen = version == null ? segment.version() : version;
		if (!jobs.correct(id, segment, seen, words)) {
			throw new SourceRejected(409, job.fileName(), "had this segment corrected since you opened it. Reload the "
					+ "transcript to see the correction, then make yours again.");
		}
		return new Segment(index, segment.startMillis(), segment.endMillis(), words, seen + 1);
	}

	/** Takes a failed transcription up again, where it stopped. */
	public Status retry(Viewer viewer, String id) {
		RecordingJobs.Job job = owned(viewer, id);
		if (!client.enabled()) {
			throw new SourceRejected(422, job.fileName(), "can't be transcribed: no transcription service is configured "
					+ "on this Stride.");
		}
		if (!jobs.resume(id)) {
			throw new SourceRejected(409, job.fileName(), job.transcribing() ? "is being transcribed already."
					: "is transcribed already.");
		}
		worker.wake();
		return status(jobs.find(id).orElseThrow());
	}

	/**
	 * Drafts a course from the (corrected) transcript, as from an uploaded transcript named after the recording, and
	 * keeps the draft for the author; the draft remembers the recording.
	 */
	public Drafting.Kept draft(Viewer viewer, String id) {
		RecordingJobs.Job job = owned(viewer, id);
		if (!job.transcribed()) {
			throw new SourceRejected(409, job.fileName(), "is not transcribed yet; draft from it once it is.");
		}
		Drafting.Kept kept = drafting.keepTranscript(viewer, job.fileName(), webVtt(jobs.segments(id)));
		jobs.drafted(id, kept.id());
		return kept;
	}

	/** The recording a draft was made from, for the draft's author, if it is still there. */
	public Optional<String> recordingOf(Viewer viewer, String draftId) {
		drafting.kept(viewer, draftId);
		return jobs.recordingOf(draftId);
	}

	/** The recording gone: its rows, its files and its transcript; drafts made from it stay. */
	public void delete(Viewer viewer, String id) {
		owned(viewer, id);
		jobs.delete(id);
		files.deleteAll(id);
	}

	/** The upload, while it is kept on disk. */
	public Playable media(Viewer viewer, String id) {
		RecordingJobs.Job job = owned(viewer, id);
		// only a recording its author chose to keep is played, even while the upload is still on disk for the job
		Path file = (job.keep() ? files.originalIfKept(id, job.extension()) : Optional.<Path>empty())
			.orElseThrow(() -> new NotFoundException("Recording file"));
		return new Playable(file, job.fileName(), contentType(job.extension()));
	}

	private RecordingJobs.Job owned(Viewer viewer, String id) {
		if (!Ids.looksValid(id)) {
			throw new NotFoundException("Recording");
		}
		return jobs.find(id).filter(j -> j.owner().equals(viewer.id())).orElseThrow(() -> new NotFoundException("Recording"));
	}

	private List<Segment> segments(String id) {
		List<RecordingJobs.Segment> stored = jobs.segments(id);
		return IntStream.range(0, stored.size())
			.mapToObj(i -> new Segment(i, stored.get(i).startMillis(), stored.get(i).endMillis(), stored.get(i).text(),
					stored.get(i).version()))
			.toList();
	}

	private static Status status(RecordingJobs.Job job) {
		return new Status(job.id(), job.status(), job.chunksTotal(), job.chunksDone(), job.stage());
	}

	/** The transcript as WebVTT, which drafting reads like a meeting tool's transcript. */
	static String webVtt(List<RecordingJobs.Segment> segments) {
		StringBuilder vtt = new StringBuilder("WEBVTT\n");
		int cue = 1;
		for (RecordingJobs.Segment segment : segments) {
			// a blank line would end the cue early
			String text = segment.text().replaceAll("\\s*\\n\\s*", " ").strip();
			if (text.isEmpty()) {
				continue;
			}
			vtt.append('\n').append(cue++).append('\n')
				.append(time(segment.startMillis())).append(" --> ").append(time(segment.endMillis())).append('\n')
				.append(text.replace("-->", "->")).append('\n');
		}
		return vtt.toString();
	}

	private static String time(long millis) {
		return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60,
				millis / 1000 % 60, millis % 1000);
	}

	private static String clean(String fileName) {
		// a control character (a NUL) in a name would be refused by the database, and has no place in a page
		String name = fileName == null ? null : fileName.replaceAll("\\p{Cc}", "");
		return new SourceFile(name, new byte[0]).name();
	}

	private static String extension(String fileName) {
		String name = fileName == null ? "" : fileName;
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static String contentType(String extension) {
		return switch (extension) {
			case "mp3" -> "audio/mpeg";
			case "m4a" -> "audio/mp4";
			case "wav" -> "audio/wav";
			case "ogg", "oga" -> "audio/ogg";
			case "webm" -> "video/webm";
			case "mp4" -> "video/mp4";
			case "mov" -> "video/quicktime";
			default -> "application/octet-stream";
		};
	}
}
