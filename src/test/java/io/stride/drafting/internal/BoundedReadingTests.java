package io.stride.drafting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.stride.drafting.SourceFile;
import io.stride.drafting.SourceRejected;
import io.stride.support.ZipBombs;
import org.apache.tika.exception.TikaException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a document within bounds: what its container unpacks to, how long it takes, and what running out of memory
 * looks like to the author.
 */
class BoundedReadingTests {

	/** Limits small enough that the test files stay small: 50x, 2 MB a part, 3 MB in all, 20 parts. */
	static final SourceReader READER = new SourceReader(20 << 20, 300, 200_000, 30, 50, 2L << 20, 3L << 20, 20,
			new ParseSlots(2, 10, 8));

	@Test
	void aBombHiddenInAnEmbeddedDocumentIsRefusedToo() {
		byte[] inner = ZipBombs.docx(200L << 20);
		assertRefused(ZipBombs.nested("attachment.docx", inner), "unpacks to more than 50 times its packed size");
	}

	@Test
	void aPartTooLargeToUnpackIsRefusedEvenWhenItDoesNotCompressWell() throws IOException {
		byte[] noise = new byte[3 << 20];
		new Random(7).nextBytes(noise);
		assertRefused(zip(new Part("word/media/image1.png", noise)), "unpacks to more than 2 MB in one part (word/media/image1.png)");
	}

	@Test
	void partsThatTogetherUnpackTooLargeAreRefused() throws IOException {
		byte[] noise = new byte[1536 * 1024];
		new Random(7).nextBytes(noise);
		assertRefused(zip(new Part("word/media/image1.png", noise), new Part("word/media/image2.png", noise),
				new Part("word/media/image3.png", noise)), "unpacks to more than 3 MB in all");
	}

	@Test
	void aFileOfThousandsOfPartsIsRefused() throws IOException {
		Part[] parts = new Part[25];
		for (int i = 0; i < parts.length; i++) {
			parts[i] = new Part("word/part" + i + ".xml", "<x/>".getBytes());
		}
		assertRefused(zip(parts), "holds more than 20 parts");
	}

	@Test
	void anHonestDocumentIsStillRead() {
		ExtractedSource source = READER.read(new SourceFile("refunds.docx",
				ZipBombs.honestDocx("Refunds are paid within 14 days of the request.")));
		assertThat(source.text()).contains("Refunds are paid within 14 days");
	}

	@Test
	void aParseThatRunsPastItsTimeBudgetIsStoppedAndGivesItsSlotBack() throws InterruptedException {
		ParseSlots slots = new ParseSlots(1, 10, 8);
		SourceReader impatient = new SourceReader(20 << 20, 300, 200_000, 0, 50, 2L << 20, 3L << 20, 20, slots);
		byte[] docx = ZipBombs.honestDocx("Refunds are paid within 14 days of the request.".repeat(2_000));
		assertThatThrownBy(() -> impatient.read(new SourceFile("refunds.docx", docx)))
			.isInstanceOfSatisfying(SourceRejected.class, refused -> {
				assertThat(refused.status()).isEqualTo(422);
				assertThat(refused.getMessage()).startsWith("\"refunds.docx\" took too long to read");
			});
		for (int i = 0; i < 1_000 && slots.free() == 0; i++) {
			Thread.sleep(10);
		}
		assertThat(slots.free()).as("the slot, once the parse stopped").isEqualTo(1);
	}

	@Test
	void runningOutOfMemoryIsReportedAsTheServersProblemNotAsAnUnreadableFile() {
		for (Throwable cause : new Throwable[] { new OutOfMemoryError("Java heap space"),
				new TikaException("Unexpected RuntimeException", new OutOfMemoryError("Java heap space")) }) {
			RuntimeException answer = READER.rejected("handbook.docx", "docx", cause);
			assertThat(answer).isInstanceOfSatisfying(SourceRejected.class, refused -> {
				assertThat(refused.status()).isEqualTo(503);
				assertThat(refused.retryAfterSeconds()).isPositive();
				assertThat(refused.getMessage()).contains("\"handbook.docx\"", "short of memory", "try again")
					.doesNotContain("could not be read");
			});
		}
	}

	private static void assertRefused(byte[] docx, String reason) {
		long start = System.nanoTime();
		assertThatThrownBy(() -> READER.read(new SourceFile("handbook.docx", docx)))
			.isInstanceOfSatisfying(SourceRejected.class, refused -> {
				assertThat(refused.status()).isEqualTo(422);
				assertThat(refused.getMessage()).startsWith("\"handbook.docx\" ").contains(reason);
			});
		assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds to refuse").isLessThan(5_000);
	}

	record Part(String name, byte[] content) {
	}

	private static byte[] zip(Part... parts) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes());
			zip.closeEntry();
			for (Part part : parts) {
				zip.putNextEntry(new ZipEntry(part.name()));
				zip.write(part.content());
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}
}
