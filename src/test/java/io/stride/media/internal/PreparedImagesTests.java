package io.stride.media.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an uploaded image becomes, with real images made here: a phone photo upright, narrower copies for small
 * screens, and an animated GIF moving when it is small enough and its first frame (with a note) when not.
 */
class PreparedImagesTests {

	@TempDir
	Path dir;

	@Test
	void aPhonePhotoWithOrientationSixIsWrittenUpright() throws IOException {
		// stored sideways as phones do: 40 wide, 20 high, red on the left; EXIF orientation 6 says "turn right"
		BufferedImage sideways = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = sideways.createGraphics();
		g.setColor(Color.RED);
		g.fillRect(0, 0, 20, 20);
		g.setColor(Color.BLUE);
		g.fillRect(20, 0, 20, 20);
		g.dispose();
		Path photo = Files.write(dir.resolve("photo.jpg"), withOrientation(encode(sideways, "jpg"), 6));
		assertThat(ExifOrientation.of(photo)).isEqualTo(6);

		Images.Written written = Images.prepare(photo, "photo.jpg", 1600, 40_000_000);

		BufferedImage upright = ImageIO.read(new ByteArrayInputStream(written.bytes()));
		assertThat(written.width()).isEqualTo(20);
		assertThat(written.height()).isEqualTo(40);
		assertThat(upright.getWidth()).isEqualTo(20);
		assertThat(upright.getHeight()).isEqualTo(40);
		// what was on the left is now on top
		assertThat(new Color(upright.getRGB(10, 8)).getRed()).isGreaterThan(200);
		assertThat(new Color(upright.getRGB(10, 8)).getBlue()).isLessThan(60);
		assertThat(new Color(upright.getRGB(10, 32)).getBlue()).isGreaterThan(200);
		assertThat(new String(written.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
	}

	@Test
	void aPhotoWithoutOrientationKeepsItsShape() throws IOException {
		Path photo = Files.write(dir.resolve("plain.jpg"), encode(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "jpg"));
		assertThat(ExifOrientation.of(photo)).isEqualTo(1);
		Images.Written written = Images.prepare(photo, "plain.jpg", 1600, 40_000_000);
		assertThat(written.width()).isEqualTo(40);
		assertThat(written.height()).isEqualTo(20);
	}

	@Test
	void aWideImageGetsNarrowerCopiesForSmallScreens() throws IOException {
		Path wide = Files.write(dir.resolve("wide.png"), encode(new BufferedImage(2400, 1200, BufferedImage.TYPE_INT_RGB), "png"));
		Images.Written written = Images.prepare(wide, "wide.png", 1600, 40_000_000);
		assertThat(written.width()).isEqualTo(1600);
		assertThat(written.narrower()).extracting(Images.Written::width).containsExactly(480, 960);
		assertThat(written.narrower()).extracting(Images.Written::height).containsExactly(240, 480);
		for (Images.Written narrower : written.narrower()) {
			assertThat(ImageIO.read(new ByteArrayInputStream(narrower.bytes())).getWidth()).isEqualTo(narrower.width());
		}

		Path small = Files.write(dir.resolve("small.png"), encode(new BufferedImage(700, 300, BufferedImage.TYPE_INT_RGB), "png"));
		assertThat(Images.prepare(small, "small.png", 1600, 40_000_000).narrower()).extracting(Images.Written::width)
			.containsExactly(480);
	}

	@Test
	void anAnimatedGifWithinTheLimitsKeepsMovingWithoutItsComments() throws IOException {
		byte[] gif = withComment(io.stride.media.MediaFixtures.animatedGif(3, 60, 40), "secret-place");
		assertThat(new String(gif, StandardCharsets.ISO_8859_1)).contains("secret-place");
		Path file = Files.write(dir.resolve("wave.gif"), gif);

		Images.Written written = Images.prepare(file, "wave.gif", 1600, 40_000_000);

		assertThat(written.contentType()).isEqualTo("image/gif");
		assertThat(written.note()).isNull();
		assertThat(written.width()).isEqualTo(60);
		assertThat(written.height()).isEqualTo(40);
		assertThat(frames(written.bytes())).isEqualTo(3);
		assertThat(new String(written.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("secret-place");
		assertThat(new String(written.bytes(), StandardCharsets.ISO_8859_1)).contains("NETSCAPE2.0");
	}

	@Test
	void anAnimatedGifOverTheFrameLimitKeepsItsFirstFrameAndSaysSo() throws IOException {
		Path file = Files.write(dir.resolve("long.gif"), io.stride.media.MediaFixtures.animatedGif(Images.MAX_FRAMES + 1, 16, 16));

		Images.Written written = Images.prepare(file, "long.gif", 1600, 40_000_000);

		assertThat(written.contentType()).isNotEqualTo("image/gif");
		assertThat(written.width()).isEqualTo(16);
		assertThat(frames(written.bytes())).isEqualTo(1);
		assertThat(written.note()).contains(Images.MAX_FRAMES + 1 + " frames", "only its first frame is shown");
	}

	@Test
	void aGifCutShortIsNotTakenAsAnAnimation() throws IOException {
		byte[] gif = io.stride.media.MediaFixtures.animatedGif(3, 20, 20);
		assertThat(Gifs.walk(java.util.Arrays.copyOf(gif, gif.length - 1))).isNull();
		assertThat(Gifs.walk(gif).frames()).isEqualTo(3);
	}

	private static byte[] encode(BufferedImage image, String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

	/** A JPEG with an EXIF segment holding one tag, the orientation, in a little-endian TIFF directory. */
	private static byte[] withOrientation(byte[] jpeg, int orientation) {
		ByteArrayOutputStream exif = new ByteArrayOutputStream();
		exif.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
		exif.writeBytes(new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0, // TIFF header, first directory at 8
				1, 0, // one entry
				0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0, // 0x0112 SHORT count 1
				0, 0, 0, 0 }); // no next directory
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

	/** The GIF with a comment block before its trailer. */
	private static byte[] withComment(byte[] gif, String comment) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(gif, 0, gif.length - 1);
		byte[] text = comment.getBytes(StandardCharsets.ISO_8859_1);
		out.write(0x21);
		out.write(0xFE);
		out.write(text.length);
		out.writeBytes(text);
		out.write(0);
		out.write(0x3B);
		return out.toByteArray();
	}

	private static int frames(byte[] bytes) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			ImageReader reader = ImageIO.getImageReaders(in).next();
			reader.setInput(in);
			try {
				return reader.getNumImages(true);
			}
			finally {
				reader.dispose();
			}
		}
	}
}
