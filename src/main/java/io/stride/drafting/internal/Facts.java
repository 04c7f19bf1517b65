package io.stride.drafting.internal;

import java.util.List;
import java.util.Optional;

/**
 * Numbers of the same kind that differ between two sentences about the same subject.
 */
public final class Facts {

	private Facts() {
	}

	/** The two amounts that disagree ("1 hour", "24 hours"), if the sentences state the same kind differently. */
	public static Optional<String[]> disagreement(String one, String other) {
		List<Quantities.Quantity> a = Quantities.in(one);
		List<Quantities.Quantity> b = Quantities.in(other);
		for (Quantities.Quantity x : a) {
			for (Quantities.Quantity y : b) {
				if (x.kind() == y.kind() && x.base() != y.base()) {
					return Optional.of(new String[] { x.text(), y.text() });
				}
			}
		}
		return Optional.empty();
	}
}
