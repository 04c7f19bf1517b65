package io.stride.packages.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.stride.packages.PackageRejected;
import io.stride.support.ZipBombs;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Crafted zips against the package archive check: each must be refused with a message naming what is wrong. */
class PackageArchiveTests {

	@Test
	void honestPackageIsReadWithItsFilesInOrder() {
		byte[] zip = zip(Map.of("imsmanifest.xml", "<manifest/>"), "sco/index.html", "<p>Hello</p>", "sco/", null);
		PackageArchive archive = PackageArchive.read("course.zip", zip);
		assertThat(archive.files()).containsOnlyKeys("imsmanifest.xml", "sco/index.html");
		assertThat(new String(archive.file("sco/index.html").orElseThrow(), StandardCharsets.UTF_8))
			.isEqualTo("<p>Hello</p>");
		assertThat(archive.contains("sco")).isFalse();
	}

	@Test
	void realZipBombIsRefusedByItsRatioWithoutUnpackingIt() {
		// a gigabyte of paragraphs in four megabytes: refused after at most a few hundred kilobytes of inflating
		byte[] bomb = ZipBombs.docx(1L << 30);
		long before = System.nanoTime();
		assertThatThrownBy(() -> PackageArchive.read("bomb.zip", bomb))
			.isInstanceOf(PackageRejected.class)
			.hasMessageContaining("\"bomb.zip\"")
			.hasMessageContaining("word/document.xml")
			.hasMessageContaining("100 times its packed size");
		assertThat(System.nanoTime() - before).isLessThan(5_000_000_000L);
	}

	@Test
	void entryBeyondItsLimitIsRefusedEvenWhenItsHeaderUnderstatesIt() {
		byte[] zip = zip(Map.of("video.mp4", "x".repeat(3000)));
		assertThatThrownBy(() -> PackageArchive.read("big.zip", zip, new PackageArchive.Limits(10, 2048, 100_000, 1e9)))
			.isInstanceOf(PackageRejected.class)
			.hasMessageContaining("video.mp4")
			.hasMessageContaining("2048 bytes")
			.extracting(e -> ((PackageRejected) e).status()).isEqualTo(413);
	}

	@Test
	void totalBeyondTheLimitIsRefused() {
		byte[] zip = zip(Map.of("a.txt", "a".repeat(800), "b.txt", "b".repeat(800)));
		assertThatThrownBy(() -> PackageArchive.read("many.zip", zip, new PackageArchive.Limits(10, 1000, 1500, 1e9)))
			.isInstanceOf(PackageRejected.class)
			.hasMessageContaining("1500 bytes in all");
	}

