package io.stride.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Office files built at run time, so that no binary bomb is kept in the repository: a real DOCX skeleton whose
 * {@code word/document.xml} unpacks to far more than it weighs, written so that the unpacked size is never held in
 * memory.
 */
public final class ZipBombs {

	private static final String CONTENT_TYPES = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
			<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
			<Default Extension="xml" ContentType="application/xml"/>
			<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
			</Types>""";

	private static final String RELS = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
			<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
			</Relationships>""";

	private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
			+ "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";

	private static final String TAIL = "</w:body></w:document>";

	private ZipBombs() {
	}

	/** A DOCX whose document unpacks to about {@code unpackedBytes} of paragraphs. */
	public static byte[] docx(long unpackedBytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		writeDocx(out, unpackedBytes);
		return out.toByteArray();
	}

	/** A small, honest DOCX with a few paragraphs of text. */
	public static byte[] honestDocx(String... paragraphs) {
		StringBuilder body = new StringBuilder();
		for (String paragraph : paragraphs) {
			body.append("<w:p><w:r><w:t>").append(paragraph).append("</w:t></w:r></w:p>");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			skeleton(zip);
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write((HEAD + body + TAIL).getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toByteArray();
	}

	/** A zip that holds the given archive as an embedded object, as Word keeps embedded documents. */
	public static byte[] nested(String innerName, byte[] inner) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			skeleton(zip);
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write((HEAD + "<w:p><w:r><w:t>See the attachment.</w:t></w:r></w:p>" + TAIL).getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			ZipEntry embedded = new ZipEntry("word/embeddings/" + innerName);
			// stored, as Word keeps already-compressed embeddings; the bomb is inside
			embedded.setMethod(ZipEntry.STORED);
			embedded.setSize(inner.length);
			embedded.setCompressedSize(inner.length);
			java.util.zip.CRC32 crc = new java.util.zip.CRC32();
			crc.update(inner);
			embedded.setCrc(crc.getValue());
			zip.putNextEntry(embedded);
			zip.write(inner);
			zip.closeEntry();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toByteArray();
	}

	private static void writeDocx(OutputStream out, long unpackedBytes) {
		byte[] head = HEAD.getBytes(StandardCharsets.UTF_8);
		byte[] chunk = "<w:p><w:r><w:t>All work and no play makes a dull document.</w:t></w:r></w:p>".repeat(800)
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = TAIL.getBytes(StandardCharsets.UTF_8);
		long chunks = Math.max(4, unpackedBytes / chunk.length);
		// Deflating a gigabyte takes seconds; but once the window holds nothing but repeats, every further chunk
		// deflates (with a sync flush) to the same bytes, so those are written again instead of computed again.
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		data.writeBytes(deflate(deflater, head, false));
		byte[] previous = new byte[0];
		long done = 0;
		while (done < chunks) {
			byte[] next = deflate(deflater, chunk, false);
			data.writeBytes(next);
			done++;
			if (java.util.Arrays.equals(next, previous)) {
				for (; done < chunks; done++) {
					data.writeBytes(next);
				}
			}
			previous = next;
		}
		data.writeBytes(deflate(deflater, tail, true));
		deflater.end();
		CRC32 crc = new CRC32();
		crc.update(head);
		for (long i = 0; i < chunks; i++) {
			crc.update(chunk);
		}
		crc.update(tail);
		long size = head.length + chunks * chunk.length + tail.length;
		try {
			ZipWriter zip = new ZipWriter(out);
			zip.stored("[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
			zip.stored("_rels/.rels", RELS.getBytes(StandardCharsets.UTF_8));
			zip.deflated("word/document.xml", data.toByteArray(), size, crc.getValue());
			zip.finish();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] deflate(Deflater deflater, byte[] input, boolean last) {
		deflater.setInput(input);
		if (last) {
			deflater.finish();
		}
		int flush = last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		int n;
		do {
			n = deflater.deflate(buffer, 0, buffer.length, flush);
			out.write(buffer, 0, n);
		}
		while (n == buffer.length || (last && !deflater.finished()));
		return out.toByteArray();
	}

	/** Just enough of the ZIP format to store entries whose deflated bytes are already at hand. */
	private static final class ZipWriter {

		private final OutputStream out;

		private final ByteArrayOutputStream directory = new ByteArrayOutputStream();

		private long offset;

		private int entries;

		ZipWriter(OutputStream out) {
			this.out = out;
		}

		void stored(String name, byte[] content) throws IOException {
			CRC32 crc = new CRC32();
			crc.update(content);
			entry(name, 0, content, content.length, crc.getValue());
		}

		void deflated(String name, byte[] data, long size, long crc) throws IOException {
			entry(name, 8, data, size, crc);
		}

		private void entry(String name, int method, byte[] data, long size, long crc) throws IOException {
			byte[] fileName = name.getBytes(StandardCharsets.UTF_8);
			ByteBuffer local = header(30 + fileName.length);
			local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) method)
				.putInt(0x00210000)
				.putInt((int) crc).putInt(data.length).putInt((int) size)
				.putShort((short) fileName.length).putShort((short) 0).put(fileName);
			ByteBuffer central = header(46 + fileName.length);
			central.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0)
				.putShort((short) method).putInt(0x00210000)
				.putInt((int) crc).putInt(data.length).putInt((int) size)
				.putShort((short) fileName.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
				.putShort((short) 0).putInt(0).putInt((int) offset).put(fileName);
			out.write(local.array());
			out.write(data);
			directory.write(central.array());
			offset += local.capacity() + data.length;
			entries++;
		}

		void finish() throws IOException {
			ByteBuffer end = header(22);
			end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries)
				.putShort((short) entries).putInt(directory.size()).putInt((int) offset).putShort((short) 0);
			directory.writeTo(out);
			out.write(end.array());
			out.flush();
		}

		private static ByteBuffer header(int length) {
			return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
		}
	}

	private static void skeleton(ZipOutputStream zip) throws IOException {
		zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
		zip.write(CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
		zip.putNextEntry(new ZipEntry("_rels/.rels"));
		zip.write(RELS.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}
}
