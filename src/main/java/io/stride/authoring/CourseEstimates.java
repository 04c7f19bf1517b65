package io.stride.authoring;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.authoring.internal.EstimateRows;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long a course takes, in minutes. A course created from a draft keeps the draft's estimate; its author (or an
 * admin) may change it at any time, published or not, since it describes the course rather than being its content.
 * A course with no estimate gets one from its lessons' length: about six characters of Markdown a word and 200 words
 * a minute (the catalogue's reading speed), at least one minute.
 */
@Service
@Transactional(readOnly = true)
public class CourseEstimates {

	/** The longest estimate an author may give: 100 hours. */
	public static final int MAX_MINUTES = 6000;

	static final int CHARACTERS_PER_WORD = 6;

	static final int WORDS_PER_MINUTE = 200;

	/** A course's estimate and whether someone gave it (the draft or the author) or it was computed from its length. */
	public record Estimate(int minutes, boolean given) {
	}

	private final EstimateRows rows;

	private final Authoring authoring;

	CourseEstimates(EstimateRows rows, Authoring authoring) {
		this.rows = rows;
		this.authoring = authoring;
	}

	/** The estimates of these courses, read together; unknown courses are absent. Checks no viewer. */
	public Map<CourseId, Estimate> of(Collection<CourseId> courses) {
		Map<CourseId, Estimate> result = new LinkedHashMap<>();
		rows.of(courses.stream().map(CourseId::value).toList())
			.forEach((id, row) -> result.put(new CourseId(id), row.minutes() != null
					? new Estimate(row.minutes(), true) : new Estimate(fromLength(row.characters()), false)));
		return result;
	}

	/** The estimate of a course the viewer may read (404 otherwise). */
	public Estimate of(Viewer viewer, CourseId course) {
		authoring.course(viewer, course);
		return of(List.of(course)).get(course);
	}

	/**
	 * Sets the estimate of a course the viewer may edit (its author, admins; 403 for other readers of a live course,
	 * 404 otherwise); null goes back to the one computed from its length. 422 at {@code estimatedMinutes} out of range.
	 */
	@Transactional
	public Estimate set(Viewer editor, CourseId course, Integer minutes) {
		check(minutes);
		authoring.editable(editor, course);
		rows.set(course.value(), minutes);
		return of(List.of(course)).get(course);
	}

	/** 422 at {@code estimatedMinutes} unless it is empty or from 1 to {@link #MAX_MINUTES}. */
	public static void check(Integer minutes) {
		if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
			throw new InvalidInputException("estimatedMinutes", "Give from 1 to " + MAX_MINUTES
					+ " minutes (100 hours), or leave it empty to estimate from the lessons' length.");
		}
	}

	/** Keeps a draft's estimate on a course made from it (no access check: the caller has just created it). */
	@Transactional
	void keep(CourseId course, int minutes) {
		rows.set(course.value(), Math.max(1, Math.min(MAX_MINUTES, minutes)));
	}

	static int fromLength(long characters) {
		long words = (characters + CHARACTERS_PER_WORD - 1) / CHARACTERS_PER_WORD;
		return (int) Math.max(1, Math.min(MAX_MINUTES, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE));
	}
}
