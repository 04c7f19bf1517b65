package io.stride.analytics.web;

import java.util.List;

import io.stride.analytics.items.ItemAnalysis;
import io.stride.analytics.items.ItemAnalysisFlag;
import io.stride.analytics.items.ItemAnalysisQuestion;
import io.stride.analytics.items.ItemAnalysisReport;
import io.stride.analytics.items.ItemAnalysisThresholds;
import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Item analysis", description = "Quiz statistics per question and per quiz, as in Moodle's quiz statistics "
		+ "report, with flags for questions to improve")
@SecurityRequirement(name = "bearer")
class ItemAnalysisApi {

	private final ItemAnalysis analysis;

	ItemAnalysisApi(ItemAnalysis analysis) {
		this.analysis = analysis;
	}

	/** Schema names in the OpenAPI document are simple class names: these are prefixed so as not to clash. */
	record ItemAnalysisThresholdsBody(Double tooEasy, Double tooHard, Double weakDiscrimination, Integer minimumAttempts,
			Integer revision) {
	}

	record ItemAnalysisFlagView(String kind, Integer option, String message) {

		static ItemAnalysisFlagView of(ItemAnalysisFlag flag) {
			return new ItemAnalysisFlagView(flag.kind().name(), flag.option(), flag.message());
		}
	}

	record ItemAnalysisQuestionView(String questionId, int position, String prompt, String kind, int attempts, Double facility,
			Double standardDeviation, Double discriminationIndex, Double discriminativeEfficiency,
			List<Integer> optionCounts, List<Integer> strongGroupCounts, List<ItemAnalysisFlagView> flags) {

		static ItemAnalysisQuestionView of(ItemAnalysisQuestion q) {
			return new ItemAnalysisQuestionView(q.questionId(), q.position(), q.prompt(), q.kind().name(), q.attempts(), q.facility(),
					q.standardDeviation(), q.discriminationIndex(), q.discriminativeEfficiency(), q.optionCounts(),
					q.strongGroupCounts(), q.flags().stream().map(ItemAnalysisFlagView::of).toList());
		}
	}

	record ItemAnalysisReportView(String courseId, String attemptsCounted, int attempts, Double meanScore, Double medianScore,
			Double standardDeviation, Double cronbachAlpha, List<ItemAnalysisQuestionView> questions) {

		static ItemAnalysisReportView of(ItemAnalysisReport r) {
			return new ItemAnalysisReportView(r.courseId().value(), r.allAttempts() ? "all" : "first", r.attempts(), r.meanScore(),
					r.medianScore(), r.standardDeviation(), r.cronbachAlpha(),
					r.questions().stream().map(ItemAnalysisQuestionView::of).toList());
		}
	}

	@GetMapping("/courses/{id}/item-analysis")
	@Operation(summary = "Item analysis of the course's final quiz: per quiz the attempts, mean, median and standard "
			+ "deviation of the score and Cronbach's alpha (KR-20 for right/wrong questions); per question the facility, "
			+ "standard deviation, discrimination index, discriminative efficiency, picks per option and flags. Defined as "
			+ "in Moodle's quiz statistics; scores and facility as fractions from 0 to 1, null when not computable. "
			+ "Questions are flagged only from the thresholds' minimum number of attempts. For the course's editors, "
			+ "admins and L&D reviewers; 404 for everyone else")
	ItemAnalysisReportView report(Viewer me, @PathVariable String id,
			@Parameter(description = "first (each learner's first attempt, the "
					+ "default) or all") @RequestParam(defaultValue = "first") String attempts) {
		return ItemAnalysisReportView.of(analysis.of(me, new CourseId(id), ItemAnalysisController.all(attempts)));
	}

	@GetMapping("/item-analysis/thresholds")
	@Operation(summary = "The thresholds that flag questions: too easy (facility above), too hard (facility below) "
			+ "and weak discrimination (index below), the attempts a question needs before it is flagged, and the revision "
			+ "to send back when changing them")
	ItemAnalysisThresholds thresholds(Viewer signedIn) {
		return analysis.thresholds();
	}

	@PutMapping("/item-analysis/thresholds")
	@Operation(summary = "Change the thresholds (admins; 403 otherwise). 422 with errors per field for values out of "
			+ "range (facility 0 to 1, too hard below too easy, discrimination -1 to 1, minimum attempts 1 to 1000; left "
			+ "out, the minimum keeps its value); 409 when 'revision' is not the one last saved")
	ItemAnalysisThresholds change(Viewer me, @RequestBody ItemAnalysisThresholdsBody body) {
		return analysis.changeThresholds(me, new ItemAnalysisThresholds.Change(body.tooEasy(),
				body.tooHard(), body.weakDiscrimination(), body.minimumAttempts(), body.revision()));
	}
}
