package io.stride.packages.scorm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stride.packages.PackageRejected;
import io.stride.packages.internal.PackageArchive;
import io.stride.support.FuzzSeeds;
import io.stride.support.Refusals;

/**
 * A SCORM package's imsmanifest.xml, whatever it says: read into SCOs, or the package refused with a
 * {@link PackageRejected} that says what is wrong. The manifest is fuzzed as it comes out of a well-formed zip with
 * the files it may name, so that the fuzzer works on the XML rather than on the zip.
 */
class ScormManifestFuzzTests {

	@FuzzSeeds("ScormManifest")
	@FuzzTest(maxDuration = "15s")
	void manifest(byte[] xml) throws IOException {
		byte[] zip = zip(xml);
		Refusals.readOrRefuse(() -> ScormManifest.read(PackageArchive.read("course.zip", zip)), PackageRejected.class);
	}

	private static byte[] zip(byte[] manifest) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(ScormManifest.FILE));
			zip.write(manifest);
			for (String file : new String[] { "index.html", "sco/page.html" }) {
				zip.putNextEntry(new ZipEntry(file));
				zip.write("<html></html>".getBytes());
			}
		}
		return out.toByteArray();
	}
}
