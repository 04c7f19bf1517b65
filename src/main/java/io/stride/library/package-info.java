/**
 * The component library: every published lesson, module and question as a component that can be found and reused in
 * another course, linked (updates offered when its source publishes) or copied (a fork that remembers its source).
 */
@ApplicationModule(allowedDependencies = {
		"analytics::course", "authoring", "capability", "feedback", "identity", "shared" })
package io.stride.library;

import org.springframework.modulith.ApplicationModule;
