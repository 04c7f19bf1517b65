package io.stride.packages.cmi5;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stride.packages.PackageRejected;
import io.stride.support.FuzzSeeds;
import io.stride.support.Refusals;

/**
 * A cmi5 course structure (cmi5.xml), uploaded alone or in a package: read into AUs, or refused with a
 * {@link PackageRejected} that names the section of the specification it breaks.
 */
class CourseStructureFuzzTests {

	@FuzzSeeds("Cmi5")
	@FuzzTest(maxDuration = "15s")
	void courseStructure(byte[] xml) {
		// every other input as if it came in a package holding only index.html, the rest as a cmi5.xml alone
		Refusals.readOrRefuse(() -> CourseStructure.read("cmi5.xml", xml,
				xml.length % 2 == 0 ? null : "index.html"::equals), PackageRejected.class);
	}
}
