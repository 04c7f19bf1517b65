/**
 * Spaced review: after a learner completes a course, its questions come back on a schedule computed with FSRS-5.
 */
@ApplicationModule(allowedDependencies = { "activity", "assessment", "authoring", "identity", "shared" })
package io.stride.practice;

import org.springframework.modulith.ApplicationModule;
