package io.stride.feedback;

import java.util.Optional;

/**
 * What the lesson page shows a learner: their reaction, and their latest improvement request with the author's reply.
 */
public record LessonFeedback(Optional<Reaction> reaction, Optional<ImprovementRequest> latestRequest) {
}
