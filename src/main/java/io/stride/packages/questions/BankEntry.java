package io.stride.packages.questions;

import io.stride.authoring.Question;

/** A question on its way out, with the title it is exported under ("Question 3", "Check 1 of Lesson A"). */
record BankEntry(String title, Question question) {
}
