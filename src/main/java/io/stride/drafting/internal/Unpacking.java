package io.stride.drafting.internal;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.util.Enumeration;
import java.util.function.LongSupplier;

import io.stride.drafting.SourceRejected;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.io.channels.ByteArraySeekableByteChannel;

/**
 * Unpacks a ZIP-based document (DOCX, PPTX, XLSX, ODF, EPUB, and archives nested inside them) into nothing, only to
 * count, before any parser sees it: a few megabytes that inflate to a gigabyte are refused here, after at most the
 * limits' worth of inflating, instead of running the node out of memory inside a parser.
 *
 * <p>The entries are walked twice, as listed in the central directory (what parsers that open the file read) and
 * as they follow one another in the file (what streaming parsers read), because a crafted file can show the two
 * different things. Sizes declared in the headers are not trusted: the bytes are inflated and counted.
 */
final class Unpacking {

	/** Entries smaller than this are never refused by their ratio: small XML parts compress very well. */
	static final long GRACE_BYTES = 100 * 1024;

	private static final int CHUNK = 64 * 1024;

	record Limits(double maxRatio, long maxEntryBytes, long maxTotalBytes, int maxEntries, int maxNesting) {
	}

	private final String name;

	private final Limits limits;

	private long total;

	private int entries;

	private Unpacking(String name, Limits limits) {
		this.name = name;
		this.limits = limits;
	}

	static boolean looksZipped(byte[] content) {
		return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] < 9 && content[3] < 9;
	}

	/** Refuses the file with a {@link SourceRejected} naming it if it unpacks beyond the limits or is no ZIP. */
	static void check(String name, byte[] content, Limits limits) {
		new Unpacking(name, limits).centralDirectory(content);
		Unpacking streamed = new Unpacking(name, limits);
		try {
			streamed.walk(new ByteArrayInputStream(content), 0);
		}
		catch (IOException e) {
			// the central directory was readable, which is how the parsers open the file; an odd local layout that
			// only a streaming reader trips over is not worth refusing, as long as what it did unpack was in bounds
		}
	}

	private void centralDirectory(byte[] content) {
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(ByteArraySeekableByteChannel.wrap(content)).get()) {
			Enumeration<ZipArchiveEntry> all = zip.getEntries();
			while (all.hasMoreElements()) {
				ZipArchiveEntry entry = all.nextElement();
				countEntry();
				if (entry.isDirectory()) {
					continue;
				}
				try (InputStream raw = zip.getInputStream(entry)) {
					LongSupplier compressed = raw instanceof InputStreamStatistics statistics
							? statistics::getCompressedCount : entry::getCompressedSize;
					consume(entry.getName(), raw, compressed, 0);
				}
			}
		}
		catch (IOException e) {
			throw new SourceRejected(422, name, "could not be read: it is damaged or not the document its name says.");
		}
	}

	private void walk(InputStream in, int depth) throws IOException {
		ZipArchiveInputStream zip = new ZipArchiveInputStream(in, "UTF-8", true, true);
		ZipArchiveEntry entry;
		while ((entry = zip.getNextEntry()) != null) {
			countEntry();
			if (!entry.isDirectory()) {
				consume(entry.getName(), zip, zip::getCompressedCount, depth);
			}
		}
	}

	/** Reads one entry to its end, counting; an entry that is itself a ZIP is walked in turn. */
	private void consume(String entry, InputStream raw, LongSupplier compressed, int depth) throws IOException {
		Counted counted = new Counted(entry, raw, compressed);
		byte[] head = counted.readNBytes(4);
		if (looksZipped(head)) {
			if (depth >= limits.maxNesting()) {
				throw new SourceRejected(422, name, "holds archives nested more than " + limits.maxNesting()
						+ " deep. Save it without embedded files, then try again.");
			}
			walkNested(new SequenceInputStream(new ByteArrayInputStream(head), counted), depth + 1);
		}
		counted.drain();
	}

	private void walkNested(InputStream in, int depth) throws IOException {
		try {
			walk(in, depth);
		}
		catch (InterruptedIOException e) {
			throw e;
		}
		catch (IOException e) {
			// a damaged embedded file is the parser's to skip; what of it was unpacked was counted all the same
		}
	}

	private void countEntry() {
		if (++entries > limits.maxEntries()) {
			throw new SourceRejected(422, name, "holds more than " + limits.maxEntries()
					+ " parts. Save it again with fewer embedded files, then try again.");
		}
	}

	/** Counts inflated bytes as they are read and stops the moment a limit is crossed. */
	private final class Counted extends FilterInputStream {

		private final String entry;

		private final LongSupplier compressed;

		private long inflated;

		Counted(String entry, InputStream in, LongSupplier compressed) {
			super(in);
			this.entry = entry;
			this.compressed = compressed;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return n < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (Thread.currentThread().isInterrupted()) {
				throw new InterruptedIOException("stopped unpacking");
			}
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			// skipping still has to inflate, so it is read and counted like the rest
			byte[] buffer = new byte[CHUNK];
			long skipped = 0;
			int read;
			while (skipped < n && (read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped))) > 0) {
				skipped += read;
			}
			return skipped;
		}

		/** Reads (inflates and counts) the rest of the entry. */
		void drain() throws IOException {
			skip(Long.MAX_VALUE);
		}

		private void count(int n) {
			inflated += n;
			total += n;
			if (inflated > limits.maxEntryBytes()) {
				throw new SourceRejected(422, name, "unpacks to more than " + megabytes(limits.maxEntryBytes())
						+ " in one part (" + entry + "). Stride does not read files built to unpack that large.");
			}
			if (total > limits.maxTotalBytes()) {
				throw new SourceRejected(422, name, "unpacks to more than " + megabytes(limits.maxTotalBytes())
						+ " in all. Stride does not read files built to unpack that large.");
			}
			long packed = Math.max(1, compressed.getAsLong());
			if (inflated > GRACE_BYTES && inflated > packed * limits.maxRatio()) {
				throw new SourceRejected(422, name, "unpacks to more than " + (long) limits.maxRatio()
						+ " times its packed size (" + entry + "), which documents never do. Stride does not read "
						+ "files built to unpack that large.");
			}
		}
	}

	private static String megabytes(long bytes) {
		return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
	}
}
