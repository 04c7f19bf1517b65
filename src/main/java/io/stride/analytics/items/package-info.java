/**
 * Item analysis of a course's final quiz: facility, discrimination and flags per question, with the thresholds admins
 * set; its arithmetic ({@link io.stride.analytics.items.ItemAnalysisStatistics}) also serves component figures and
 * redrafts.
 */
package io.stride.analytics.items;
