/**
 * The needs-attention queries over the learning record and its summaries, many courses at once.
 */
package io.stride.analytics.attention.internal;
