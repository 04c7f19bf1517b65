/**
 * Notifications: in the app and by email (SMTP configured by properties), from events of the other modules.
 */
@ApplicationModule(allowedDependencies = {
		"analytics::lifecycle", "authoring", "badges", "capability", "cycles", "delivery", "feedback", "identity",
		"integration", "review", "rhythm", "shared", "tracks" })
package io.stride.notification;

import org.springframework.modulith.ApplicationModule;
