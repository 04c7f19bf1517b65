package io.stride.packages.scorm;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.stride.authoring.Authoring;
import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.identity.Viewer;
import io.stride.packages.PackageRejected;
import io.stride.packages.ScormPackageImport;
import io.stride.packages.internal.PackageArchive;
import io.stride.shared.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a SCORM package as a draft course: the zip is checked whole in memory ({@link PackageArchive}) and its
 * manifest read before anything is written; then, in one transaction, the course (one lesson per SCO, through
 * authoring like any draft), the package, its files and its items. A package refused at any step leaves nothing.
 * The course is then reviewed, published and assigned like any other.
 */
@Service
@Transactional
public class ScormImport implements ScormPackageImport {

	private final Authoring authoring;

	private final Packages packages;

	private final Clock clock;

	ScormImport(Authoring authoring, Packages packages, Clock clock) {
		this.authoring = authoring;
		this.packages = packages;
		this.clock = clock;
	}

	/** What an import created. */
	public record Imported(String packageId, CourseId courseId, String title, ScormStandard standard, int files,
			List<ImportedLesson> lessons, List<String> notes) {
	}

	public record ImportedLesson(String itemId, String lessonId, String title) {
	}

	public Imported importPackage(Viewer author, String uploadedName, byte[] content) {
		String fileName = fileName(uploadedName);
		if (content == null || content.length == 0) {
			throw new PackageRejected("\"" + fileName + "\" is empty. Choose the package's zip file.");
		}
		PackageArchive archive = PackageArchive.read(fileName, content);
		ScormManifest manifest = ScormManifest.read(archive);
		String packageId = Ids.newId();
		List<String> itemIds = new ArrayList<>();
		List<Lesson> lessons = new ArrayList<>();
		for (ScormManifest.Sco sco : manifest.scos()) {
			String itemId = Ids.newId();
			itemIds.add(itemId);
			lessons.add(new Lesson(null, sco.title(), PackageLessons.markdown(itemId, sco.title(), fileName)));
		}
		Course course = authoring.create(author, new CourseContent(manifest.title(),
				"Imported from the " + manifest.standard().display() + " package " + fileName + ".", lessons, null));
		packages.insert(new Packages.Package(packageId, course.id(), manifest.standard(), manifest.title(), fileName,
				archive.totalBytes(), author.id(), clock.instant()));
		archive.files().forEach((path, bytes) -> packages.insertFile(packageId, path, bytes));
		List<ImportedLesson> imported = new ArrayList<>();
		for (int i = 0; i < manifest.scos().size(); i++) {
			ScormManifest.Sco sco = manifest.scos().get(i);
			packages.insertItem(new Packages.Item(itemIds.get(i), packageId, i, sco.identifier(), sco.title(), sco.launch(),
					sco.launchData(), sco.masteryScore(), sco.passingScore(), sco.completionThreshold()));
			imported.add(new ImportedLesson(itemIds.get(i), course.lessons().get(i).id(), sco.title()));
		}
		return new Imported(packageId, course.id(), course.title(), manifest.standard(), archive.files().size(),
				imported, manifest.notes());
	}

	@Override
	public CourseId importAsDraft(Viewer author, String fileName, byte[] zip) {
		return importPackage(author, fileName, zip).courseId();
	}

	/** The uploaded name without any folder a browser sent, for messages and the course's description. */
	public static String fileName(String uploaded) {
		String name = uploaded == null ? "" : uploaded.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		if (name.isEmpty()) {
			return "package.zip";
		}
		return name.length() > 200 ? name.substring(0, 200) : name;
	}
}
