package io.stride.capability.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.stride.capability.Candidate;
import io.stride.capability.CapabilityCoverage;
import io.stride.capability.CapabilityId;
import io.stride.capability.CapabilityMatrix;
import io.stride.capability.CapabilityProfiles;
import io.stride.capability.Coverage;
import io.stride.capability.ExpiringHolding;
import io.stride.capability.MissingEvidence;
import io.stride.capability.PersonCapabilities;
import io.stride.capability.PersonRef;
import io.stride.capability.RiskReport;
import io.stride.capability.Shortfall;
import io.stride.capability.Target;
import io.stride.capability.TeamCoverage;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.CsvDownload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Capability coverage", description = "A person's capabilities, team targets and coverage with the 90-day "
		+ "forecast, the people × capabilities matrix, the organization's risk report and coverage snapshots")
@SecurityRequirement(name = "bearer")
class CoverageApi {

	private final Coverage coverage;

	private final CapabilityProfiles profiles;

	private final Organization organization;

	private final Clock clock;

	CoverageApi(Coverage coverage, CapabilityProfiles profiles, Organization organization, Clock clock) {
		this.coverage = coverage;
		this.profiles = profiles;
		this.organization = organization;
		this.clock = clock;
	}

	record LevelView(int rank, String name) {
	}

	record PersonView(String id, String name) {

		static PersonView of(PersonRef p) {
			return new PersonView(p.id().value(), p.name());
		}
	}

	/** {@code inherited}: set on a team above ({@code setOn}), which applies because this team set none. */
	record TargetView(String capabilityId, String setOn, String setOnName, LevelView level, int minPeople,
			boolean inherited) {

		static TargetView of(Target t) {
			return t == null ? null : new TargetView(t.capabilityId().value(), t.setOn().value(), t.setOnName(),
					new LevelView(t.levelRank(), t.levelName()), t.minPeople(), t.inherited());
		}
	}

	record TargetBody(Integer level, Integer minPeople) {
	}

	/** The target as set, the team's size and, when the target asks for more people than that, a warning. */
	record TargetSetView(String capabilityId, String setOn, String setOnName, LevelView level, int minPeople,
			boolean inherited, int members, String warning) {
	}

	record ShortfallView(LocalDate from, LocalDate to, int available, List<String> reasons) {

		static ShortfallView of(Shortfall s) {
			return new ShortfallView(s.from(), s.to(), s.available(), s.reasons());
		}
	}

	/** {@code action}: ASSIGN_COURSE, REQUEST_SIGN_OFF, PRACTICE, CERTIFICATE, VALIDATION or OUTSIDE_ACTIVITY. */
	record MissingView(String ruleId, String kind, String description, String action, String courseId, String taskId) {

		static MissingView of(MissingEvidence m) {
			return new MissingView(m.ruleId(), m.kind().name(), m.description(), m.action(),
					m.courseId() == null ? null : m.courseId().value(), m.taskId());
		}
	}

	record CandidateView(String personId, String name, LevelView level, List<MissingView> missing) {

		static CandidateView of(Candidate c) {
			return new CandidateView(c.personId().value(), c.name(),
					c.levelRank() == null ? null : new LevelView(c.levelRank(), c.levelName()),
					c.missing().stream().map(MissingView::of).toList());
		}
	}

	record ExpiringView(String personId, String name, LevelView level, LocalDate expiresOn, long daysLeft) {

		static ExpiringView of(ExpiringHolding e) {
			return new ExpiringView(e.personId().value(), e.name(), new LevelView(e.levelRank(), e.levelName()),
					e.expiresOn(), e.daysLeft());
		}
	}

	/** {@code status}: COVERED, AT_RISK (exactly at target), SHORT or NO_TARGET. */
	record CapabilityCoverageView(String capabilityId, String name, String category, LevelView level, TargetView target,
			List<PersonView> qualified, List<PersonView> away, String status, int busFactor, List<ShortfallView> forecast,
			List<CandidateView> closest, List<ExpiringView> expiring, boolean targetAboveTeamSize, String summary) {

		static CapabilityCoverageView of(CapabilityCoverage c) {
			return new CapabilityCoverageView(c.capabilityId().value(), c.name(), c.category(),
					new LevelView(c.levelRank(), c.levelName()), TargetView.of(c.target()),
					c.qualified().stream().map(PersonView::of).toList(), c.away().stream().map(PersonView::of).toList(),
					c.status().name(), c.busFactor(), c.forecast().stream().map(ShortfallView::of).toList(),
					c.closest().stream().map(CandidateView::of).toList(),
					c.expiring().stream().map(ExpiringView::of).toList(), c.targetAboveTeamSize(), c.summary());
		}
	}

	record TeamView(String id, String name) {
	}

	record CoverageView(TeamView team, LocalDate on, LocalDate today, int members,
			List<CapabilityCoverageView> capabilities) {
	}

	record ColumnView(String capabilityId, String name, String category, List<LevelView> levels, TargetView target,
			String status, int qualified) {
	}

	/** {@code level} null: none held; {@code selfAssessed}: what the person says, never counted. */
	record CellView(String capabilityId, LevelView level, LocalDate expiresOn, LevelView selfAssessed) {
	}