	@Test
	void tooManyEntriesAreRefused() {
		Map<String, String> files = new LinkedHashMap<>();
		for (int i = 0; i < 12; i++) {
			files.put("f" + i + ".txt", "x");
		}
		assertThatThrownBy(() -> PackageArchive.read("crowd.zip", zip(files), new PackageArchive.Limits(10, 1000, 10_000, 100)))
			.isInstanceOf(PackageRejected.class)
			.hasMessageContaining("more than 10 entries");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../evil.html", "sco/../../evil.html", "/etc/passwd", "C:/windows/evil.dll",
			"sco//index.html", "./index.html" })
	void pathsThatLeaveThePackageAreRefusedNamingTheEntry(String name) {
		byte[] zip = zip(Map.of("imsmanifest.xml", "<manifest/>", name, "gotcha"));
		assertThatThrownBy(() -> PackageArchive.read("traversal.zip", zip))
			.isInstanceOf(PackageRejected.class)
			.hasMessageContaining("\"traversal.zip\"")
			.hasMessageContaining(name)
			.hasMessageContaining("plain relative paths");
	}

	@Test
	void backslashInANameIsRefused() throws IOException {
		// written as a Unix entry, so that no reader takes the backslash for a DOS separator
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
			ZipArchiveEntry entry = new ZipArchiveEntry("..#evil.html");
			entry.setUnixMode(0100644);
			zip.putArchiveEntry(entry);
			zip.write("gotcha".getBytes(StandardCharsets.UTF_8));
			zip.closeArchiveEntry();
		}
		byte[] crafted = replaceAll(out.toByteArray(), "..#evil", "..\\evil");
		assertThatThrownBy(() -> PackageArchive.read("windows.zip", crafted))
			.isInstanceOf(PackageRejected.class)
			.hasMessageContaining("..\\evil.html")
			.hasMessageContaining("backslash");
	}

	@Test
	void nulInANameIsRefused() {
		byte[] zip = zip(Map.of("index.html\0.png", "x"));
		assertThatThrownBy(() -> PackageArchive.read("nul.zip", zip))
			.isInstanceOf(PackageRejected.class)
			.hasMessageContaining("index.html\\u0000.png")
			.hasMessageContaining("NUL");
	}

	@Test
	void symbolicLinkIsRefused() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
			ZipArchiveEntry link = new ZipArchiveEntry("sco/secrets");
			link.setUnixMode(0120777);
			zip.putArchiveEntry(link);
			zip.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
			zip.closeArchiveEntry();
		}
		assertThatThrownBy(() -> PackageArchive.read("link.zip", out.toByteArray()))
			.isInstanceOf(PackageRejected.class)
			.hasMessageContaining("symbolic link (sco/secrets)");
	}

	@Test
	void namesDifferingOnlyInCaseAreRefused() {
		byte[] zip = zip(Map.of("sco/Index.html", "one"), "sco/index.html", "two");
		assertThatThrownBy(() -> PackageArchive.read("dupes.zip", zip))
			.isInstanceOf(PackageRejected.class)
			.hasMessageContaining("\"sco/Index.html\" and \"sco/index.html\"");
	}

	@Test
	void exactDuplicateNamesAreRefused() {
		byte[] zip = zip(Map.of("index.html", "one"), "index.html", "two");
		assertThatThrownBy(() -> PackageArchive.read("dupes.zip", zip))
			.isInstanceOf(PackageRejected.class)
			.hasMessageContaining("two entries named \"index.html\"");
	}

	@Test
	void centralDirectoryThatNamesOtherFilesThanTheEntriesIsRefused() {
		byte[] zip = zip(Map.of("index.html", "<p>shown</p>"));
		// rename the entry in the central directory only, so listing and streaming readers see different files
		byte[] crafted = replaceLast(zip, "index.html", "other.html");
		assertThatThrownBy(() -> PackageArchive.read("twofaced.zip", crafted))
			.isInstanceOf(PackageRejected.class)
			.hasMessageContaining("lists different files")
			.hasMessageContaining("index.html");
	}

	@Test
	void entryCompressedWithAMethodStrideDoesNotReadIsRefusedNamingIt() {
		// found by fuzzing: a zstd entry made the archive library look for a codec that is not there, a server error
		byte[] zstd = withMethod(zip(Map.of("imsmanifest.xml", "<manifest/>")), 93, true);
		assertThatThrownBy(() -> PackageArchive.read("zstd.zip", zstd))
			.isInstanceOf(PackageRejected.class)
			.hasMessageContaining("imsmanifest.xml compressed with a method Stride does not read (ZSTD, code 93)")
			.hasMessageContaining("deflate");
		// and when only the entry's own header says so, which the stream reads before the entry can be looked at
		byte[] zstdInHeader = withMethod(zip(Map.of("imsmanifest.xml", "<manifest/>")), 20, false);
		assertThatThrownBy(() -> PackageArchive.read("zstd.zip", zstdInHeader))
			.isInstanceOf(PackageRejected.class)
			.hasMessageContaining("compressed with a method Stride does not read");
	}

	@Test
	void somethingThatIsNoZipIsRefused() {
		assertThatThrownBy(() -> PackageArchive.read("notes.zip", "just text".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(PackageRejected.class)
			.hasMessageContaining("could not be read as a zip");
	}

	/** A zip with the given entries in order; further name, content pairs may repeat names (null content: a folder). */
	static byte[] zip(Map<String, String> first, String... more) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
			for (Map.Entry<String, String> file : new java.util.TreeMap<>(first).entrySet()) {
				put(zip, file.getKey(), file.getValue());
			}
			for (int i = 0; i + 1 < more.length; i += 2) {
				put(zip, more[i], more[i + 1]);
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return out.toByteArray();
	}

	private static void put(ZipArchiveOutputStream zip, String name, String content) throws IOException {
		zip.putArchiveEntry(new ZipArchiveEntry(name));
		if (content != null) {
			zip.write(content.getBytes(StandardCharsets.UTF_8));
		}
		zip.closeArchiveEntry();
	}

	/** The zip with every entry's compression method set in its local header, and in the central directory too. */
	private static byte[] withMethod(byte[] zip, int method, boolean centralToo) {
		byte[] copy = zip.clone();
		for (int i = 0; i + 12 <= copy.length; i++) {
			int at = copy[i] == 'P' && copy[i + 1] == 'K' && copy[i + 2] == 3 && copy[i + 3] == 4 ? i + 8
					: centralToo && copy[i] == 'P' && copy[i + 1] == 'K' && copy[i + 2] == 1 && copy[i + 3] == 2 ? i + 10
							: -1;
			if (at > 0) {
				copy[at] = (byte) method;
				copy[at + 1] = (byte) (method >> 8);
			}
		}
		return copy;
	}

	private static byte[] replaceAll(byte[] haystack, String from, String to) {
		byte[] needle = from.getBytes(StandardCharsets.ISO_8859_1);
		byte[] replacement = to.getBytes(StandardCharsets.ISO_8859_1);
		byte[] copy = haystack.clone();
		for (int i = 0; i + needle.length <= copy.length; i++) {
			if (Arrays.equals(copy, i, i + needle.length, needle, 0, needle.length)) {
				System.arraycopy(replacement, 0, copy, i, replacement.length);
			}
		}
		return copy;
	}

	private static byte[] replaceLast(byte[] haystack, String from, String to) {
		byte[] needle = from.getBytes(StandardCharsets.ISO_8859_1);
		byte[] replacement = to.getBytes(StandardCharsets.ISO_8859_1);
		byte[] copy = haystack.clone();
		for (int i = copy.length - needle.length; i >= 0; i--) {
			if (Arrays.equals(copy, i, i + needle.length, needle, 0, needle.length)) {
				System.arraycopy(replacement, 0, copy, i, replacement.length);
				return copy;
			}
		}
		throw new IllegalArgumentException(from);
	}
}
