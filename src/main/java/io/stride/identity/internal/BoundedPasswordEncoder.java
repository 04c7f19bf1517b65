package io.stride.identity.internal;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Runs at most a few password hashes at once. Each Argon2 check takes ~28 ms of CPU and 16 MiB; a burst of sign-ins
 * (a whole office at nine) waits its turn rather than piling up hashes that only compete for the cores and memory.
 * Only the hash is bounded, not the account lookup around it, so that a permit is never held while waiting for the
 * database.
 */
class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Semaphore permits;

	BoundedPasswordEncoder(PasswordEncoder delegate, int concurrent) {
		this.delegate = delegate;
		this.permits = new Semaphore(Math.max(1, concurrent), true);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		acquire();
		try {
			return delegate.encode(rawPassword);
		}
		finally {
			permits.release();
		}
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		acquire();
		try {
			return delegate.matches(rawPassword, encodedPassword);
		}
		finally {
			permits.release();
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

	private void acquire() {
		try {
			if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
				throw new AuthenticationServiceException("Sign-in is busy; try again in a moment.");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AuthenticationServiceException("Sign-in was interrupted.");
		}
	}

}
