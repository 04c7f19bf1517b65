/**
 * Redrafts of flagged quiz questions: alternatives offered to the editor, and each redraft's question compared before
 * and after it was published.
 */
package io.stride.analytics.redrafts;
