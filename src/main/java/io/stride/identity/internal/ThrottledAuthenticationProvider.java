package io.stride.identity.internal;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in that asks {@link SignInThrottle} before checking the password and refuses attempts that
 * must wait. How many hashes run at once is bounded by {@link BoundedPasswordEncoder}.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	public ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String email = authentication.getName();
		String client = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
		Optional<SignInThrottle.Refusal> refused = throttle.attempt(email, client);
		if (refused.isPresent()) {
			throw new SignInThrottledException(refused.get());
		}
		Authentication result = passwords.authenticate(authentication);
		throttle.succeeded(email, client);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	public static class SignInThrottledException extends LockedException {

		private final SignInThrottle.Refusal refusal;

		SignInThrottledException(SignInThrottle.Refusal refusal) {
			super(refusal.message());
			this.refusal = refusal;
		}

		public SignInThrottle.Refusal refusal() {
			return refusal;
		}
	}
}
