package io.stride.analytics.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.stride.analytics.lifecycle.Lifecycle;
import io.stride.analytics.lifecycle.LifecycleProposal;
import io.stride.analytics.lifecycle.LifecycleSettings;
import io.stride.identity.Viewer;
import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Proposals for my courses" with their decisions (archiving asks for confirmation first), and the admin page for
 * the lifecycle settings.
 */
@Controller
class LifecycleController {

	private final Lifecycle lifecycle;

	LifecycleController(Lifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	/** "open" (the default) lists open proposals; "all" decided ones too. */
	static boolean openOnly(String status) {
		if (status == null || status.isBlank() || "open".equalsIgnoreCase(status)) {
			return true;
		}
		if ("all".equalsIgnoreCase(status)) {
			return false;
		}
		throw new InvalidInputException("status", "Use status=open (open proposals) or status=all.");
	}

	@GetMapping("/lifecycle/proposals")
	String proposals(Viewer me, @RequestParam(defaultValue = "open") String status, Model model) {
		boolean open = !"all".equalsIgnoreCase(status);
		model.addAttribute("proposals", lifecycle.proposals(me, open));
		model.addAttribute("openOnly", open);
		model.addAttribute("settings", lifecycle.settings());
		return "lifecycle/proposals";
	}

	@GetMapping("/lifecycle/proposals/{id}/archive")
	String confirmArchive(Viewer me, @PathVariable String id, Model model) {
		LifecycleProposal proposal = lifecycle.proposal(me, id);
		if (proposal.kind() != LifecycleProposal.Kind.ARCHIVE || !proposal.isOpen()) {
			return "redirect:/lifecycle/proposals";
		}
		model.addAttribute("proposal", proposal);
		model.addAttribute("settings", lifecycle.settings());
		return "lifecycle/archive";
	}

	@PostMapping("/lifecycle/proposals/{id}/accept")
	String accept(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		try {
			LifecycleProposal p = lifecycle.accept(me, id);
			redirect.addFlashAttribute("notice", p.kind() == LifecycleProposal.Kind.ARCHIVE
					? "“" + p.courseTitle() + "” is archived: new learners and assignments no longer get it."
					: "Noted: you will refine “" + p.courseTitle() + "”.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/lifecycle/proposals";
	}

	@PostMapping("/lifecycle/proposals/{id}/dismiss")
	String dismiss(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		try {
			LifecycleProposal p = lifecycle.dismiss(me, id);
			redirect.addFlashAttribute("notice", "“" + p.courseTitle() + "” stays as it is; this is not proposed again for "
					+ lifecycle.settings().idleDays() + " days.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/lifecycle/proposals";
	}

	@GetMapping("/admin/lifecycle")
	String settingsPage(Viewer signedIn, Model model) {
		LifecycleSettings s = lifecycle.settings();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("idleDays", String.valueOf(s.idleDays()));
		values.put("popularLearners", String.valueOf(s.popularLearners()));
		values.put("weakCompletionRate", SettingsForm.plain(s.weakCompletionRate()));
		values.put("weakPassRate", SettingsForm.plain(s.weakPassRate()));
		values.put("weakReactionScore", String.valueOf(s.weakReactionScore()));
		return settingsView(model, values, s.revision(), Map.of());
	}

	@PostMapping("/admin/lifecycle")
	String saveSettings(Viewer me, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Map<String, String> given = new LinkedHashMap<>();
		for (String field : new String[] { "idleDays", "popularLearners", "weakCompletionRate", "weakPassRate",
				"weakReactionScore" }) {
			given.put(field, form.getOrDefault(field, ""));
		}
		Integer revision = SettingsForm.whole(form.get("revision"));
		try {
			lifecycle.changeSettings(me, new LifecycleSettings.Change(SettingsForm.whole(given.get("idleDays")),
					SettingsForm.whole(given.get("popularLearners")),
					SettingsForm.number(given.get("weakCompletionRate")), SettingsForm.number(given.get("weakPassRate")),
					SettingsForm.whole(given.get("weakReactionScore")), revision));
			redirect.addFlashAttribute("notice", "Saved: the next daily run proposes with the new settings.");
			return "redirect:/admin/lifecycle";
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("problem", "The lifecycle settings were not saved; see the fields marked below.");
			return settingsView(model, given, revision == null ? 0 : revision, e.fieldErrors());
		}
		catch (ConflictException e) {
			response.setStatus(409);
			model.addAttribute("problem", e.getMessage());
			return settingsView(model, given, lifecycle.settings().revision(), Map.of());
		}
	}

	@PostMapping("/admin/lifecycle/run")
	String runNow(Viewer me, RedirectAttributes redirect) {
		int saved = lifecycle.proposeNow(me);
		redirect.addFlashAttribute("notice", saved == 0 ? "No new proposals: owners already have every one there is."
				: saved + (saved == 1 ? " new proposal was" : " new proposals were") + " made; their owners are notified.");
		return "redirect:/admin/lifecycle";
	}

	private static String settingsView(Model model, Map<String, String> values, int revision, Map<String, String> errors) {
		model.addAttribute("values", values);
		model.addAttribute("revision", revision);
		model.addAttribute("errors", errors);
		return "lifecycle/settings";
	}
}
