package io.stride.cycles;

/** Keeps the module's package until its first service lands; removed then. */
final class Placeholder {

	private Placeholder() {
	}
}
