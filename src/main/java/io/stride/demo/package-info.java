/**
 * The demo organization "Acme", seeded on first start of an empty installation so Stride can be tried at once.
 */
@ApplicationModule(allowedDependencies = {
		"analytics::outcomes", "assessment", "authoring", "badges", "capability", "cycles", "delivery", "drafting",
		"feedback", "identity", "library", "mastery", "media", "packages", "review", "rhythm", "tracks", "xapi" })
package io.stride.demo;

import org.springframework.modulith.ApplicationModule;
