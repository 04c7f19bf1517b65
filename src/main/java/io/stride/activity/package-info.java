/**
 * The learning record: every learning action as an xAPI statement in one table, read later by analytics.
 */
package io.stride.activity;
