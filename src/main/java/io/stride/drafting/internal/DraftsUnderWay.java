package io.stride.drafting.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.stride.drafting.SourceRejected;
import io.stride.identity.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many drafts each person has under way on this node, from reading the first file to the stored draft. One
 * person's flood of large drafts held both cores for minutes; a few at a time is all an author needs.
 */
@Component
public class DraftsUnderWay {

	public static final int RETRY_AFTER_SECONDS = 30;

	private final int perPerson;

	private final Map<PersonId, Integer> counts = new ConcurrentHashMap<>();

	public DraftsUnderWay(@Value("${stride.drafting.drafts-per-person:2}") int perPerson) {
		this.perPerson = Math.max(1, perPerson);
	}

	/** One draft under way; finish it exactly once, whether it was kept or failed. */
	public final class Draft implements AutoCloseable {

		private final PersonId person;

		private final AtomicBoolean open = new AtomicBoolean(true);

		private Draft(PersonId person) {
			this.person = person;
		}

		@Override
		public void close() {
			if (open.compareAndSet(true, false)) {
				counts.computeIfPresent(person, (who, count) -> count <= 1 ? null : count - 1);
			}
		}
	}

	/** Starts a draft for the person, or refuses it with 429 while they have as many under way as allowed. */
	public Draft begin(PersonId person) {
		boolean[] admitted = { false };
		counts.compute(person, (who, count) -> {
			int now = count == null ? 0 : count;
			if (now >= perPerson) {
				return now;
			}
			admitted[0] = true;
			return now + 1;
		});
		if (!admitted[0]) {
			throw new SourceRejected(429, "input", "was not drafted: you already have " + perPerson + " draft"
					+ (perPerson == 1 ? "" : "s") + " under way. Wait for " + (perPerson == 1 ? "it" : "one")
					+ " to finish, then try again.", RETRY_AFTER_SECONDS);
		}
		return new Draft(person);
	}

	public int underWay(PersonId person) {
		return counts.getOrDefault(person, 0);
	}
}
