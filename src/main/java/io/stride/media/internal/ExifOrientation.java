package io.stride.media.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The orientation a phone writes into a JPEG's EXIF segment instead of turning the pixels: read before the image is
 * written again (which drops the EXIF), and applied to the pixels, so that the photo still shows upright.
 */
final class ExifOrientation {

	/** EXIF sits in the first segments; a file that has not reached it by here has none worth reading. */
	private static final int HEAD = 256 * 1024;

	private ExifOrientation() {
	}

	/** The EXIF orientation (1 to 8) of this JPEG, 1 (as stored) when it has none or it cannot be read. */
	static int of(Path jpeg) {
		byte[] b;
		try (InputStream in = Files.newInputStream(jpeg)) {
			b = in.readNBytes(HEAD);
		}
		catch (IOException unreadable) {
			return 1;
		}
		if (b.length < 4 || (b[0] & 0xff) != 0xFF || (b[1] & 0xff) != 0xD8) {
			return 1;
		}
		int at = 2;
		while (at + 4 <= b.length && (b[at] & 0xff) == 0xFF) {
			int marker = b[at + 1] & 0xff;
			if (marker == 0xDA || marker == 0xD9) {
				return 1; // the pixels start: no EXIF before them
			}
			int length = u16(b, at + 2, true);
			int start = at + 4;
			if (marker == 0xE1 && start + 6 <= b.length && b[start] == 'E' && b[start + 1] == 'x' && b[start + 2] == 'i'
					&& b[start + 3] == 'f' && b[start + 4] == 0 && b[start + 5] == 0) {
				return inTiff(b, start + 6, Math.min(b.length, at + 2 + length));
			}
			if (length < 2) {
				return 1;
			}
			at += 2 + length;
		}
		return 1;
	}

	/** Tag 0x0112 of the first directory of the TIFF structure at {@code tiff}; 1 when absent or out of range. */
	private static int inTiff(byte[] b, int tiff, int end) {
		if (tiff + 8 > end) {
			return 1;
		}
		boolean bigEndian;
		if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
			bigEndian = true;
		}
		else if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
			bigEndian = false;
		}
		else {
			return 1;
		}
		long directory = tiff + u32(b, tiff + 4, bigEndian);
		if (directory + 2 > end) {
			return 1;
		}
		int entries = u16(b, (int) directory, bigEndian);
		for (int i = 0; i < entries; i++) {
			int entry = (int) directory + 2 + i * 12;
			if (entry + 12 > end) {
				return 1;
			}
			if (u16(b, entry, bigEndian) == 0x0112) {
				int value = u16(b, entry + 8, bigEndian);
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}

	/** The image turned and flipped as {@code orientation} says it is to be seen. */
	static BufferedImage upright(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h,
				image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int tx;
				int ty;
				switch (orientation) {
					case 2 -> { tx = w - 1 - x; ty = y; }
					case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }
					case 4 -> { tx = x; ty = h - 1 - y; }
					case 5 -> { tx = y; ty = x; }
					case 6 -> { tx = h - 1 - y; ty = x; }
					case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }
					default -> { tx = y; ty = w - 1 - x; }
				}
				turned.setRGB(tx, ty, image.getRGB(x, y));
			}
		}
		return turned;
	}

	private static int u16(byte[] b, int at, boolean bigEndian) {
		return bigEndian ? (b[at] & 0xff) << 8 | (b[at + 1] & 0xff) : (b[at + 1] & 0xff) << 8 | (b[at] & 0xff);
	}

	private static long u32(byte[] b, int at, boolean bigEndian) {
		return bigEndian ? ((long) u16(b, at, true) << 16) | u16(b, at + 2, true)
				: ((long) u16(b, at + 2, false) << 16) | u16(b, at, false);
	}
}