	record RowView(String personId, String name, List<CellView> cells) {
	}

	record MatrixView(TeamView team, LocalDate on, List<ColumnView> columns, List<RowView> rows) {
	}

	record TeamRiskView(String teamId, String teamName, String status, int qualified, int target, String levelName,
			int busFactor, LocalDate shortFrom, LocalDate shortTo) {
	}

	record CapabilityRiskView(String capabilityId, String name, String category, int teamsShort, int teamsAtRisk,
			int teamsShortSoon, LocalDate firstShortOn, List<TeamRiskView> teams) {
	}

	record RiskView(LocalDate on, List<CapabilityRiskView> capabilities) {
	}

	/** {@code kind}: COURSE_MASTERED, TASK_SIGNED_OFF, SPACED_REVIEWS, CERTIFICATE or VALIDATIONS. */
	record RuleView(String ruleId, String kind, String label, boolean met, String description, LocalDate validUntil,
			Long expiresInDays) {

		static RuleView of(PersonCapabilities.RuleEvidence r) {
			return new RuleView(r.rule().id(), r.rule().kind().name(), r.rule().label(), r.met(), r.description(),
					r.validUntil(), r.expiresInDays());
		}
	}

	record LevelEvidenceView(int rank, String name, boolean holds, LocalDate validUntil, List<RuleView> rules) {
	}

	record SelfAssessmentView(LevelView level, String note, Instant updatedAt) {
	}

	/** {@code status}: PENDING, CONFIRMED or REJECTED. */
	record CertificateView(String id, String name, String issuer, LocalDate issuedOn, LocalDate expiresOn, String status,
			String fileName, String decisionNote, Instant uploadedAt) {
	}

	/** {@code level} null: none held today; {@code expiresOn} null: it does not expire. */
	record HeldView(String capabilityId, String name, String category, LevelView level, LocalDate expiresOn,
			Long expiresInDays, List<LevelEvidenceView> levels, SelfAssessmentView selfAssessment,
			List<CertificateView> certificates) {

		static HeldView of(PersonCapabilities.Held h) {
			var s = h.selfAssessment();
			return new HeldView(h.capability().id().value(), h.capability().name(), h.capability().category(),
					h.levelRank() == null ? null : new LevelView(h.levelRank(), h.levelName()), h.expiresOn(),
					h.expiresInDays(),
					h.levels().stream().map(l -> new LevelEvidenceView(l.rank(), l.name(), l.holds(), l.validUntil(),
							l.rules().stream().map(RuleView::of).toList())).toList(),
					s == null ? null : new SelfAssessmentView(new LevelView(s.levelRank(), s.levelName()), s.note(), s.updatedAt()),
					h.certificates().stream().map(c -> new CertificateView(c.id(), c.name(), c.issuer(), c.issuedOn(),
							c.expiresOn(), c.status(), c.fileName(), c.decisionNote(), c.uploadedAt())).toList());
		}
	}

	record ProfileView(String personId, String name, LocalDate on, List<HeldView> capabilities) {
	}

	@GetMapping("/people/{id}/capabilities")
	@Operation(summary = "A person's capabilities: the level held, the evidence per level and rule, expiry, the "
			+ "self-assessment (never counted) and certificates; for the person, their managers, admins and L&D (404 otherwise)")
	ProfileView personCapabilities(Viewer me, @PathVariable String id) {
		PersonCapabilities p = profiles.profile(me, new PersonId(id));
		return new ProfileView(p.personId().value(), p.name(), p.on(), p.capabilities().stream().map(HeldView::of).toList());
	}

	@GetMapping("/teams/{id}/capability-targets")
	@Operation(summary = "The targets that apply to the team: its own and those inherited from the nearest team above "
			+ "(managers of the team, admins; 404 otherwise)")
	List<TargetView> targets(Viewer me, @PathVariable String id) {
		return coverage.targets(me, new TeamId(id)).stream().map(TargetView::of).toList();
	}

	@PutMapping("/teams/{id}/capability-targets/{capabilityId}")
	@Operation(summary = "Set the team's own target \"at least minPeople at level or above\"; 422 for minPeople ≤ 0, an "
			+ "unknown level or a retired capability; above the team's size is allowed, with a warning")
	TargetSetView setTarget(Viewer me, @PathVariable String id, @PathVariable String capabilityId,
			@RequestBody TargetBody body) {
		if (body.level() == null) {
			throw new InvalidInputException("level", "Give the level's rank, e.g. 2.");
		}
		if (body.minPeople() == null) {
			throw new InvalidInputException("minPeople", "Give the number of people, e.g. 2.");
		}
		Coverage.TargetSet set = coverage.setTarget(me, new TeamId(id),
				new CapabilityId(capabilityId), body.level(), body.minPeople());
		Target t = set.target();
		return new TargetSetView(t.capabilityId().value(), t.setOn().value(), t.setOnName(),
				new LevelView(t.levelRank(), t.levelName()), t.minPeople(), t.inherited(), set.members(), set.warning());
	}

