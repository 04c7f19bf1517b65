package io.stride.packages.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a course as a package: the control file, the page ({@code index.html}) and its runtime, which are the
 * same static files for every course (under {@code packages/export/runtime/}), the course itself as data
 * ({@code course.js}) and its images and videos.
 */
final class PackageWriter {

	private static final String RUNTIME = "packages/export/runtime/";

	/** The runtime every package carries, under the same names in the package. */
	private static final List<String> PAGE = List.of(Manifests.LAUNCH, "player.css", "player.js");

	/** The cmi5 client (npm @xapi/cmi5, MIT), bundled as published: it needs no build step. */
	private static final Map<String, String> CMI5_CLIENT = Map.of("vendor/xapi-cmi5/Cmi5.umd.js",
			"vendor/xapi-cmi5/Cmi5.umd.js", "vendor/xapi-cmi5/LICENSE.md", "vendor/xapi-cmi5/LICENSE.md");

	private final JsonMapper json;

	PackageWriter(JsonMapper json) {
		this.json = json;
	}

	byte[] write(ExportedCourse course, ExportFormat format, Manifests.Ids ids) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String name : PAGE) {
			files.put(name, runtime(name));
		}
		files.put("lms.js", runtime(format.adapter()));
		if (format == ExportFormat.CMI5) {
			CMI5_CLIENT.forEach((inPackage, inRuntime) -> files.put(inPackage, runtime(inRuntime)));
		}
		files.put("course.js", data(course, format));
		files.putAll(course.files());
		List<String> listed = new ArrayList<>(files.keySet());
		byte[] manifest = switch (format) {
			case SCORM12 -> Manifests.scorm12(course, ids, listed);
			case SCORM2004 -> Manifests.scorm2004(course, ids, listed);
			case CMI5 -> Manifests.cmi5(course, ids);
		};
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			entry(zip, format.manifest(), manifest);
			for (var file : files.entrySet()) {
				entry(zip, file.getKey(), file.getValue());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** The course as the page reads it: a script setting one global, so that the page also opens from a disk. */
	private byte[] data(ExportedCourse course, ExportFormat format) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("format", format.code());
		data.put("title", course.title());
		data.put("description", course.description());
		data.put("lessons", course.lessons());
		data.put("quiz", course.quiz());
		return ("window.STRIDE_COURSE = " + json.writeValueAsString(data) + ";\n").getBytes(StandardCharsets.UTF_8);
	}

	private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(bytes);
		zip.closeEntry();
	}

	private static byte[] runtime(String name) {
		try (InputStream in = PackageWriter.class.getClassLoader().getResourceAsStream(RUNTIME + name)) {
			if (in == null) {
				throw new IllegalStateException("Missing export runtime file " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
