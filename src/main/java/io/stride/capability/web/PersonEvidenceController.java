package io.stride.capability.web;

import java.io.IOException;
import java.util.Map;

import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.CapabilityProfiles;
import io.stride.capability.internal.CatalogueStore;
import io.stride.identity.Organization;
import io.stride.identity.Person;
import io.stride.identity.PersonId;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.ForbiddenException;
import io.stride.shared.Ids;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import io.stride.shared.web.FormErrors;
import io.stride.shared.web.FormNumbers;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evidence people add, as pages: a self-assessment, a certificate upload, a colleague's validation, and the
 * manager's list of certificates to confirm or reject.
 */
@Controller
class PersonEvidenceController {

	private final CapabilityProfiles profiles;

	private final CatalogueStore catalogue;

	private final Organization organization;

	PersonEvidenceController(CapabilityProfiles profiles, CatalogueStore catalogue, Organization organization) {
		this.profiles = profiles;
		this.catalogue = catalogue;
		this.organization = organization;
	}

	record LevelForm(String level, String note) {
	}

	record CertificateForm(String name, String issuer, String issuedOn, String expiresOn) {
	}

	@GetMapping("/profile/capabilities/{cid}/self-assessment")
	String selfAssessment(Viewer me, @PathVariable String cid, Model model) {
		Capability capability = capability(cid);
		LevelForm form = profiles.selfAssessment(me, capability.id())
			.map(s -> new LevelForm(String.valueOf(s.levelRank()), s.note()))
			.orElse(new LevelForm("", ""));
		return selfAssessmentPage(model, capability, form, Map.of());
	}

	@PostMapping("/profile/capabilities/{cid}/self-assessment")
	String saveSelfAssessment(Viewer me, @PathVariable String cid, LevelForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Capability capability = capability(cid);
		try {
			Integer level = form.level() == null || form.level().isBlank() ? null : level(form.level());
			profiles.selfAssess(me, capability.id(), level, form.note());
			redirect.addFlashAttribute("notice", level == null ? "Your self-assessment of " + capability.name()
					+ " is cleared." : "Saved your self-assessment of " + capability.name() + ".");
			return "redirect:/people/" + me.id().value() + "/capabilities";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage());
			return selfAssessmentPage(model, capability, form, e.fieldErrors());
		}
	}

	@GetMapping("/people/{id}/capabilities/{cid}/validate")
	String validation(Viewer me, @PathVariable String id, @PathVariable String cid, Model model) {
		Person person = colleague(me, id);
		return validationPage(model, person, capability(cid), new LevelForm("", ""), Map.of());
	}

	@PostMapping("/people/{id}/capabilities/{cid}/validate")
	String validate(Viewer me, @PathVariable String id, @PathVariable String cid, LevelForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Person person = colleague(me, id);
		Capability capability = capability(cid);
		try {
			if (form.level() == null || form.level().isBlank()) {
				throw new InvalidInputException("level", "Choose the level you validate.");
			}
			var validation = profiles.validate(me, person.id(), capability.id(), level(form.level()), form.note());
			redirect.addFlashAttribute("notice", "You validated " + person.name() + " at "
					+ capability.levelName(validation.levelRank()) + " in " + capability.name() + ".");
			return "redirect:/people/" + person.id().value() + "/capabilities";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage());
			return validationPage(model, person, capability, form, e.fieldErrors());
		}
		catch (ForbiddenException | ConflictException e) {
			response.setStatus(e instanceof ForbiddenException ? 403 : 409);
			model.addAttribute("problem", e.getMessage());
			return validationPage(model, person, capability, form, Map.of());
		}
	}

	@GetMapping("/capabilities/{cid}/certificates/new")
	String newCertificate(Viewer signedIn, @PathVariable String cid, Model model) {
		return certificatePage(model, capability(cid), new CertificateForm("", "", "", ""), Map.of());
	}

	@PostMapping("/capabilities/{cid}/certificates/new")
	String uploadCertificate(Viewer me, @PathVariable String cid, CertificateForm form,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		Capability capability = capability(cid);
		try {
			var upload = PersonEvidenceApi.upload(form.name(), form.issuer(), form.issuedOn(), form.expiresOn(), file);
			profiles.uploadCertificate(me, capability.id(), upload);
			redirect.addFlashAttribute("notice", "Uploaded. " + capability.name() + " counts your certificate once a "
					+ "manager confirms it.");
			return "redirect:/people/" + me.id().value() + "/capabilities";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage());
			return certificatePage(model, capability, form, e.fieldErrors());
		}
	}

	@GetMapping("/certificates")
	String pending(Viewer me, Model model) {
		if (!me.isManager() && !me.isAdmin()) {
			throw new NotFoundException("Page");
		}
		model.addAttribute("pending", profiles.pendingReview(me));
		return "capabilities/certificates";
	}

	@PostMapping("/certificates/{id}/decision")
	String decide(Viewer me, @PathVariable String id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		boolean confirm = "confirm".equals(decision);
		if (!confirm && !"reject".equals(decision)) {
			throw new InvalidInputException("decision", "Confirm or reject the certificate.");
		}
		var decided = profiles.decideCertificate(me, id, confirm, note);
		redirect.addFlashAttribute("notice", (confirm ? "Confirmed " : "Rejected ") + decided.name() + ".");
		return "redirect:/certificates";
	}

	@GetMapping("/certificates/{id}/file")
	ResponseEntity<byte[]> file(Viewer me, @PathVariable String id) {
		return CertificateDownload.of(profiles.certificateFile(me, id));
	}

	private String selfAssessmentPage(Model model, Capability capability, LevelForm form, Map<String, String> errors) {
		model.addAttribute("capability", capability);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "capabilities/self-assessment";
	}

	private String validationPage(Model model, Person person, Capability capability, LevelForm form,
			Map<String, String> errors) {
		model.addAttribute("person", person);
		model.addAttribute("capability", capability);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "capabilities/validate";
	}

	private String certificatePage(Model model, Capability capability, CertificateForm form, Map<String, String> errors) {
		model.addAttribute("capability", capability);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("maxMegabytes", CapabilityProfiles.MAX_CERTIFICATE_BYTES / (1024 * 1024));
		return "capabilities/certificate-new";
	}

	/** An active capability; retired ones take no new evidence. */
	private Capability capability(String id) {
		if (!Ids.looksValid(id)) {
			throw new NotFoundException("Capability");
		}
		return catalogue.find(new CapabilityId(id)).filter(Capability::active)
			.orElseThrow(() -> new NotFoundException("Capability"));
	}

	/** Any active colleague but oneself: validating oneself is refused before a form is shown. */
	private Person colleague(Viewer me, String id) {
		PersonId person = new PersonId(id);
		if (me.is(person)) {
			throw new ForbiddenException("You cannot validate your own level; ask a colleague who holds it.");
		}
		return organization.contactOf(person).orElseThrow(() -> new NotFoundException("Person"));
	}

	private static int level(String value) {
		return FormNumbers.wholeNumber(value)
			.orElseThrow(() -> new InvalidInputException("level", "Choose one of the capability's levels."));
	}
}
