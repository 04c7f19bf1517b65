package io.stride.capability.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.stride.authoring.Authoring;
import io.stride.authoring.CourseId;
import io.stride.capability.Capability;
import io.stride.capability.CapabilityId;
import io.stride.capability.EvidenceRule;
import io.stride.capability.RuleKind;
import io.stride.identity.PersonId;
import io.stride.mastery.Checklists;
import io.stride.mastery.Mastery;
import io.stride.mastery.MasteryRecord;
import io.stride.mastery.SignOff;
import io.stride.practice.Practice;
import io.stride.xapi.OutsideLearning;
import org.springframework.stereotype.Component;

/**
 * Reads the evidence the rules of some capabilities ask for, for many people at once: one query per kind of evidence
 * and chunk of people, whatever the number of rules.
 */
@Component
public class EvidenceLoader {

	static final int CHUNK = 500;

	private final Mastery mastery;

	private final Checklists checklists;

	private final Practice practice;

	private final Authoring authoring;

	private final PersonEvidenceStore personEvidence;

	private final OutsideLearning outsideLearning;

	EvidenceLoader(Mastery mastery, Checklists checklists, Practice practice, Authoring authoring,
			PersonEvidenceStore personEvidence, OutsideLearning outsideLearning) {
		this.outsideLearning = outsideLearning;
		this.mastery = mastery;
		this.checklists = checklists;
		this.practice = practice;
		this.authoring = authoring;
		this.personEvidence = personEvidence;
	}

	/** Everyone's facts (people without evidence get {@link Facts#NONE}); with titles when {@code named}. */
	public Map<PersonId, Facts> load(Collection<PersonId> people, Collection<Capability> capabilities, boolean named) {
		Set<CourseId> masteredCourses = new HashSet<>();
		Set<CourseId> currentCourses = new HashSet<>();
		Map<CourseId, Integer> reviewCounts = new HashMap<>();
		Set<String> tasks = new HashSet<>();
		Set<CapabilityId> certificates = new HashSet<>();
		Set<CapabilityId> validations = new HashSet<>();
		Set<String> activities = new HashSet<>();
		for (Capability capability : capabilities) {
			for (EvidenceRule rule : capability.rules()) {
				switch (rule.kind()) {
					case COURSE_MASTERED -> {
						masteredCourses.add(rule.courseId());
						if (rule.currentVersion()) {
							currentCourses.add(rule.courseId());
						}
					}
					case SPACED_REVIEWS -> reviewCounts.merge(rule.courseId(), rule.count() == null ? 1 : rule.count(), Math::max);
					case TASK_SIGNED_OFF -> tasks.add(rule.taskId());
					case CERTIFICATE -> certificates.add(capability.id());
					case VALIDATIONS -> validations.add(capability.id());
					case OUTSIDE_ACTIVITY -> activities.add(rule.activityIri());
				}
			}
		}
		Facts.Names names = named ? names(masteredCourses, reviewCounts.keySet(), tasks) : Facts.Names.NONE;
		Map<PersonId, Builder> builders = new HashMap<>();
		List<PersonId> all = List.copyOf(new LinkedHashSet<>(people));
		Map<CourseId, Authoring.CurrentVersion> current = currentCourses.isEmpty() ? Map.of()
				: authoring.currentVersions(currentCourses);
		int newest = reviewCounts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		for (int from = 0; from < all.size(); from += CHUNK) {
			List<PersonId> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
			if (!masteredCourses.isEmpty()) {
				Map<String, Integer> pins = new HashMap<>();
				if (!currentCourses.isEmpty()) {
					authoring.pins(chunk, currentCourses)
						.forEach(pin -> pins.put(pin.personId().value() + "/" + pin.courseId().value(), pin.version()));
				}
				for (MasteryRecord record : mastery.masteryRecords(chunk, masteredCourses)) {
					LocalDate on = LocalDate.ofInstant(record.masteredAt(), ZoneOffset.UTC);
					Integer pinned = pins.get(record.personId().value() + "/" + record.courseId().value());
					Authoring.CurrentVersion cv = current.get(record.courseId());
					// shown on the current version: pinned to it (or never pinned) and shown since it was published; a
					// learner moved to a new version for recertification has not shown it until they pass again
					boolean onCurrent = cv != null && !cv.retired() && (pinned == null || pinned == cv.version())
							&& !record.masteredAt().isBefore(cv.publishedAt());
					builder(builders, record.personId()).mastered.put(record.courseId(),
							new Facts.Mastered(on, onCurrent, pinned == null ? 0 : pinned));
				}
			}
			if (!tasks.isEmpty()) {
				for (SignOff signOff : checklists.signOffsOf(chunk, tasks)) {
					builder(builders, signOff.personId()).signOffs.put(signOff.taskId(),
							new Facts.SignedOff(signOff.observedOn(), signOff.signerName()));
				}
			}
			if (!reviewCounts.isEmpty()) {
				for (Practice.SuccessfulReviews reviews : practice.successfulReviewDays(chunk, reviewCounts.keySet(), newest)) {
					builder(builders, reviews.personId()).reviewDays.put(reviews.courseId(), List.copyOf(reviews.days()));
				}
			}
			if (!certificates.isEmpty()) {
				for (PersonEvidenceStore.CertificateRow row : personEvidence.certificates(chunk, certificates)) {
					if ("CONFIRMED".equals(row.status())) {
						builder(builders, row.personId()).certificates.computeIfAbsent(row.capabilityId(), k -> new ArrayList<>())
							.add(new Facts.Certificate(row.name(), row.issuer(), row.issuedOn(), row.expiresOn()));
					}
				}
			}
			if (!validations.isEmpty()) {
				for (PersonEvidenceStore.ValidationRow row : personEvidence.validations(chunk, validations)) {
					builder(builders, row.personId()).validations.computeIfAbsent(row.capabilityId(), k -> new ArrayList<>())
						.add(new Facts.Validation(row.levelRank(), row.validatorName(), row.validatedOn()));
				}
			}
			if (!activities.isEmpty()) {
				for (OutsideLearning.Completion c : outsideLearning.completions(chunk, activities)) {
					builder(builders, c.personId()).outside.computeIfAbsent(c.activityIri(), k -> new ArrayList<>())
						.add(new Facts.OutsideCompletion(LocalDate.ofInstant(c.at(), ZoneOffset.UTC), c.score()));
				}
			}
		}
		Map<PersonId, Facts> result = new HashMap<>();
		for (PersonId person : all) {
			Builder b = builders.get(person);
			result.put(person, b == null ? Facts.NONE.withNames(names)
					: new Facts(b.mastered, b.signOffs, b.reviewDays, b.certificates, b.validations, names, b.outside));
		}
		return result;
	}

