package io.stride.capability.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.stride.authoring.CourseId;
import io.stride.capability.CapabilityId;

/**
 * One person's evidence, as far as the capabilities being evaluated ask for it: courses mastered (the day, and
 * whether it was on the version learners get today), sign-offs, successful review days (newest first), confirmed
 * certificates, validations and outside activities completed (by activity IRI, as outside tools told the LRS). Empty
 * maps mean no evidence.
 */
public record Facts(Map<CourseId, Mastered> mastered, Map<String, SignedOff> signOffs,
		Map<CourseId, List<LocalDate>> reviewDays, Map<CapabilityId, List<Certificate>> certificates,
		Map<CapabilityId, List<Validation>> validations, Names names, Map<String, List<OutsideCompletion>> outside) {

	public static final Facts NONE = new Facts(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Names.NONE, Map.of());

	/** Facts without outside activities. */
	public Facts(Map<CourseId, Mastered> mastered, Map<String, SignedOff> signOffs,
			Map<CourseId, List<LocalDate>> reviewDays, Map<CapabilityId, List<Certificate>> certificates,
			Map<CapabilityId, List<Validation>> validations, Names names) {
		this(mastered, signOffs, reviewDays, certificates, validations, names, Map.of());
	}

	/** An outside activity completed, passed or mastered on a day, with its scaled score (null: none sent). */
	public record OutsideCompletion(LocalDate on, Double score) {
	}

	/** Course and task titles for saying what evidence is about (shared by everyone's facts). */
	public record Names(Map<CourseId, String> courses, Map<String, String> tasks) {

		public static final Names NONE = new Names(Map.of(), Map.of());

		String course(CourseId id) {
			String title = id == null ? null : courses.get(id);
			return title == null ? "the course" : "“" + title + "”";
		}

		String task(String id) {
			String title = id == null ? null : tasks.get(id);
			return title == null ? "the task" : "“" + title + "”";
		}
	}

	public Facts withNames(Names others) {
		return new Facts(mastered, signOffs, reviewDays, certificates, validations, others, outside);
	}

	/** {@code onCurrentVersion}: mastered on the version learners get today (and the course is not retired). */
	public record Mastered(LocalDate on, boolean onCurrentVersion, int version) {
	}

	public record SignedOff(LocalDate observedOn, String signerName) {
	}

	public record Certificate(String name, String issuer, LocalDate issuedOn, LocalDate expiresOn) {
	}

	public record Validation(int levelRank, String validatorName, LocalDate validatedOn) {
	}
}
