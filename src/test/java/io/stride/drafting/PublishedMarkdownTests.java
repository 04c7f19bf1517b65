package io.stride.drafting;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.stride.drafting.DraftingQualityTests.DRAFTING;
import static io.stride.drafting.DraftingQualityTests.corpus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markdown as handbooks publish it: front matter, template tags, raw HTML, footnotes and in-page anchors. None of it
 * is content; the front matter's title is the course's title.
 */
class PublishedMarkdownTests {

	@Test
	void frontMatterGivesTheTitleAndMarkupNeverBecomesContent() throws IOException {
		CourseDraft draft = DRAFTING.draft(List.of(corpus("published-handbook-page.md")), null);

		assertThat(draft.title()).isEqualTo("Handling a customer escalation");
		List<String> texts = new ArrayList<>();
		texts.add(draft.title());
		texts.add(draft.summary());
		texts.addAll(draft.objectives());
		for (DraftModule module : draft.modules()) {
			texts.add(module.title());
			module.lessons().forEach(lesson -> {
				texts.add(lesson.title());
				texts.add(lesson.markdown());
			});
			module.knowledgeCheck().forEach(q -> texts.add(q.prompt() + " " + String.join(" | ", q.options())));
		}
		draft.quiz().forEach(q -> texts.add(q.prompt() + " " + String.join(" | ", q.options())));
		assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain("{%", "%}", "{{", "}}", "title:", "weight:",
				"<div", "</", "[^1]", "localhost/#", "](#"));
		assertThat(String.join("\n", texts)).contains("confirms the impact", "30 minutes", "4 hours")
			.contains("Escalations from partners follow the same process.");
	}

	@Test
	void frontMatterDescriptionIsTheSummaryAndASentenceMissingItsVariableGoes() throws IOException {
		CourseDraft draft = DRAFTING.draft(List.of(corpus("published-handbook-page.md")), null);

		assertThat(draft.summary()).isEqualTo("How the support team takes an escalated case from first call to closure.");
		StringBuilder lessons = new StringBuilder();
		draft.modules().forEach(m -> m.lessons().forEach(l -> lessons.append(l.markdown()).append('\n')));
		// "See the duty rota for who is on duty, and {{ site.data.team.lead }} for the current lead." has a hole
		assertThat(lessons.toString()).doesNotContain("for the current lead", "  ")
			.contains("The support lead on duty accepts every escalation within **30 minutes** of it arriving in the queue.");
	}
}