	private Facts.Names names(Set<CourseId> mastered, Set<CourseId> reviewed, Set<String> tasks) {
		Set<CourseId> courses = new HashSet<>(mastered);
		courses.addAll(reviewed);
		Map<CourseId, String> titles = courses.isEmpty() ? Map.of() : authoring.titles(List.copyOf(courses));
		Map<String, String> taskTitles = new HashMap<>();
		for (String task : tasks) {
			checklists.taskInfo(task).ifPresent(info -> taskTitles.put(task, info.task().title()));
		}
		return new Facts.Names(titles, taskTitles);
	}

	private static Builder builder(Map<PersonId, Builder> builders, PersonId person) {
		return builders.computeIfAbsent(person, k -> new Builder());
	}

	private static final class Builder {

		final Map<CourseId, Facts.Mastered> mastered = new HashMap<>();

		final Map<String, Facts.SignedOff> signOffs = new HashMap<>();

		final Map<CourseId, List<LocalDate>> reviewDays = new HashMap<>();

		final Map<CapabilityId, List<Facts.Certificate>> certificates = new HashMap<>();

		final Map<CapabilityId, List<Facts.Validation>> validations = new HashMap<>();

		final Map<String, List<Facts.OutsideCompletion>> outside = new HashMap<>();
	}

	/** Everyone with any evidence the capability's rules ask for (a superset of those who hold a level). */
	public Set<PersonId> peopleWithEvidence(Capability capability) {
		Set<CourseId> mastered = new HashSet<>();
		Set<CourseId> reviewed = new HashSet<>();
		Set<String> tasks = new HashSet<>();
		Set<String> activities = new HashSet<>();
		for (EvidenceRule rule : capability.rules()) {
			if (rule.kind() == RuleKind.OUTSIDE_ACTIVITY) {
				activities.add(rule.activityIri());
			}
			else if (rule.kind() == RuleKind.COURSE_MASTERED) {
				mastered.add(rule.courseId());
			}
			else if (rule.kind() == RuleKind.SPACED_REVIEWS) {
				reviewed.add(rule.courseId());
			}
			else if (rule.kind() == RuleKind.TASK_SIGNED_OFF) {
				tasks.add(rule.taskId());
			}
		}
		Set<PersonId> people = new HashSet<>(personEvidence.peopleWithEvidence(capability.id()));
		if (!mastered.isEmpty()) {
			people.addAll(mastery.peopleWhoMastered(mastered));
		}
		if (!reviewed.isEmpty()) {
			people.addAll(practice.peopleWithSuccessfulReviews(reviewed));
		}
		if (!tasks.isEmpty()) {
			people.addAll(checklists.peopleSignedOff(tasks));
		}
		if (!activities.isEmpty()) {
			people.addAll(outsideLearning.peopleWhoCompleted(activities));
		}
		return people;
	}
}
