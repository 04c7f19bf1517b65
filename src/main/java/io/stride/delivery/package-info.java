/**
 * Getting courses to learners: assignments with due dates, "my learning", the lesson player and progress.
 */
@ApplicationModule(allowedDependencies = {
		"activity", "assessment", "authoring", "identity", "mastery", "practice", "shared" })
package io.stride.delivery;

import org.springframework.modulith.ApplicationModule;
