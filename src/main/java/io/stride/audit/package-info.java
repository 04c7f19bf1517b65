/**
 * The audit log: who changed the state of what, and when; append-only, viewable and exportable by admins.
 */
@ApplicationModule(allowedDependencies = {
		"authoring", "badges", "capability", "cycles", "identity", "integration", "media", "review", "rhythm", "scim",
		"shared", "tracks", "xapi" })
package io.stride.audit;

import org.springframework.modulith.ApplicationModule;
