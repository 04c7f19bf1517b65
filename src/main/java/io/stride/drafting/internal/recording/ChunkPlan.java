package io.stride.drafting.internal.recording;

import java.util.ArrayList;
import java.util.List;

/**
 * Where to cut a long recording: each chunk at most {@code limit} long, ending in the middle of the last pause that
 * starts in its second half (or as late in a pause running over the limit as the limit allows), a hard cut at the
 * limit only where there is no pause; no chunk shorter than {@code shortest} unless the recording is.
 */
final class ChunkPlan {

	/** A pause, in milliseconds from the start; {@code end} is {@link Long#MAX_VALUE} for one lasting to the end. */
	record Silence(long start, long end) {
	}

	private ChunkPlan() {
	}

	static List<Media.Chunk> cut(long total, long limit, long shortest, List<Silence> silences) {
		List<Media.Chunk> chunks = new ArrayList<>();
		long start = 0;
		while (total - start > limit) {
			// the remainder must stay at least a second long; cutting in a chunk's first half would only make more
			long latest = Math.min(start + limit, total - shortest);
			long earliest = start + Math.max(shortest, limit / 2);
			long end = latest;
			long best = -1;
			for (Silence silence : silences) {
				long middle = silence.start() + (Math.min(silence.end(), total) - silence.start()) / 2;
				long at = Math.min(middle, latest);
				if (silence.start() <= at && at >= earliest && at > best) {
					best = at;
				}
			}
			end = best >= 0 ? best : end;
			chunks.add(new Media.Chunk(chunks.size(), start, end));
			start = end;
		}
		chunks.add(new Media.Chunk(chunks.size(), start, total));
		return chunks;
	}
}
