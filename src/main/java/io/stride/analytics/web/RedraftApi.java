package io.stride.analytics.web;

import java.util.List;

import io.stride.analytics.redrafts.Redraft;
import io.stride.analytics.redrafts.RedraftReport;
import io.stride.analytics.redrafts.Redrafts;
import io.stride.analytics.web.ItemAnalysisApi.ItemAnalysisQuestionView;
import io.stride.authoring.CourseId;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.SourceNote;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/courses/{id}")
@Tag(name = "Redrafts", description = "The redraft loop of item analysis: alternatives to a flagged question from the "
		+ "same source passage, the chosen one saved in its place, and the question's statistics before and after")
@SecurityRequirement(name = "bearer")
class RedraftApi {

	private final Redrafts redrafts;

	RedraftApi(Redrafts redrafts) {
		this.redrafts = redrafts;
	}

	/** A question as it is written; for choice kinds 'correct' holds the indexes of the right options. */
	record RedraftQuestionBody(String kind, String prompt, List<String> options, List<Integer> correct,
			String explanation) {

		static RedraftQuestionBody of(Question q) {
			return new RedraftQuestionBody(q.kind().name(), q.prompt(), q.options(), q.correct(), q.explanation());
		}

		Question question() {
			QuestionKind parsed = null;
			if (kind != null) {
				try {
					parsed = QuestionKind.valueOf(kind.strip());
				}
				catch (IllegalArgumentException e) {
					// left null: the rules name the field
				}
			}
			if (parsed == null || !(parsed.choice() || parsed == QuestionKind.ORDERING)) {
				throw new InvalidInputException("question.kind",
						"Choose SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE or ORDERING.");
			}
			return new Question(null, parsed, prompt, options, correct, explanation);
		}
	}

	record RedraftSourceView(String source, String locator, String text) {

		static RedraftSourceView of(SourceNote note) {
			return note == null ? null : new RedraftSourceView(note.source(), note.locator(), note.text());
		}
	}

	record RedraftAlternativesView(String courseId, int revision, String status, String questionId,
			RedraftQuestionBody question, RedraftSourceView source, ItemAnalysisQuestionView statistics,
			List<RedraftQuestionBody> alternatives) {
	}

	record RedraftBody(Integer revision, RedraftQuestionBody question) {
	}

	record RedraftView(String redraftId, String courseId, String oldQuestionId, String newQuestionId,
			Integer fromVersion, int madeInVersion) {

		static RedraftView of(Redraft r) {
			return new RedraftView(r.id(), r.courseId().value(), r.oldQuestionId(), r.newQuestionId(), r.fromVersion(),
					r.madeInVersion());
		}
	}

	record RedraftReportView(String redraftId, String oldQuestionId, String oldPrompt, String newQuestionId,
			String newPrompt, Integer fromVersion, int madeInVersion, String state, Integer publishedInVersion,
			String redraftedBy, String redraftedAt, ItemAnalysisQuestionView before, ItemAnalysisQuestionView after,
			int afterAttempts, int attemptsNeeded) {

		static RedraftReportView of(RedraftReport r) {
			Redraft d = r.redraft();
			return new RedraftReportView(d.id(), d.oldQuestionId(), r.oldPrompt(), d.newQuestionId(), r.newPrompt(),
					d.fromVersion(), d.madeInVersion(), r.state().name(), r.publishedIn(), d.by().value(),
					d.at().toString(), r.before() == null ? null : ItemAnalysisQuestionView.of(r.before()),
					r.after() == null ? null : ItemAnalysisQuestionView.of(r.after()), r.afterAttempts(),
					r.attemptsNeeded());
		}
	}

	@PostMapping("/questions/{questionId}/alternatives")
	@Operation(summary = "Draft up to three alternatives to a question of the course's working copy from the passage it "
			+ "was drafted from; nothing is saved, and the list is empty when the lessons give nothing new. With the "
			+ "question's statistics and the course's revision to send back with the redraft. For the course's editors "
			+ "and admins; 403 for its reviewers, 404 for everyone else and for a question the course never had; 409 for a "
			+ "question learners still have that the draft already replaced")
	RedraftAlternativesView alternatives(Viewer me, @PathVariable String id, @PathVariable String questionId) {
		Redrafts.Alternatives a = redrafts.alternatives(me, new CourseId(id), questionId);
		return new RedraftAlternativesView(id, a.course().revision(), a.course().status().name(), questionId,
				RedraftQuestionBody.of(a.question()), RedraftSourceView.of(a.question().source()),
				a.analysed().map(ItemAnalysisQuestionView::of).orElse(null),
				a.candidates().stream().map(RedraftQuestionBody::of).toList());
	}

	@PostMapping("/questions/{questionId}/redraft")
	@Operation(summary = "Save a question (an alternative, edited or not) in place of this one in the working copy, "
			+ "keeping its source note; a published course gets a new draft version, which is then published or "
			+ "submitted for review as usual (POST /api/v1/courses/{id}/publish). The answer names the new question. "
			+ "422 with errors per field (question.prompt, question.options, ...), 409 when 'revision' is stale, the "
			+ "course is in review or the draft already replaced the question; 403 for the course's reviewers, 404 for everyone else")
	RedraftView redraft(Viewer me, @PathVariable String id, @PathVariable String questionId,
			@RequestBody RedraftBody body) {
		if (body == null) {
			throw new InvalidInputException("question", "Send the revision and the new question.");
		}
		if (body.question() == null) {
			throw new InvalidInputException("question", "Send the new question.");
		}
		return RedraftView.of(redrafts.redraft(me, new CourseId(id), questionId,
				body.revision(), body.question().question()));
	}

	@GetMapping("/redrafts")
	@Operation(summary = "The course's redrafted questions, oldest first: old and new question, state (DRAFT, "
			+ "IN_REVIEW, PUBLISHED, WITHDRAWN), and the statistics of each over each learner's first attempt that was "
			+ "asked it; 'after' stays null until the new question is published and has 10 such attempts "
			+ "('attemptsNeeded' says how many more). For the course's editors, reviewers and admins; 404 otherwise")
	List<RedraftReportView> list(Viewer me, @PathVariable String id) {
		return redrafts.of(me, new CourseId(id)).stream().map(RedraftReportView::of).toList();
	}
}
