package io.stride.packages.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import io.stride.packages.PackageRejected;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.io.channels.ByteArraySeekableByteChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An uploaded package (a SCORM or cmi5 zip, a zipped question bank) read in memory and checked before anything of it
 * is written anywhere: every name must be a plain relative path (no {@code ../}, no leading slash, no backslash, no
 * drive letter, no NUL), no entry may be a symbolic link, no two names may differ only in case, and the entries, each
 * entry and the whole must stay within the limits, also in how much more they unpack to than they weigh.
 *
 * <p>As in drafting's unpacking check, the archive is walked twice: as the central directory lists it (what
 * {@code ZipFile}-style readers see) and as the local headers follow one another (what streaming readers see). A zip
 * crafted to show the two different things is refused, because whatever reads it next might see the other one. Sizes
 * declared in headers are never trusted: every entry is inflated and counted, and the walk stops at the first byte
 * beyond a limit.
 */
public final class PackageArchive {

	/** Entries smaller than this are never refused by their ratio: small XML and HTML files compress very well. */
	static final long GRACE_BYTES = 100 * 1024;

	private static final int CHUNK = 64 * 1024;

	private static final Logger LOG = LoggerFactory.getLogger(PackageArchive.class);

	private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

	/** How much an archive may hold; {@link #DEFAULT} fits course packages with a few videos. */
	public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, double maxRatio) {

		public static final Limits DEFAULT = new Limits(5_000, 200L * 1024 * 1024, 400L * 1024 * 1024, 100);
	}

	private final String name;

	private final Map<String, byte[]> files;

	private PackageArchive(String name, Map<String, byte[]> files) {
		this.name = name;
		this.files = files;
	}

	/**
	 * Reads and checks the archive; refuses it with a {@link PackageRejected} naming the file, the entry and the limit
	 * at the first thing wrong.
	 */
	public static PackageArchive read(String name, byte[] content, Limits limits) {
		String shown = name == null || name.isBlank() ? "the upload" : name;
		Map<String, Entry> central = new Walk(shown, limits).centralDirectory(content);
		Map<String, Entry> local = new Walk(shown, limits).localHeaders(content);
		if (!central.keySet().equals(local.keySet())) {
			Set<String> differing = new HashSet<>(central.keySet());
			differing.addAll(local.keySet());
			Set<String> both = new HashSet<>(central.keySet());
			both.retainAll(local.keySet());
			differing.removeAll(both);
			throw new PackageRejected("\"" + shown + "\" lists different files in its directory and in its entries ("
					+ String.join(", ", differing.stream().sorted().limit(3).toList())
					+ "). It was built to mislead unpackers; zip the package again.");
		}
		Map<String, byte[]> files = new LinkedHashMap<>();
		central.forEach((path, entry) -> {
			Entry streamed = local.get(path);
			if (!entry.directory() && (streamed.crc() != entry.crc() || streamed.bytes().length != entry.bytes().length)) {
				throw new PackageRejected("\"" + shown + "\" holds two different contents for " + path
						+ ". It was built to mislead unpackers; zip the package again.");
			}
			if (!entry.directory()) {
				files.put(path, entry.bytes());
			}
		});
		return new PackageArchive(shown, Collections.unmodifiableMap(files));
	}

	public static PackageArchive read(String name, byte[] content) {
		return read(name, content, Limits.DEFAULT);
	}

	/** The name the archive was uploaded under, for messages. */
	public String name() {
		return name;
	}

	/** Every file (no directories) by its path inside the archive, in the archive's order. */
	public Map<String, byte[]> files() {
		return files;
	}

	public Optional<byte[]> file(String path) {
		return Optional.ofNullable(files.get(path));
	}

	public boolean contains(String path) {
		return files.containsKey(path);
	}

	public long totalBytes() {
		return files.values().stream().mapToLong(bytes -> bytes.length).sum();
	}

	/** Stored, deflated and deflate64: what zip tools write, and what the archive library reads on its own. */
	private static final Set<Integer> READABLE_METHODS = Set.of(ZipMethod.STORED.getCode(), ZipMethod.DEFLATED.getCode(),
			ZipMethod.ENHANCED_DEFLATED.getCode());

	private record Entry(boolean directory, byte[] bytes, long crc) {
	}

	/** One pass over the archive, counting entries and inflated bytes against the limits. */
	private static final class Walk {

		private final String name;

		private final Limits limits;

		private final Map<String, String> seen = new HashMap<>();

		private final Map<String, Entry> entries = new LinkedHashMap<>();

		private long total;

		Walk(String name, Limits limits) {
			this.name = name;
			this.limits = limits;
		}

		Map<String, Entry> centralDirectory(byte[] content) {
			try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(ByteArraySeekableByteChannel.wrap(content)).get()) {
				Enumeration<ZipArchiveEntry> all = zip.getEntries();
				while (all.hasMoreElements()) {
					ZipArchiveEntry entry = all.nextElement();
					if (entry.isUnixSymlink()) {
						throw new PackageRejected("\"" + name + "\" holds a symbolic link (" + entry.getName()
								+ "). Packages must hold plain files only.");
					}
					String path = admit(entry.getName());
					if (entry.isDirectory()) {
						entries.put(path, new Entry(true, new byte[0], 0));
						continue;
					}
					requireKnownMethod(path, entry);
					try (InputStream raw = zip.getInputStream(entry)) {
						LongSupplier compressed = raw instanceof InputStreamStatistics statistics
								? statistics::getCompressedCount : entry::getCompressedSize;
						entries.put(path, consume(path, raw, compressed));
					}
				}
			}
			catch (IOException e) {
				throw unreadable();
			}
			catch (PackageRejected e) {
				throw e;
			}
			catch (RuntimeException e) {
				throw damaged(e);
			}
			if (entries.isEmpty()) {
				throw new PackageRejected("\"" + name + "\" is an empty zip.");
			}
			return entries;
		}

		Map<String, Entry> localHeaders(byte[] content) {
			try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(content), "UTF-8", true,
					true)) {
				ZipArchiveEntry entry;
				while ((entry = zip.getNextEntry()) != null) {
					String path = admit(entry.getName());
					if (entry.isDirectory()) {
						entries.put(path, new Entry(true, new byte[0], 0));
					}
					else {
						requireKnownMethod(path, entry);
						entries.put(path, consume(path, zip, zip::getCompressedCount));
					}
				}
			}
			catch (IOException e) {
				throw unreadable();
			}
			catch (PackageRejected e) {
				throw e;
			}
			catch (RuntimeException e) {
				throw damaged(e);
			}
			catch (NoClassDefFoundError missingCodec) {
				// the stream opens an entry's codec as it reads the header, before the entry can be looked at
				throw new PackageRejected("\"" + name + "\" holds an entry compressed with a method Stride does not "
						+ "read. Zip the package again with ordinary (deflate) compression.");
			}
			return entries;
		}

		/**
		 * Zip tools store files or deflate them. The archive library knows more methods, but some only with a codec
		 * that is not on the class path (zstd, xz): such an entry made the read fail with a NoClassDefFoundError, a
		 * server error, instead of a refusal.
		 */
		private void requireKnownMethod(String path, ZipArchiveEntry entry) {
			if (!READABLE_METHODS.contains(entry.getMethod())) {
				throw new PackageRejected("\"" + name + "\" holds " + printable(path) + " compressed with a method "
						+ "Stride does not read (" + ZipMethod.getMethodByCode(entry.getMethod()) + ", code "
						+ entry.getMethod() + "). Zip the package again with ordinary (deflate) compression.");
			}
		}

		private PackageRejected unreadable() {
			return new PackageRejected("\"" + name + "\" could not be read as a zip: it is damaged or not a zip.");
		}

		/**
		 * The archive library is not proof against every damaged header: a fuzzing run found a local header whose
		 * entry has no stream, on which the library's own skip to the next entry throws a NullPointerException. Any
		 * unchecked exception from the library is a zip it could not read, refused as such; it is logged at debug
		 * level so that a library bug stays findable.
		 */
		private PackageRejected damaged(RuntimeException e) {
			LOG.debug("the archive library failed on {}", name, e);
			return unreadable();
		}

		/** Checks the entry's name and count; returns the path without a directory's trailing slash. */
		private String admit(String raw) {
			if (entries.size() + 1 > limits.maxEntries()) {
				throw new PackageRejected(413, "\"" + name + "\" holds more than " + limits.maxEntries()
						+ " entries, the most Stride takes in one package.");
			}
			String problem = problemWith(raw);
			if (problem != null) {
				throw new PackageRejected("\"" + name + "\" holds an entry named \"" + printable(raw) + "\", which "
						+ problem + ". Packages must use plain relative paths.");
			}
			String path = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
			String folded = path.toLowerCase(Locale.ROOT);
			String before = seen.putIfAbsent(folded, path);
			if (before != null) {
				throw new PackageRejected("\"" + name + "\" holds two entries named \"" + printable(before)
						+ "\" and \"" + printable(path) + "\", which are the same file on many systems.");
			}
			return path;
		}

		static String problemWith(String raw) {
			if (raw.isEmpty()) {
				return "is empty";
			}
			if (raw.indexOf('\0') >= 0) {
				return "holds a NUL character";
			}
			if (raw.indexOf('\\') >= 0) {
				return "holds a backslash";
			}
			if (raw.startsWith("/")) {
				return "is an absolute path";
			}
			if (DRIVE.matcher(raw).matches()) {
				return "starts with a drive letter";
			}
			for (int i = 0; i < raw.length(); i++) {
				if (Character.isISOControl(raw.charAt(i))) {
					return "holds a control character";
				}
			}
			String path = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
			for (String segment : path.split("/", -1)) {
				if (segment.equals("..")) {
					return "climbs out of the package (../)";
				}
				if (segment.isEmpty() || segment.equals(".")) {
					return "has an empty or \".\" path segment";
				}
			}
			return null;
		}

		private static String printable(String raw) {
			StringBuilder shown = new StringBuilder();
			raw.codePoints().limit(200).forEach(c -> {
				if (Character.isISOControl(c)) {
					shown.append(String.format("\\u%04x", c));
				}
				else {
					shown.appendCodePoint(c);
				}
			});
			return shown.toString();
		}

		/** Reads one entry to its end, counting every inflated byte, and keeps it. */
		private Entry consume(String path, InputStream raw, LongSupplier compressed) throws IOException {
			Counted counted = new Counted(path, raw, compressed);
			ByteArrayOutputStream kept = new ByteArrayOutputStream();
			CRC32 crc = new CRC32();
			byte[] buffer = new byte[CHUNK];
			int n;
			while ((n = counted.read(buffer, 0, buffer.length)) > 0) {
				kept.write(buffer, 0, n);
				crc.update(buffer, 0, n);
			}
			return new Entry(false, kept.toByteArray(), crc.getValue());
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

			private void count(int n) {
				inflated += n;
				total += n;
				if (inflated > limits.maxEntryBytes()) {
					throw new PackageRejected(413, "\"" + name + "\" holds " + entry + ", which unpacks to more than "
							+ megabytes(limits.maxEntryBytes()) + ", the most Stride takes for one file.");
				}
				if (total > limits.maxTotalBytes()) {
					throw new PackageRejected(413, "\"" + name + "\" unpacks to more than "
							+ megabytes(limits.maxTotalBytes()) + " in all (reached at " + entry
							+ "), the most Stride takes for one package.");
				}
				long packed = Math.max(1, compressed.getAsLong());
				if (inflated > GRACE_BYTES && inflated > packed * limits.maxRatio()) {
					throw new PackageRejected("\"" + name + "\" holds " + entry + ", which unpacks to more than "
							+ (long) limits.maxRatio() + " times its packed size: a zip bomb, not course content.");
				}
			}
		}
	}

	static String megabytes(long bytes) {
		return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
	}

	/** For tests and messages: what is wrong with an entry name, or null when it is a plain relative path. */
	static String problemWithName(String raw) {
		return Walk.problemWith(raw);
	}
}
