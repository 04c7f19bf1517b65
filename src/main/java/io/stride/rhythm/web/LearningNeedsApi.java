package io.stride.rhythm.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.stride.authoring.CourseId;
import io.stride.capability.CapabilityId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.LearningNeed;
import io.stride.rhythm.LearningNeedId;
import io.stride.rhythm.LearningNeeds;
import io.stride.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@Tag(name = "Learning needs", description = "What people struggle with, filed for colleagues to add their voice to; "
		+ "a manager or L&D turns a need into a commission (POST /api/v1/commissions with needId) or answers it with "
		+ "an existing course")
@SecurityRequirement(name = "bearer")
class LearningNeedsApi {

	private final LearningNeeds needs;

	LearningNeedsApi(LearningNeeds needs) {
		this.needs = needs;
	}

	record NeedBody(String what, String capabilityId, String teamId) {
	}

	record VoiceBody(String note) {
	}

	record AnswerBody(String courseId) {
	}

	record VoiceView(String personId, String name, String note, Instant at) {
	}

	/** {@code voices}: colleagues who added theirs (the filer not counted); {@code voters} only on one need's read. */
	record NeedView(String id, String status, String what, String filedById, String filedByName, String capabilityId,
			String capabilityName, String teamId, String teamName, int voices, boolean votedByMe, String commissionId,
			String answerCourseId, String answerCourseTitle, Instant answeredAt, Instant createdAt, boolean mayDecide,
			List<VoiceView> voters) {

		static NeedView of(LearningNeed n) {
			return new NeedView(n.id().value(), n.status().name(), n.what(), n.filedBy().value(), n.filedByName(),
					n.capability() == null ? null : n.capability().value(), n.capabilityName(),
					n.team() == null ? null : n.team().value(), n.teamName(), n.voices(), n.votedByViewer(),
					n.commission() == null ? null : n.commission().value(),
					n.answerCourse() == null ? null : n.answerCourse().value(), n.answerCourseTitle(), n.answeredAt(),
					n.createdAt(), n.mayDecide(), n.voters()
						.stream()
						.map(v -> new VoiceView(v.person().value(), v.name(), v.note(), v.at()))
						.toList());
		}
	}

	@PostMapping("/learning-needs")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "File a learning need (anyone). 422 at the field: what empty or over 1000 characters, an "
			+ "unknown capabilityId or teamId")
	NeedView file(Viewer me, @RequestBody NeedBody body) {
		return NeedView.of(needs.file(me, body.what(),
				ApiValues.blank(body.capabilityId()) ? null : new CapabilityId(body.capabilityId().strip()),
				ApiValues.blank(body.teamId()) ? null : new TeamId(body.teamId().strip())));
	}

	@GetMapping("/learning-needs")
	@Operation(summary = "Learning needs by most voices, then newest (at most 200), for anyone signed in; answered ones "
			+ "stay listed")
	List<NeedView> list(Viewer me,
			@Parameter(description = "OPEN, COMMISSIONED or ANSWERED; all when absent") @RequestParam(required = false) String status,
			@RequestParam(required = false) String teamId, @RequestParam(required = false) String capabilityId,
			@Parameter(description = "words the need contains") @RequestParam(required = false) String q) {
		return needs.list(me, filter(status, teamId, capabilityId, q))
			.stream()
			.map(NeedView::of)
			.toList();
	}

	static LearningNeeds.Filter filter(String status, String teamId, String capabilityId, String q) {
		LearningNeed.Status wanted = null;
		if (!ApiValues.blank(status)) {
			try {
				wanted = LearningNeed.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException("status", "Choose OPEN, COMMISSIONED or ANSWERED.");
			}
		}
		return new LearningNeeds.Filter(wanted, ApiValues.blank(teamId) ? null : new TeamId(teamId.strip()),
				ApiValues.blank(capabilityId) ? null : new CapabilityId(capabilityId.strip()), q);
	}

	@GetMapping("/learning-needs/{id}")
	@Operation(summary = "A learning need with who added their voice (404 for an unknown id)")
	NeedView get(Viewer me, @PathVariable String id) {
		return NeedView.of(needs.need(me, new LearningNeedId(id)));
	}

	@PostMapping("/learning-needs/{id}/voices")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add your voice, with an optional note (up to 500 characters, else 422 at note); 422 for the "
			+ "filer or an answered need, 409 for a second voice")
	NeedView voice(Viewer me, @PathVariable String id, @RequestBody(required = false) VoiceBody body) {
		return NeedView.of(needs.addVoice(me, new LearningNeedId(id),
				body == null ? null : body.note()));
	}

	@DeleteMapping("/learning-needs/{id}/voices/me")
	@Operation(summary = "Withdraw your voice (404 when you added none)")
	NeedView withdraw(Viewer me, @PathVariable String id) {
		return NeedView.of(needs.withdrawVoice(me, new LearningNeedId(id)));
	}

	@PostMapping("/learning-needs/{id}/answer")
	@Operation(summary = "Answer the need with an existing published course; the filer and every voice are notified. "
			+ "For managers of the need's team (of the filer's teams when it names none), L&D and admins (403 for "
			+ "others); 422 at courseId for a course not published; 409 once answered")
	NeedView answer(Viewer me, @PathVariable String id, @RequestBody AnswerBody body) {
		return NeedView.of(needs.answer(me, new LearningNeedId(id),
				ApiValues.blank(body.courseId()) ? null : new CourseId(body.courseId().strip())));
	}
}
