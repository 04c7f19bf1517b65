package io.stride.drafting.internal;

import java.util.concurrent.CompletableFuture;

import io.stride.drafting.SourceRejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParseSlotsTests {

	@Test
	void whenTheLineIsFullTheNextUploadIsToldAtOnceWhenToTryAgain() throws InterruptedException {
		ParseSlots slots = new ParseSlots(1, 5, 1);
		ParseSlots.Slot reading = slots.take("first.pdf");
		CompletableFuture<ParseSlots.Slot> waiting = CompletableFuture.supplyAsync(() -> slots.take("second.pdf"));
		for (int i = 0; i < 200 && slots.waiting() == 0; i++) {
			Thread.sleep(10);
		}

		long start = System.nanoTime();
		assertThatThrownBy(() -> slots.take("third.pdf")).isInstanceOfSatisfying(SourceRejected.class, refused -> {
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.retryAfterSeconds()).isEqualTo(30);
			assertThat(refused.getMessage())
				.isEqualTo("\"third.pdf\" was not read: Stride is reading 1 other document, with 1 more waiting. "
						+ "Nothing was saved; try again in 30 seconds.");
		});
		assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds, not the 5 s wait").isLessThan(1_000);

		reading.release();
		reading.release();
		ParseSlots.Slot second = waiting.join();
		assertThat(slots.free()).as("a slot given back twice counts once").isZero();
		second.release();
		assertThat(slots.free()).isEqualTo(1);
	}
}