	@DeleteMapping("/teams/{id}/capability-targets/{capabilityId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove the team's own target; one set above the team applies again if there is one")
	void removeTarget(Viewer me, @PathVariable String id, @PathVariable String capabilityId) {
		coverage.removeTarget(me, new TeamId(id), new CapabilityId(capabilityId));
	}

	@GetMapping("/teams/{id}/coverage")
	@Operation(summary = "The team's coverage today, or on a day of the 90-day forecast ('on', 422 beyond): qualified "
			+ "people, target, status, bus factor, shortfalls, who is closest and what expires; managers of the team "
			+ "tree, admins and L&D (404 otherwise)")
	CoverageView coverage(Viewer me, @PathVariable String id, @RequestParam(required = false) String on) {
		TeamCoverage c = coverage.coverage(me, new TeamId(id), CoverageController.day(on));
		return new CoverageView(new TeamView(c.team().id().value(), c.team().name()), c.on(), c.today(), c.members(),
				c.capabilities().stream().map(CapabilityCoverageView::of).toList());
	}

	@PostMapping("/teams/{id}/coverage/snapshots")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Take today's coverage snapshot of the team tree now (besides the weekly one); how many rows")
	Map<String, Integer> snapshot(Viewer me, @PathVariable String id) {
		return Map.of("rows", coverage.snapshot(me, new TeamId(id)));
	}

	@GetMapping(path = "/teams/{id}/capability-matrix", produces = "application/json")
	@Operation(summary = "People × capabilities of the team tree (JSON, or CSV with Accept: text/csv), optionally of "
			+ "one category and of capabilities in one status (COVERED, AT_RISK, SHORT, NO_TARGET)")
	MatrixView matrix(Viewer me, @PathVariable String id, @RequestParam(required = false) String category,
			@RequestParam(required = false) String status) {
		CapabilityMatrix m = readMatrix(me, id, category, status);
		List<ColumnView> columns = m.columns()
			.stream()
			.map(c -> new ColumnView(c.id().value(), c.name(), c.category(),
					c.levels().stream().map(l -> new LevelView(l.rank(), l.name())).toList(), TargetView.of(c.target()),
					c.status() == null ? null : c.status().name(), c.qualified()))
			.toList();
		List<RowView> rows = m.rows().stream().map(r -> {
			List<CellView> cells = new ArrayList<>();
			for (int i = 0; i < m.columns().size() && i < r.cells().size(); i++) {
				CapabilityMatrix.Column column = m.columns().get(i);
				CapabilityMatrix.Cell cell = r.cells().get(i);
				Integer says = cell == null ? null : cell.selfAssessedRank();
				cells.add(new CellView(column.id().value(),
						cell == null || cell.levelRank() == null ? null : new LevelView(cell.levelRank(), cell.levelName()),
						cell == null ? null : cell.expiresOn(),
						says == null ? null : new LevelView(says, CapabilityCsv.levelName(column, says))));
			}
			return new RowView(r.personId().value(), r.name(), cells);
		}).toList();
		return new MatrixView(new TeamView(m.team().id().value(), m.team().name()), m.on(), columns, rows);
	}

	@GetMapping(path = "/teams/{id}/capability-matrix", produces = "text/csv")
	ResponseEntity<String> matrixCsv(Viewer me, @PathVariable String id,
			@RequestParam(required = false) String category, @RequestParam(required = false) String status) {
		CapabilityMatrix m = readMatrix(me, id, category, status);
		return CsvDownload.of("capability-matrix-" + CsvDownload.slug(m.team().name(), 60, "team") + ".csv",
				CapabilityCsv.matrix(m));
	}

	@GetMapping(path = "/analytics/capability-risk", produces = "application/json")
	@Operation(summary = "Every team's short and at-risk capabilities, ranked by how many teams and how soon (JSON, or "
			+ "CSV with Accept: text/csv, one row per team and capability); admins and L&D reviewers (404 otherwise)")
	RiskView risk(Viewer me) {
		RiskReport r = coverage.riskReport(me, LocalDate.now(clock));
		return new RiskView(r.on(), r.capabilities()
			.stream()
			.map(c -> new CapabilityRiskView(c.id().value(), c.name(), c.category(), c.teamsShort(), c.teamsAtRisk(),
					c.teamsShortSoon(), c.firstShortOn(), c.teams()
						.stream()
						.map(t -> new TeamRiskView(t.teamId().value(), t.teamName(), t.status().name(), t.qualified(),
								t.target(), t.levelName(), t.busFactor(), t.shortFrom(), t.shortTo()))
						.toList()))
			.toList());
	}

	@GetMapping(path = "/analytics/capability-risk", produces = "text/csv")
	ResponseEntity<String> riskCsv(Viewer me) {
		RiskReport r = coverage.riskReport(me, LocalDate.now(clock));
		return CsvDownload.of("capability-risk-" + r.on() + ".csv", CapabilityCsv.risk(r));
	}

	private CapabilityMatrix readMatrix(Viewer me, String id, String category, String status) {
		return coverage.matrix(me, new TeamId(id),
				category == null || category.isBlank() ? null : category.strip(), MatrixController.status(status));
	}
}
