package io.stride.integration.web;

import java.time.Instant;
import java.util.List;

import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.integration.CalendarFeeds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calendar-feeds")
@Tag(name = "Calendar feeds", description = "Private iCalendar feeds (text/calendar at GET /calendar/{token}.ics, "
		+ "no sign-in: the token is the key): a person's own and their managed teams'")
@SecurityRequirement(name = "bearer")
class CalendarFeedsApi {

	private final CalendarFeeds feeds;

	CalendarFeedsApi(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	/** {@code teamId} null for one's own feed. */
	record FeedBody(String teamId) {
	}

	/** {@code kind} PERSON or TEAM; {@code url} only in the answer that creates it. */
	record FeedView(String id, String kind, String teamId, String teamName, Instant createdAt, String url) {

		static FeedView of(CalendarFeeds.Feed f, String url) {
			return new FeedView(f.id(), f.kind().name(), f.team() == null ? null : f.team().value(), f.teamName(),
					f.createdAt(), url);
		}
	}

	@GetMapping
	@Operation(summary = "The caller's live feed and the live feeds of the teams they manage (all teams' for admins); "
			+ "without URLs, which are shown only when made")
	List<FeedView> list(Viewer me) {
		return feeds.visibleTo(me).stream().map(f -> FeedView.of(f, null)).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Make a feed: one's own (no teamId) or a managed team's (404 for a team the caller does not "
			+ "manage). It revokes the feed it replaces. The answer's url holds the secret token: shown only now")
	FeedView create(Viewer me, @RequestBody(required = false) FeedBody body) {
		TeamId team = body == null || body.teamId() == null || body.teamId().isBlank() ? null : new TeamId(body.teamId());
		CalendarFeeds.NewFeed made = feeds.create(me, team);
		return FeedView.of(made.feed(), made.url());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a feed: its URL answers 404 from now on. 404 for a feed not the caller's own or of a "
			+ "team they manage")
	void revoke(Viewer me, @PathVariable String id) {
		feeds.revoke(me, id);
	}
}
