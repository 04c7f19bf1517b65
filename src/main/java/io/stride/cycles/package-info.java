/**
 * Learning people own: organization and team priorities, learning cycles and contracts, peer validation, helping each
 * other, kudos, contributor recognition and Open Badges.
 */
@ApplicationModule(allowedDependencies = {
		"authoring", "capability", "catalog", "delivery", "drafting", "feedback", "identity", "shared", "xapi" })
package io.stride.cycles;

import org.springframework.modulith.ApplicationModule;
