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

	@Test
	void imagesAreKeptOnlyFromUploadedMedia() {
		String html = Markdown.toSafeHtml("![The pipeline by stage](/media/3f2a-77 \"Pipeline\")\n\n"
				+ "![tracker](https://evil.example/pixel.png) ![local](/files/x.png) ![up](/media/../admin)");
		assertThat(html).contains("<img src=\"/media/3f2a-77\" alt=\"The pipeline by stage\" title=\"Pipeline\"",
				"loading=\"lazy\"");
		assertThat(html).doesNotContain("evil.example", "/files/x.png", "/media/../admin");
		assertThat(html.split("<img", -1)).hasSize(2);
	}

	@Test
	void anUploadedVideoPlaysWithItsCaptionsTrack() {
		String html = Markdown.toSafeHtml("Watch first:\n\n![Video: The EBR in five minutes](/media/abc-123)");
		assertThat(html).contains("<video controls preload=\"metadata\" src=\"/media/abc-123\"",
				"aria-label=\"The EBR in five minutes\"",
				"<track kind=\"captions\" src=\"/media/abc-123/captions\" srclang=\"en\" label=\"English\" default>",
				"<a href=\"/media/abc-123\"").doesNotContain("<img");
		assertThat(Markdown.toSafeHtml("![Video: elsewhere](https://evil.example/v.mp4)")).doesNotContain("<video", "evil");
	}

	@Test
	void alertsBecomeCalloutsWithALabel() {
		String html = Markdown.toSafeHtml("> [!WARNING]\n> Never share the **customer's** data.\n\n> [!tip] Ask first.\n\n> Just a quote.")
			.replace("\n", "");
		assertThat(html).contains("<div class=\"callout callout-warning\" role=\"note\" aria-label=\"Warning\">"
				+ "<p class=\"callout-label\">Warning</p><p>Never share the <strong>customer's</strong> data.</p></div>");
		assertThat(html).contains("<div class=\"callout callout-tip\" role=\"note\" aria-label=\"Tip\">"
				+ "<p class=\"callout-label\">Tip</p><p>Ask first.</p></div>");
		assertThat(html).contains("<blockquote><p>Just a quote.</p></blockquote>").doesNotContain("[!");
	}

	@Test
	void hostileMarkdownAroundMediaIsStillSanitized() {
		String html = Markdown.toSafeHtml("![x\" onerror=\"alert(1)](/media/abc)\n\n"
				+ "![y](/media/abc\" onload=\"alert(2))\n\n"
				+ "![Video: <script>alert(3)</script>](/media/abc)\n\n"
				+ "> [!NOTE]\n> <img src=x onerror=alert(4)> [link](javascript:alert(5))\n\n"
				+ "<video src=/media/abc onplay=alert(6)></video>");
		assertThat(html).doesNotContainIgnoringCase("javascript:").doesNotContain("<script", "onplay=\"", "style=");
		org.jsoup.nodes.Document parsed = org.jsoup.Jsoup.parseBodyFragment(html);
		assertThat(parsed.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
			.map(org.jsoup.nodes.Attribute::getKey)).noneMatch(key -> key.startsWith("on"));
		assertThat(parsed.select("img, video").eachAttr("src")).allMatch(src -> src.matches("/media/[A-Za-z0-9-]+"));
	}
}
