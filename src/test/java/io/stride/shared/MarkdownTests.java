package io.stride.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTests {

	@Test
	void rendersAuthorsFormatting() {
		String html = Markdown.toSafeHtml("# Steps\n\n1. **Stop**\n2. Report\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> Do not wait.");
		assertThat(html).contains("<h2>Steps</h2>", "<ol>", "<strong>Stop</strong>", "<table>", "<td>1</td>",
				"<blockquote>");
	}

	@Test
	void rawHtmlIsShownAsTextNotRun() {
		String html = Markdown.toSafeHtml("Hi <script>alert(1)</script> <img src=x onerror=alert(2)>");
		assertThat(html).doesNotContain("<script", "<img").contains("&lt;script&gt;");
	}

	@Test
	void javascriptLinksLoseTheirTarget() {
		assertThat(Markdown.toSafeHtml("[x](javascript:alert(1))")).doesNotContain("javascript:");
		assertThat(Markdown.toSafeHtml("[x](JaVaScRiPt:alert(1))")).doesNotContainIgnoringCase("javascript:");
		assertThat(Markdown.toSafeHtml("[docs](https://example.org/a)"))
			.contains("href=\"https://example.org/a\"", "rel=\"nofollow noopener\"");
	}

	@Test
	void emptyInputGivesEmptyOutput() {
		assertThat(Markdown.toSafeHtml(null)).isEmpty();
		assertThat(Markdown.toSafeHtml("  ")).isEmpty();
	}
}
