package io.stride.authoring;

public enum CourseStatus {
	DRAFT, PUBLISHED
}
