package io.stride.packages.scorm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.authoring.CourseId;
import io.stride.authoring.Lesson;
import io.stride.delivery.LessonsCompletedElsewhere;
import org.springframework.stereotype.Component;

/**
 * Which lessons play a package item. The lesson's Markdown carries the item's id in a link reference definition
 * (ADR 0033), which Markdown renders as nothing and every copy of the course (a new version, a reuse) keeps; an item counts only for the
 * course its package was imported into, so an author cannot point a lesson at someone else's package. Such a lesson
 * is done when the SCO reports it completed, never by being opened.
 */
@Component
public class PackageLessons implements LessonsCompletedElsewhere {

	private static final Pattern MARKER = Pattern.compile("^\\[stride-package-item\\]: /packages/items/([0-9a-f-]{36})$",
			Pattern.MULTILINE);

	private final Packages packages;

	PackageLessons(Packages packages) {
		this.packages = packages;
	}

	/** The Markdown of a lesson that plays this item: the marker, then a sentence for anyone reading the text. */
	static String markdown(String itemId, String itemTitle, String fileName) {
		return markdown(itemId, itemTitle, fileName, "SCORM");
	}

	/** The same, for a package of another standard (cmi5's AUs). */
	public static String markdown(String itemId, String itemTitle, String fileName, String standard) {
		return "[stride-package-item]: /packages/items/" + itemId + "\n\nThis lesson plays \u201c" + escape(itemTitle)
				+ "\u201d from the " + standard + " package " + escape(fileName) + ".\n";
	}

	/** The package item this lesson of this course plays, if it plays one. */
	public Optional<Packages.Item> itemOf(CourseId courseId, Lesson lesson) {
		if (lesson.markdown() == null) {
			return Optional.empty();
		}
		Matcher marker = MARKER.matcher(lesson.markdown());
		if (!marker.find()) {
			return Optional.empty();
		}
		return packages.item(marker.group(1))
			.filter(item -> packages.find(item.packageId()).map(p -> p.courseId().equals(courseId)).orElse(false));
	}

	@Override
	public boolean completesElsewhere(CourseId courseId, Lesson lesson) {
		return itemOf(courseId, lesson).isPresent();
	}

	private static String escape(String text) {
		return text.replaceAll("([\\\\`*_\\[\\]<>#!|])", "\\\\$1");
	}
}
