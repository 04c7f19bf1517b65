package io.stride.rhythm;

/** A learning need's id. */
public record LearningNeedId(String value) {
}
