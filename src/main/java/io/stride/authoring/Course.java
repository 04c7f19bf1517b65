package io.stride.authoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.stride.identity.PersonId;

/**
 * A course. {@code version} counts published versions of the content; {@code revision} counts saves and guards
 * against two editors overwriting each other.
 */
public record Course(CourseId id, String title, String description, CourseStatus status, int version, int revision,
		PersonId authorId, List<Lesson> lessons, Quiz quiz, Instant updatedAt, Instant publishedAt, List<String> objectives,
		RiskTier riskTier, String tierReason, LocalDate reviewBy, Integer liveVersion) {

	/** Where the course stands, and what that allows (see {@link CourseState}). */
	public CourseState state() {
		return new CourseState(status, version, liveVersion);
	}

	/** Whether this content is the published one: the working copy equals the newest published version. */
	public boolean isPublished() {
		return state().isPublished();
	}

	/** Whether learners can be given the course: some version is published and the course is not retired. */
	public boolean isLive() {
		return state().isLive();
	}

	/** A new version is being written (or reviewed) while an earlier one stays with learners. */
	public boolean hasNewVersionInProgress() {
		return state().hasNewVersionInProgress();
	}

	/** Whether its content may be changed in place (a draft). */
	public boolean isEditable() {
		return state().isEditable();
	}

	public boolean isInReview() {
		return state().isInReview();
	}

	public boolean isRetired() {
		return state().isRetired();
	}

	/** Refuses (422 at {@code status}) a change to content that is not a draft; see {@link CourseState#editRefusal()}. */
	public void requireEditable() {
		state().requireEditable();
	}

	/** The state in words, for pages. */
	public String statusLabel() {
		return switch (status) {
			case PUBLISHED -> "Published (version " + version + ")";
			case RETIRED -> "Retired";
			case IN_REVIEW -> liveVersion == null ? "In review" : "Version " + version + " in review; version " + liveVersion + " is published";
			case DRAFT -> liveVersion == null ? "Draft" : "Draft of version " + version + "; version " + liveVersion + " is published";
		};
	}

	public Optional<Lesson> lesson(String lessonId) {
		return lessons.stream().filter(lesson -> lesson.id().equals(lessonId)).findFirst();
	}

	/** A question of the final quiz. */
	public Optional<Question> question(String questionId) {
		return quiz.questions().stream().filter(q -> q.id().equals(questionId)).findFirst();
	}

	/** Every knowledge check, lesson by lesson; they are not part of the final quiz. */
	public List<Question> knowledgeChecks() {
		return lessons.stream().flatMap(lesson -> lesson.knowledgeChecks().stream()).toList();
	}

	/** A knowledge check of one of the lessons. */
	public Optional<Question> knowledgeCheck(String questionId) {
		return knowledgeChecks().stream().filter(q -> q.id().equals(questionId)).findFirst();
	}

	/** The lesson a knowledge check follows. */
	public Optional<Lesson> lessonOfCheck(String questionId) {
		return lessons.stream()
			.filter(lesson -> lesson.knowledgeChecks().stream().anyMatch(q -> q.id().equals(questionId)))
			.findFirst();
	}

	public CourseContent content() {
		return new CourseContent(title, description, lessons, quiz, objectives, riskTier, tierReason);
	}

	/**
	 * Whether the tier is Stride's to choose: nobody gave a reason for it, and it is not above what Stride suggests
	 * for the text now. A new course starts so (with the suggestion for an empty course); the outline editor offers
	 * it as "Let Stride choose", and publishing from there takes the suggestion for the text as it then is instead
	 * of refusing a tier the author never chose.
	 */
	public boolean tierFollowsSuggestion() {
		return (tierReason == null || tierReason.isBlank())
				&& riskTier.ordinal() <= RiskSuggestion.of(content()).tier().ordinal();
	}

	/** The tier publishing from the outline editor would use: Stride's suggestion when the tier follows it. */
	public RiskTier tierAtPublication() {
		return tierFollowsSuggestion() ? RiskSuggestion.of(content()).tier() : riskTier;
	}
}
