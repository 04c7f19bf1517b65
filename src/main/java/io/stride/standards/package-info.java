/**
 * Course templates and the organization's standards: required parts, length limits, tone and accessibility rules
 * that a course is checked against.
 */
@ApplicationModule(allowedDependencies = { "identity", "shared" })
package io.stride.standards;

import org.springframework.modulith.ApplicationModule;
