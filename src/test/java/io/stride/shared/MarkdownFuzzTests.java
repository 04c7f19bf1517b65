package io.stride.shared;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stride.support.FuzzSeeds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson's Markdown is written by authors and shown to everyone: whatever it holds, rendering never fails and
 * nothing that runs script comes out.
 */
class MarkdownFuzzTests {

	private static final Set<String> ACTIVE = Set.of("script", "iframe", "object", "embed", "style", "form", "base",
			"meta", "link", "svg", "math");

	@FuzzSeeds("Markdown")
	@FuzzTest(maxDuration = "15s")
	void lessonMarkdownRendersToSafeHtml(byte[] input) {
		String markdown = new String(input, StandardCharsets.UTF_8);
		for (Element element : Jsoup.parseBodyFragment(Markdown.toSafeHtml(markdown)).body().getAllElements()) {
			assertThat(ACTIVE).as("element in rendered Markdown").doesNotContain(element.normalName());
			for (Attribute attribute : element.attributes()) {
				assertThat(attribute.getKey().toLowerCase(Locale.ROOT)).as("attribute of <%s>", element.normalName())
					.doesNotStartWith("on");
				assertThat(attribute.getValue().strip().toLowerCase(Locale.ROOT)).as("attribute %s", attribute.getKey())
					.doesNotStartWith("javascript:")
					.doesNotStartWith("data:");
			}
		}
	}
}
