package io.stride.capability.web;

import java.util.Map;

import io.stride.capability.CapabilityHoldings;
import io.stride.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/capabilities/holdings")
@Tag(name = "Capabilities", description = "Capabilities, levels, evidence rules, coverage and targets")
@SecurityRequirement(name = "bearer")
class HoldingsApi {

	private final CapabilityHoldings holdings;

	HoldingsApi(CapabilityHoldings holdings) {
		this.holdings = holdings;
	}

	@Operation(summary = "Recompute the levels everyone holds from the evidence (admins; after a restore or bulk load)")
	@PostMapping("/rebuild")
	Map<String, Integer> rebuild(Viewer me) {
		return holdings.rebuild(me);
	}
}
