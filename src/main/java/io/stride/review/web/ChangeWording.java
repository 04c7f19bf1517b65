package io.stride.review.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.stride.authoring.ChangedParts;
import io.stride.authoring.Course;
import io.stride.authoring.CourseChanges;
import io.stride.authoring.Lesson;
import io.stride.authoring.Question;
import io.stride.authoring.SourceNote;
import io.stride.authoring.CourseChanges.Part;
import io.stride.authoring.CourseChanges.State;
import io.stride.review.ChangesInReview;

/** The words a reviewer reads about each part: what it is, where it came from, and where it was reviewed before. */
final class ChangeWording {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private ChangeWording() {
	}

	/**
	 * One part as the page shows it, once: a lesson rendered as learners see it ({@code html}, with its
	 * {@code sources}), a question or the settings as their facts, one a line; a changed or removed part also with
	 * what changed ({@code changes}).
	 */
	record PartView(String anchor, String kind, String title, String state, boolean toRead,
			List<ReadableDiff.Row> changes, String html, List<SourceNote> sources, List<String> facts, String provenance,
			String reviewedBefore) {
	}

	/** The parts of the version in review; {@code course} is that version, where each part is found to show it. */
	static List<PartView> parts(ChangesInReview.Changes changes, Course course, Function<String, String> names) {
		return changes.changes().parts().stream().map(p -> view(p, changes, course, names)).toList();
	}

	/** "3 of 12 parts are new or changed — read these." */
	static String summary(CourseChanges changes) {
		int total = changes.total();
		int read = changes.newOrChanged();
		long unreviewed = changes.parts().stream().filter(p -> p.state() == State.NOT_REVIEWED).count();
		if (changes.firstVersion()) {
			long reused = changes.parts().stream().filter(p -> p.state() == State.REUSED).count();
			if (read == total && unreviewed > 0) {
				return "This is the course's first version: nothing of it was published before, and what it reuses was "
						+ "never reviewed for this risk tier. Read all " + total + " parts.";
			}
			if (read == total) {
				return "This is the course's first version: nothing of it was published before, so all " + total
						+ " parts are new. Read them all.";
			}
			return "This is the course's first version: nothing of it was published before. " + read + " of " + total
					+ " parts are new or changed — read " + (read == 1 ? "this one" : "these") + "; " + reused
					+ (reused == 1 ? " is" : " are") + " reused as " + (reused == 1 ? "its source has it" : "their sources have them")
					+ ", reviewed there.";
		}
		if (read == 0) {
			return "Nothing is new or changed since version " + changes.comparedWith()
					+ " (published): all " + total + " parts were reviewed before.";
		}
		String since = " since version " + changes.comparedWith() + " (published)";
		if (unreviewed == 0) {
			return read + " of " + total + " parts " + (read == 1 ? "is" : "are") + " new or changed" + since
					+ " — read " + (read == 1 ? "this one" : "these") + ".";
		}
		// parts the same as before, but never reviewed for this tier, are read as well: say both, in plain counts
		long changed = read - unreviewed;
		String never = unreviewed + (unreviewed == 1 ? " was" : " were")
				+ " not changed but never reviewed for this risk tier";
		if (changed == 0) {
			return "Nothing is new or changed" + since + ", but " + never + ": read " + (unreviewed == 1 ? "it" : "them")
					+ " (" + unreviewed + " of " + total + " parts).";
		}
		return "Read " + read + " of " + total + " parts: " + changed + (changed == 1 ? " is" : " are")
				+ " new or changed" + since + ", and " + never + ".";
	}

	static String kind(CourseChanges.Kind kind) {
		return switch (kind) {
			case SETTINGS -> "Settings";
			case LESSON -> "Lesson";
			case KNOWLEDGE_CHECK -> "Knowledge check";
			case QUESTION -> "Quiz question";
		};
	}

