package io.stride.xapi.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Keys and secrets of LRS clients. The secret has 256 random bits, so a single SHA-256 keeps it safe at rest; what a
 * slow hash adds against guessing a chosen password adds nothing against a random one.
 */
public final class ClientSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private ClientSecrets() {
	}

	public record Issued(String key, String secret, String secretHash) {
	}

	public static Issued issue() {
		// letters and digits only: the key is the Basic user name, where a ':' would end it
		String key = "lrs" + HexFormat.of().formatHex(random(12));
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
		return new Issued(key, secret, hash(secret));
	}

	public static boolean matches(String secret, String hash) {
		return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
				hash.getBytes(StandardCharsets.US_ASCII));
	}

	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] random(int bytes) {
		byte[] b = new byte[bytes];
		RANDOM.nextBytes(b);
		return b;
	}
}
