package io.stride.packages.cmi5;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.Lesson;
import io.stride.identity.Viewer;
import io.stride.packages.PackageRejected;
import io.stride.packages.internal.PackageArchive;
import io.stride.packages.scorm.PackageLessons;
import io.stride.packages.scorm.Packages;
import io.stride.packages.scorm.ScormImport;
import io.stride.packages.scorm.ScormStandard;
import io.stride.shared.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a cmi5 course as a draft course, the way a SCORM package is (ADR 0033, 0037): a zip is checked whole by
 * {@link PackageArchive} and its {@code cmi5.xml} read and checked ({@link CourseStructure}) before anything is
 * written; a bare {@code cmi5.xml} brings only remote AUs. Then, in one transaction, the course with one lesson per AU
 * (blocks flattened in order), the package, its files and its items. A course structure that breaks cmi5 is refused
 * naming the requirement, and nothing of it is kept.
 */
@Service
@Transactional
public class Cmi5Import {

	private final Authoring authoring;

	private final Packages packages;

	private final AssignableUnits units;

	private final Clock clock;

	Cmi5Import(Authoring authoring, Packages packages, AssignableUnits units, Clock clock) {
		this.authoring = authoring;
		this.packages = packages;
		this.units = units;
		this.clock = clock;
	}

	/**
	 * Whether an upload is a cmi5 course: a bare course structure (XML), or a zip with {@code cmi5.xml} at its root
	 * and no SCORM manifest. A zip is checked for safety here already; an unsafe one is refused.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean accepts(String uploadedName, byte[] content) {
		if (content == null || content.length == 0) {
			return false;
		}
		if (isXml(content)) {
			return true;
		}
		if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
			return false;
		}
		PackageArchive archive = PackageArchive.read(ScormImport.fileName(uploadedName), content);
		return archive.contains(CourseStructure.FILE) && !archive.contains("imsmanifest.xml");
	}

	public ScormImport.Imported importPackage(Viewer author, String uploadedName, byte[] content) {
		String fileName = ScormImport.fileName(uploadedName);
		if (content == null || content.length == 0) {
			throw new PackageRejected("\"" + fileName + "\" is empty. Choose the course's zip file or its cmi5.xml.");
		}
		PackageArchive archive = null;
		CourseStructure structure;
		if (isXml(content)) {
			structure = CourseStructure.read(fileName, content, null);
		}
		else {
			archive = PackageArchive.read(fileName, content);
			PackageArchive files = archive;
			byte[] xml = archive.file(CourseStructure.FILE).orElseThrow(() -> new PackageRejected("\"" + fileName
					+ "\": cmi5 §14.1: a course package holds its course structure as cmi5.xml at its root; this "
					+ "zip has none."));
			structure = CourseStructure.read(fileName, xml, files::contains);
		}
		String packageId = Ids.newId();
		List<String> itemIds = new ArrayList<>();
		List<Lesson> lessons = new ArrayList<>();
		for (CourseStructure.Au au : structure.aus()) {
			String itemId = Ids.newId();
			itemIds.add(itemId);
			lessons.add(new Lesson(null, au.title(), PackageLessons.markdown(itemId, au.title(), fileName, "cmi5")));
		}
		String description = structure.description().isBlank()
				? "Imported from the cmi5 course " + fileName + "."
				: structure.description();
		Course course = authoring.create(author, new CourseContent(structure.title().isBlank() ? fileName
				: structure.title(), description, lessons, null));
		long bytes = archive == null ? content.length : archive.totalBytes();
		packages.insert(new Packages.Package(packageId, course.id(), ScormStandard.CMI5, course.title(), fileName, bytes,
				author.id(), clock.instant()));
		if (archive != null) {
			archive.files().forEach((path, file) -> packages.insertFile(packageId, path, file));
		}
		List<ScormImport.ImportedLesson> imported = new ArrayList<>();
		for (int i = 0; i < structure.aus().size(); i++) {
			CourseStructure.Au au = structure.aus().get(i);
			packages.insertItem(new Packages.Item(itemIds.get(i), packageId, i, "au-" + (i + 1), au.title(), au.url(),
					au.launchParameters(), au.masteryScore(), null, null));
			units.insert(new AssignableUnits.Unit(itemIds.get(i), packageId, au.id(), structure.courseId(), au.url(),
					au.remote(), au.moveOn(), au.masteryScore(), au.launchMethod(), au.launchParameters(),
					au.entitlementKey()));
			imported.add(new ScormImport.ImportedLesson(itemIds.get(i), course.lessons().get(i).id(), au.title()));
		}
		List<String> notes = structure.aus().stream().filter(CourseStructure.Au::remote).findAny().isPresent()
				? List.of("AUs at remote addresses open in a new window.") : List.of();
		return new ScormImport.Imported(packageId, course.id(), course.title(), ScormStandard.CMI5,
				archive == null ? 0 : archive.files().size(), imported, notes);
	}

	/** A bare course structure: XML, perhaps after a byte order mark and white space. */
	private static boolean isXml(byte[] content) {
		int i = 0;
		if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
			i = 3;
		}
		while (i < content.length && Character.isWhitespace(content[i])) {
			i++;
		}
		return i < content.length && content[i] == '<';
	}
}
