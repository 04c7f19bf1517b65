/**
 * Analytics: figures read from the learning record and the course data (course dashboards, item analysis,
 * needs-attention lists, content lifecycle proposals, library health and learning-cycle figures); nothing is
 * entered twice.
 */
package io.stride.analytics;
