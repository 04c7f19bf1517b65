package io.stride.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Files for media tests, made here: real images, an animated GIF, a pixel bomb, a file that only starts like an MP4,
 * captions.
 */
public final class MediaFixtures {

	static final String VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nWelcome to the review.\n\n"
			+ "00:00:02.500 --> 00:00:05.000\nFirst, the numbers.\n";

	private MediaFixtures() {
	}

	static byte[] image(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(30, 90, 160));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.ORANGE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toByteArray();
	}

	/** A looping GIF of {@code count} frames, each a different colour. */
	public static byte[] animatedGif(int count, int width, int height) throws IOException {
		javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.prepareWriteSequence(null);
			for (int i = 0; i < count; i++) {
				BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
				Graphics2D g = frame.createGraphics();
				g.setColor(new Color(Color.HSBtoRGB(i / (float) count, 0.8f, 0.9f)));
				g.fillRect(0, 0, width, height);
				g.dispose();
				var type = javax.imageio.ImageTypeSpecifier.createFromRenderedImage(frame);
				var metadata = writer.getDefaultImageMetadata(type, writer.getDefaultWriteParam());
				if (i == 0) {
					String format = metadata.getNativeMetadataFormatName();
					var root = (javax.imageio.metadata.IIOMetadataNode) metadata.getAsTree(format);
					var extensions = new javax.imageio.metadata.IIOMetadataNode("ApplicationExtensions");
					var loop = new javax.imageio.metadata.IIOMetadataNode("ApplicationExtension");
					loop.setAttribute("applicationID", "NETSCAPE");
					loop.setAttribute("authenticationCode", "2.0");
					loop.setUserObject(new byte[] { 1, 0, 0 });
					extensions.appendChild(loop);
					root.appendChild(extensions);
					metadata.setFromTree(format, root);
				}
				writer.writeToSequence(new javax.imageio.IIOImage(frame, null, metadata), null);
			}
			writer.endWriteSequence();
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	/** A PNG of a few hundred bytes whose header declares 50,000 × 50,000 pixels (10 GB once decoded). */
	static byte[] pixelBomb() {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
			ByteArrayOutputStream header = new ByteArrayOutputStream();
			DataOutputStream ihdr = new DataOutputStream(header);
			ihdr.writeInt(50_000);
			ihdr.writeInt(50_000);
			ihdr.write(new byte[] { 8, 2, 0, 0, 0 });
			chunk(out, "IHDR", header.toByteArray());
			chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9C, 0x63, 0x60, 0x18, 0x05, 0x00, 0x00 });
			chunk(out, "IEND", new byte[0]);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		DataOutputStream chunk = new DataOutputStream(out);
		chunk.writeInt(data.length);
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		chunk.write(name);
		chunk.write(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		chunk.writeInt((int) crc.getValue());
	}

	/** Bytes that start as an MP4 does (an ftyp box), then go on as filler: enough for upload, storage and ranges. */
	static byte[] mp4(int size) {
		byte[] bytes = new byte[size];
		byte[] ftyp = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1' };
		System.arraycopy(ftyp, 0, bytes, 0, ftyp.length);
		for (int i = ftyp.length; i < size; i++) {
			bytes[i] = (byte) (i * 31 % 251);
		}
		return bytes;
	}

	/** A JPEG with an EXIF segment (a big-endian TIFF header, an empty directory, then the text) right after SOI. */
	static byte[] withExif(byte[] jpeg, String text) {
		ByteArrayOutputStream exif = new ByteArrayOutputStream();
		exif.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
		exif.writeBytes(new byte[] { 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0 });
		exif.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
		byte[] payload = exif.toByteArray();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xD8);
		out.write(0xFF);
		out.write(0xE1);
		out.write((payload.length + 2) >> 8);
		out.write((payload.length + 2) & 0xFF);
		out.writeBytes(payload);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	static byte[] truncated(byte[] bytes) {
		return Arrays.copyOf(bytes, bytes.length / 2);
	}
}
