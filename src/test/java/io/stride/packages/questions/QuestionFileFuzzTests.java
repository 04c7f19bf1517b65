package io.stride.packages.questions;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stride.packages.PackageRejected;
import io.stride.shared.InvalidInputException;
import io.stride.support.FuzzSeeds;
import io.stride.support.Refusals;

/**
 * A question bank an author imports, GIFT text or QTI (an item's XML or a content package): read into items, or
 * refused whole with the reason ({@link InvalidInputException}, or {@link PackageRejected} for a zip that is no
 * package).
 */
class QuestionFileFuzzTests {

	@FuzzSeeds("Gift")
	@FuzzTest(maxDuration = "15s")
	void gift(byte[] content) {
		Refusals.readOrRefuse(() -> GiftReader.read(new String(content, StandardCharsets.UTF_8), QuestionBanks.MAX_ITEMS),
				InvalidInputException.class);
	}

	@FuzzSeeds("Qti")
	@FuzzTest(maxDuration = "15s")
	void qti(byte[] content) {
		boolean zip = content.length > 1 && content[0] == 'P' && content[1] == 'K';
		Refusals.readOrRefuse(() -> QtiReader.read(zip ? "bank.zip" : "item.xml", content, QuestionBanks.MAX_ITEMS),
				InvalidInputException.class, PackageRejected.class);
	}
}
