/**
 * Learning-cycle figures for managers and L&D: people with an active cycle, what goals serve, validations and help,
 * per team and month, counted from the facts the cycles module gives ({@link io.stride.cycles.CycleFacts}).
 */
package io.stride.analytics.cycles;
