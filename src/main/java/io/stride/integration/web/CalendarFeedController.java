package io.stride.integration.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.stride.identity.Organization;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.integration.CalendarFeeds;
import io.stride.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The calendar feeds page, and the feeds themselves (read without signing in: the token is the key). */
@Controller
class CalendarFeedController {

	static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final CalendarFeeds feeds;

	private final Organization organization;

	CalendarFeedController(CalendarFeeds feeds, Organization organization) {
		this.feeds = feeds;
		this.organization = organization;
	}

	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		CalendarFeeds.Ics ics = feeds.ics(token).orElseThrow(() -> new NotFoundException("Calendar feed"));
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			// private: the URL is a secret; calendar apps read feeds every few hours at most
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(15)).cachePrivate())
			.header("Content-Disposition", "inline; filename=\"stride.ics\"")
			.header("Referrer-Policy", "no-referrer")
			.header("X-Robots-Tag", "noindex")
			.body(ics.text());
	}

	@GetMapping("/calendar-feeds")
	String page(Viewer me, Model model) {
		model.addAttribute("feeds", feeds.visibleTo(me));
		model.addAttribute("teams", organization.teamsManagedBy(me));
		return "integration/calendar-feeds";
	}

	@PostMapping("/calendar-feeds")
	String create(Viewer me, @RequestParam(required = false) String teamId, RedirectAttributes redirect) {
		TeamId team = teamId == null || teamId.isBlank() ? null : new TeamId(teamId);
		CalendarFeeds.NewFeed made = feeds.create(me, team);
		redirect.addFlashAttribute("newFeedUrl", made.url());
		redirect.addFlashAttribute("newFeedName", made.feed().teamName() == null ? "your own calendar"
				: "the calendar of " + made.feed().teamName());
		return "redirect:/calendar-feeds";
	}

	@PostMapping("/calendar-feeds/{id}/revoke")
	String revoke(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		feeds.revoke(me, id);
		redirect.addFlashAttribute("notice", "Revoked: calendars subscribed to it no longer get updates.");
		return "redirect:/calendar-feeds";
	}
}
