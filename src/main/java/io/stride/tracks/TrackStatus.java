package io.stride.tracks;

public enum TrackStatus {
	DRAFT, PUBLISHED, ARCHIVED
}
