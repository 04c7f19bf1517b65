/**
 * The course figures' queries over the learning record and its summaries.
 */
package io.stride.analytics.course.internal;
