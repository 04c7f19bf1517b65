package io.stride.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import io.stride.support.MovableClock;
import io.stride.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.stride.identity.OrganizationApiTests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Password guessing is slowed by growing waits per address and per account, and the right password from an
 * address that has not failed still gets in. The clock stands still unless a test moves it, so the waits are
 * exact; each test guesses from addresses of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class SignInThrottlingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MovableClock clock;

	Org org;

	String subnet;

	@BeforeEach
	void organization() {
		org = fixtures.organization();
		subnet = "10." + (org.suffix().hashCode() & 0x7f) + "." + (org.suffix().length() & 0x7f);
	}

	@Test
	void wrongGuessesAtOneAccountMakeTheGuessingAddressWaitWithoutCheckingThePassword() throws Exception {
		var guesser = from(subnet + ".1");
		for (int i = 0; i < 5; i++) {
			mvc.perform(json(post("/api/v1/auth/token").with(guesser), credentials(org.email("learner-b"), "wrong-password")))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("Content-Type", containsString("application/problem+json")));
		}
		mvc.perform(json(post("/api/v1/auth/token").with(guesser), credentials(org.email("learner-b"), Fixtures.PASSWORD)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(jsonPath("$.detail").value("Too many failed sign-ins for this account. Try again in 1 second."));
		clock.advance(Duration.ofSeconds(1));
		mvc.perform(json(post("/api/v1/auth/token").with(guesser), credentials(org.email("learner-b"), "wrong-again")))
			.andExpect(status().isUnauthorized());
		mvc.perform(json(post("/api/v1/auth/token").with(guesser), credentials(org.email("learner-b"), "and-again")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "2"));
		// the owner, from an address that has not failed, is not kept out
		mvc.perform(json(post("/api/v1/auth/token").with(from(subnet + ".2")),
				credentials(org.email("learner-b"), Fixtures.PASSWORD)))
			.andExpect(status().isCreated());
	}

	@Test
	void attackersFiftyGuessesAreThrottledButNeverLockOutTheRightPasswordFromAnotherAddress() throws Exception {
		var attacker = from(subnet + ".66");
		List<String> others = new ArrayList<>();
		for (int i = 0; i < 58; i++) {
			others.add("nobody-" + i + "-" + org.suffix() + "@stride.test");
		}
		int refused = 0;
		for (int i = 0; i < 50; i++) {
			// every fourth guess at the admin or a manager, the rest spread over 58 other addresses
			String email = i % 4 != 0 ? others.get(i) : i % 8 == 0 ? Fixtures.ADMIN_EMAIL : org.email("manager-a");
			int status = mvc.perform(json(post("/api/v1/auth/token").with(attacker), credentials(email, "Summer2026!")))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).isIn(401, 429);
			refused += status == 429 ? 1 : 0;
		}
		assertThat(refused).as("guesses refused without checking the password").isEqualTo(40);
		mvc.perform(json(post("/api/v1/auth/token").with(attacker), credentials(org.email("learner-a"), Fixtures.PASSWORD)))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.detail").value("Too many failed sign-ins from your network address. Try again in 1 second."));
		var office = from(subnet + ".200");
		mvc.perform(json(post("/api/v1/auth/token").with(office), credentials(Fixtures.ADMIN_EMAIL, "admin-password-for-tests")))
			.andExpect(status().isCreated());
		mvc.perform(json(post("/api/v1/auth/token").with(office), credentials(org.email("manager-a"), Fixtures.PASSWORD)))
			.andExpect(status().isCreated());
	}

	@Test
	void theSignInFormSaysWhyItAsksToWaitAndTheOwnerStillGetsIn() throws Exception {
		var guesser = from(subnet + ".44");
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login").with(guesser).with(csrf()).param("email", org.email("learner-a")).param("password", "nope-nope"))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(post("/login").with(guesser).with(csrf()).param("email", org.email("learner-a")).param("password", Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/login?wait=1&by=account"));
		mvc.perform(get("/login").param("wait", "1").param("by", "account"))
			.andExpect(content().string(containsString("Too many failed sign-ins for this account. Try again in 1 second.")));
		mvc.perform(post("/login").with(from(subnet + ".45")).with(csrf())
				.param("email", org.email("learner-a")).param("password", Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/learning"));
	}

	@Test
	void guessingTheCurrentPasswordOnTheProfileIsThrottledToo() throws Exception {
		var me = SignedIn.as(fixtures.viewerPerson(org.learnerA()));
		var hijacker = from(subnet + ".90");
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/profile/password").with(me).with(hijacker).with(csrf()).param("currentPassword", "guess-" + i)
					.param("newPassword", "a-brand-new-password").param("confirmation", "a-brand-new-password"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("This is not your current password.")));
		}
		mvc.perform(post("/profile/password").with(me).with(hijacker).with(csrf()).param("currentPassword", Fixtures.PASSWORD)
				.param("newPassword", "a-brand-new-password").param("confirmation", "a-brand-new-password"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Too many failed sign-ins for this account. Try again in 1 second.")));
		mvc.perform(json(post("/api/v1/auth/token").with(from(subnet + ".91")), credentials(org.email("learner-a"), Fixtures.PASSWORD)))
			.andExpect(status().isCreated());
	}

	private static String credentials(String email, String password) {
		return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
