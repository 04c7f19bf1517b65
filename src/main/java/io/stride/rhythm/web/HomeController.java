package io.stride.rhythm.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.stride.identity.Organization;
import io.stride.identity.TeamId;
import io.stride.rhythm.ManagerHome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The manager's start page; My learning stays at {@code /learning}, linked at the top. */
@Controller
class HomeController {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

	private final ManagerHome home;

	private final Organization organization;

	private final io.stride.rhythm.Commissions commissions;

	HomeController(ManagerHome home, Organization organization, io.stride.rhythm.Commissions commissions) {
		this.home = home;
		this.organization = organization;
		this.commissions = commissions;
	}

	@GetMapping("/home")
	String home(@RequestParam(required = false) String team, Model model) {
		ManagerHome.Home h = home.home(organization.currentViewer(),
				team == null || team.isBlank() ? null : new TeamId(team.strip()));
		model.addAttribute("home", h);
		model.addAttribute("publication", HomeApi.publication(h, organization, commissions));
		model.addAttribute("ritualStarts", h.nextRitual() == null ? null
				: WHEN.format(h.nextRitual().startsAt().atZone(ZoneOffset.UTC)) + " UTC");
		model.addAttribute("expiringSoonDays", ManagerHome.EXPIRING_SOON_DAYS);
		return "home/home";
	}
}
