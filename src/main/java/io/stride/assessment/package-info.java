/**
 * Quiz attempts: scoring, pass or fail, and idempotent submission.
 */
package io.stride.assessment;
