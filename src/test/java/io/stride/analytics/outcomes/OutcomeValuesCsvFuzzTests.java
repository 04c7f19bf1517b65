package io.stride.analytics.outcomes;

import java.time.LocalDate;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stride.shared.InvalidInputException;
import io.stride.support.FuzzSeeds;
import io.stride.support.Refusals;

/** An outcome's values file: read into values by period, or refused whole with a message per bad line. */
class OutcomeValuesCsvFuzzTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	@FuzzSeeds("OutcomeValuesCsv")
	@FuzzTest(maxDuration = "15s")
	void values(byte[] content) {
		OutcomeMetric.Granularity[] granularities = OutcomeMetric.Granularity.values();
		OutcomeMetric.Granularity granularity = granularities[content.length % granularities.length];
		Refusals.readOrRefuse(() -> OutcomeValuesCsv.parse(content, granularity, TODAY), InvalidInputException.class,
				OutcomeImportTooLarge.class);
	}
}
