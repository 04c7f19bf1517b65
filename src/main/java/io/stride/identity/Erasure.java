package io.stride.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A person being erased: who they were (to find copies of their name and email in text) and the pseudonym that
 * replaces them. The id stays: it is random and, once the person's row holds the pseudonym, names nobody.
 */
public record Erasure(PersonId person, String name, String email, Pseudonym pseudonym) {

	/** What stands where the person's name and email stood. */
	public record Pseudonym(String name, String email) {

		/** A pseudonym from the person's id: "Erased person 3F9A2C", stable for one person, unrelated to them. */
		public static Pseudonym of(PersonId person) {
			String code = sha256Hex(person.value()).substring(0, 8).toUpperCase(Locale.ROOT);
			return new Pseudonym("Erased person " + code, "erased-" + code.toLowerCase(Locale.ROOT) + "@erased.invalid");
		}
	}

	/**
	 * The texts that identify the person, longest first, each with what replaces it: the email, the SHA-1 of its
	 * mailto IRI (xAPI's mbox_sha1sum) and the name.
	 */
	public List<Replacement> replacements() {
		String mailto = sha1Hex("mailto:" + email);
		return List.of(new Replacement(email, pseudonym.email()),
				new Replacement(mailto, sha1Hex("mailto:" + pseudonym.email())), new Replacement(name, pseudonym.name()));
	}

	/** A text as it reads once the person's name and email in it are replaced by the pseudonym. */
	public String scrub(String text) {
		if (text == null) {
			return null;
		}
		String result = text;
		for (Replacement r : replacements()) {
			result = result.replace(r.from(), r.to());
		}
		return result;
	}

	public record Replacement(String from, String to) {
	}

	private static String sha1Hex(String text) {
		return digest("SHA-1", text);
	}

	private static String sha256Hex(String text) {
		return digest("SHA-256", text);
	}

	private static String digest(String algorithm, String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
