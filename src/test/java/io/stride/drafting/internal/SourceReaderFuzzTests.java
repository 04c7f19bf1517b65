package io.stride.drafting.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stride.drafting.SourceFile;
import io.stride.drafting.SourceRejected;
import io.stride.support.FuzzSeeds;
import io.stride.support.Refusals;

/**
 * An author's upload, whatever its bytes: the drafting reader reads it or refuses it with a {@link SourceRejected}
 * that names the file and the reason. A refusal that hides an error thrown by Stride's own code (the reader turns
 * any unexpected error into "could not be read") counts as a crash; one that hides a parsing library's error does
 * not: the catch-all is there for those.
 */
class SourceReaderFuzzTests {

	/** Five seconds a parse, not thirty: an input that uses the whole budget is reported, not a hang. */
	private static final SourceReader READER = new SourceReader(20L << 20, 300, 200_000, 5);

	@FuzzSeeds("Pdf")
	@FuzzTest(maxDuration = "15s")
	void pdf(byte[] content) {
		read("upload.pdf", content);
	}

	@FuzzSeeds("Docx")
	@FuzzTest(maxDuration = "15s")
	void docx(byte[] content) {
		read("upload.docx", content);
	}

	@FuzzSeeds("Pptx")
	@FuzzTest(maxDuration = "15s")
	void pptx(byte[] content) {
		read("upload.pptx", content);
	}

	@FuzzSeeds("Html")
	@FuzzTest(maxDuration = "15s")
	void html(byte[] content) {
		read("upload.html", content);
	}

	@FuzzSeeds("MarkdownSource")
	@FuzzTest(maxDuration = "15s")
	void markdown(byte[] content) {
		read("upload.md", content);
	}

	@FuzzSeeds("Transcript")
	@FuzzTest(maxDuration = "15s")
	void transcript(byte[] content) {
		// one reader for both: it tells WebVTT from SubRip by the cues, not by the name
		read(content.length % 2 == 0 ? "upload.vtt" : "upload.srt", content);
	}

	private static void read(String name, byte[] content) {
		Refusals.readOrRefuse(() -> {
			try {
				READER.read(new SourceFile(name, content));
			}
			catch (SourceRejected rejected) {
				if (thrownByStride(rejected.getCause())) {
					throw new AssertionError("Stride's own code failed reading " + name, rejected.getCause());
				}
				throw rejected;
			}
		}, SourceRejected.class);
	}

	/** An unchecked error whose first frame outside the JDK is Stride's. */
	private static boolean thrownByStride(Throwable cause) {
		if (!(cause instanceof RuntimeException || cause instanceof Error)) {
			return false;
		}
		for (StackTraceElement frame : cause.getStackTrace()) {
			String type = frame.getClassName();
			if (!(type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun."))) {
				return type.startsWith("io.stride.");
			}
		}
		return false;
	}
}
