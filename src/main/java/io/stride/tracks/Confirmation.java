package io.stride.tracks;

/** Who confirms that an external activity or an observed task without a checklist task is done. */
public enum Confirmation {
	SELF, MANAGER
}
