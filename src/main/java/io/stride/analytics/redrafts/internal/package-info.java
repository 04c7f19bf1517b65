/**
 * The redrafts made, linking the old question to the new one.
 */
package io.stride.analytics.redrafts.internal;
