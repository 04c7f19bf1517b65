/**
 * Instant drafting: notes, documents and transcripts become a reviewable course draft with citations.
 */
package io.stride.drafting;
