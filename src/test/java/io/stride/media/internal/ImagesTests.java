package io.stride.media.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.stride.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What decoding an upload may cost: a 16-bit RGBA PNG takes 8 bytes a pixel, so the cap is on decoded bytes, and a
 * large image is decoded with source subsampling instead of whole.
 */
class ImagesTests {

	@TempDir
	Path dir;

	@Test
	void aSixteenBitRgbaPngIsCountedAtEightBytesAPixel() throws IOException {
		Path png = png(dir.resolve("deep.png"), 6000, 6000, 16);
		try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
			ImageReader reader = ImageIO.getImageReaders(in).next();
			reader.setInput(in, true, true);
			assertThat(Images.bytesPerPixel(reader)).isEqualTo(8);
			reader.dispose();
		}
		Path shallow = png(dir.resolve("shallow.png"), 100, 100, 8);
		try (ImageInputStream in = ImageIO.createImageInputStream(shallow.toFile())) {
			ImageReader reader = ImageIO.getImageReaders(in).next();
			reader.setInput(in, true, true);
			assertThat(Images.bytesPerPixel(reader)).isEqualTo(4);
			reader.dispose();
		}
	}

	@Test
	void subsamplingKeepsADecodeWithinItsBytesAndAboutTwiceTheWidthWanted() {
		assertThat(Images.subsampling(1600, 1200, 4, 1600)).isEqualTo(1);
		// 36 million pixels at 8 bytes is 288 MB: every third pixel of every third row is 32 MB
		assertThat(Images.subsampling(6000, 6000, 8, 1600)).isEqualTo(3);
		// a tall strip, narrow enough, still fits the bytes
		int step = Images.subsampling(1000, 40_000, 8, 1600);
		assertThat((1000L / step + 1) * (40_000L / step + 1) * 8).isLessThanOrEqualTo(Images.MAX_DECODED_BYTES);
		for (long[] size : new long[][] { { 6000, 6000 }, { 1, 40_000_000 }, { 40_000_000, 1 }, { 3200, 12_500 } }) {
			int s = Images.subsampling(size[0], size[1], 8, 1600);
			long decoded = Math.ceilDiv(size[0], s) * Math.ceilDiv(size[1], s) * 8;
			assertThat(decoded).as("%d × %d", size[0], size[1]).isLessThanOrEqualTo(Images.MAX_DECODED_BYTES);
		}
	}

	@Test
	void aLargeSixteenBitPngIsResizedWithoutDecodingItWhole() throws IOException {
		// a 300 KB file that declares 6000 × 6000 pixels of 16-bit RGBA: 288 MB decoded whole
		Path png = png(dir.resolve("deep.png"), 6000, 6000, 16);
		assertThat(Files.size(png)).isLessThan(2_000_000);
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		Images.Written written = Images.prepare(png, "deep.png", 1600, 40_000_000);
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		assertThat(written.width()).isEqualTo(1600);
		assertThat(written.height()).isEqualTo(1600);
		assertThat(written.contentType()).isEqualTo("image/png");
		assertThat(allocated).as("bytes allocated to read, resize and write it").isLessThan(200L * 1024 * 1024);
	}

	@Test
	void tooManyPixelsAreStillRefusedFromTheHeader() throws IOException {
		Path png = png(dir.resolve("bomb.png"), 50_000, 50_000, 16, false);
		assertThatThrownBy(() -> Images.prepare(png, "bomb.png", 1600, 40_000_000))
			.isInstanceOf(InvalidInputException.class)
			.extracting(e -> ((InvalidInputException) e).fieldErrors().get("file"))
			.asString()
			.contains("50000 × 50000");
	}

	private static Path png(Path file, int width, int height, int bitDepth) throws IOException {
		return png(file, width, height, bitDepth, true);
	}

	/** An RGBA PNG of transparent black, written row by row so that the test never holds its pixels. */
	private static Path png(Path file, int width, int height, int bitDepth, boolean withPixels) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
		DataOutputStream header = new DataOutputStream(ihdr);
		header.writeInt(width);
		header.writeInt(height);
		header.writeByte(bitDepth);
		header.writeByte(6); // RGBA
		header.writeByte(0);
		header.writeByte(0);
		header.writeByte(0);
		chunk(out, "IHDR", ihdr.toByteArray());
		if (withPixels) {
			ByteArrayOutputStream compressed = new ByteArrayOutputStream();
			try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
				byte[] row = new byte[1 + width * 4 * bitDepth / 8];
				for (int y = 0; y < height; y++) {
					deflate.write(row);
				}
			}
			chunk(out, "IDAT", compressed.toByteArray());
		}
		chunk(out, "IEND", new byte[0]);
		return Files.write(file, out.toByteArray());
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		DataOutputStream d = new DataOutputStream(out);
		d.writeInt(data.length);
		byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		d.write(name);
		d.write(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		d.writeInt((int) crc.getValue());
	}
}
