package io.stride.authoring;

public enum CourseStatus {
	DRAFT, IN_REVIEW, PUBLISHED, RETIRED
}
