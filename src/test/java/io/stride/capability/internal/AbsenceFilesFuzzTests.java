package io.stride.capability.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stride.support.FuzzSeeds;
import io.stride.support.Refusals;

/**
 * An absences file, CSV or iCalendar: read into entries (a bad row is an entry with its problem), or refused whole
 * with {@link AbsenceFiles.Unreadable}.
 */
class AbsenceFilesFuzzTests {

	@FuzzSeeds("AbsencesCsv")
	@FuzzTest(maxDuration = "15s")
	void csv(byte[] content) {
		Refusals.readOrRefuse(() -> AbsenceFiles.csv(content), AbsenceFiles.Unreadable.class);
	}

	@FuzzSeeds("AbsencesCalendar")
	@FuzzTest(maxDuration = "15s")
	void calendar(byte[] content) {
		Refusals.readOrRefuse(() -> AbsenceFiles.calendar(content), AbsenceFiles.Unreadable.class);
	}
}
