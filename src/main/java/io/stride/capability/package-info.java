/**
 * Capabilities: who can actually do the work. Levels computed from evidence, team coverage targets, the bus factor,
 * availability and expiry, the people × capabilities matrix and the organization's risk report.
 */
@ApplicationModule(allowedDependencies = {
		"authoring", "delivery", "identity", "mastery", "practice", "review", "shared", "xapi" })
package io.stride.capability;

import org.springframework.modulith.ApplicationModule;
