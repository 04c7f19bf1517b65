package io.stride.authoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.identity.Viewer;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The review policy of each risk tier; admins change them, and the change is audited. */
@Service
@Transactional
public class ReviewPolicies {

	public static final int MAX_STEPS = 4;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ReviewPolicies(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public ReviewPolicy policy(RiskTier tier) {
		return jdbc.sql("SELECT tier, steps, sla_hours, review_months, spot_check_days, recertify_on_change, recertify_months "
				+ "FROM review_policies WHERE tier = ?")
			.param(tier.name())
			.query((rs, n) -> new ReviewPolicy(RiskTier.valueOf(rs.getString(1)), parse(rs.getString(2)), rs.getInt(3),
					rs.getInt(4), (Integer) rs.getObject(5, Integer.class), rs.getBoolean(6),
					(Integer) rs.getObject(7, Integer.class)))
			.optional()
			.orElseGet(() -> new ReviewPolicy(tier, List.of(), 72, tier.reviewMonths(), null, false, null));
	}

	@Transactional(readOnly = true)
	public List<ReviewPolicy> all() {
		List<ReviewPolicy> all = new ArrayList<>();
		for (RiskTier tier : RiskTier.values()) {
			all.add(policy(tier));
		}
		return all;
	}

	public ReviewPolicy update(Viewer admin, ReviewPolicy policy) {
		if (!admin.isAdmin()) {
			throw new ForbiddenException("Only admins change review policies.");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (policy.steps().size() > MAX_STEPS) {
			errors.put("steps", "A policy has at most " + MAX_STEPS + " approval steps.");
		}
		for (ReviewPolicy.Step step : policy.steps()) {
			if (step.name() == null || step.name().isBlank() || step.name().length() > 60 || step.name().contains("|")
					|| step.name().contains(";")) {
				errors.put("steps", "Name each step in 1 to 60 characters, without | or ;.");
			}
			if (step.who() == null) {
				errors.put("steps", "Say who may approve each step.");
			}
		}
		if (policy.slaHours() < 1 || policy.slaHours() > 24 * 90) {
			errors.put("slaHours", "Give reviewers between 1 hour and 90 days (2160 hours).");
		}
		int maxMonths = policy.tier() == RiskTier.HIGH ? 12 : 36;
		if (policy.reviewMonths() < 1 || policy.reviewMonths() > maxMonths) {
			errors.put("reviewMonths", "The review-by date must be 1 to " + maxMonths + " months after publishing.");
		}
		if (policy.spotCheckDays() != null && (policy.spotCheckDays() < 1 || policy.spotCheckDays() > 90)) {
			errors.put("spotCheckDays", "A spot-check is due 1 to 90 days after publishing, or leave it empty for none.");
		}
		if (policy.recertifyMonths() != null && (policy.recertifyMonths() < 1 || policy.recertifyMonths() > 60)) {
			errors.put("recertifyMonths", "Recertify every 1 to 60 months, or leave it empty for never.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The policy was not saved.", errors);
		}
		jdbc.sql("UPDATE review_policies SET steps = ?, sla_hours = ?, review_months = ?, spot_check_days = ?, "
				+ "recertify_on_change = ?, recertify_months = ?, updated_at = ?, updated_by = ? WHERE tier = ?")
			.params(format(policy.steps()), policy.slaHours(), policy.reviewMonths(), policy.spotCheckDays(),
					policy.recertifyOnChange(), policy.recertifyMonths(), Timestamp.from(Instant.now()), admin.id().value(),
					policy.tier().name())
			.update();
		events.publishEvent(new ReviewPolicyChanged(policy.tier(), describe(policy), admin.id()));
		return policy(policy.tier());
	}

	/** The policy in one line, for the audit log and pages. */
	public static String describe(ReviewPolicy p) {
		String steps = p.steps().isEmpty() ? "publishes at once"
				: String.join(", then ", p.steps().stream().map(s -> s.name() + " (" + s.who().label() + ")").toList());
		return steps + "; " + p.slaHours() + " h per step; review by " + p.reviewMonths() + " months"
				+ (p.spotCheckDays() == null ? "" : "; spot-check within " + p.spotCheckDays() + " days")
				+ (p.recertifyOnChange() ? "; learners recertify on changed content" : "")
				+ (p.recertifyMonths() == null ? "" : "; recertify every " + p.recertifyMonths() + " months");
	}

	static List<ReviewPolicy.Step> parse(String text) {
		List<ReviewPolicy.Step> steps = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return steps;
		}
		for (String part : text.split(";")) {
			String[] bits = part.split("\\|", 2);
			steps.add(new ReviewPolicy.Step(bits[0], bits.length > 1 ? ReviewPolicy.Who.valueOf(bits[1]) : ReviewPolicy.Who.ANY));
		}
		return steps;
	}

	static String format(List<ReviewPolicy.Step> steps) {
		return String.join(";", steps.stream().map(s -> s.name().strip() + "|" + s.who().name()).toList());
	}
}
