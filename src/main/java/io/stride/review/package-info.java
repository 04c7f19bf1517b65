/**
 * Review proportionate to risk: review cases with steps per tier, approvals with their guards, changes requested.
 */
@ApplicationModule(allowedDependencies = { "authoring", "drafting", "identity", "shared" })
package io.stride.review;

import org.springframework.modulith.ApplicationModule;
