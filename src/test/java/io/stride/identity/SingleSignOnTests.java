package io.stride.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With OIDC switched on, the sign-in page offers the provider and sends people to its authorization endpoint.
 * The provider here is an address nobody listens on: starting up must not need it.
 */
@SpringBootTest(properties = { "stride.sso.oidc-enabled=true",
		"spring.security.oauth2.client.registration.corp.client-id=stride",
		"spring.security.oauth2.client.registration.corp.client-secret=not-a-real-secret",
		"spring.security.oauth2.client.registration.corp.client-name=Corp SSO",
		"spring.security.oauth2.client.registration.corp.scope=openid,email,profile",
		"spring.security.oauth2.client.registration.corp.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.corp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
		"spring.security.oauth2.client.provider.corp.authorization-uri=http://127.0.0.1:9/authorize",
		"spring.security.oauth2.client.provider.corp.token-uri=http://127.0.0.1:9/token",
		"spring.security.oauth2.client.provider.corp.jwk-set-uri=http://127.0.0.1:9/jwks",
		"spring.security.oauth2.client.provider.corp.user-info-uri=http://127.0.0.1:9/userinfo",
		"spring.security.oauth2.client.provider.corp.user-name-attribute=sub" })
@AutoConfigureMockMvc
class SingleSignOnTests {

	@Autowired
	MockMvc mvc;

	@Test
	void signInPageOffersTheProviderAndRedirectsToIt() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/oauth2/authorization/corp\"")))
			.andExpect(content().string(containsString("Corp SSO")));
		mvc.perform(get("/oauth2/authorization/corp"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", allOf(startsWith("http://127.0.0.1:9/authorize?"),
					containsString("client_id=stride"), containsString("scope=openid"))));
	}

	@Test
	void passwordSignInStillWorksBesideIt() throws Exception {
		mvc.perform(get("/login")).andExpect(content().string(containsString("id=\"password\"")));
	}
}
