package io.stride.packages.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.stride.shared.InvalidInputException;

/** The packages a course exports as; {@code code} is what the API and the page's form send. */
enum ExportFormat {

	SCORM12("scorm12", "SCORM 1.2", "imsmanifest.xml", "scorm12.js"),
	SCORM2004("scorm2004", "SCORM 2004 4th Edition", "imsmanifest.xml", "scorm2004.js"),
	CMI5("cmi5", "cmi5", "cmi5.xml", "cmi5.js");

	private final String code;

	private final String label;

	private final String manifest;

	private final String adapter;

	ExportFormat(String code, String label, String manifest, String adapter) {
		this.code = code;
		this.label = label;
		this.manifest = manifest;
		this.adapter = adapter;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	/** The package's control file at its root. */
	String manifest() {
		return manifest;
	}

	/** The runtime file that speaks this standard to the LMS; it lands in the package as {@code lms.js}. */
	String adapter() {
		return adapter;
	}

	static ExportFormat of(String code) {
		String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(f -> f.code.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("format", "Choose a format: "
					+ Arrays.stream(values()).map(ExportFormat::code).collect(Collectors.joining(", ")) + "."));
	}
}
