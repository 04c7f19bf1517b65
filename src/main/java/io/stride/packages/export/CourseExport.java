package io.stride.packages.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.List;
import java.util.Optional;

import io.stride.authoring.Authoring;
import io.stride.authoring.Lesson;
import io.stride.packages.scorm.PackageLessons;
import io.stride.authoring.Course;
import io.stride.authoring.CourseId;
import io.stride.capability.LearningTeam;
import io.stride.identity.Viewer;
import io.stride.media.CourseMedia;
import io.stride.shared.ForbiddenException;
import io.stride.shared.InvalidInputException;
import io.stride.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports a course as a SCORM 1.2, SCORM 2004 or cmi5 package, so that an organization can take its courses to
 * another LMS. The course's editors export the live version or their draft; L&D and admins the live version; anyone
 * else is refused (403 for a course they can see, 404 for one they cannot).
 */
@Service
class CourseExport {

	/** The most an exported package may hold: a course's files are each bounded, their number is not. */
	static final long MAX_BYTES = 500L * 1024 * 1024;

	private final Authoring authoring;

	private final CourseMedia media;

	private final LearningTeam learningTeam;

	private final PackageWriter writer;

	private final String baseUrl;

	private final PackageLessons packageLessons;

	CourseExport(Authoring authoring, CourseMedia media, LearningTeam learningTeam, JsonMapper json,
			@Value("${stride.base-url}") String baseUrl, PackageLessons packageLessons) {
		this.packageLessons = packageLessons;
		this.authoring = authoring;
		this.media = media;
		this.learningTeam = learningTeam;
		this.writer = new PackageWriter(json);
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** Which version is exported: the one learners take, or the editors' working copy. */
	enum Version {
		LIVE, DRAFT;

		static Version of(String text) {
			if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("live")) {
				return LIVE;
			}
			if (text.strip().equalsIgnoreCase("draft")) {
				return DRAFT;
			}
			throw new InvalidInputException("version", "Choose the version to export: live or draft.");
		}
	}

	/** What this viewer may export of the course: shown on the page before they choose. */
	record Choices(Course course, boolean live, boolean draft, boolean quiz, List<String> packaged) {
	}

	record Exported(String fileName, byte[] zip) {
	}

	@Transactional(readOnly = true)
	public Choices choices(Viewer viewer, CourseId id) {
		Course course = authoring.course(viewer, id);
		boolean editor = mayExport(viewer, course);
		return new Choices(course, course.isLive(), editor, !course.quiz().isEmpty(), packaged(course));
	}

	@Transactional(readOnly = true)
	public Exported export(Viewer viewer, CourseId id, ExportFormat format, Version version, boolean withQuiz) {
		Course course = authoring.course(viewer, id);
		boolean editor = mayExport(viewer, course);
		Course exported;
		if (version == Version.DRAFT) {
			if (!editor) {
				throw new ForbiddenException("Only the course's editors export its draft; export the live version.");
			}
			exported = course;
		}
		else {
			if (!course.isLive()) {
				throw new InvalidInputException("version",
						"This course has no published version learners take: export the draft.");
			}
			exported = authoring.published(id);
		}
		List<String> packaged = packaged(exported);
		if (!packaged.isEmpty()) {
			// its content is the imported package's, which a Stride package can't carry: an empty lesson would be a lie
			throw new InvalidInputException("format", "The lesson \u201c" + packaged.getFirst() + "\u201d plays an "
					+ "imported SCORM or cmi5 package, which can't go into a package Stride writes: take the package "
					+ "you imported to the other LMS instead.");
		}
		Manifests.Ids ids = new Manifests.Ids("stride-course-" + key(id.value()), baseUrl + "/courses/" + id.value(),
				baseUrl + "/courses/" + id.value() + "/au");
		ExportedCourse content = ExportedCourse.of(exported, withQuiz, (mediaId, captions) -> read(viewer, mediaId, captions));
		long size = content.files().values().stream().mapToLong(b -> b.length).sum();
		if (size > MAX_BYTES) {
			throw new InvalidInputException("format", "The course's images and videos take more than "
					+ MAX_BYTES / 1024 / 1024 + " MB: too much for one package.");
		}
		byte[] zip = writer.write(content, format, ids);
		return new Exported(fileName(exported.title(), format), zip);
	}

	/** The titles of the course's lessons that play an imported package (SCORM or cmi5). */
	private List<String> packaged(Course course) {
		return course.lessons().stream().filter(l -> packageLessons.itemOf(course.id(), l).isPresent())
			.map(Lesson::title).toList();
	}

	/**
	 * Editors export drafts; L&D and admins any live course. Checked here, not in the pages, so the API and the page
	 * say the same.
	 */
	private boolean mayExport(Viewer viewer, Course course) {
		boolean editor = Authoring.mayEdit(viewer, course);
		if (!editor && !learningTeam.includes(viewer)) {
			throw new ForbiddenException("Only the course's editors, L&D and admins export courses.");
		}
		return editor;
	}

	private Optional<ExportedCourse.MediaFile> read(Viewer viewer, String mediaId, boolean captions) {
		CourseMedia.Readable readable;
		try {
			readable = media.read(viewer, mediaId, captions);
		}
		catch (NotFoundException gone) {
			return Optional.empty();
		}
		try (InputStream in = readable.open(0)) {
			return Optional.of(new ExportedCourse.MediaFile(readable.item().contentType(), in.readAllBytes()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String key(String id) {
		return id.replaceAll("[^A-Za-z0-9-]", "-");
	}

	/** "Reporting a data breach" as SCORM 1.2 is reporting-a-data-breach-scorm12.zip. */
	static String fileName(String title, ExportFormat format) {
		String plain = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		if (plain.length() > 60) {
			plain = plain.substring(0, 60).replaceAll("-+$", "");
		}
		return (plain.isEmpty() ? "course" : plain) + "-" + format.code() + ".zip";
	}
}
