/**
 * Spaced review: after a learner completes a course, its questions come back on a schedule computed with FSRS-5.
 */
package io.stride.practice;
