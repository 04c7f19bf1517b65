package io.stride.notification.web;

import io.stride.identity.Organization;
import io.stride.identity.Viewer;
import io.stride.notification.Notifications;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.thymeleaf.context.LazyContextVariable;

@Controller
class NotificationController {

	private final Notifications notifications;

	private final Organization organization;

	NotificationController(Notifications notifications, Organization organization) {
		this.notifications = notifications;
		this.organization = organization;
	}

	@GetMapping("/notifications")
	String list(Viewer me, @RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("page", notifications.page(me, page));
		model.addAttribute("unread", notifications.unread(me));
		// read before marking, so that this visit still shows which ones are new
		notifications.markAllSeen(me);
		return "notifications/list";
	}

	@PostMapping("/notifications/read")
	String markRead(Viewer me, RedirectAttributes redirect) {
		int marked = notifications.markAllRead(me);
		redirect.addFlashAttribute("notice", marked == 0 ? "Nothing was unread." : "Marked " + marked + " as read.");
		return "redirect:/notifications";
	}

	/** The count of notifications not seen yet, in the navigation of every page. */
	@ControllerAdvice(annotations = Controller.class)
	static class UnreadAdvice {

		private final Notifications notifications;

		private final Organization organization;

		UnreadAdvice(Notifications notifications, Organization organization) {
			this.notifications = notifications;
			this.organization = organization;
		}

		/** Lazy: counted only when a page shows the navigation, not for JSON answers or redirects. */
		@ModelAttribute("unreadNotifications")
		LazyContextVariable<Long> unread() {
			return new LazyContextVariable<>() {
				@Override
				protected Long loadValue() {
					return count();
				}
			};
		}

		private Long count() {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
				return 0L;
			}
			try {
				Viewer me = organization.currentViewer();
				return notifications.unseen(me);
			}
			catch (RuntimeException notSignedIn) {
				return 0L;
			}
		}
	}
}
