package io.stride.badges.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;

/**
 * The two multibase encodings credentials use: base58btc ({@code z}…) for keys and signatures, base64url without
 * padding ({@code u}…) for a status list's bits; and the Multikey form of an Ed25519 public key (multicodec
 * {@code 0xed 0x01} before the 32 key bytes), which is also what a {@code did:key} is made of.
 */
public final class Multibase {

	private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

	private static final BigInteger BASE = BigInteger.valueOf(58);

	private static final byte[] ED25519_PUBLIC = { (byte) 0xed, 0x01 };

	private Multibase() {
	}

	public static String base58btc(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		BigInteger number = new BigInteger(1, bytes);
		while (number.signum() > 0) {
			BigInteger[] divided = number.divideAndRemainder(BASE);
			out.append(ALPHABET.charAt(divided[1].intValue()));
			number = divided[0];
		}
		// each leading zero byte is a leading '1'
		for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
			out.append('1');
		}
		return "z" + out.reverse();
	}

	/** Decodes a {@code z}-prefixed base58btc string; anything else is an {@link IllegalArgumentException}. */
	public static byte[] decodeBase58btc(String encoded) {
		if (encoded == null || encoded.length() < 2 || encoded.charAt(0) != 'z') {
			throw new IllegalArgumentException("not base58btc multibase");
		}
		String text = encoded.substring(1);
		BigInteger number = BigInteger.ZERO;
		int zeros = 0;
		while (zeros < text.length() && text.charAt(zeros) == '1') {
			zeros++;
		}
		for (int i = 0; i < text.length(); i++) {
			int digit = ALPHABET.indexOf(text.charAt(i));
			if (digit < 0) {
				throw new IllegalArgumentException("not base58btc multibase");
			}
			number = number.multiply(BASE).add(BigInteger.valueOf(digit));
		}
		byte[] value = number.signum() == 0 ? new byte[0] : number.toByteArray();
		if (value.length > 1 && value[0] == 0) {
			// BigInteger's sign byte
			value = Arrays.copyOfRange(value, 1, value.length);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[zeros]);
		out.writeBytes(value);
		return out.toByteArray();
	}

	public static String base64url(byte[] bytes) {
		return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static byte[] decodeBase64url(String encoded) {
		if (encoded == null || encoded.isEmpty() || encoded.charAt(0) != 'u') {
			throw new IllegalArgumentException("not base64url multibase");
		}
		return Base64.getUrlDecoder().decode(encoded.substring(1));
	}

	/** The Multikey ({@code z6Mk…}) of a raw 32-byte Ed25519 public key. */
	public static String ed25519Multikey(byte[] rawPublicKey) {
		if (rawPublicKey.length != 32) {
			throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
		}
		byte[] prefixed = new byte[34];
		System.arraycopy(ED25519_PUBLIC, 0, prefixed, 0, 2);
		System.arraycopy(rawPublicKey, 0, prefixed, 2, 32);
		return base58btc(prefixed);
	}

	/** The raw 32-byte Ed25519 public key of a Multikey; anything else is an {@link IllegalArgumentException}. */
	public static byte[] ed25519FromMultikey(String multikey) {
		byte[] prefixed = decodeBase58btc(multikey);
		if (prefixed.length != 34 || prefixed[0] != ED25519_PUBLIC[0] || prefixed[1] != ED25519_PUBLIC[1]) {
			throw new IllegalArgumentException("not an Ed25519 Multikey");
		}
		return Arrays.copyOfRange(prefixed, 2, 34);
	}
}
