/**
 * Instant drafting: notes, documents and transcripts become a reviewable course draft with citations.
 */
@ApplicationModule(allowedDependencies = { "identity", "shared", "standards" })
package io.stride.drafting;

import org.springframework.modulith.ApplicationModule;
