package io.stride.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;
import io.stride.packages.ScormPackageImport;
import org.springframework.stereotype.Component;

/**
 * A SCORM package in the demo: "Spotting a phishing email", a small SCORM 1.2 SCO kept as plain files under
 * {@code demo/scorm/phishing}, zipped at demo time and imported and published like any package, so the player can be
 * tried at once.
 */
@Component
class DemoPackage {

	private static final List<String> FILES = List.of("imsmanifest.xml", "index.html", "lesson.js", "lesson.css");

	private final ScormPackageImport packages;

	private final Authoring authoring;

	DemoPackage(ScormPackageImport packages, Authoring authoring) {
		this.packages = packages;
		this.authoring = authoring;
	}

	Course seed(Viewer author) {
		CourseId id = packages.importAsDraft(author, "acme-phishing-scorm12.zip", zip());
		Course draft = authoring.editable(author, id);
		return authoring.publish(author, draft.id(), draft.revision());
	}

	private static byte[] zip() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (String file : FILES) {
				try (InputStream in = DemoPackage.class.getResourceAsStream("/demo/scorm/phishing/" + file)) {
					if (in == null) {
						throw new IllegalStateException("The demo package file " + file + " is missing from the application");
					}
					zip.putNextEntry(new ZipEntry(file));
					zip.write(in.readAllBytes());
					zip.closeEntry();
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
