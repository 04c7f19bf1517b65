package io.stride.web;

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The probes a load balancer asks (bench/cluster.sh): open to anyone, while the metrics stay for admins.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HealthProbesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationContext context;

	@Test
	void readinessAndLivenessAnswerUpWithoutSignIn() throws Exception {
		mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/health/liveness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void aNodeThatRefusesTrafficIsOutOfServiceOnReadinessButStillLive() throws Exception {
		AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
		try {
			mvc.perform(get("/actuator/health/readiness"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
			mvc.perform(get("/actuator/health/liveness"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UP"));
		}
		finally {
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
	}

	@Test
	void metricsStayForAdmins() throws Exception {
		mvc.perform(get("/actuator/metrics")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/actuator/prometheus")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		Org org = fixtures.organization();
		mvc.perform(get("/actuator/metrics").with(SignedIn.as(fixtures.viewerPerson(org.managerA()))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/metrics").with(SignedIn.as(fixtures.viewerPerson(fixtures.admin().id()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.names").isArray());
	}

	@Test
	void aSingleNodeDoesNotNameItself() throws Exception {
		mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(header().doesNotExist("X-Stride-Node"));
		mvc.perform(get("/actuator/health/readiness")).andExpect(header().doesNotExist("X-Stride-Node"));
	}
}
