package io.stride.drafting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.stride.identity.Viewer;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The organization's tone list: terms to avoid and what to write instead. Admins edit it; the quality panel
 * applies it to every draft.
 */
@Service
public class StyleTerms {

	public record StyleTerm(String id, String term, String preferred) {
	}

	private final JdbcClient jdbc;

	StyleTerms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<StyleTerm> all() {
		return jdbc.sql("SELECT id, term, preferred FROM style_terms ORDER BY LOWER(term)")
			.query((rs, n) -> new StyleTerm(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	public void add(Viewer admin, String term, String preferred) {
		requireAdmin(admin);
		String t = term == null ? "" : term.strip();
		String p = preferred == null ? "" : preferred.strip();
		if (t.isEmpty() || t.length() > 100) {
			throw new InvalidInputException("term", "Give the term to avoid (at most 100 characters).");
		}
		if (p.length() > 200) {
			throw new InvalidInputException("preferred", "Keep the suggestion under 200 characters.");
		}
		try {
			jdbc.sql("INSERT INTO style_terms (id, term, preferred, created_at) VALUES (?, ?, ?, ?)")
				.params(Ids.newId(), t, p, Timestamp.from(Instant.now()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputException("term", "\"" + t + "\" is on the list already.");
		}
	}

	public void remove(Viewer admin, String id) {
		requireAdmin(admin);
		if (jdbc.sql("DELETE FROM style_terms WHERE id = ?").param(id).update() == 0) {
			throw new NotFoundException("Term");
		}
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Only admins edit the organization's term list.");
		}
	}
}
