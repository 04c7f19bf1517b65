package io.stride.media.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

import io.stride.shared.InvalidInputException;
import net.coobird.thumbnailator.Thumbnails;

/**
 * An uploaded image checked, then decoded, resized and written again. The declared size is read from the file's
 * header before anything is decoded, so that a small file announcing 50,000 × 50,000 pixels (a "pixel bomb") is
 * refused at once rather than given a few gigabytes of memory. Writing the pixels again drops whatever else the file
 * carried (EXIF with GPS positions, comments, colour profiles); animated GIFs keep their first frame.
 */
public final class Images {

	/** The formats taken, by the name ImageIO's readers give, with the file name endings that may carry them. */
	private static final Map<String, Set<String>> FORMATS = Map.of("png", Set.of("png"), "jpeg",
			Set.of("jpg", "jpeg", "jfif"), "gif", Set.of("gif"), "webp", Set.of("webp"));

	private static final String UNREADABLE = "This is not a readable image: upload a PNG, JPEG, GIF or WebP file.";

	private Images() {
	}

	/** A written image: its bytes, content type and size in pixels. */
	public record Written(byte[] bytes, String contentType, int width, int height) {
	}

	/**
	 * The most memory one decoded image may take. What a decode takes is its size in pixels times its bands times the
	 * bytes of a sample (a 16-bit RGBA PNG takes 8 bytes a pixel, not 4): larger images are decoded with source
	 * subsampling (every n-th pixel of every n-th row), which the written image, at most {@code maxWidth} wide, does
	 * not miss.
	 */
	static final long MAX_DECODED_BYTES = 64L * 1024 * 1024;

	/** One image is decoded at a time; an upload waits its turn rather than take the memory pages need. */
	private static final java.util.concurrent.Semaphore DECODING = new java.util.concurrent.Semaphore(1);

	public static Written prepare(Path file, String fileName, int maxWidth, long maxPixels) {
		try {
			if (!DECODING.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS)) {
				throw new io.stride.shared.ConflictException("Many images are being uploaded right now; try again in a minute.");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new io.stride.shared.ConflictException("The upload was interrupted; try again.");
		}
		try {
			BufferedImage decoded = decode(file, fileName, maxWidth, maxPixels);
			return write(decoded, Math.min(maxWidth, decoded.getWidth()), decoded.getColorModel().hasAlpha());
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

	private static BufferedImage decode(Path file, String fileName, int maxWidth, long maxPixels) {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
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
				return image;
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
			throw new java.io.UncheckedIOException(e);
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
