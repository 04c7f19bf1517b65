package io.stride.capability;

import java.util.Map;

import io.stride.capability.internal.Holdings;
import io.stride.identity.Viewer;
import io.stride.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the levels everyone holds from the evidence: after a restore from backup or a bulk load. They are kept
 * true on every change of evidence or rules, so this is rarely needed. Admins only.
 */
@Service
public class CapabilityHoldings {

	private final Holdings holdings;

	CapabilityHoldings(Holdings holdings) {
		this.holdings = holdings;
	}

	/** {@code people} and {@code holdings} after the rebuild. */
	public Map<String, Integer> rebuild(Viewer viewer) {
		if (!viewer.isAdmin()) {
			throw new NotFoundException("Capabilities");
		}
		return holdings.rebuildAll();
	}
}
