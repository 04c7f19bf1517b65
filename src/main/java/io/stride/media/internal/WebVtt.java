package io.stride.media.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.stride.shared.InvalidInputException;

/**
 * Checks that a captions file is WebVTT as browsers read it: UTF-8, the "WEBVTT" signature on its first line, and at
 * least one cue with a timing line. Drafting reads VTT leniently for transcripts (SRT too), which a player will not.
 */
public final class WebVtt {

	private static final Pattern SIGNATURE = Pattern.compile("\\A\\uFEFF?WEBVTT([ \\t][^\\n]*)?(\\r?\\n|\\z)");

	private static final Pattern TIMING = Pattern.compile(
			"(?m)^(\\d{2,}:)?[0-5]\\d:[0-5]\\d\\.\\d{3}[ \\t]+-->[ \\t]+(\\d{2,}:)?[0-5]\\d:[0-5]\\d\\.\\d{3}([ \\t].*)?$");

	private WebVtt() {
	}

	public static void check(byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			throw new InvalidInputException("captions", "The captions file is not UTF-8 text; save it as a WebVTT (.vtt) file in UTF-8.");
		}
		if (!SIGNATURE.matcher(text).find()) {
			throw new InvalidInputException("captions",
					"The captions file is not WebVTT: its first line must be \"WEBVTT\". Convert SRT captions to WebVTT first.");
		}
		if (!TIMING.matcher(text).find()) {
			throw new InvalidInputException("captions",
					"The captions file has no cue: add at least one timing line such as \"00:00:01.000 --> 00:00:04.000\".");
		}
	}
}
