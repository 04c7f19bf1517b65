package io.stride.capability.web;

import java.util.ArrayList;
import java.util.List;

import io.stride.capability.CapabilityMatrix;
import io.stride.capability.Level;
import io.stride.capability.RiskReport;
import io.stride.shared.Csv;

/** The matrix and the risk report as CSV, the same for the pages' downloads and the API's {@code text/csv}. */
final class CapabilityCsv {

	private CapabilityCsv() {
	}

	/** A row per person, a column per capability: the level held (empty: none), what they say, when it expires. */
	static String matrix(CapabilityMatrix matrix) {
		List<String> header = new ArrayList<>();
		header.add(Csv.text("person"));
		for (CapabilityMatrix.Column column : matrix.columns()) {
			header.add(Csv.text(column.name()));
			header.add(Csv.text(column.name() + " (expires on)"));
			header.add(Csv.text(column.name() + " (self-assessment, not counted)"));
		}
		StringBuilder csv = new StringBuilder(Csv.line(header.toArray(String[]::new)));
		for (CapabilityMatrix.Row row : matrix.rows()) {
			List<String> cells = new ArrayList<>();
			cells.add(Csv.text(row.name()));
			for (int i = 0; i < matrix.columns().size(); i++) {
				CapabilityMatrix.Cell cell = i < row.cells().size() ? row.cells().get(i) : null;
				cells.add(Csv.text(cell == null ? null : cell.levelName()));
				cells.add(cell == null || cell.expiresOn() == null ? "" : cell.expiresOn().toString());
				cells.add(Csv.text(cell == null ? null : levelName(matrix.columns().get(i), cell.selfAssessedRank())));
			}
			csv.append(Csv.line(cells.toArray(String[]::new)));
		}
		return csv.toString();
	}

	/** One row per team and capability. */
	static String risk(RiskReport report) {
		StringBuilder csv = new StringBuilder(Csv.line("capability", "category", "team", "status", "qualified", "target",
				"level", "bus_factor", "short_from", "short_to"));
		for (RiskReport.CapabilityRisk capability : report.capabilities()) {
			for (RiskReport.TeamRisk team : capability.teams()) {
				csv.append(Csv.line(Csv.text(capability.name()), Csv.text(capability.category()), Csv.text(team.teamName()),
						Csv.text(team.status().label()), Csv.number(team.qualified()), Csv.number(team.target()),
						Csv.text(team.levelName()), Csv.number(team.busFactor()),
						team.shortFrom() == null ? "" : team.shortFrom().toString(),
						team.shortTo() == null ? "" : team.shortTo().toString()));
			}
		}
		return csv.toString();
	}

	static String levelName(CapabilityMatrix.Column column, Integer rank) {
		if (rank == null) {
			return null;
		}
		return column.levels().stream().filter(l -> l.rank() == rank).map(Level::name).findFirst().orElse("Level " + rank);
	}
}
