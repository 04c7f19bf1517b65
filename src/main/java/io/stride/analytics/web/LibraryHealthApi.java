package io.stride.analytics.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.stride.analytics.libraryhealth.LibraryHealth;
import io.stride.analytics.libraryhealth.LibraryHealthFilter;
import io.stride.analytics.libraryhealth.LibraryHealthReport;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Analytics", description = "Course figures from the learning record, and where learners struggle")
@SecurityRequirement(name = "bearer")
class LibraryHealthApi {

	private final LibraryHealth health;

	LibraryHealthApi(LibraryHealth health) {
		this.health = health;
	}

	record LibraryHealthCourseView(String courseId, String title, String state, String age, Instant since,
			LocalDate reviewByDate, String reviewBy, String use, Instant lastOpenedAt) {
	}

	record LibraryHealthView(String scope, int idleDays, int total, Map<String, Integer> byState,
			Map<String, Integer> byAge, Map<String, Integer> byReviewBy, Map<String, Integer> byUse,
			Map<String, Integer> openProposals, List<LibraryHealthCourseView> courses) {

		static LibraryHealthView of(LibraryHealthReport r) {
			return new LibraryHealthView(r.everything() ? "organization" : "mine", r.idleDays(), r.total(),
					LibraryHealthController.names(r.byState()), LibraryHealthController.names(r.byAge()),
					LibraryHealthController.names(r.byReviewBy()), LibraryHealthController.names(r.byUse()),
					LibraryHealthController.names(r.openProposals()),
					r.courses()
						.stream()
						.map(e -> new LibraryHealthCourseView(e.courseId().value(), e.title(), e.state().name(),
								e.age().name(), e.since(), e.reviewByDate(), e.reviewBy() == null ? null : e.reviewBy().name(),
								e.use() == null ? null : e.use().name(), e.lastOpenedAt()))
						.toList());
		}
	}

	@GetMapping("/analytics/library-health")
	@Operation(summary = "The library's health: courses by state (DRAFT, IN_REVIEW, PUBLISHED, RETIRED), by age since "
			+ "first publication or creation (UNDER_3_MONTHS, UNDER_1_YEAR, OVER_1_YEAR), published courses by review-by "
			+ "date (OVERDUE, DUE_SOON within 30 days, LATER, NONE) and by use in the idle period (OPENED, IDLE), and open "
			+ "lifecycle proposals (ARCHIVE, REFINE). Admins get the organization's library, everyone else the courses "
			+ "they wrote (scope says which). With any filter, courses lists the matching courses; 422 for an unknown "
			+ "filter value")
	LibraryHealthView libraryHealth(Viewer me,
			@Parameter(description = "DRAFT, IN_REVIEW, PUBLISHED or RETIRED") @RequestParam(required = false) String state,
			@Parameter(description = "UNDER_3_MONTHS, UNDER_1_YEAR or OVER_1_YEAR")
			@RequestParam(required = false) String age,
			@Parameter(description = "OVERDUE, DUE_SOON, LATER or NONE") @RequestParam(required = false) String reviewBy,
			@Parameter(description = "OPENED or IDLE") @RequestParam(required = false) String use) {
		LibraryHealthFilter filter = LibraryHealthFilter.of(state, age, reviewBy, use);
		return LibraryHealthView.of(health.report(me, filter));
	}
}
