package io.stride.assessment;

import java.util.List;

/**
 * The credit of an attempt, summed exactly: credits are fractions whose denominators are at most the number of
 * options, so 2 of 3 is 66.7%, which does not reach a pass mark of 67, though it shows as 67%.
 */
record QuizScore(int percent, boolean passed) {

	static QuizScore of(List<Grade> grades, int passMark) {
		if (grades.isEmpty()) {
			return new QuizScore(0, false);
		}
		long denominator = 1;
		for (Grade grade : grades) {
			denominator = lcm(denominator, grade.of());
		}
		long numerator = 0;
		for (Grade grade : grades) {
			numerator += grade.earned() * (denominator / grade.of());
		}
		long whole = denominator * grades.size();
		return new QuizScore((int) Math.round(100.0 * numerator / whole), numerator * 100 >= (long) passMark * whole);
	}

	private static long lcm(long a, long b) {
		return a / gcd(a, b) * b;
	}

	private static long gcd(long a, long b) {
		return b == 0 ? a : gcd(b, a % b);
	}
}
