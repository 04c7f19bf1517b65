package io.stride.tracks;

/**
 * Where a person stands with a track: asked to join a high-investment track (REQUESTED), refused with a reason
 * (DECLINED), following it (ACTIVE), done with every step (COMPLETED), or left it (WITHDRAWN). A declined or withdrawn
 * person may ask or enrol again: the same row is reused, the audit log keeps the history.
 */
public enum EnrolmentStatus {
	REQUESTED, DECLINED, ACTIVE, COMPLETED, WITHDRAWN;

	/** Requested, following or done: enrolling again is a conflict. */
	public boolean holds() {
		return this == REQUESTED || this == ACTIVE || this == COMPLETED;
	}
}
