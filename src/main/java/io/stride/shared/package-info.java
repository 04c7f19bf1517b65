/**
 * A few value types and errors shared by every module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package io.stride.shared;

import org.springframework.modulith.ApplicationModule;
