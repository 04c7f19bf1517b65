package io.stride.analytics.web;

import io.stride.analytics.course.ComponentAnalytics;
import io.stride.identity.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A component's figures across the courses using it. */
@Controller
class ComponentAnalyticsController {

	private final ComponentAnalytics analytics;

	ComponentAnalyticsController(ComponentAnalytics analytics) {
		this.analytics = analytics;
	}

	@GetMapping("/analytics/components/{id}")
	String page(Viewer me, @PathVariable String id, Model model) {
		model.addAttribute("figures", analytics.of(me, id));
		return "analytics/component";
	}
}
