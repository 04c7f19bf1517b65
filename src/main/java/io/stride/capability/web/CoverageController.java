package io.stride.capability.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.capability.CapabilityCoverage;
import io.stride.capability.CapabilityId;
import io.stride.capability.Coverage;
import io.stride.capability.CoverageStatus;
import io.stride.capability.ExpiringHolding;
import io.stride.capability.MissingEvidence;
import io.stride.capability.TeamCoverage;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team's coverage page: each capability against its target today or on a day of the forecast, the people closest
 * to qualifying with one click to assign the course or ask for the sign-off they lack, what expires, and coverage
 * over time with a snapshot on demand.
 */
@Controller
class CoverageController {

	static final CapabilityWords WORDS = new CapabilityWords();

	/** A manager's one-click assignment is due in this many days unless they pick a day. */
	static final int DEFAULT_DUE_DAYS = 30;

	private final Coverage coverage;

	private final Authoring authoring;

	private final Organization organization;

	private final Clock clock;

	CoverageController(Coverage coverage, Authoring authoring, Organization organization, Clock clock) {
		this.coverage = coverage;
		this.authoring = authoring;
		this.organization = organization;
		this.clock = clock;
	}

	/** One capability's points over time, oldest first, for the trend table and the sparkline. */
	record TrendLine(String capabilityId, String name, List<Coverage.TrendPoint> points, String sparkline) {
	}

	@GetMapping("/teams/{id}/coverage")
	String coverage(Viewer me, @PathVariable String id, @RequestParam(required = false) String on, Model model,
			HttpServletResponse response) {
		TeamId team = new TeamId(id);
		Map<String, String> errors = new LinkedHashMap<>();
		TeamCoverage view;
		try {
			view = coverage.coverage(me, team, day(on));
		}
		catch (InvalidInputException e) {
			// a day out of the forecast's reach: today's coverage, and the reason next to the date field
			response.setStatus(422);
			errors.put("on", e.fieldErrors().getOrDefault("on", e.getMessage()));
			view = coverage.coverage(me, team, null);
		}
		model.addAttribute("errors", errors);
		model.addAttribute("onText", on);
		return page(model, me, view);
	}

