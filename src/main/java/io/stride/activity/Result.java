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

	public static Result completion(boolean success) {
		return new Result(null, null, null, success, true, null);
	}
}
