package io.stride.xapi;

import java.util.Arrays;
import java.util.Optional;

/**
 * The OAuth scopes xAPI 1.0.3 names (Communication, 4.2), used here as what a client's key may do. The wider ones hold
 * the narrower: {@code all} everything, {@code all/read} every reading one, {@code statements/read} also
 * {@code statements/read/mine}.
 */
public enum Scope {

	STATEMENTS_WRITE("statements/write"),
	STATEMENTS_READ_MINE("statements/read/mine"),
	STATEMENTS_READ("statements/read"),
	/** The State resource, read and write. */
	STATE("state"),
	/** Activity definitions: the Activities resource and the definitions carried by statements. */
	DEFINE("define"),
	/** The Activity Profile and Agent Profile resources. */
	PROFILE("profile"),
	ALL_READ("all/read"),
	ALL("all");

	private final String value;

	Scope(String value) {
		this.value = value;
	}

	/** The name xAPI gives it, as clients are created with it. */
	public String value() {
		return value;
	}

	public static Optional<Scope> of(String value) {
		return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
	}
}
