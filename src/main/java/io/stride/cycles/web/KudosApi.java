package io.stride.cycles.web;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.cycles.Contributors;
import io.stride.cycles.GoalId;
import io.stride.cycles.Kudos;
import io.stride.cycles.Thanks;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Kudos", description = "Thanks for help with learning or for a course that helped, and contributor "
		+ "recognition: an author's contributions and a team's contributors of the month")
@SecurityRequirement(name = "bearer")
class KudosApi {

	private final Kudos kudos;

	private final Contributors contributors;

	KudosApi(Kudos kudos, Contributors contributors) {
		this.kudos = kudos;
		this.contributors = contributors;
	}

	record KudosBody(String to, String message, String courseId, String goalId) {
	}

	record KudosView(String id, String fromId, String fromName, String toId, String toName, String message,
			String courseId, String courseTitle, Instant createdAt, String goalId, String goalWhat) {

		static KudosView of(Thanks t) {
			return new KudosView(t.id(), t.from().value(), t.fromName(), t.to().value(), t.toName(), t.message(),
					t.courseId() == null ? null : t.courseId().value(), t.courseTitle(), t.at(),
					t.goalId() == null ? null : t.goalId().value(), t.goalWhat());
		}
	}

	record KudosPage(List<KudosView> items, int page, boolean hasMore) {

		static KudosPage of(Kudos.Page page) {
			return new KudosPage(page.items().stream().map(KudosView::of).toList(), page.page(), page.hasMore());
		}
	}

	/** {@code reactionScore}: from −100 to 100, null below five reactions (then {@code reactions} says how many). */
	record CourseView(String courseId, String title, int learners, Integer reactionScore, int reactions) {
	}

	record ContributionsView(String personId, String name, List<CourseView> courses, int learners,
			int validationsGiven, int kudosReceived) {
	}

	record ContributorView(String personId, String name, int coursesPublished, int validationsGiven,
			int kudosReceived, int total) {
	}

	@PostMapping("/kudos")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Thank a colleague, optionally for a published course and/or for help with one of your own "
			+ "goals (goalId). 422 at the field for oneself, an inactive or unknown colleague, an empty message or one "
			+ "over 500 characters, a course not published, a goal that is not yours; "
			+ "422 after 20 kudos in a day (UTC)")
	KudosView give(Viewer me, @RequestBody KudosBody body) {
		PersonId to = body.to() == null || body.to().isBlank() ? null : new PersonId(body.to());
		CourseId course = body.courseId() == null || body.courseId().isBlank() ? null : new CourseId(body.courseId());
		GoalId goal = body.goalId() == null || body.goalId().isBlank() ? null : new GoalId(body.goalId());
		return KudosView.of(kudos.give(me, to, body.message(), course, goal));
	}

	@GetMapping("/people/{id}/kudos")
	@Operation(summary = "Kudos a person received, newest first, 50 a page; for the person, their managers and admins "
			+ "(404 otherwise)")
	KudosPage received(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "1") int page) {
		return KudosPage.of(kudos.received(me, new PersonId(id), page));
	}

	@GetMapping("/teams/{id}/kudos")
	@Operation(summary = "Kudos received by the people of the team and the teams below it, newest first, 50 a page; "
			+ "for managers of the team (or above it) and admins (404 otherwise)")
	KudosPage team(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "1") int page) {
		return KudosPage.of(kudos.teamFeed(me, new TeamId(id), page));
	}

	@GetMapping("/people/{id}/contributions")
	@Operation(summary = "What a person contributed: published courses they wrote with learners and reaction score, "
			+ "validations given, kudos received; for the person, their managers and admins (404 otherwise)")
	ContributionsView contributions(Viewer me, @PathVariable String id) {
		Contributors.Contributions c = contributors.profile(me, new PersonId(id));
		return new ContributionsView(c.personId().value(), c.name(), c.courses()
			.stream()
			.map(course -> new CourseView(course.courseId().value(), course.title(), course.learners(),
					course.reactions().tooFew() ? null : course.reactions().score(), course.reactions().total()))
			.toList(), c.learners(), c.validationsGiven(), c.kudosReceived());
	}

	@GetMapping("/teams/{id}/contributors")
	@Operation(summary = "The team tree's people who in the month (UTC) published a course, gave validations or "
			+ "received kudos, most first; for managers of the team (or above it) and admins (404 otherwise)")
	List<ContributorView> contributors(Viewer me, @PathVariable String id,
			@Parameter(description = "YYYY-MM; this month when absent") @RequestParam(required = false) String month) {
		return contributors.ofTheMonth(me, new TeamId(id), month(month, contributors))
			.stream()
			.map(c -> new ContributorView(c.personId().value(), c.name(), c.coursesPublished(), c.validationsGiven(),
					c.kudosReceived(), c.total()))
			.toList();
	}

	static YearMonth month(String text, Contributors contributors) {
		if (text == null || text.isBlank()) {
			return contributors.currentMonth();
		}
		try {
			return YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("month", "Give the month as YYYY-MM, for example 2027-01.");
		}
	}
}
