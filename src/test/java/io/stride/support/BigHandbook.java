package io.stride.support;

import java.util.List;

/**
 * A handbook written for tests, as long as asked: modules of lessons, each lesson a few paragraphs of rules with
 * roles, deadlines and numbers, different in every lesson so the drafting engine finds facts to ask about.
 */
public final class BigHandbook {

	private static final List<String> ROLES = List.of("team lead", "duty manager", "security officer", "finance clerk",
			"site supervisor", "service agent", "quality auditor", "warehouse keeper", "fleet coordinator", "payroll officer");

	private static final List<String> ACTS = List.of("approve the request", "log the event in the register",
			"inform the customer in writing", "lock the cabinet", "check the safety seal", "file the signed form",
			"escalate the case to the regional office", "count the stock twice", "photograph the damage",
			"send the weekly summary");

	private static final List<String> THINGS = List.of("refund", "delivery", "night shift", "spare key", "vehicle",
			"invoice", "visitor badge", "chemical spill", "server outage", "training record", "parcel", "fire drill");

	private static final List<String> TOPICS = List.of("Refunds", "Deliveries", "Night Shifts", "Keys", "Vehicles",
			"Invoices", "Visitors", "Spills", "Outages", "Training", "Parcels", "Drills", "Badges", "Audits", "Payroll",
			"Stock", "Cleaning", "Reception", "Returns", "Waste");

	private BigHandbook() {
	}

	public static String markdown(int modules, int lessonsPerModule) {
		StringBuilder md = new StringBuilder("# The Acme Operations Handbook\n\n");
		int n = 0;
		for (int m = 0; m < modules; m++) {
			md.append("## Part ").append(m + 1).append(": ").append(TOPICS.get(m % TOPICS.size())).append("\n\n");
			for (int l = 0; l < lessonsPerModule; l++) {
				md.append("### ").append(TOPICS.get((m * 7 + l * 3 + 1) % TOPICS.size())).append(" rule ").append(m + 1)
					.append('.').append(l + 1).append("\n\n");
				for (int p = 0; p < 3; p++) {
					for (int s = 0; s < 5; s++) {
						n++;
						String role = ROLES.get((n * 3) % ROLES.size());
						String act = ACTS.get((n * 7 + m) % ACTS.size());
						String thing = THINGS.get((n * 5 + l) % THINGS.size());
						int hours = 2 + (n * 11) % 46;
						md.append(switch (s) {
							case 0 -> "The " + role + " must " + act + " within " + hours + " hours of every " + thing + ". ";
							case 1 -> "If a " + thing + " costs more than " + (100 + n * 13) + " euros, the " + role
									+ " asks a second colleague to " + act + " first. ";
							case 2 -> "Only the " + role + " may sign for a " + thing + " at site " + (n % 17 + 1) + ". ";
							case 3 -> "A " + thing + " report names the date, the place and the " + role + " on duty. ";
							default -> "Keep each " + thing + " record for " + (1 + n % 9) + " years in the " + role
									+ "'s archive. ";
						});
					}
					md.append("\n\n");
				}
			}
		}
		return md.toString();
	}
}
