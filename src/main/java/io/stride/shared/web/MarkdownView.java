package io.stride.shared.web;

import io.stride.shared.Markdown;
import org.springframework.stereotype.Component;

/**
 * Lets templates render Markdown safely: {@code th:utext="${@markdown.html(text)}"}.
 */
@Component("markdown")
class MarkdownView {

	public String html(String markdown) {
		return Markdown.toSafeHtml(markdown);
	}
}
