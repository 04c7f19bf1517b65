package io.stride.drafting;

/**
 * An uploaded file as received: its name as the author knows it, and its bytes.
 */
public record SourceFile(String name, byte[] content) {

	public SourceFile {
		name = name == null || name.isBlank() ? "upload" : name.replaceAll("[\\\\/]", "_").strip();
	}
}
