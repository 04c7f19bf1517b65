package io.stride.rhythm;

import java.time.Instant;
import java.util.List;

import io.stride.authoring.CourseId;
import io.stride.capability.CapabilityId;
import io.stride.identity.PersonId;
import io.stride.identity.TeamId;

/**
 * What someone struggles with, filed for colleagues to add their voice to. {@code voices} counts colleagues (the
 * filer not included); {@code voters} is filled on a need's own page. {@code mayDecide}: the viewer may turn it into a
 * commission or answer it with a course.
 */
public record LearningNeed(LearningNeedId id, PersonId filedBy, String filedByName, String what,
		CapabilityId capability, String capabilityName, TeamId team, String teamName, Status status, int voices,
		boolean votedByViewer, CommissionId commission, CourseId answerCourse, String answerCourseTitle,
		Instant answeredAt, Instant createdAt, boolean mayDecide, List<Voice> voters) {

	public enum Status {
		OPEN("Open"), COMMISSIONED("Commissioned"), ANSWERED("Answered");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Voice(PersonId person, String name, String note, Instant at) {
	}

	public LearningNeed {
		voters = voters == null ? List.of() : List.copyOf(voters);
	}
}
