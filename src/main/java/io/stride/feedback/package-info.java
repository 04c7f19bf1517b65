/**
 * Learners' reactions to lessons (helpful, unclear, outdated), the improvement requests they raise for authors, and
 * each course's reaction score.
 */
@ApplicationModule(allowedDependencies = { "activity", "authoring", "delivery", "identity", "shared" })
package io.stride.feedback;

import org.springframework.modulith.ApplicationModule;
