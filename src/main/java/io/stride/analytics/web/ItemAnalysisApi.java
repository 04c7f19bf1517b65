package io.stride.analytics.web;

import java.util.List;

import io.stride.analytics.ItemAnalysis;
import io.stride.analytics.ItemAnalysisFlag;
import io.stride.analytics.ItemAnalysisQuestion;
import io.stride.analytics.ItemAnalysisReport;
import io.stride.analytics.ItemAnalysisThresholds;
import io.stride.authoring.CourseId;
import io.stride.identity.Organization;
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

	private final Organization organization;

	ItemAnalysisApi(ItemAnalysis analysis, Organization organization) {
		this.analysis = analysis;
		this.organization = organization;
	}

	record FlagView(String kind, Integer option, String message) {

		static FlagView of(ItemAnalysisFlag flag) {
			return new FlagView(flag.kind().name(), flag.option(), flag.message());
		}
	}

	record QuestionView(String questionId, int position, String prompt, String kind, int attempts, Double facility,
			Double standardDeviation, Double discriminationIndex, Double discriminativeEfficiency,
			List<Integer> optionCounts, List<Integer> strongGroupCounts, List<FlagView> flags) {

		static QuestionView of(ItemAnalysisQuestion q) {
			return new QuestionView(q.questionId(), q.position(), q.prompt(), q.kind().name(), q.attempts(), q.facility(),
					q.standardDeviation(), q.discriminationIndex(), q.discriminativeEfficiency(), q.optionCounts(),
					q.strongGroupCounts(), q.flags().stream().map(FlagView::of).toList());
		}
	}

	record ReportView(String courseId, String attemptsCounted, int attempts, Double meanScore, Double medianScore,
			Double standardDeviation, Double cronbachAlpha, List<QuestionView> questions) {

		static ReportView of(ItemAnalysisReport r) {
			return new ReportView(r.courseId().value(), r.allAttempts() ? "all" : "first", r.attempts(), r.meanScore(),
					r.medianScore(), r.standardDeviation(), r.cronbachAlpha(),
					r.questions().stream().map(QuestionView::of).toList());
		}
	}

	@GetMapping("/courses/{id}/item-analysis")
	@Operation(summary = "Item analysis of the course's final quiz: per quiz the attempts, mean, median and standard "
			+ "deviation of the score and Cronbach's alpha (KR-20 for right/wrong questions); per question the facility, "
			+ "standard deviation, discrimination index, discriminative efficiency, picks per option and flags. Defined as "
			+ "in Moodle's quiz statistics; scores and facility as fractions from 0 to 1, null when not computable. "
			+ "For the course's editors, reviewers and admins; 404 for everyone else")
	ReportView report(@PathVariable String id, @Parameter(description = "first (each learner's first attempt, the "
			+ "default) or all") @RequestParam(defaultValue = "first") String attempts) {
		return ReportView.of(analysis.of(organization.currentViewer(), new CourseId(id), ItemAnalysisController.all(attempts)));
	}

	@GetMapping("/item-analysis/thresholds")
	@Operation(summary = "The thresholds that flag questions: too easy (facility above), too hard (facility below) "
			+ "and weak discrimination (index below), with the revision to send back when changing them")
	ItemAnalysisThresholds thresholds() {
		organization.currentViewer();
		return analysis.thresholds();
	}

	@PutMapping("/item-analysis/thresholds")
	@Operation(summary = "Change the thresholds (admins; 403 otherwise). 422 with errors per field for values out of "
			+ "range (facility 0 to 1, too hard below too easy, discrimination -1 to 1); 409 when 'revision' is not the "
			+ "one last saved")
	ItemAnalysisThresholds change(@RequestBody ItemAnalysisThresholds.Change change) {
		return analysis.changeThresholds(organization.currentViewer(), change);
	}
}
