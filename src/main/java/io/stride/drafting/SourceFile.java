package io.stride.drafting;

/**
 * An uploaded file as received: its name as the author knows it, and its bytes.
 */
public record SourceFile(String name, byte[] content) {

	public SourceFile {
		name = name == null || name.isBlank() ? "upload" : name.replaceAll("[\\\\/]", "_").strip();
		if (name.length() > 150) {
			// keep the extension: it decides how the file is read
			int dot = name.lastIndexOf('.');
			String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
			name = name.substring(0, 150 - extension.length()) + extension;
		}
	}
}
