/**
 * Questions answered: quiz attempts (drawn, saved as the learner goes, timed, limited, graded with partial credit,
 * submitted idempotently) and knowledge checks after lessons.
 */
package io.stride.assessment;
