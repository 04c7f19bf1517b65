package io.stride.packages;

/**
 * A package (or question bank) that Stride refuses, with the HTTP status that fits (413 too large, 422 unsafe,
 * damaged or against its standard) and a message naming the file and what is wrong with it.
 */
public class PackageRejected extends RuntimeException {

	private final int status;

	public PackageRejected(int status, String message) {
		super(message);
		this.status = status;
	}

	public PackageRejected(String message) {
		this(422, message);
	}

	public int status() {
		return status;
	}
}
