/**
 * Analytics: figures read from the learning record and the course data (course dashboards, item analysis,
 * needs-attention lists, content lifecycle proposals, library health and learning-cycle figures); nothing is
 * entered twice.
 * <p>
 * One package per feature ({@code course}, {@code items}, {@code redrafts}, {@code lifecycle}, {@code libraryhealth},
 * {@code attention}, {@code outcomes}, {@code cycles}), each with its persistence in its own {@code internal}; the
 * pages and APIs are in {@code web}; what features share (the summaries of the learning record, who may see a course's
 * figures, personal data) is in {@code internal}. The features other modules use are named interfaces
 * ({@code analytics::course}, {@code analytics::lifecycle}, {@code analytics::attention}, {@code analytics::outcomes}).
 */
@ApplicationModule(allowedDependencies = {
		"activity", "authoring", "capability", "cycles", "feedback", "identity", "review", "shared" })
package io.stride.analytics;

import org.springframework.modulith.ApplicationModule;
