package io.stride.notification.web;

import java.util.Map;

import io.stride.identity.Viewer;
import io.stride.notification.Notifications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications", description = "What happened that concerns the caller")
@SecurityRequirement(name = "bearer")
class NotificationApi {

	private final Notifications notifications;

	NotificationApi(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/v1/me/notifications")
	@Operation(summary = "The caller's notifications, newest first, 20 per page")
	Notifications.Page list(Viewer me, @RequestParam(defaultValue = "1") int page) {
		return notifications.page(me, page);
	}

	@PostMapping("/api/v1/me/notifications/read")
	@Operation(summary = "Mark all the caller's notifications read")
	Map<String, Integer> read(Viewer me) {
		return Map.of("marked", notifications.markAllRead(me));
	}
}
