/**
 * Content in and out of Stride: cmi5 and SCORM packages, GIFT and QTI question banks.
 */
@ApplicationModule(allowedDependencies = {
		"activity", "authoring", "capability", "delivery", "identity", "media", "shared", "xapi" })
package io.stride.packages;

import org.springframework.modulith.ApplicationModule;
