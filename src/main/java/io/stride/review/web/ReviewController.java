package io.stride.review.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.authoring.RiskSuggestion;
import io.stride.identity.Viewer;
import io.stride.review.ChangesInReview;
import io.stride.review.OverlapCheck;
import io.stride.review.ReviewCase;
import io.stride.review.Reviews;
import io.stride.review.VersionDiff;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ReviewController {

	private final Reviews reviews;

	private final Authoring authoring;

	private final OverlapCheck overlapCheck;

	private final ReviewPageParts parts;

	private final ChangesInReview changesInReview;

	ReviewController(Reviews reviews, Authoring authoring, OverlapCheck overlapCheck,
			ReviewPageParts parts, ChangesInReview changesInReview) {
		this.changesInReview = changesInReview;
		this.reviews = reviews;
		this.authoring = authoring;
		this.overlapCheck = overlapCheck;
		this.parts = parts;
	}

	@GetMapping("/reviews")
	String queue(Viewer me, Model model) {
		var queue = reviews.queue(me);
		model.addAttribute("queue", queue);
		model.addAttribute("overdueCount", queue.stream().filter(ReviewCase::overdue).count());
		var titles = new HashMap<String, String>();
		queue.forEach(c -> titles.put(c.id(), authoring.forReview(c.courseId()).title()));
		model.addAttribute("titles", titles);
		return "reviews/queue";
	}

	@GetMapping("/reviews/{id}")
	String reviewCase(Viewer me, @PathVariable String id, Model model) {
		ReviewCase reviewCase = reviews.reviewCase(me, id);
		model.addAttribute("reviewCase", reviewCase);
		Course course = authoring.forReview(reviewCase.courseId());
		model.addAttribute("course", course);
		// the reviewer weighs the author's tier against Stride's suggestion, and the reason for going lower
		model.addAttribute("suggestion", RiskSuggestion.of(course.content()));
		OverlapCheck.Result overlap = reviewCase.open() && !reviewCase.spotCheck() ? overlapCheck.check(course)
				: new OverlapCheck.Result(List.of(), List.of());
		model.addAttribute("overlaps", overlap.overlaps());
		model.addAttribute("reusedOnPurpose", reusedOnPurpose(overlap.reusedOnPurpose()));
		ChangesInReview.Changes changes;
		try {
			changes = changesInReview.of(me, id);
		}
		catch (NotFoundException noStoredCopy) {
			// a version published before versions were kept has no copy to compare: the page shows the course as it is
			changes = null;
		}
		model.addAttribute("mayDecide", reviews.mayDecide(me, reviewCase));
		model.addAttribute("mayComment", reviewCase.open() && me.isReviewer() && !me.is(reviewCase.authorId()));
		model.addAttribute("anchors", anchors(course));
		model.addAttribute("templateCheck", parts.templateCheck(course));
		parts.threads(model, reviewCase);
		Map<String, String> names = new HashMap<>();
		reviewCase.steps().stream().filter(s -> s.decidedBy() != null)
			.forEach(s -> names.put(s.decidedBy(), parts.name(s.decidedBy())));
		if (changes != null) {
			model.addAttribute("changeSummary", ChangeWording.summary(changes.changes()));
			// each part is shown as it is in the version reviewed, which a closed case's course may have moved on from
			Course shown = course.version() == reviewCase.version() ? course
					: authoring.publishedVersion(course.id(), reviewCase.version()).orElse(course);
			var partViews = ChangeWording.parts(changes, shown, ChangeWording.names(names, parts::name));
			model.addAttribute("changeParts", partViews);
			model.addAttribute("toRead", partViews.stream().filter(ChangeWording.PartView::toRead).count());
		}
		model.addAttribute("names", names);
		return "reviews/case";
	}

	/** The author's side: where the course stands in review, and the threads to answer and resolve. */
	@GetMapping("/courses/{id}/review")
	String authorView(Viewer me, @PathVariable String id, Model model) {
		Course course = authoring.editable(me, new CourseId(id));
		model.addAttribute("course", course);
		ReviewCase latest = reviews.latestSubmissionFor(course.id())
			.filter(c -> c.version() == course.version())
			.or(() -> reviews.latestFor(course.id()))
			.map(c -> reviews.reviewCase(me, c.id()))
			.orElse(null);
		model.addAttribute("reviewCase", latest);
		model.addAttribute("overlaps", latest != null && latest.open() && !latest.spotCheck() ? overlapCheck.against(course)
				: List.of());
		if (latest != null) {
			parts.threads(model, latest);
		}
		else {
			model.addAttribute("threads", List.of());
		}
		return "reviews/author";
	}

	@PostMapping("/reviews/{id}/approve")
	String approve(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "") String comment,
			RedirectAttributes redirect) {
		try {
			ReviewCase after = reviews.approve(me, id, comment);
			redirect.addFlashAttribute("notice", !"APPROVED".equals(after.status()) ? "Approved. The next step goes to another reviewer."
					: after.spotCheck() ? "Spot-check done: the course stays as it is." : "Approved: the course is published.");
		}
		catch (ForbiddenException | ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/reviews/" + id;
	}

	@PostMapping("/reviews/{id}/request-changes")
	String requestChanges(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "") String comment,
			@RequestParam(defaultValue = "") String anchor, RedirectAttributes redirect) {
		try {
			ReviewCase after = reviews.requestChanges(me, id, comment, anchor);
			redirect.addFlashAttribute("notice", after.spotCheck()
					? "Changes requested: the author is told; the course stays published until a new version replaces it."
					: "Changes requested: the course is back with its author.");
		}
		catch (ForbiddenException | ConflictException | InvalidInputException e) {
			redirect.addFlashAttribute("problem", message(e));
		}
		return "redirect:/reviews/" + id;
	}

	@PostMapping("/reviews/{id}/reject")
	String reject(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		try {
			reviews.reject(me, id, reason);
			redirect.addFlashAttribute("notice", "Rejected: the author is told why.");
		}
		catch (ForbiddenException | ConflictException | InvalidInputException e) {
			redirect.addFlashAttribute("problem", message(e));
		}
		return "redirect:/reviews/" + id;
	}

	@PostMapping("/reviews/{id}/comments")
	String comment(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "") String anchor, @RequestParam(required = false) String parentId,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		try {
			reviews.comment(me, id, anchor, body, parentId);
			redirect.addFlashAttribute("notice", parentId == null ? "Comment added." : "Reply added.");
		}
		catch (ForbiddenException | ConflictException | InvalidInputException | NotFoundException e) {
			redirect.addFlashAttribute("problem", message(e));
		}
		return "redirect:" + safeBack(back, "/reviews/" + id);
	}

	@PostMapping("/reviews/comments/{commentId}/resolve")
	String resolve(Viewer me, @PathVariable String commentId, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		try {
			reviews.resolve(me, commentId);
			redirect.addFlashAttribute("notice", "Thread resolved.");
		}
		catch (ForbiddenException | ConflictException | InvalidInputException e) {
			redirect.addFlashAttribute("problem", message(e));
		}
		return "redirect:" + safeBack(back, "/reviews");
	}

	/** Where a comment can point: the whole course, a lesson, one of its paragraphs, or a question. */
	static List<String> anchors(Course course) {
		List<String> anchors = new ArrayList<>();
		for (Lesson lesson : course.lessons()) {
			anchors.add("Lesson \"" + lesson.title() + "\"");
			List<String> paragraphs = VersionDiff.paragraphs(lesson.markdown());
			for (int i = 0; i < paragraphs.size(); i++) {
				String p = paragraphs.get(i).replaceAll("\\s+", " ");
				anchors.add("Lesson \"" + lesson.title() + "\", paragraph " + (i + 1) + ": "
						+ (p.length() > 60 ? p.substring(0, 60) + "…" : p));
			}
		}
		for (int i = 0; i < course.quiz().questions().size(); i++) {
			String prompt = course.quiz().questions().get(i).prompt();
			anchors.add("Question " + (i + 1) + ": " + (prompt.length() > 60 ? prompt.substring(0, 60) + "…" : prompt));
		}
		return anchors;
	}

	/** "3 parts are reused from “Running an EBR” on purpose", for each source: why they are not counted as overlap. */
	static List<String> reusedOnPurpose(List<OverlapCheck.ReusedFrom> reused) {
		return reused.stream()
			.map(r -> r.parts() + (r.parts() == 1 ? " part is" : " parts are") + " reused from “" + r.title()
					+ "” on purpose")
			.toList();
	}

	/** Only paths inside Stride: never an open redirect. */
	static String safeBack(String back, String fallback) {
		if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.contains(":")) {
			return fallback;
		}
		return back;
	}

	private static String message(RuntimeException e) {
		return e instanceof InvalidInputException invalid && !invalid.fieldErrors().isEmpty()
				? String.join(" ", invalid.fieldErrors().values()) : e.getMessage();
	}
}
