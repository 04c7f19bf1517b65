package io.stride.packages.web;

import java.io.IOException;

import io.stride.packages.PackageRejected;
import org.springframework.web.multipart.MultipartFile;

/** The uploaded zip, read into memory for the archive check; the page and the API share the rules. */
final class PackageUploads {

	/** The most a package's zip may weigh; what it unpacks to has its own limits in the archive check. */
	static final long MAX_BYTES = 200L * 1024 * 1024;

	private PackageUploads() {
	}

	static byte[] read(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new PackageRejected("Choose a SCORM package: a zip file with imsmanifest.xml at its root.");
		}
		if (file.getSize() > MAX_BYTES) {
			throw new PackageRejected(413, "\"" + file.getOriginalFilename() + "\" weighs more than "
					+ MAX_BYTES / (1024 * 1024) + " MB, the most Stride takes for one package.");
		}
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new PackageRejected("\"" + file.getOriginalFilename() + "\" could not be read; upload it again.");
		}
	}
}
