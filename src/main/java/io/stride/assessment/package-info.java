/**
 * Questions answered: quiz attempts (drawn, saved as the learner goes, timed, limited, graded with partial credit,
 * submitted idempotently) and knowledge checks after lessons.
 */
@ApplicationModule(allowedDependencies = { "activity", "authoring", "drafting", "identity", "shared" })
package io.stride.assessment;

import org.springframework.modulith.ApplicationModule;
