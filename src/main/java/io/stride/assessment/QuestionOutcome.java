package io.stride.assessment;

import java.util.List;

public record QuestionOutcome(String questionId, List<Integer> selected, boolean correct) {
}