	private static PartView view(Part part, ChangesInReview.Changes changes, Course course,
			Function<String, String> names) {
		String anchor = "part-" + (part.elementId() == null ? "settings" : part.elementId());
		boolean removed = part.state() == State.REMOVED;
		String html = null;
		List<SourceNote> sources = List.of();
		List<String> facts = null;
		if (!removed) {
			switch (part.kind()) {
				case SETTINGS -> facts = ChangedParts.settingsLines(course.content());
				case LESSON -> {
					Lesson lesson = course.lesson(part.elementId()).orElse(null);
					if (lesson != null) {
						html = lesson.html();
						sources = lesson.sources();
					}
				}
				case QUESTION -> facts = course.question(part.elementId()).map(ChangeWording::facts).orElse(null);
				case KNOWLEDGE_CHECK -> facts = course.knowledgeCheck(part.elementId()).map(ChangeWording::facts).orElse(null);
			}
		}
		List<ReadableDiff.Row> changed = List.of();
		if (part.state() == State.CHANGED || removed) {
			// a lesson's changes with a line around each; a question or the settings are short: every line
			changed = ReadableDiff.of(part.diff(), part.kind() == CourseChanges.Kind.LESSON ? 1 : Integer.MAX_VALUE);
			if (part.kind() != CourseChanges.Kind.LESSON) {
				facts = null;
			}
		}
		else if (html == null && facts == null) {
			// not found in the version shown: its text as compared
			facts = part.diff().stream().map(CourseChanges.Line::text).filter(t -> !t.isBlank()).toList();
		}
		return new PartView(anchor, kind(part.kind()), part.title(), part.state().name().toLowerCase(Locale.ROOT),
				part.toRead(), changed, html, sources, facts, provenance(part, names),
				reviewedBefore(part, changes.before(part), names));
	}

	/** A question's facts but its prompt, which is the part's title. */
	private static List<String> facts(Question question) {
		return ChangedParts.lines(question).stream().filter(l -> !l.startsWith("Question: ")).toList();
	}

	private static String provenance(Part part, Function<String, String> names) {
		CourseChanges.Source source = part.source();
		if (source == null) {
			return null;
		}
		String from = "From “" + source.title() + "” v" + source.version()
				+ (source.authorId() == null ? "" : " by " + names.apply(source.authorId().value())) + " ("
				+ source.mode().toLowerCase(Locale.ROOT) + ")";
		if (part.state() == State.CHANGED) {
			return from + ", then edited.";
		}
		return from + ".";
	}

	private static String reviewedBefore(Part part, ChangesInReview.ReviewedBefore before, Function<String, String> names) {
		if (before == null) {
			return null;
		}
		if (part.state() == State.NOT_REVIEWED) {
			String same = part.source() != null && part.source().courseId().equals(before.courseId())
					? "The same as its source (version " + before.version() + ")"
					: "Unchanged since version " + before.version();
			if (!before.reviewed()) {
				return same + ", which was published without review: read it.";
			}
			return same + ", which was reviewed only as a "
					+ (before.tier() == null ? "lower" : before.tier().name().toLowerCase(Locale.ROOT))
					+ "-risk course: read it.";
		}
		String where = part.state() == State.REUSED ? "Reviewed with its source (version " + before.version() + ")"
				: "Unchanged since version " + before.version();
		if (!before.reviewed()) {
			return where + (part.state() == State.REUSED ? ", published there without review." : ", published without review.");
		}
		String who = String.join(" and ", before.approvedBy().stream().map(p -> names.apply(p.value())).toList());
		return where + ": " + (before.spotCheck() ? "spot-checked" : "approved") + " by " + who
				+ (before.approvedAt() == null ? "" : " on " + DAY.format(before.approvedAt())) + ".";
	}

	/** The names of the people a page or answer mentions, read once each. */
	static Function<String, String> names(Map<String, String> known, Function<String, String> lookup) {
		return id -> known.computeIfAbsent(id, lookup);
	}
}
