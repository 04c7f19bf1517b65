package io.stride.capability.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.stride.capability.AbsenceKind;
import io.stride.identity.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Absences as rows: dates, a kind and where they came from (MANUAL, CSV or ICALENDAR); names come from identity. */
@Repository
public class AbsenceStore {

	public record Row(String id, PersonId personId, LocalDate startsOn, LocalDate endsOn, AbsenceKind kind,
			String source) {
	}

	private static final String COLUMNS = "SELECT id, person_id, starts_on, ends_on, kind, source FROM absences ";

	private final JdbcClient jdbc;

	public AbsenceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Row row, PersonId createdBy, Instant at) {
		jdbc.sql("INSERT INTO absences (id, person_id, starts_on, ends_on, kind, source, created_by, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(row.id(), row.personId().value(), row.startsOn(), row.endsOn(), row.kind().name(), row.source(),
					createdBy.value(), Timestamp.from(at))
			.update();
	}

	public Optional<Row> find(String id) {
		return jdbc.sql(COLUMNS + "WHERE id = ?").param(id).query(this::row).optional();
	}

	public void delete(String id) {
		jdbc.sql("DELETE FROM absences WHERE id = ?").param(id).update();
	}

	/** The person's absences ending on or after {@code from} (all when null), earliest first. */
	public List<Row> ofPerson(PersonId person, LocalDate from) {
		if (from == null) {
			return jdbc.sql(COLUMNS + "WHERE person_id = ? ORDER BY starts_on, id").param(person.value()).query(this::row).list();
		}
		return jdbc.sql(COLUMNS + "WHERE person_id = ? AND ends_on >= ? ORDER BY starts_on, id")
			.params(person.value(), from)
			.query(this::row)
			.list();
	}

	/** The person's absences sharing at least one day with [from, to]. */
	public List<Row> overlapping(PersonId person, LocalDate from, LocalDate to) {
		return jdbc.sql(COLUMNS + "WHERE person_id = ? AND starts_on <= ? AND ends_on >= ? ORDER BY starts_on, id")
			.params(person.value(), to, from)
			.query(this::row)
			.list();
	}

	/** Absences of these people sharing at least one day with [from, to], earliest first. */
	public List<Row> between(Collection<PersonId> people, LocalDate from, LocalDate to) {
		List<Row> rows = new ArrayList<>();
		List<String> ids = people.stream().map(PersonId::value).distinct().toList();
		// in chunks: a team tree may hold thousands of people, and IN lists have limits
		for (int start = 0; start < ids.size(); start += 500) {
			rows.addAll(jdbc.sql(COLUMNS + "WHERE person_id IN (:people) AND starts_on <= :to AND ends_on >= :from "
					+ "ORDER BY starts_on, id")
				.param("people", ids.subList(start, Math.min(ids.size(), start + 500)))
				.param("from", from)
				.param("to", to)
				.query(this::row)
				.list());
		}
		return rows;
	}

	public List<Row> allBetween(LocalDate from, LocalDate to) {
		return jdbc.sql(COLUMNS + "WHERE starts_on <= ? AND ends_on >= ? ORDER BY starts_on, id")
			.params(to, from)
			.query(this::row)
			.list();
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getString(1), new PersonId(rs.getString(2)), rs.getObject(3, LocalDate.class),
				rs.getObject(4, LocalDate.class), AbsenceKind.valueOf(rs.getString(5)), rs.getString(6));
	}
}
