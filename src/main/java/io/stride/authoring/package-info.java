/**
 * Courses as authors write them: title, description, Markdown lessons and a quiz; drafts, publishing, versions.
 */
@ApplicationModule(allowedDependencies = { "drafting", "identity", "shared", "standards" })
package io.stride.authoring;

import org.springframework.modulith.ApplicationModule;
