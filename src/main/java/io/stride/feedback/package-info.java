/**
 * Learners' reactions to lessons (helpful, unclear, outdated), the improvement requests they raise for authors, and
 * each course's reaction score.
 */
package io.stride.feedback;
