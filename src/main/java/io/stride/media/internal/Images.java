package io.stride.media.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

import io.stride.shared.ConflictException;
import io.stride.shared.InvalidInputException;
import net.coobird.thumbnailator.Thumbnails;

/**
 * An uploaded image checked, then decoded, resized and written again. The declared size is read from the file's
 * header before anything is decoded, so that a small file announcing 50,000 × 50,000 pixels (a "pixel bomb") is
 * refused at once rather than given a few gigabytes of memory. Writing the pixels again drops whatever else the file
 * carried (EXIF with GPS positions, comments, colour profiles), after a photo's EXIF orientation is applied to its
 * pixels. Narrower copies ({@link #WIDTHS}) are written beside it for small screens. An animated GIF within
 * {@link #MAX_FRAMES} frames, {@link #MAX_ANIMATED_BYTES} and the width keeps moving (its blocks written again without
 * comments or other applications' data); a larger one keeps its first frame, and the author is told.
 */
public final class Images {

	/** The formats taken, by the name ImageIO's readers give, with the file name endings that may carry them. */
	private static final Map<String, Set<String>> FORMATS = Map.of("png", Set.of("png"), "jpeg",
			Set.of("jpg", "jpeg", "jfif"), "gif", Set.of("gif"), "webp", Set.of("webp"));

	private static final String UNREADABLE = "This is not a readable image: upload a PNG, JPEG, GIF or WebP file.";

	private Images() {
	}

	/**
	 * A written image: its bytes, content type and size in pixels, its narrower copies (narrowest first), and what the
	 * author should know about how it was kept (null when nothing).
	 */
	public record Written(byte[] bytes, String contentType, int width, int height, List<Written> narrower, String note) {

		Written(byte[] bytes, String contentType, int width, int height) {
			this(bytes, contentType, width, height, List.of(), null);
		}
	}

	/** The widths written beside an image wider than them, for srcset. */
	public static final List<Integer> WIDTHS = List.of(480, 960);

	/** An animated GIF keeps moving up to this many frames, */
	static final int MAX_FRAMES = 150;

	/** ... and this file size (a browser decodes every frame, each time it shows the page). */
	static final long MAX_ANIMATED_BYTES = 4L * 1024 * 1024;

	/**
	 * The most memory one decoded image may take. What a decode takes is its size in pixels times its bands times the
	 * bytes of a sample (a 16-bit RGBA PNG takes 8 bytes a pixel, not 4): larger images are decoded with source
	 * subsampling (every n-th pixel of every n-th row), which the written image, at most {@code maxWidth} wide, does
	 * not miss.
	 */
	static final long MAX_DECODED_BYTES = 64L * 1024 * 1024;

	/** One image is decoded at a time; an upload waits its turn rather than take the memory pages need. */
	private static final Semaphore DECODING = new Semaphore(1);

