package io.stride.capability.web;

import io.stride.capability.CapabilityProfiles;
import io.stride.capability.PersonCapabilities;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.xapi.OutsideLearning;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A person's capabilities: the level each gives them, the evidence behind each level, what expires, what they say
 * of themselves (never counted) and their certificates; with the actions that belong to the person or to others.
 */
@Controller
class ProfileCapabilitiesController {

	/** Outside learning shown on the profile; the rest is a click away, paged. */
	static final int OUTSIDE_SHOWN = 5;

	private final CapabilityProfiles profiles;

	private final OutsideLearning outsideLearning;

	ProfileCapabilitiesController(CapabilityProfiles profiles, OutsideLearning outsideLearning) {
		this.outsideLearning = outsideLearning;
		this.profiles = profiles;
	}

	@GetMapping("/profile/capabilities")
	String mine(Viewer me) {
		return "redirect:/people/" + me.id().value() + "/capabilities";
	}

	@GetMapping("/people/{id}/capabilities")
	String profile(Viewer me, @PathVariable String id, Model model) {
		PersonCapabilities profile = profiles.profile(me, new PersonId(id));
		boolean own = me.is(profile.personId());
		model.addAttribute("profile", profile);
		model.addAttribute("own", own);
		model.addAttribute("words", CoverageController.WORDS);
		// the learning team sees capabilities of anyone, but outside learning only the person, managers and admins
		model.addAttribute("outside", outsideLearning.latest(me, profile.personId(), OUTSIDE_SHOWN).orElse(null));
		model.addAttribute("absences", own ? "/profile/absences" : "/people/" + profile.personId().value() + "/absences");
		return "capabilities/profile";
	}
}
