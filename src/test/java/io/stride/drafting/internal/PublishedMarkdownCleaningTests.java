package io.stride.drafting.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedMarkdownCleaningTests {

	@Test
	void tomlFrontMatterGivesTheTitleUnlessThePageHasOneOfItsOwn() {
		assertThat(PublishedMarkdown.clean("+++\ntitle = 'Release checklist'\ndraft = false\n+++\nShip on Tuesdays."))
			.isEqualTo("# Release checklist\n\nShip on Tuesdays.");
		assertThat(PublishedMarkdown.clean("---\ntitle: Old name\n---\n# Release checklist\n\nShip on Tuesdays."))
			.isEqualTo("# Release checklist\n\nShip on Tuesdays.");
	}

	@Test
	void codeAutolinksAndImagesKeepWhatAReaderShouldSee() {
		String cleaned = PublishedMarkdown.clean("""
				Write `{{ name }}` and `<br>` as shown.

				```
				{% if user %}<b>Hello</b>{% endif %}
				```

				Ask <https://support.example.org> or <help@example.org>.
				<img src="flow.png" alt="The approval flow"> <span>Approve first.</span>
				""");
		assertThat(cleaned).contains("`{{ name }}`", "`<br>`", "{% if user %}<b>Hello</b>{% endif %}",
				"<https://support.example.org>", "<help@example.org>", "The approval flow Approve first.")
			.doesNotContain("<img", "<span");
	}

	@Test
	void anUnclosedTagCostsNoMoreThanAShortScan() {
		String odd = "{{ ".repeat(50_000) + "<div ".repeat(20_000) + "[^".repeat(20_000);
		long start = System.nanoTime();
		PublishedMarkdown.clean(odd);
		// a pattern that backtracks over the whole text takes minutes here
		assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(8_000);
	}
}
