package io.stride.rhythm.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.PreRead;
import io.stride.rhythm.PreReadMarkdown;
import io.stride.rhythm.PreReads;
import io.stride.rhythm.RitualHistory;
import io.stride.rhythm.RitualId;
import io.stride.rhythm.RitualSchedule;
import io.stride.rhythm.RitualTimes;
import io.stride.rhythm.SessionId;
import io.stride.shared.web.CsvDownload;
import io.stride.shared.web.FormNumbers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A session's pre-read (page, printable view, Markdown) and the ritual history pages. */
@Controller
class PreReadsController {

	private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

	/** A team's history spans rituals of several zones: its times are in UTC, with the abbreviation. */
	private static final DateTimeFormatter UTC = RitualTimes.formatter(ZoneOffset.UTC);

	private final PreReads preReads;

	private final RitualHistory history;

	private final RitualSchedule schedule;

	PreReadsController(PreReads preReads, RitualHistory history, RitualSchedule schedule) {
		this.schedule = schedule;
		this.preReads = preReads;
		this.history = history;
	}

	@GetMapping("/sessions/{id}/pre-read")
	String preRead(Viewer me, @PathVariable String id, @RequestParam(required = false) String print, Model model) {
		PreRead preRead = preReads.of(me, new SessionId(id));
		ZoneId zone = schedule.zoneOf(preRead.ritual());
		model.addAttribute("preRead", preRead);
		model.addAttribute("markdown", PreReadMarkdown.of(preRead, zone));
		model.addAttribute("when", RitualTimes.formatter(zone));
		return print != null ? "rhythm/pre-read-print" : "rhythm/pre-read";
	}

	@GetMapping("/sessions/{id}/pre-read.md")
	ResponseEntity<String> preReadMarkdown(Viewer me, @PathVariable String id) {
		PreRead preRead = preReads.of(me, new SessionId(id));
		String file = "pre-read-" + CsvDownload.slug(preRead.ritualName(), 60, "session") + "-"
				+ preRead.startsAt().toString().substring(0, 10) + ".md";
		return ResponseEntity.ok()
			.contentType(MARKDOWN)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
			.body(PreReadMarkdown.of(preRead, schedule.zoneOf(preRead.ritual())));
	}

	@GetMapping("/rituals/{id}/history")
	String ritualHistory(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "1") String page,
			Model model) {
		RitualHistory.Page found = history.ofRitual(me, new RitualId(id), page(page));
		model.addAttribute("when", RitualTimes.formatter(schedule.zoneOf(found.ritual())));
		model.addAttribute("history", found);
		model.addAttribute("base", "/rituals/" + found.ritual().value() + "/history");
		return "rhythm/history";
	}

	@GetMapping("/teams/{id}/ritual-history")
	String teamHistory(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "1") String page, Model model) {
		model.addAttribute("when", UTC);
		RitualHistory.Page found = history.ofTeam(me, new TeamId(id), page(page));
		model.addAttribute("history", found);
		model.addAttribute("base", "/teams/" + found.team().value() + "/ritual-history");
		return "rhythm/history";
	}

	/** A page number as typed; anything else is the first page. */
	private static int page(String text) {
		return FormNumbers.wholeNumber(text).orElse(1);
	}
}
