package io.stride.capability;

import java.time.LocalDate;
import java.util.List;

import io.stride.identity.PersonId;
import io.stride.identity.Team;

/** People × capabilities for a team tree, today: each cell is the level held (null: none) and when it expires. */
public record CapabilityMatrix(Team team, LocalDate on, List<Column> columns, List<Row> rows) {

	public CapabilityMatrix {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
	}

	public record Column(CapabilityId id, String name, String category, List<Level> levels, Target target,
			CoverageStatus status, int qualified) {
	}

	public record Row(PersonId personId, String name, List<Cell> cells) {
	}

	/** {@code selfAssessedRank} is what the person says (never counted), shown apart from the computed level. */
	public record Cell(Integer levelRank, String levelName, LocalDate expiresOn, Integer selfAssessedRank) {
	}
}
