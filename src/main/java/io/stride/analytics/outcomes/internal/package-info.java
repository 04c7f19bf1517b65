/**
 * Outcome persistence: metrics, their values, and when learners were done with the linked courses.
 */
package io.stride.analytics.outcomes.internal;
