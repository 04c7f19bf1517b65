/**
 * Lifecycle persistence: the proposals and settings, and each course's recent use read from the learning record.
 */
package io.stride.analytics.lifecycle.internal;
