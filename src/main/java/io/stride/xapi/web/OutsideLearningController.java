package io.stride.xapi.web;

import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.xapi.OutsideLearning;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What a person learned outside Stride, as outside tools told the LRS, newest first, 20 to a page: for the person,
 * their managers and admins (the service says who; anyone else gets "not found").
 */
@Controller
class OutsideLearningController {

	private final OutsideLearning outsideLearning;

	private final Organization organization;

	OutsideLearningController(OutsideLearning outsideLearning, Organization organization) {
		this.outsideLearning = outsideLearning;
		this.organization = organization;
	}

	@GetMapping("/profile/outside-learning")
	String mine(Viewer me) {
		return "redirect:/people/" + me.id().value() + "/outside-learning";
	}

	@GetMapping("/people/{id}/outside-learning")
	String page(Viewer me, @PathVariable String id, @RequestParam(defaultValue = "1") int page, Model model) {
		PersonId person = new PersonId(id);
		OutsideLearning.Page found = outsideLearning.about(me, person, page);
		boolean own = me.is(person);
		model.addAttribute("learning", found);
		model.addAttribute("own", own);
		model.addAttribute("personName", own ? null : organization.person(me, person).name());
		model.addAttribute("base", "/people/" + person.value() + "/outside-learning");
		model.addAttribute("capabilities", "/people/" + person.value() + "/capabilities");
		return "xapi/outside-learning";
	}
}
