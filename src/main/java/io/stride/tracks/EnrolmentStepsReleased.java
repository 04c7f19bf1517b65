package io.stride.tracks;

/**
 * Steps opened in one release run (the nightly run, at once when a step's day is today, or early by a manager):
 * {@code run} names the run, so that listeners read who to tell with {@link TrackProgress#noticesOf(String)}, one
 * notice per person however many steps and tracks opened for them.
 */
public record EnrolmentStepsReleased(String run, int steps) {
}