	public static Written prepare(Path file, String fileName, int maxWidth, long maxPixels) {
		try {
			if (!DECODING.tryAcquire(30, TimeUnit.SECONDS)) {
				throw new ConflictException("Many images are being uploaded right now; try again in a minute.");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ConflictException("The upload was interrupted; try again.");
		}
		try {
			Decoded decoded = decode(file, fileName, maxWidth, maxPixels);
			String note = null;
			if (decoded.format().equals("gif")) {
				Animation animation = animation(file, maxWidth, maxPixels);
				if (animation.kept() != null) {
					return animation.kept();
				}
				note = animation.note();
			}
			BufferedImage image = decoded.format().equals("jpeg")
					? ExifOrientation.upright(decoded.image(), ExifOrientation.of(file)) : decoded.image();
			boolean alpha = image.getColorModel().hasAlpha();
			Written full = write(image, Math.min(maxWidth, image.getWidth()), alpha);
			List<Written> narrower = new ArrayList<>();
			for (int width : WIDTHS) {
				if (width < full.width()) {
					narrower.add(write(image, width, alpha));
				}
			}
			return new Written(full.bytes(), full.contentType(), full.width(), full.height(), List.copyOf(narrower), note);
		}
		finally {
			DECODING.release();
		}
	}

	/**
	 * The bytes one pixel of the image takes once decoded, from the reader's image type; 8 (16-bit RGBA, the most a
	 * taken format holds) when the reader does not say.
	 */
	static int bytesPerPixel(ImageReader reader) throws IOException {
		ImageTypeSpecifier type = reader.getRawImageType(0);
		if (type == null) {
			Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
			type = types.hasNext() ? types.next() : null;
		}
		if (type == null) {
			return 8;
		}
		SampleModel model = type.getSampleModel();
		// a 16-bit RGBA PNG: four unsigned shorts a pixel; a packed RGB one: one int; a palette one: a byte
		return Math.max(1, (model.getNumDataElements() * DataBuffer.getDataTypeSize(model.getDataType()) + 7) / 8);
	}

	/**
	 * The source subsampling for an image of this size: 1 (every pixel) while it is at most twice {@code maxWidth}
	 * wide and its decoded bytes fit {@link #MAX_DECODED_BYTES}; otherwise the smallest step that does both.
	 */
	static int subsampling(long width, long height, int bytesPerPixel, int maxWidth) {
		int step = 1;
		while ((ceilDiv(width, step) > 2L * maxWidth
				|| ceilDiv(width, step) * ceilDiv(height, step) * bytesPerPixel > MAX_DECODED_BYTES)) {
			step++;
		}
		return step;
	}

	private static long ceilDiv(long a, int b) {
		return (a + b - 1) / b;
	}

	private record Decoded(BufferedImage image, String format) {
	}

	/** An animated GIF kept as it moves, or why it was not (null for a GIF of one frame). */
	private record Animation(Written kept, String note) {
	}

	/**
	 * A GIF of several frames within the limits, written again block by block once every frame was decoded (so that
	 * a broken frame is refused here, not shown broken); otherwise why only its first frame is kept.
	 */
	private static Animation animation(Path file, int maxWidth, long maxPixels) {
		Gifs.Walked walked;
		try {
			walked = Files.size(file) > 64L * 1024 * 1024 ? null : Gifs.walk(Files.readAllBytes(file));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (walked == null || walked.frames() < 2) {
			return new Animation(null, null);
		}
		String tooMuch = walked.frames() > MAX_FRAMES ? walked.frames() + " frames (at most " + MAX_FRAMES + " keep moving)"
				: walked.width() > maxWidth ? walked.width() + " pixels wide (at most " + maxWidth + " keep moving)"
				: walked.bytes().length > MAX_ANIMATED_BYTES ? "larger than " + MAX_ANIMATED_BYTES / (1024 * 1024) + " MB"
				: (long) walked.width() * walked.height() * walked.frames() > maxPixels ? "too many pixels in all its frames"
				: null;
		if (tooMuch != null) {
			return new Animation(null, "This animated GIF is " + tooMuch + ", so only its first frame is shown. "
					+ "Shorten it or make it smaller to keep it moving, or upload a video.");
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(walked.bytes()))) {
			ImageReader reader = ImageIO.getImageReaders(in).next();
			try {
				reader.setInput(in, true, false);
				for (int frame = 0; frame < walked.frames(); frame++) {
					if (reader.read(frame) == null) {
						throw new InvalidInputException("file", UNREADABLE);
					}
				}
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException broken) {
			if (broken instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw new InvalidInputException("file", UNREADABLE + " One of this GIF's frames is broken.");
		}
		return new Animation(new Written(walked.bytes(), "image/gif", walked.width(), walked.height()), null);
	}

	private static Decoded decode(Path file, String fileName, int maxWidth, long maxPixels) {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new InvalidInputException("file", UNREADABLE);
			}
			ImageReader reader = readers.next();
			try {
				String format = reader.getFormatName().toLowerCase(Locale.ROOT);
				if (!FORMATS.containsKey(format)) {
					throw new InvalidInputException("file", UNREADABLE);
				}
				String ending = ending(fileName);
				if (ending != null && !FORMATS.get(format).contains(ending)) {
					throw new InvalidInputException("file", "This file is named ." + ending + " but holds a "
							+ format.toUpperCase(Locale.ROOT) + " image; rename it or export it again, then upload it.");
				}
				reader.setInput(in, true, true);
				// the header only: nothing is decoded yet
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width <= 0 || height <= 0) {
					throw new InvalidInputException("file", UNREADABLE);
				}
				if (width * height > maxPixels) {
					throw new InvalidInputException("file", "This image is " + width + " × " + height
							+ " pixels; images may have at most " + maxPixels / 1_000_000 + " million pixels.");
				}
				boolean[] truncated = { false };
				reader.addIIOReadWarningListener((source, warning) -> truncated[0] |= warning != null
						&& warning.toLowerCase(Locale.ROOT).matches(".*(premature|truncat|end of).*"));
				ImageReadParam param = reader.getDefaultReadParam();
				int step = subsampling(width, height, bytesPerPixel(reader), maxWidth);
				if (step > 1) {
					param.setSourceSubsampling(step, step, 0, 0);
				}
				BufferedImage image = reader.read(0, param);
				if (truncated[0] || image == null) {
					throw new InvalidInputException("file", UNREADABLE + " This one seems cut short.");
				}
				return new Decoded(image, format);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException unreadable) {
			if (unreadable instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw new InvalidInputException("file", UNREADABLE);
		}
	}

	/** PNG when the image has transparency, otherwise JPEG (a photo sent as PNG or WebP becomes far smaller). */
	private static Written write(BufferedImage image, int width, boolean alpha) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			BufferedImage resized = Thumbnails.of(image)
				.width(width)
				.imageType(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
				.asBufferedImage();
			var writer = Thumbnails.of(resized).scale(1.0).outputFormat(alpha ? "png" : "jpg");
			if (!alpha) {
				writer.outputQuality(0.85);
			}
			writer.toOutputStream(out);
			return new Written(out.toByteArray(), alpha ? "image/png" : "image/jpeg", resized.getWidth(),
					resized.getHeight());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String ending(String fileName) {
		if (fileName == null) {
			return null;
		}
		int dot = fileName.lastIndexOf('.');
		return dot < 0 || dot == fileName.length() - 1 ? null : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}
}
