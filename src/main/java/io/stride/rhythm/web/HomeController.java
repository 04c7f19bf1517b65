package io.stride.rhythm.web;

import io.stride.identity.Organization;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.rhythm.Commissions;
import io.stride.rhythm.ManagerHome;
import io.stride.rhythm.RitualSchedule;
import io.stride.rhythm.RitualTimes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The manager's start page; My learning stays at {@code /learning}, linked at the top. */
@Controller
class HomeController {

	private final ManagerHome home;

	private final Organization organization;

	private final Commissions commissions;

	private final RitualSchedule schedule;

	HomeController(ManagerHome home, Organization organization, Commissions commissions,
			RitualSchedule schedule) {
		this.schedule = schedule;
		this.home = home;
		this.organization = organization;
		this.commissions = commissions;
	}

	@GetMapping("/home")
	String home(Viewer me, @RequestParam(required = false) String team, Model model) {
		ManagerHome.Home h = home.home(me,
				team == null || team.isBlank() ? null : new TeamId(team.strip()));
		model.addAttribute("home", h);
		model.addAttribute("publication", HomeApi.publication(h, organization, commissions));
		// in the ritual's time zone, as its team meets
		model.addAttribute("ritualStarts", h.nextRitual() == null ? null
				: RitualTimes.spoken(h.nextRitual().startsAt(), schedule.zoneOf(h.nextRitual().ritualId())));
		model.addAttribute("expiringSoonDays", ManagerHome.EXPIRING_SOON_DAYS);
		return "home/home";
	}
}
