package io.stride.packages.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.stride.authoring.Course;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.Quiz;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A course as an offline package carries it: its lessons as Stride renders them (sanitized HTML) with their images
 * and videos as files beside them, and the final quiz with what makes each answer right, for the page to score.
 */
record ExportedCourse(String title, String description, List<ExportedLesson> lessons, ExportedQuiz quiz,
		Map<String, byte[]> files) {

	/** A file of the course (an image, a video, its captions) by its id; empty when it cannot be read. */
	interface MediaSource {

		Optional<MediaFile> read(String mediaId, boolean captions);
	}

	record MediaFile(String contentType, byte[] bytes) {
	}

	record ExportedLesson(String title, String html) {
	}

	record ExportedQuiz(int passMark, List<ExportedQuestion> questions) {

		/** The pass mark as a share, as SCORM 2004 and cmi5 want it. */
		BigDecimal masteryScore() {
			return BigDecimal.valueOf(passMark).movePointLeft(2).stripTrailingZeros();
		}
	}

	/**
	 * A question as the page's script reads it; {@code correct} and {@code scoring} follow {@link Question}, numbers
	 * are given as text so that the tolerance's edge is where the author put it.
	 */
	record ExportedQuestion(String id, String kind, String prompt, List<String> options, List<Integer> correct,
			List<String> matches, List<String> accepted, String value, String tolerance, String unit, String scoring,
			String explanation) {

		static ExportedQuestion of(int index, Question q) {
			String value = null;
			String tolerance = null;
			String unit = null;
			if (q.numeric() != null) {
				value = q.numeric().value() == null ? null : q.numeric().value().toPlainString();
				tolerance = q.numeric().tolerance() == null ? "0" : q.numeric().tolerance().toPlainString();
				unit = q.numeric().unit();
			}
			return new ExportedQuestion("q" + (index + 1), q.kind().name(), q.prompt(), q.options(), q.correct(),
					q.matches(), q.accepted(), value, tolerance, unit, q.scoring().name(), q.explanation());
		}
	}

	/** Where lessons point at Stride's files: an image, a video, a video's captions. */
	private static final Pattern MEDIA = Pattern.compile("/media/([A-Za-z0-9-]{1,64})(/captions)?");

	static ExportedCourse of(Course course, boolean withQuiz, MediaSource media) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		List<ExportedLesson> lessons = new ArrayList<>();
		for (Lesson lesson : course.lessons()) {
			lessons.add(new ExportedLesson(lesson.title(), withLocalMedia(lesson.html(), media, files)));
		}
		Quiz quiz = course.quiz();
		ExportedQuiz exportedQuiz = null;
		if (withQuiz && !quiz.isEmpty()) {
			List<ExportedQuestion> questions = new ArrayList<>();
			for (int i = 0; i < quiz.questions().size(); i++) {
				questions.add(ExportedQuestion.of(i, quiz.questions().get(i)));
			}
			exportedQuiz = new ExportedQuiz(quiz.passMark(), questions);
		}
		return new ExportedCourse(course.title(), course.description(), lessons, exportedQuiz, files);
	}

	boolean hasQuiz() {
		return quiz != null;
	}

	/**
	 * The lesson's HTML with every file address made a path inside the package, and the file added; the narrower
	 * copies a srcset names are left out (the package carries one copy of each image), and a file that cannot be
	 * read is left out with the element that shows it rather than pointing at a Stride the package's LMS cannot reach.
	 */
	private static String withLocalMedia(String html, MediaSource media, Map<String, byte[]> files) {
		if (!html.contains("/media/")) {
			return html;
		}
		Document document = Jsoup.parseBodyFragment(html);
		document.outputSettings().prettyPrint(false);
		for (Element element : document.select("[src], a[href]")) {
			String attribute = element.hasAttr("src") ? "src" : "href";
			var address = MEDIA.matcher(element.attr(attribute));
			if (!address.matches()) {
				continue;
			}
			String path = file(address.group(1), address.group(2) != null, media, files);
			if (path == null) {
				element.remove();
				continue;
			}
			element.attr(attribute, path).removeAttr("srcset").removeAttr("sizes");
		}
		return document.body().html();
	}

	private static String file(String mediaId, boolean captions, MediaSource media, Map<String, byte[]> files) {
		Optional<MediaFile> found = media.read(mediaId, captions);
		if (found.isEmpty()) {
			return null;
		}
		String path = "media/" + mediaId + (captions ? "-captions" : "") + "." + ending(found.get().contentType());
		files.putIfAbsent(path, found.get().bytes());
		return path;
	}

	private static String ending(String contentType) {
		String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
		return switch (type) {
			case "image/png" -> "png";
			case "image/jpeg" -> "jpg";
			case "image/gif" -> "gif";
			case "image/webp" -> "webp";
			case "video/mp4" -> "mp4";
			case "video/webm" -> "webm";
			case "text/vtt" -> "vtt";
			default -> "bin";
		};
	}
}
