/**
 * Content lifecycle: proposals to archive idle courses and refine weak ones, sent to their owners as
 * {@link io.stride.analytics.lifecycle.CourseLifecycleProposed} (heard by notification), with the settings admins keep.
 */
@NamedInterface("lifecycle")
package io.stride.analytics.lifecycle;

import org.springframework.modulith.NamedInterface;