	@PostMapping("/teams/{id}/coverage/assign")
	String assign(Viewer me, @PathVariable String id, @RequestParam String personId, @RequestParam String capabilityId,
			@RequestParam String courseId, @RequestParam(required = false) String dueDate,
			RedirectAttributes redirect) {
		LocalDate due;
		try {
			due = dueDate == null || dueDate.isBlank() ? LocalDate.now(clock).plusDays(DEFAULT_DUE_DAYS)
					: LocalDate.parse(dueDate.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("dueDate", "Give the due date as a date, e.g. 2027-01-31.");
		}
		coverage.assignMissingCourse(me, new PersonId(personId), new CapabilityId(capabilityId), new CourseId(courseId), due);
		String title = authoring.titles(List.of(new CourseId(courseId))).getOrDefault(new CourseId(courseId), "the course");
		redirect.addFlashAttribute("notice", "Assigned “" + title + "”, due " + WORDS.longDay(due) + ".");
		return "redirect:/teams/" + id + "/coverage";
	}

	@PostMapping("/teams/{id}/coverage/sign-off-requests")
	String requestSignOff(Viewer me, @PathVariable String id, @RequestParam String personId,
			@RequestParam String capabilityId, @RequestParam String taskId, RedirectAttributes redirect) {
		coverage.requestSignOff(me, new PersonId(personId), new CapabilityId(capabilityId), taskId);
		redirect.addFlashAttribute("notice", "Asked for the sign-off: the people who may sign it off are notified.");
		return "redirect:/teams/" + id + "/coverage";
	}

	@PostMapping("/teams/{id}/coverage/snapshots")
	String snapshot(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		int rows = coverage.snapshot(me, new TeamId(id));
		redirect.addFlashAttribute("notice", rows == 0 ? "Nothing to snapshot: no capability of this team has a target."
				: "Took today's snapshot of " + (rows == 1 ? "1 capability." : rows + " capabilities."));
		return "redirect:/teams/" + id + "/coverage#trend";
	}

	private String page(Model model, Viewer me, TeamCoverage view) {
		List<CapabilityCoverage> capabilities = view.capabilities();
		long shortNow = capabilities.stream().filter(c -> c.status() == CoverageStatus.SHORT).count();
		long atRisk = capabilities.stream().filter(c -> c.status() == CoverageStatus.AT_RISK).count();
		long shortSoon = capabilities.stream()
			.filter(c -> c.status() != CoverageStatus.SHORT && !c.forecast().isEmpty())
			.count();
		model.addAttribute("view", view);
		model.addAttribute("team", view.team());
		model.addAttribute("words", WORDS);
		model.addAttribute("summary", summary(shortNow, atRisk, shortSoon));
		model.addAttribute("anyTarget", capabilities.stream().anyMatch(c -> c.target() != null));
		model.addAttribute("courseTitles", courseTitles(capabilities));
		model.addAttribute("defaultDue", LocalDate.now(clock).plusDays(DEFAULT_DUE_DAYS).toString());
		model.addAttribute("maxDay", view.today().plusDays(Coverage.FORECAST_DAYS).toString());
		model.addAttribute("mayAct", organization.canManage(me, view.team().id()));
		model.addAttribute("trend", trend(coverage.trend(me, view.team().id())));
		return "capabilities/coverage";
	}

	static String summary(long shortNow, long atRisk, long shortSoon) {
		List<String> parts = new ArrayList<>();
		if (shortNow > 0) {
			parts.add(shortNow + (shortNow == 1 ? " capability short" : " capabilities short"));
		}
		if (atRisk > 0) {
			parts.add(atRisk + " at risk");
		}
		if (shortSoon > 0) {
			parts.add(shortSoon + " short within " + Coverage.FORECAST_DAYS + " days");
		}
		return parts.isEmpty() ? "Every target is met, with someone to spare." : String.join(", ", parts) + ".";
	}

	private Map<String, String> courseTitles(List<CapabilityCoverage> capabilities) {
		List<CourseId> courses = Stream.concat(
				capabilities.stream().flatMap(c -> c.closest().stream()).flatMap(candidate -> candidate.missing().stream()),
				capabilities.stream().flatMap(c -> c.expiring().stream()).map(ExpiringHolding::renewal).filter(Objects::nonNull))
			.map(MissingEvidence::courseId)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		Map<String, String> titles = new LinkedHashMap<>();
		if (!courses.isEmpty()) {
			authoring.titles(courses).forEach((course, title) -> titles.put(course.value(), title));
		}
		return titles;
	}

	static List<TrendLine> trend(List<Coverage.TrendPoint> points) {
		Map<String, List<Coverage.TrendPoint>> byCapability = new LinkedHashMap<>();
		points.stream()
			.sorted(Comparator.comparing(Coverage.TrendPoint::takenOn))
			.forEach(p -> byCapability.computeIfAbsent(p.capabilityId().value(), k -> new ArrayList<>()).add(p));
		return byCapability.entrySet()
			.stream()
			.map(e -> new TrendLine(e.getKey(), e.getValue().get(0).name(), e.getValue(), sparkline(e.getValue())))
			.sorted(Comparator.comparing(TrendLine::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** The points of an SVG polyline 100 wide and 20 high; the table beside it says the same in words. */
	static String sparkline(List<Coverage.TrendPoint> points) {
		if (points.size() < 2) {
			return "";
		}
		int max = Math.max(1, points.stream().mapToInt(p -> Math.max(p.qualified(), p.target())).max().orElse(1));
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < points.size(); i++) {
			double x = 100.0 * i / (points.size() - 1);
			double y = 20 - 20.0 * points.get(i).qualified() / max;
			line.append(i == 0 ? "" : " ").append(Math.round(x * 10) / 10.0).append(',').append(Math.round(y * 10) / 10.0);
		}
		return line.toString();
	}

	static LocalDate day(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("on", "Give the day as a date, e.g. 2027-01-14.");
		}
	}
}
