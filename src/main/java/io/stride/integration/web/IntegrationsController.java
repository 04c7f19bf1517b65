package io.stride.integration.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stride.identity.Organization;
import io.stride.identity.Team;
import io.stride.identity.TeamId;
import io.stride.identity.Viewer;
import io.stride.integration.WebhookEvent;
import io.stride.integration.Webhooks;
import io.stride.shared.InvalidInputException;
import io.stride.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins' page of webhooks and chat connections, and each one's delivery log. */
@Controller
class IntegrationsController {

	private final Webhooks webhooks;

	private final Organization organization;

	IntegrationsController(Webhooks webhooks, Organization organization) {
		this.webhooks = webhooks;
		this.organization = organization;
	}

	record WebhookForm(String url, List<String> eventTypes, String description) {
	}

	record ChatForm(String teamId, String tool, String url) {
	}

	@GetMapping("/admin/integrations")
	String page(Viewer me, Model model) {
		return page(model, me, new WebhookForm("", List.of(), ""), new ChatForm("", "SLACK", ""),
				Map.of());
	}

	@PostMapping("/admin/integrations/webhooks")
	String subscribe(Viewer me, WebhookForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Webhooks.NewSubscription made = webhooks.subscribe(me, form.url(), form.eventTypes(), form.description());
			redirect.addFlashAttribute("newSecret", made.secret());
			redirect.addFlashAttribute("notice", "Subscribed. Copy the signing secret now: it is shown only once.");
			return "redirect:/admin/integrations";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage());
			return page(model, me, form, new ChatForm("", "SLACK", ""), e.fieldErrors());
		}
	}

	@PostMapping("/admin/integrations/chat")
	String connect(Viewer me, ChatForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			if (form.teamId() == null || form.teamId().isBlank()) {
				throw new InvalidInputException("teamId", "Choose the team whose channel this is.");
			}
			webhooks.connectChat(me, new TeamId(form.teamId()), form.tool(), form.url());
			redirect.addFlashAttribute("notice", "Connected: the team's events will be posted there.");
			return "redirect:/admin/integrations";
		}
		catch (InvalidInputException e) {
			FormErrors.refused(response, model, e.getMessage());
			Map<String, String> errors = new HashMap<>();
			e.fieldErrors().forEach((field, message) -> errors.put("chat-" + field, message));
			return page(model, me, new WebhookForm("", List.of(), ""), form, errors);
		}
	}

	@GetMapping("/admin/integrations/{id}")
	String log(Viewer me, @PathVariable String id, Model model) {
		Webhooks.Subscription subscription = webhooks.subscription(me, id);
		model.addAttribute("subscription", subscription);
		model.addAttribute("deliveries", webhooks.log(me, id));
		model.addAttribute("teamName", subscription.team() == null ? null : teamNames().get(subscription.team()));
		return "integration/deliveries";
	}

	@PostMapping("/admin/integrations/{id}/resume")
	String resume(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		webhooks.resume(me, id);
		redirect.addFlashAttribute("notice", "Resumed: what it kept is delivered in order, and new events are queued again.");
		return "redirect:/admin/integrations/" + id;
	}

	@PostMapping("/admin/integrations/{id}/remove")
	String remove(Viewer me, @PathVariable String id, RedirectAttributes redirect) {
		webhooks.remove(me, id);
		redirect.addFlashAttribute("notice", "Removed, with the deliveries it had waiting.");
		return "redirect:/admin/integrations";
	}

	private String page(Model model, Viewer me, WebhookForm form, ChatForm chat, Map<String, String> errors) {
		model.addAttribute("subscriptions", webhooks.all(me));
		model.addAttribute("eventTypes", Arrays.asList(WebhookEvent.values()));
		model.addAttribute("teams", organization.allTeams().stream()
			.sorted(Comparator.comparing(Team::name)).toList());
		model.addAttribute("teamNames", teamNames());
		model.addAttribute("form", form);
		model.addAttribute("chat", chat);
		model.addAttribute("errors", errors);
		return "integration/admin";
	}

	private Map<TeamId, String> teamNames() {
		Map<TeamId, String> names = new HashMap<>();
		organization.allTeams().forEach(t -> names.put(t.id(), t.name()));
		return names;
	}
}
