package io.stride.packages;

import io.stride.authoring.CourseId;
import io.stride.identity.Viewer;

/**
 * Imports a SCORM package as a draft course, for other modules (the demo organization); the import page and
 * {@code POST /api/v1/packages} do the same. Refuses with a {@link PackageRejected} naming what is wrong.
 */
public interface ScormPackageImport {

	/** Imports the zip in the author's name; answers the draft course created. */
	CourseId importAsDraft(Viewer author, String fileName, byte[] zip);
}
