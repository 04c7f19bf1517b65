package io.stride.analytics.web;

import io.stride.analytics.course.ComponentAnalytics;
import io.stride.identity.Organization;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A component's figures across the courses using it. */
@Controller
class ComponentAnalyticsController {

	private final ComponentAnalytics analytics;

	private final Organization organization;

	ComponentAnalyticsController(ComponentAnalytics analytics, Organization organization) {
		this.analytics = analytics;
		this.organization = organization;
	}

	@GetMapping("/analytics/components/{id}")
	String page(@PathVariable String id, Model model) {
		model.addAttribute("figures", analytics.of(organization.currentViewer(), id));
		return "analytics/component";
	}
}
