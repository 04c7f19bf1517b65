/**
 * Course figures: a course's dashboard (funnel, drop-off, times to complete, weekly trend, reactions) for the people
 * who may see it, and a library component's figures followed into every course that uses it ({@link
 * io.stride.analytics.course.ComponentAnalytics}, read by the library's component page).
 */
@NamedInterface("course")
package io.stride.analytics.course;

import org.springframework.modulith.NamedInterface;
