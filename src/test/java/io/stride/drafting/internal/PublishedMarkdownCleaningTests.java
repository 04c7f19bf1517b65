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
	void frontMatterGivesTitleDescriptionAndAudienceAsOneLineOfText() {
		PublishedMarkdown.Page yaml = PublishedMarkdown.read("""
				---
				title: 'Release checklist'
				description: >-
				  What to check before
				  a release goes out.
				audience: "Release managers"
				tags: [release]
				---
				Ship on Tuesdays.
				""");
		assertThat(yaml.metadata()).containsEntry(ExtractedSource.TITLE, "Release checklist")
			.containsEntry(ExtractedSource.DESCRIPTION, "What to check before a release goes out.")
			.containsEntry(ExtractedSource.AUDIENCE, "Release managers")
			.doesNotContainKey("tags");
		assertThat(PublishedMarkdown.read("+++\ntitle = 'Release checklist'\nsummary = \"Checks before a release.\"\n+++\nShip.")
			.metadata()).containsEntry(ExtractedSource.DESCRIPTION, "Checks before a release.");
	}

	@Test
	void aSentenceThatAVariableStoodInGoesAndRemovedTagsLeaveNoGaps() {
		assertThat(PublishedMarkdown.clean("""
				Ask the duty lead first. Then call {{ page.owner }} for approval. Keep the ticket open.
				- Owner: {{ page.owner }}
				- Review the case {% if urgent %}within one hour{% endif %} of it arriving.
				{{ page.footer }}
				The rota is in the calendar {% comment %}see wiki{% endcomment %}.
				"""))
			.isEqualTo("""
				Ask the duty lead first. Keep the ticket open.
				- Review the case within one hour of it arriving.
				The rota is in the calendar.
				""");
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
