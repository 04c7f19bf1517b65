package io.stride.drafting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebVTT and SRT transcripts: timestamps, cue numbers and notes go; speaker names stay; filler words go.
 * Consecutive cues of the same speaker become one paragraph.
 */
final class Transcripts {

	private static final Pattern TIMING = Pattern
		.compile("^(\\d{1,2}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3}\\s*-->\\s*(\\d{1,2}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3}.*$");

	private static final Pattern VOICE = Pattern.compile("^<v(?:\\.[^ >]+)?\\s+([^>]+)>(.*?)(?:</v>)?$");

	private static final Pattern NAMED = Pattern.compile("^([\\p{Lu}][\\p{L}.'-]*(?:\\s[\\p{Lu}][\\p{L}.'-]*){0,3}):\\s+(.+)$");

	private static final Pattern FILLERS = Pattern.compile(
			"(?i)(?<![\\p{L}])(?:um+|uh+|erm+|er|hmm+|you know|i mean|sort of|kind of like|like,)(?![\\p{L}])[,.]?\\s*");

	private static final Pattern TAGS = Pattern.compile("<[^>]+>");

	private Transcripts() {
	}

	static ExtractedSource read(String name, String content) {
		List<String[]> cues = new ArrayList<>();
		String[] chunks = content.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "").split("\n\\s*\n");
		for (String chunk : chunks) {
			List<String> lines = new ArrayList<>(List.of(chunk.strip().split("\n")));
			if (lines.isEmpty() || lines.get(0).startsWith("WEBVTT") || lines.get(0).startsWith("NOTE")
					|| lines.get(0).startsWith("STYLE") || lines.get(0).startsWith("REGION")) {
				continue;
			}
			String time = null;
			List<String> text = new ArrayList<>();
			for (String line : lines) {
				String l = line.strip();
				if (TIMING.matcher(l).matches()) {
					time = l.substring(0, l.indexOf("-->")).strip();
				}
				else if (time != null && !l.isEmpty()) {
					text.add(l);
				}
			}
			if (time == null || text.isEmpty()) {
				continue;
			}
			String speaker = null;
			StringBuilder said = new StringBuilder();
			for (String l : text) {
				Matcher voice = VOICE.matcher(l);
				Matcher named = NAMED.matcher(l);
				if (voice.matches()) {
					speaker = voice.group(1).strip();
					l = voice.group(2);
				}
				else if (named.matches() && speaker == null) {
					speaker = named.group(1);
					l = named.group(2);
				}
				said.append(' ').append(TAGS.matcher(l).replaceAll(""));
			}
			cues.add(new String[] { speaker, clean(said.toString()), time });
		}
		BlockCollector out = new BlockCollector();
		String currentSpeaker = null;
		StringBuilder turn = new StringBuilder();
		String turnTime = null;
		int cueNumber = 0;
		int turnCue = 0;
		for (String[] cue : cues) {
			cueNumber++;
			if (cue[1].isBlank()) {
				continue;
			}
			boolean sameSpeaker = cue[0] == null || cue[0].equals(currentSpeaker);
			if (!sameSpeaker || turn.length() > 600) {
				flush(out, currentSpeaker, turn, turnCue, turnTime);
				turn.setLength(0);
			}
			if (turn.isEmpty()) {
				turnTime = cue[2];
				turnCue = cueNumber;
			}
			if (cue[0] != null) {
				currentSpeaker = cue[0];
			}
			turn.append(' ').append(cue[1]);
		}
		flush(out, currentSpeaker, turn, turnCue, turnTime);
		return out.build(name, 0);
	}

	private static void flush(BlockCollector out, String speaker, StringBuilder turn, int cue, String time) {
		String text = clean(turn.toString());
		if (text.isEmpty()) {
			return;
		}
		String said = speaker == null ? text : speaker + ": " + text;
		out.add(Block.Kind.PARAGRAPH, 0, false, said, null, null, null, "cue " + cue + " (" + time + ")");
	}

	static String clean(String text) {
		String cleaned = FILLERS.matcher(text).replaceAll("");
		cleaned = cleaned.replaceAll("\\s+([,.?!])", "$1").replaceAll("([,.?!])\\1+", "$1").replaceAll("^[,.\\s]+", "");
		cleaned = cleaned.replaceAll("\\s{2,}", " ").strip();
		if (!cleaned.isEmpty() && Character.isLowerCase(cleaned.codePointAt(0))) {
			cleaned = cleaned.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + cleaned.substring(1);
		}
		return cleaned;
	}
}
