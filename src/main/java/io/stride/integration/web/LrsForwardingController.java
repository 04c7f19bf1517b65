package io.stride.integration.web;

import java.util.Arrays;
import java.util.Map;

import io.stride.identity.Viewer;
import io.stride.integration.LrsForwarding;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins' pages for forwarding the learning record to outside LRSs: add, watch the queue, pause, resume, remove. */
@Controller
class LrsForwardingController {

	private final LrsForwarding forwarding;

	LrsForwardingController(LrsForwarding forwarding) {
		this.forwarding = forwarding;
	}

	@GetMapping("/admin/xapi/forwarding")
	String page(Viewer me, Model model) {
		return page(model, me, new LrsForwarding.Settings("", "", "", "", "ALL", ""), Map.of());
	}

	@PostMapping("/admin/xapi/forwarding")
	String add(Viewer me, LrsForwarding.Settings form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			LrsForwarding.Forwarder added = forwarding.add(me, form);
			redirect.addFlashAttribute("notice", "Added: statements stored from now on are forwarded to “"
					+ added.name() + "”, in order.");
			return "redirect:/admin/xapi/forwarding/" + added.id();
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage());
			// the secret is never sent back to the browser, even the one just typed
			return page(model, me, new LrsForwarding.Settings(form.name(), form.endpoint(), form.username(), "",
					form.which(), form.verbs()), e.fieldErrors());
		}
	}

	@GetMapping("/admin/xapi/forwarding/{id}")
	String forwarder(Viewer me, @PathVariable String id, Model model) {
		model.addAttribute("forwarder", forwarding.forwarder(me, id));
		return "integration/lrs-forwarder";
	}

	@PostMapping("/admin/xapi/forwarding/{id}/pause")
	String pause(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		forwarding.pause(me, id);
		redirect.addFlashAttribute("notice", "Paused: statements stored from now on are not queued for it; what "
				+ "waits is kept and sent in order when you resume.");
		return "redirect:/admin/xapi/forwarding/" + id;
	}

	@PostMapping("/admin/xapi/forwarding/{id}/resume")
	String resume(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		forwarding.resume(me, id);
		redirect.addFlashAttribute("notice", "Resumed: what waits is sent in order, and new statements are queued again.");
		return "redirect:/admin/xapi/forwarding/" + id;
	}

	@PostMapping("/admin/xapi/forwarding/{id}/retry")
	String retry(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		forwarding.retryNow(me, id);
		redirect.addFlashAttribute("notice", "Trying again within a few seconds.");
		return "redirect:/admin/xapi/forwarding/" + id;
	}

	@GetMapping("/admin/xapi/forwarding/{id}/remove")
	String confirmRemove(Viewer me, @PathVariable String id, Model model) {
		model.addAttribute("forwarder", forwarding.forwarder(me, id));
		return "integration/lrs-forwarder-remove";
	}

	@PostMapping("/admin/xapi/forwarding/{id}/remove")
	String remove(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		forwarding.remove(me, id);
		redirect.addFlashAttribute("notice", "Removed, with the statements it had waiting; they stay in Stride's record.");
		return "redirect:/admin/xapi/forwarding";
	}

	private String page(Model model, Viewer me, LrsForwarding.Settings form, Map<String, String> errors) {
		model.addAttribute("forwarders", forwarding.all(me));
		model.addAttribute("whichOptions", Arrays.asList(LrsForwarding.Which.values()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "integration/lrs-forwarding";
	}
}
