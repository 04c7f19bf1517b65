/**
 * Mastery: criteria (an organization default, local criteria per team and course), observed checklists signed off by
 * managers and named experts, and which evidence met which criterion.
 */
@ApplicationModule(allowedDependencies = { "activity", "assessment", "authoring", "identity", "practice", "shared" })
package io.stride.mastery;

import org.springframework.modulith.ApplicationModule;
