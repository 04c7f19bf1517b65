package io.stride.identity.internal;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;

import io.stride.identity.Person;
import io.stride.identity.PersonId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Optional OIDC sign-in. Off by default; when on, the provider is configured with Spring Boot's
 * {@code spring.security.oauth2.client.registration.*} properties and a person signs in if an active Stride
 * account has the provider's verified email. Nothing here touches the network unless it is switched on.
 */
@Component
public class SingleSignOn {

	private final People people;

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	SingleSignOn(People people, ObjectProvider<ClientRegistrationRepository> registrations) {
		this.people = people;
		this.registrations = registrations;
	}

	public record Provider(String id, String name) {
	}

	/** The providers to offer on the sign-in page. */
	public List<Provider> providers(boolean enabled) {
		List<Provider> providers = new ArrayList<>();
		ClientRegistrationRepository repository = enabled ? registrations.getIfAvailable() : null;
		if (repository instanceof Iterable<?> iterable) {
			for (Object item : iterable) {
				ClientRegistration registration = (ClientRegistration) item;
				providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
			}
		}
		return providers;
	}

	void configure(HttpSecurity http) throws Exception {
		OidcUserService delegate = new OidcUserService();
		http.oauth2Login(login -> login.loginPage("/login")
			.successHandler(RelativeRedirects.afterSignIn("/"))
			.failureUrl("/login?ssoError")
			.userInfoEndpoint(userInfo -> userInfo.oidcUserService(request -> map(delegate.loadUser(request), request))));
	}

	private OidcUser map(OidcUser user, OidcUserRequest request) {
		String email = user.getEmail();
		if (email == null || !Boolean.TRUE.equals(user.getEmailVerified())) {
			throw new OAuth2AuthenticationException(new OAuth2Error("email_unverified"));
		}
		Person person = people.findByEmail(email)
			.filter(Person::active)
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("no_account")));
		return new StrideOidcUser(person, user);
	}

	/** Kept in the session like {@link StrideUser}, so serialized into the database. */
	static class StrideOidcUser extends DefaultOidcUser implements StridePrincipal {

		@Serial
		private static final long serialVersionUID = 1L;

		private final PersonId personId;

		StrideOidcUser(Person person, OidcUser user) {
			super(Authorities.of(person), user.getIdToken(), user.getUserInfo());
			this.personId = person.id();
		}

		@Override
		public PersonId personId() {
			return personId;
		}
	}
}
