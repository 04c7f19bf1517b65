/**
 * Item analysis persistence: submitted attempts and their answers read from the learning record, and the thresholds.
 */
package io.stride.analytics.items.internal;
