package io.stride.cycles.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stride.identity.PersonId;
import io.stride.identity.TeamId;
import io.stride.shared.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Teams' contract templates: a title and goal lines (what, capability and level, evidence). */
@Repository
public class TemplateRows {

	public record TemplateRow(String id, TeamId teamId, String title, PersonId updatedBy, Instant updatedAt,
			Instant retiredAt) {
	}

	public record TemplateGoalRow(String id, String templateId, int position, String what, String capabilityId,
			Integer targetLevel, String evidence) {
	}

	private static final String COLUMNS = "SELECT id, team_id, title, updated_by, updated_at, retired_at "
			+ "FROM learning_contract_templates ";

	private final JdbcClient jdbc;

	public TemplateRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<TemplateRow> find(String id) {
		return jdbc.sql(COLUMNS + "WHERE id = ?").param(id).query(TemplateRows::template).optional();
	}

	/** The live templates of these teams, by title. */
	public List<TemplateRow> ofTeams(Collection<TeamId> teams) {
		if (teams.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + "WHERE team_id = ANY(:teams) AND retired_at IS NULL ORDER BY lower(title), id")
			.param("teams", SqlArrays.varchars(teams.stream().map(TeamId::value).toList()))
			.query(TemplateRows::template)
			.list();
	}

	public void insert(TemplateRow t) {
		jdbc.sql("INSERT INTO learning_contract_templates (id, team_id, title, updated_by, updated_at, retired_at) "
				+ "VALUES (?, ?, ?, ?, ?, NULL)")
			.params(t.id(), t.teamId().value(), t.title(), t.updatedBy().value(), Timestamp.from(t.updatedAt()))
			.update();
	}

	public void update(String id, String title, PersonId by, Instant at) {
		jdbc.sql("UPDATE learning_contract_templates SET title = ?, updated_by = ?, updated_at = ? WHERE id = ?")
			.params(title, by.value(), Timestamp.from(at), id)
			.update();
	}

	public void retire(String id, PersonId by, Instant at) {
		jdbc.sql("UPDATE learning_contract_templates SET retired_at = ?, updated_by = ?, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(at), by.value(), Timestamp.from(at), id)
			.update();
	}

	public void replaceGoals(String templateId, List<TemplateGoalRow> goals) {
		jdbc.sql("DELETE FROM learning_template_goals WHERE template_id = ?").param(templateId).update();
		for (TemplateGoalRow g : goals) {
			jdbc.sql("INSERT INTO learning_template_goals (id, template_id, position, what, capability_id, target_level, "
					+ "evidence) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(g.id(), templateId, g.position(), g.what(), g.capabilityId(), g.targetLevel(), g.evidence())
				.update();
		}
	}

	/** The goal lines of these templates, in order. */
	public Map<String, List<TemplateGoalRow>> goalsOf(Collection<String> templates) {
		Map<String, List<TemplateGoalRow>> result = new LinkedHashMap<>();
		if (templates.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT id, template_id, position, what, capability_id, target_level, evidence "
				+ "FROM learning_template_goals WHERE template_id = ANY(:ids) ORDER BY template_id, position")
			.param("ids", SqlArrays.varchars(List.copyOf(templates)))
			.query((ResultSet rs) -> {
				int level = rs.getInt(6);
				Integer target = rs.wasNull() ? null : level;
				TemplateGoalRow row = new TemplateGoalRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
						rs.getString(5), target, rs.getString(7));
				result.computeIfAbsent(row.templateId(), k -> new ArrayList<>()).add(row);
			});
		return result;
	}

	private static TemplateRow template(ResultSet rs, int n) throws SQLException {
		Timestamp retired = rs.getTimestamp(6);
		return new TemplateRow(rs.getString(1), new TeamId(rs.getString(2)), rs.getString(3),
				new PersonId(rs.getString(4)), rs.getTimestamp(5).toInstant(), retired == null ? null : retired.toInstant());
	}
}
