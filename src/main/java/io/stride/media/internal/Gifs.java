package io.stride.media.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A GIF walked block by block: its frames counted without decoding them, and the file written again with only what
 * shows it (the screen, colour tables, frames, their timing and the loop count). Comments, XMP and other
 * applications' blocks are dropped, and so is anything after the trailer.
 */
final class Gifs {

	private Gifs() {
	}

	/** A GIF as shown: its screen size, its frames, and its bytes without anything else. */
	record Walked(int width, int height, int frames, byte[] bytes) {
	}

	/** The GIF's frames and its bytes written again; null when it is not a well-formed GIF. */
	static Walked walk(byte[] b) {
		if (b.length < 13 || !new String(b, 0, 6, StandardCharsets.ISO_8859_1).matches("GIF8[79]a")) {
			return null;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
		int width = (b[6] & 0xff) | (b[7] & 0xff) << 8;
		int height = (b[8] & 0xff) | (b[9] & 0xff) << 8;
		int packed = b[10] & 0xff;
		int at = 13 + ((packed & 0x80) != 0 ? 3 * (1 << ((packed & 7) + 1)) : 0);
		if (at > b.length) {
			return null;
		}
		out.write(b, 0, at);
		int frames = 0;
		while (at < b.length) {
			int block = b[at] & 0xff;
			if (block == 0x3B) {
				out.write(0x3B);
				return frames == 0 ? null : new Walked(width, height, frames, out.toByteArray());
			}
			if (block == 0x2C) {
				if (at + 10 > b.length) {
					return null;
				}
				int local = b[at + 9] & 0xff;
				int end = at + 10 + ((local & 0x80) != 0 ? 3 * (1 << ((local & 7) + 1)) : 0) + 1; // + LZW code size
				end = subBlocks(b, end);
				if (end < 0) {
					return null;
				}
				out.write(b, at, end - at);
				frames++;
				at = end;
			}
			else if (block == 0x21 && at + 2 <= b.length) {
				int label = b[at + 1] & 0xff;
				int end = subBlocks(b, at + 2);
				if (end < 0) {
					return null;
				}
				// graphic control (timing, transparency) and the loop count are kept; the rest only describes
				if (label == 0xF9 || label == 0xFF && isLoop(b, at + 2)) {
					out.write(b, at, end - at);
				}
				at = end;
			}
			else {
				return null;
			}
		}
		return null; // no trailer: cut short
	}

	/** The offset after the sub-blocks starting at {@code at} (each a length byte and its data, ending with 0), or -1. */
	private static int subBlocks(byte[] b, int at) {
		while (at < b.length) {
			int size = b[at] & 0xff;
			at += 1 + size;
			if (size == 0) {
				return at;
			}
		}
		return -1;
	}

	private static boolean isLoop(byte[] b, int at) {
		if (at + 12 > b.length || (b[at] & 0xff) != 11) {
			return false;
		}
		String application = new String(b, at + 1, 11, StandardCharsets.ISO_8859_1);
		return application.equals("NETSCAPE2.0") || application.equals("ANIMEXTS1.0");
	}
}
