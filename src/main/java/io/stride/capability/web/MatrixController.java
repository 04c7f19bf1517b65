package io.stride.capability.web;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.stride.capability.Capabilities;
import io.stride.capability.CapabilityMatrix;
import io.stride.capability.Coverage;
import io.stride.capability.CoverageStatus;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.CsvDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A team's people × capabilities matrix: levels as words (and colour), expiry within 60 days, what people say of
 * themselves kept apart; filters by category and status; a CSV download and a printable view.
 */
@Controller
class MatrixController {

	private final Coverage coverage;

	private final Capabilities capabilities;

	MatrixController(Coverage coverage, Capabilities capabilities) {
		this.coverage = coverage;
		this.capabilities = capabilities;
	}

	/** A cell as shown: the level (or "—"), its colour class, an expiry note and the self-assessment's level. */
	record CellView(String level, String levelClass, String expires, String says) {
	}

	record RowView(String personId, String name, List<CellView> cells) {
	}

	@GetMapping("/teams/{id}/capability-matrix")
	String matrix(Viewer me, @PathVariable String id, @RequestParam(required = false) String category,
			@RequestParam(required = false) String status, Model model) {
		CapabilityMatrix matrix = coverage.matrix(me, new TeamId(id), blank(category), status(status));
		fill(model, matrix);
		model.addAttribute("categories", capabilities.categories());
		model.addAttribute("category", blank(category));
		model.addAttribute("status", blank(status));
		model.addAttribute("statuses", List.of(CoverageStatus.values()));
		return "capabilities/matrix";
	}

	@GetMapping("/teams/{id}/capability-matrix/print")
	String print(Viewer me, @PathVariable String id, @RequestParam(required = false) String category,
			@RequestParam(required = false) String status, Model model) {
		fill(model, coverage.matrix(me, new TeamId(id), blank(category), status(status)));
		return "capabilities/matrix-print";
	}

	@GetMapping("/teams/{id}/capability-matrix.csv")
	ResponseEntity<String> csv(Viewer me, @PathVariable String id, @RequestParam(required = false) String category,
			@RequestParam(required = false) String status) {
		CapabilityMatrix matrix = coverage.matrix(me, new TeamId(id), blank(category),
				status(status));
		return CsvDownload.of("capability-matrix-" + CsvDownload.slug(matrix.team().name(), 60, "team") + ".csv",
				CapabilityCsv.matrix(matrix));
	}

	private void fill(Model model, CapabilityMatrix matrix) {
		model.addAttribute("matrix", matrix);
		model.addAttribute("team", matrix.team());
		model.addAttribute("words", CoverageController.WORDS);
		model.addAttribute("rows", rows(matrix));
	}

	static List<RowView> rows(CapabilityMatrix matrix) {
		List<RowView> rows = new ArrayList<>();
		for (CapabilityMatrix.Row row : matrix.rows()) {
			List<CellView> cells = new ArrayList<>();
			for (int i = 0; i < matrix.columns().size(); i++) {
				CapabilityMatrix.Column column = matrix.columns().get(i);
				CapabilityMatrix.Cell cell = i < row.cells().size() ? row.cells().get(i) : null;
				if (cell == null) {
					cells.add(new CellView("—", "level-none", "", null));
					continue;
				}
				String expires = cell.expiresOn() == null ? ""
						: CoverageController.WORDS.expiresIn(ChronoUnit.DAYS.between(matrix.on(), cell.expiresOn()));
				cells.add(new CellView(cell.levelName() == null ? "—" : cell.levelName(),
						cell.levelRank() == null ? "level-none" : "level-" + Math.min(cell.levelRank(), 5), expires,
						CapabilityCsv.levelName(column, cell.selfAssessedRank())));
			}
			rows.add(new RowView(row.personId().value(), row.name(), cells));
		}
		return rows;
	}

	static CoverageStatus status(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return CoverageStatus.valueOf(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("status", "Choose a status from the list.");
		}
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
