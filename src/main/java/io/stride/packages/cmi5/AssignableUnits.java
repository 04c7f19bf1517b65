package io.stride.packages.cmi5;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.stride.packages.scorm.Packages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code cmi5_aus}: what cmi5 says of each AU item beyond what every package item has. */
@Repository
class AssignableUnits {

	/** An AU as imported, by its package item. */
	record Unit(String itemId, String packageId, String auIri, String courseIri, String url, boolean remote,
			String moveOn, Double masteryScore, String launchMethod, String launchParameters, String entitlementKey) {
	}

	private final JdbcClient jdbc;

	AssignableUnits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Unit u) {
		jdbc.sql("""
				INSERT INTO cmi5_aus (item_id, package_id, au_iri, course_iri, url, remote, move_on, mastery_score,
				    launch_method, launch_parameters, entitlement_key)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(u.itemId(), u.packageId(), u.auIri(), u.courseIri(), u.url(), u.remote(), u.moveOn(),
					u.masteryScore(), u.launchMethod(), u.launchParameters(), u.entitlementKey())
			.update();
	}

	Optional<Unit> ofItem(String itemId) {
		return jdbc.sql("SELECT * FROM cmi5_aus WHERE item_id = ?").param(itemId).query(AssignableUnits::unit).optional();
	}

	List<Unit> ofPackage(String packageId) {
		return jdbc.sql("""
				SELECT a.* FROM cmi5_aus a JOIN package_items i ON i.id = a.item_id
				WHERE a.package_id = ? ORDER BY i.position""")
			.param(packageId)
			.query(AssignableUnits::unit)
			.list();
	}

	private static Unit unit(ResultSet rs, int n) throws SQLException {
		return new Unit(rs.getString("item_id"), rs.getString("package_id"), rs.getString("au_iri"),
				rs.getString("course_iri"), rs.getString("url"), rs.getBoolean("remote"), rs.getString("move_on"),
				Packages.number(rs, "mastery_score"), rs.getString("launch_method"), rs.getString("launch_parameters"),
				rs.getString("entitlement_key"));
	}
}
