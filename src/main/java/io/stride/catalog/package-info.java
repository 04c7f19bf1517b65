/** The catalogue: every published course anyone may find and start, without asking anyone. */
@ApplicationModule(allowedDependencies = {
		"authoring", "capability", "delivery", "drafting", "feedback", "identity", "review", "shared" })
package io.stride.catalog;

import org.springframework.modulith.ApplicationModule;
