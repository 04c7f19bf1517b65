package io.stride.rhythm.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.stride.authoring.CourseId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.Commission;
import io.stride.rhythm.CommissionDraft;
import io.stride.rhythm.CommissionId;
import io.stride.rhythm.Commissions;
import io.stride.rhythm.InterventionId;
import io.stride.rhythm.LearningNeedId;
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
@Tag(name = "Commissions", description = "Modules a manager commissions from an author: the problem, audience, due "
		+ "date, an optional course to extend, the session intervention it carries out and its cost for the budget; "
		+ "closed when the course that answers it is published, with the time that took")
@SecurityRequirement(name = "bearer")
class CommissionsApi {

	private final Commissions commissions;

	CommissionsApi(Commissions commissions) {
		this.commissions = commissions;
	}

	/**
	 * {@code internalHours} at the installation's hour rate, or {@code externalPrice}; {@code requestApproval} asks
	 * L&D to approve a cost over what the team's budget has left. {@code teamId} and {@code dueOn} default to the
	 * intervention's.
	 */
	record CommissionBody(String teamId, String authorId, String problem, String audience, String dueOn,
			String extendsCourseId, String interventionId, String needId, BigDecimal internalHours,
			BigDecimal externalPrice, Boolean requestApproval) {
	}

	record CourseBody(String courseId) {
	}

	/**
	 * {@code funding}: APPROVED (counted in the budget), WAITING (for L&D), DECLINED, RELEASED, or null (no budget
	 * period held the day). {@code timeToPublication}: ISO-8601 duration from commission to publication, null while
	 * open.
	 */
	record CommissionView(String id, String status, String teamId, String teamName, String commissionedById,
			String commissionedByName, String authorId, String authorName, String problem, String audience,
			LocalDate dueOn, String extendsCourseId, String extendsCourseTitle, String interventionId, String needId,
			String costKind, BigDecimal internalHours, BigDecimal hourRate, BigDecimal cost, String currency,
			String funding, String courseId, String courseTitle, Instant createdAt, Instant publishedAt,
			Instant cancelledAt, String timeToPublication, Long daysToPublication) {

		static CommissionView of(Commission c) {
			return new CommissionView(c.id().value(), c.status().name(), c.teamId().value(), c.teamName(),
					c.commissionedBy().value(), c.commissionedByName(), c.authorId().value(), c.authorName(),
					c.problem(), c.audience(), c.dueOn(), c.extendsCourse() == null ? null : c.extendsCourse().value(),
					c.extendsTitle(), c.intervention() == null ? null : c.intervention().value(),
					c.need() == null ? null : c.need().value(), c.costKind().name(), c.internalHours(), c.hourRate(),
					c.cost(), c.currency(), c.funding() == null ? null : c.funding().name(),
					c.course() == null ? null : c.course().value(), c.courseTitle(), c.createdAt(), c.publishedAt(),
					c.cancelledAt(), c.took() == null ? null : c.took().toString(), c.tookDays());
		}
	}

	record BriefView(String commissionId, String brief, String draftUrl) {
	}

	@PostMapping("/commissions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Commission a module: managers for a team of their tree, L&D and admins for any team. The "
			+ "author (any active person) gets it as a task. 422 at the field: no authorId or problem, dueOn missing or "
			+ "past, extendsCourseId not published, internalHours or externalPrice below 0 (or both), an intervention "
			+ "carried out already, a cost over the team's budget without requestApproval (then at internalHours or "
			+ "externalPrice); 404 for a team, intervention or need the caller may not act on")
	CommissionView create(Viewer me, @RequestBody CommissionBody body) {
		return CommissionView.of(commissions.create(me, draft(body)));
	}

	static CommissionDraft draft(CommissionBody body) {
		return new CommissionDraft(body.teamId() == null || body.teamId().isBlank() ? null : new TeamId(body.teamId().strip()),
				ApiValues.blank(body.authorId()) ? null : new PersonId(body.authorId().strip()), body.problem(),
				body.audience(), ApiValues.date(body.dueOn(), "dueOn"),
				ApiValues.blank(body.extendsCourseId()) ? null : new CourseId(body.extendsCourseId().strip()),
				ApiValues.blank(body.interventionId()) ? null : new InterventionId(body.interventionId().strip()),
				ApiValues.blank(body.needId()) ? null : new LearningNeedId(body.needId().strip()), body.internalHours(),
				body.externalPrice(), Boolean.TRUE.equals(body.requestApproval()));
	}

	@GetMapping("/commissions")
	@Operation(summary = "Commissions, newest first (at most 200): tab=author (for the caller to author, the default), "
			+ "commissioned (the caller commissioned), all (L&D and admins: every one; managers: their team tree's)")
	List<CommissionView> list(Viewer me,
			@Parameter(description = "author, commissioned or all") @RequestParam(defaultValue = "author") String tab) {
		return commissions.list(me, tab(tab)).stream().map(CommissionView::of).toList();
	}

	static Commissions.Tab tab(String text) {
		try {
			return Commissions.Tab.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("tab", "Choose author, commissioned or all.");
		}
	}

	@GetMapping("/commissions/{id}")
	@Operation(summary = "A commission with its status and time to publication; for its author, who commissioned it, "
			+ "managers of its team, L&D and admins (404 otherwise)")
	CommissionView get(Viewer me, @PathVariable String id) {
		return CommissionView.of(commissions.get(me, new CommissionId(id)));
	}

	@PostMapping("/commissions/{id}/draft")
	@Operation(summary = "Draft from this commission: its brief, and the drafting page that starts with it. Called by "
			+ "the author, the first course they create next answers the commission (published, it closes it); 404 "
			+ "for those who may not see it")
	BriefView draftFrom(Viewer me, @PathVariable String id) {
		String brief = commissions.startDraft(me, new CommissionId(id));
		return new BriefView(id, brief, "/drafts/new?commission=" + id);
	}

	@PostMapping("/commissions/{id}/course")
	@Operation(summary = "The author links their course that answers the commission; a course already published closes "
			+ "it at once, otherwise its publication will. 422 at courseId for a course that is not the author's; 403 "
			+ "for others who see it; 409 once closed; 404 for those who may not see it")
	CommissionView link(Viewer me, @PathVariable String id, @RequestBody CourseBody body) {
		return CommissionView.of(commissions.link(me, new CommissionId(id),
				ApiValues.blank(body.courseId()) ? null : new CourseId(body.courseId().strip())));
	}

	@PostMapping("/commissions/{id}/cancel")
	@Operation(summary = "Cancel an open commission (its cost no longer counts in the budget); for who commissioned it, "
			+ "managers of its team, L&D and admins; 403 for its author, 409 once closed, 404 for others")
	CommissionView cancel(Viewer me, @PathVariable String id) {
		return CommissionView.of(commissions.cancel(me, new CommissionId(id)));
	}
}
