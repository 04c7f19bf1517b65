package io.stride.activity;

/**
 * The xAPI result of a statement; every part is optional.
 */
public record Result(Double scaled, Integer raw, Integer max, Boolean success, Boolean completion, String response) {

	public static final Result NONE = new Result(null, null, null, null, null, null);

	public static Result score(int raw, int max, boolean success) {
		return new Result(max == 0 ? 0.0 : (double) raw / max, raw, max, success, null, null);
	}

	public static Result answer(String response, boolean success) {
		return new Result(null, null, null, success, null, response);
	}

	/** An answer that earned {@code scaled} (0 to 1) of its credit. */
	public static Result answer(String response, double scaled, boolean success) {
		return new Result(scaled, null, null, success, null, response);
	}

	/** A score as a share only, when the raw score is not a whole number (partial credit). */
	public static Result scaled(double scaled, boolean success) {
		return new Result(scaled, null, null, success, null, null);
	}

	public static Result completion(boolean success) {
		return new Result(null, null, null, success, true, null);
	}
}
