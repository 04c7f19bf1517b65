package io.stride.packages.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stride.packages.PackageRejected;
import io.stride.support.FuzzSeeds;
import io.stride.support.Refusals;

/** Any upload that claims to be a zip: unpacked within the limits, or refused with a {@link PackageRejected}. */
class PackageArchiveFuzzTests {

	/** Small limits, so that the fuzzer meets them. */
	private static final PackageArchive.Limits LIMITS = new PackageArchive.Limits(20, 64 * 1024, 256 * 1024, 100);

	@FuzzSeeds("PackageArchive")
	@FuzzTest(maxDuration = "15s")
	void archive(byte[] content) {
		Refusals.readOrRefuse(() -> PackageArchive.read("course.zip", content, LIMITS), PackageRejected.class);
	}
}
