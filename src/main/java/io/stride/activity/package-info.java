/**
 * The learning record: every learning action as an xAPI statement in one table, read later by analytics.
 */
@ApplicationModule(allowedDependencies = { "identity", "shared" })
package io.stride.activity;

import org.springframework.modulith.ApplicationModule;
