/**
 * Analytics: figures read from the learning record and the course data (course dashboards, item analysis,
 * needs-attention lists, content lifecycle proposals, library health and learning-cycle figures); nothing is
 * entered twice.
 */
@ApplicationModule(allowedDependencies = {
		"activity", "authoring", "capability", "cycles", "feedback", "identity", "review", "shared" })
package io.stride.analytics;

import org.springframework.modulith.ApplicationModule;
