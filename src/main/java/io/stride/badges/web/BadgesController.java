package io.stride.badges.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.badges.BadgeId;
import io.stride.badges.Badges;
import io.stride.badges.IssuedBadge;
import io.stride.capability.Capabilities;
import io.stride.identity.Organization;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** My badges, a person's badges, and the definitions page where admins and L&D define, retire and revoke. */
@Controller
class BadgesController {

	private static final int MAX_COURSE_CHOICES = 300;

	private final Badges badges;

	private final Organization organization;

	private final Capabilities capabilities;

	private final Authoring authoring;

	BadgesController(Badges badges, Organization organization, Capabilities capabilities, Authoring authoring) {
		this.badges = badges;
		this.organization = organization;
		this.capabilities = capabilities;
		this.authoring = authoring;
	}

	/** The definition form as typed. */
	record BadgeForm(String name, String description, String criteria, String kind, String capabilityId,
			Integer levelRank, Integer minValidatedGoals, String courseId) {

		static BadgeForm empty() {
			return new BadgeForm("", "", "", "CAPABILITY_LEVEL", "", null, 1, "");
		}
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy")
		.withZone(ZoneOffset.UTC);

	/** A credential with its days written out. */
	record CredentialRow(IssuedBadge credential, String issuedOn, String revokedOn) {

		static CredentialRow of(IssuedBadge c) {
			return new CredentialRow(c, DAY.format(c.issuedAt()), c.revokedAt() == null ? null : DAY.format(c.revokedAt()));
		}
	}

	@GetMapping("/badges")
	String mine(Viewer me, Model model) {
		return list(model, me, me.id(), badges.mine(me));
	}

	@GetMapping("/people/{id}/badges")
	String ofPerson(Viewer me, @PathVariable String id, Model model) {
		PersonId person = new PersonId(id);
		return list(model, me, person, badges.of(me, person));
	}

	@PostMapping("/badges/credentials/{id}/revoke")
	String revoke(Viewer me, @PathVariable String id, String reason, RedirectAttributes redirect) {
		IssuedBadge credential = badges.credential(me, id);
		try {
			badges.revoke(me, id, reason);
			redirect.addFlashAttribute("notice", "Revoked: “" + credential.badgeName() + "” of " + credential.personName() + ".");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/people/" + credential.personId().value() + "/badges";
	}

	@GetMapping("/badges/manage")
	String manage(Viewer me, Model model) {
		requireManager(me);
		return manage(model, me, BadgeForm.empty(), Map.of());
	}

	@PostMapping("/badges/manage")
	String define(Viewer me, BadgeForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			var body = new BadgesApi.BadgeBody(form.name(), form.description(), form.criteria(), form.kind(),
					form.capabilityId(), form.levelRank(), form.minValidatedGoals(), form.courseId(), List.of(), null);
			var badge = badges.define(me, BadgesApi.draft(body));
			redirect.addFlashAttribute("notice", "Defined “" + badge.name() + "”: it is issued to everyone who meets it.");
			return "redirect:/badges/manage";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model,
					e.getMessage() + (e.fieldErrors().isEmpty() ? "" : " Correct the fields marked below."));
			return manage(model, me, form, e.fieldErrors());
		}
	}

	@PostMapping("/badges/manage/{id}/retire")
	String retire(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		var badge = badges.retire(me, new BadgeId(id));
		redirect.addFlashAttribute("notice", "Retired “" + badge.name() + "”: issued no more.");
		return "redirect:/badges/manage";
	}

	private String list(Model model, Viewer me, PersonId person, List<IssuedBadge> found) {
		model.addAttribute("own", me.is(person));
		model.addAttribute("person", organization.person(me, person));
		model.addAttribute("credentials", found.stream().map(CredentialRow::of).toList());
		model.addAttribute("mayRevoke", badges.mayManage(me));
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		return "badges/list";
	}

	private String manage(Model model, Viewer me, BadgeForm form, Map<String, String> errors) {
		requireManager(me);
		List<Course> courses = authoring.publishedCourses();
		model.addAttribute("badges", badges.all(me));
		model.addAttribute("form", form);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("capabilities", capabilities.catalogue(me, null, null, false));
		model.addAttribute("courses", courses.size() > MAX_COURSE_CHOICES ? courses.subList(0, MAX_COURSE_CHOICES) : courses);
		return "badges/manage";
	}

	private void requireManager(Viewer me) {
		if (!badges.mayManage(me)) {
			throw new ForbiddenException("Only admins and the L&D team define badges.");
		}
	}
}
