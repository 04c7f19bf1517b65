package io.stride.badges.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The bits of a W3C Bitstring Status List: index 0 is the first byte's most significant bit; at least 131,072 bits
 * (16 KB) so that a holder's index says little about them; GZIP-compressed and multibase base64url encoded.
 */
public final class StatusList {

	public static final int MIN_BITS = 131_072;

	private StatusList() {
	}

	public static String encode(BitSet set, int length) {
		int bits = Math.max(MIN_BITS, (length + 7) / 8 * 8);
		byte[] bytes = new byte[bits / 8];
		for (int i = set.nextSetBit(0); i >= 0 && i < bits; i = set.nextSetBit(i + 1)) {
			bytes[i / 8] |= (byte) (0x80 >>> (i % 8));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Multibase.base64url(out.toByteArray());
	}

	/** Whether the bit at {@code index} is set in an encoded list. */
	public static boolean isSet(String encoded, int index) {
		try (var in = new GZIPInputStream(new ByteArrayInputStream(Multibase.decodeBase64url(encoded)))) {
			byte[] bytes = in.readAllBytes();
			return index / 8 < bytes.length && (bytes[index / 8] & (0x80 >>> (index % 8))) != 0;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
