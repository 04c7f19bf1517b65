package io.stride.drafting.web;

import java.util.List;

import io.stride.drafting.Drafting;
import io.stride.drafting.Recordings;
import io.stride.drafting.SourceRejected;
import io.stride.identity.Viewer;
import io.stride.shared.ChecksControlCharacters;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A recording in the browser, for its author: the transcription's progress, what went wrong and a way to try again,
 * then the transcript to correct word by word (with the recording to listen to, if kept) and draft from.
 */
@Controller
class RecordingController {

	private final Recordings recordings;

	RecordingController(Recordings recordings) {
		this.recordings = recordings;
	}

	/** The recording as its page shows it. */
	record Page(String id, String fileName, String status, int chunksTotal, int chunksDone, String stage, String error,
			String duration, boolean kept, String player, String draftId, List<Line> lines) {

		public boolean transcribing() {
			return "TRANSCRIBING".equals(status);
		}

		public boolean transcribed() {
			return "TRANSCRIBED".equals(status);
		}

		public boolean failed() {
			return "FAILED".equals(status);
		}

		/** "Part 3 of 7": the part being transcribed, once the recording is cut into parts. */
		public String part() {
			if (chunksTotal <= 0) {
				return "Preparing the recording";
			}
			return "Part " + Math.min(chunksTotal, chunksDone + 1) + " of " + chunksTotal;
		}

		public String progressInWords() {
			return chunksTotal <= 0 ? "Not started yet" : chunksDone + " of " + chunksTotal + " parts transcribed";
		}
	}

	/** One segment of the transcript: where it starts and ends, its words, and their version as read. */
	record Line(int index, long startSecond, String start, String end, String text, int version) {
	}

	static Page page(Recordings.Recording r, String contentType) {
		List<Line> lines = r.segments()
			.stream()
			.map(s -> new Line(s.index(), s.startMillis() / 1000, Moments.clock(s.startMillis()),
					Moments.clock(s.endMillis()), s.text(), s.version()))
			.toList();
		String player = contentType == null ? null : contentType.startsWith("video/") ? "video" : "audio";
		return new Page(r.status().recordingId(), r.fileName(), r.status().status(), r.status().chunksTotal(),
				r.status().chunksDone(), r.status().stage(), r.error(), Moments.clock(r.durationMillis()),
				r.recordingKept(), player, r.draftId(), lines);
	}

	Page page(Viewer me, String id) {
		return page(recordings, me, id);
	}

	static Page page(Recordings recordings, Viewer me, String id) {
		Recordings.Recording recording = recordings.find(me, id);
		String type = recording.recordingKept() ? recordings.media(me, id).contentType() : null;
		return page(recording, type);
	}

	@GetMapping("/drafts/recordings/{id}")
	String show(Viewer me, @PathVariable String id, Model model) {
		model.addAttribute("recording", page(me, id));
		return "drafts/recording";
	}

	/** The progress alone, for the page to refresh while the recording is transcribed. */
	@GetMapping("/drafts/recordings/{id}/progress")
	String progress(Viewer me, @PathVariable String id, Model model) {
		model.addAttribute("recording", page(me, id));
		return "drafts/recording :: progress";
	}

	@PostMapping("/drafts/recordings/{id}/retry")
	String retry(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		try {
			recordings.retry(me, id);
			redirect.addFlashAttribute("notice", "Transcription taken up again where it stopped.");
		}
		catch (SourceRejected e) {
			redirect.addFlashAttribute("problem", "Not taken up again: " + e.getMessage());
		}
		return "redirect:/drafts/recordings/" + id;
	}

	@PostMapping("/drafts/recordings/{id}/segments/{index}")
	@ChecksControlCharacters("text")
	String correct(Viewer me, @PathVariable String id, @PathVariable int index,
			@RequestParam(defaultValue = "") String text, @RequestParam(required = false) Integer version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			Recordings.Segment saved = recordings.correct(me, id, index, version, text);
			redirect.addFlashAttribute("notice", "Saved the words at " + Moments.clock(saved.startMillis()) + ".");
			return "redirect:/drafts/recordings/" + id + "#segment-" + index;
		}
		catch (SourceRejected e) {
			Page page = page(me, id);
			if (!page.transcribed()) {
				// not about the words (the transcript is not there yet): said at the top of the page
				redirect.addFlashAttribute("problem", "Not saved: " + e.getMessage());
				return "redirect:/drafts/recordings/" + id;
			}
			// the page again, with what was typed kept in its field and the reason next to it; after a correction
			// made meanwhile (409) the page shows the newer words' version, so that saving again writes over them
			// knowingly
			response.setStatus(e.status());
			model.addAttribute("recording", page);
			model.addAttribute("failedIndex", index);
			model.addAttribute("failedText", text);
			model.addAttribute("segmentProblem", e.status() == 409
					? "Not saved: these words were corrected meanwhile (in another tab or by the API) to “"
							+ page.lines().stream().filter(l -> l.index() == index).map(Line::text).findFirst().orElse("")
							+ "”. Your words are kept below; save again to replace them."
					: "Not saved: the text " + e.getMessage().replaceFirst("^\"text\" ", ""));
			return "drafts/recording";
		}
	}

	@PostMapping("/drafts/recordings/{id}/draft")
	String draft(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		try {
			Drafting.Kept kept = recordings.draft(me, id);
			return "redirect:/drafts/" + kept.id();
		}
		catch (SourceRejected e) {
			redirect.addFlashAttribute("problem", "Nothing was drafted: " + e.getMessage());
			return "redirect:/drafts/recordings/" + id;
		}
	}

	/** The confirmation step before deleting. */
	@GetMapping("/drafts/recordings/{id}/delete")
	String confirmDelete(Viewer me, @PathVariable String id, Model model) {
		model.addAttribute("recording", page(me, id));
		return "drafts/recording-delete";
	}

	@PostMapping("/drafts/recordings/{id}/delete")
	String delete(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		String name = recordings.find(me, id).fileName();
		recordings.delete(me, id);
		redirect.addFlashAttribute("notice", "Deleted the recording \"" + name + "\" and its transcript.");
		return "redirect:/drafts/new";
	}

	/** The kept recording, for the page's player: byte ranges are answered, so the player can seek. */
	@GetMapping("/drafts/recordings/{id}/media")
	@ResponseBody
	ResponseEntity<Resource> media(Viewer me, @PathVariable String id) {
		return RecordingApi.play(recordings.media(me, id));
	}
}
