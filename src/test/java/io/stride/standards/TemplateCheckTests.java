package io.stride.standards;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import io.stride.drafting.QualityPanel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of a template fires on a course that breaks it, with the message an author reads, and stays quiet
 * on one that keeps it.
 */
class TemplateCheckTests {

	static final CourseTemplate STRICT = new CourseTemplate("t", "Strict", "", EnumSet.allOf(RequiredPart.class), 50, 80, 2,
			3, List.of(new ToneTerm("utilize", "use"), new ToneTerm("in order to", "to"), new ToneTerm("synergy", "")),
			EnumSet.allOf(AccessibilityRule.class), false, 1, Instant.now());

	static final CourseTemplate LAX = new CourseTemplate("l", "Lax", "", EnumSet.noneOf(RequiredPart.class), null, null, 0,
			null, List.of(), EnumSet.noneOf(AccessibilityRule.class), false, 1, Instant.now());

	static final String GOOD_LESSON = """
			# Spot it

			Report an incident within one hour. Use the [incident form](https://example.org/form).

			## Who reports

			Anyone who sees it. ![The incident form, filled in](form.png)

			| Step | Who |
			|------|-----|
			| Report | You |

			Ask HR or the GDPR team. `DO NOT EDIT THIS` is code.
			""";

	@Test
	void aCourseThatKeepsTheTemplateHasNoFindings() {
		assertThat(Templates.check(STRICT, course(2, lesson("Spot it", GOOD_LESSON)))).isEmpty();
	}

	@Test
	void missingPartsAreNamed() {
		CourseToCheck bare = new CourseToCheck("Title", " ", List.of(" "), List.of(), 0);
		assertThat(messages(STRICT, bare)).containsExactly("Missing required part: objectives",
				"Missing required part: summary", "Missing required part: knowledge check");
		assertThat(Templates.check(STRICT, bare)).extracting(Finding::where)
			.containsExactly(Finding.Place.COURSE, Finding.Place.COURSE, Finding.Place.QUIZ);
		assertThat(Templates.check(LAX, bare)).isEmpty();
	}

	@Test
	void aQuizOutsideTheTemplatesRangeIsFlagged() {
		assertThat(messages(STRICT, course(1))).containsExactly("The quiz has 1 question; the template asks for at least 2");
		assertThat(messages(STRICT, course(4))).containsExactly("The quiz has 4 questions; the template allows at most 3");
		assertThat(messages(STRICT, course(3))).isEmpty();
	}

	@Test
	void lessonsAndCoursesOverTheirWordLimitsAreFlagged() {
		assertThat(messages(STRICT, course(2, lesson("Long", words(51))))).containsExactly(
				"Lesson 'Long' has 51 words; the template allows 50");
		assertThat(messages(STRICT, course(2, lesson("One", words(45)), lesson("Two", words(45))))).containsExactly(
				"The course has 90 words; the template allows 80");
		assertThat(messages(STRICT, course(2, lesson("One", words(50)), lesson("Two", words(30))))).isEmpty();
		assertThat(Templates.check(LAX, course(0, lesson("Long", words(5000))))).isEmpty();
	}

	@Test
	void theWordCountIsTheQualityPanels() {
		String markdown = "# Title\n\nSee [the form](https://example.org) and ![a chart](c.png) - then **act**.";
		assertThat(MarkdownChecks.words(markdown)).isEqualTo(QualityPanel.check("x", markdown, List.of()).words()).isEqualTo(8);
	}

	@Test
	void bannedTermsNameTheReplacementWhereverTheyAppear() {
		CourseToCheck course = new CourseToCheck("Utilize the form", "Report in order to learn.", List.of("Avoid synergy"),
				List.of(lesson("Forms", "We utilize forms. Underutilized forms and synergies are fine.")), 2);
		assertThat(messages(STRICT, course)).containsExactly("The title says 'Utilize': write 'use'",
				"The summary says 'in order to': write 'to'", "An objective says 'synergy': avoid it",
				"Lesson 'Forms' says 'utilize': write 'use'");
	}

	@Test
	void imagesNeedAlternativeText() {
		assertThat(messages(STRICT, course(2, lesson("Charts", "# Charts\n\n![](chart.png)\n\n![ ](map.png)")))).containsExactly(
				"Lesson 'Charts': an image (chart.png) has no alternative text",
				"Lesson 'Charts': an image (map.png) has no alternative text");
	}

	@Test
	void linkTextSaysWhereItGoes() {
		assertThat(messages(STRICT, course(2, lesson("Links", "Read the rules [click here](https://example.org/rules)."))))
			.containsExactly("Lesson 'Links': link text 'click here' says nothing about where the link goes");
	}

	@Test
	void headingsDoNotSkipLevels() {
		assertThat(messages(STRICT, course(2, lesson("Steps", "# Steps\n\nText.\n\n### Detail\n\nMore.")))).containsExactly(
				"Lesson 'Steps': heading level jumps from 1 to 3");
		assertThat(messages(STRICT, course(2, lesson("Steps", "### Detail\n\nText.\n\n### Another")))).containsExactly(
				"Lesson 'Steps': the first heading is level 3; start at level 1 (# Heading)");
		assertThat(messages(STRICT, course(2, lesson("Steps", "# A\n\n## B\n\n### C\n\n# D\n\n## E\n\nSetext\n------")))).isEmpty();
	}

	@Test
	void capitalsAreNotTheOnlyEmphasis() {
		assertThat(messages(STRICT, course(2, lesson("Passwords", "Never share it. DO NOT SHARE YOUR PASSWORD, EVER.")))).containsExactly(
				"Lesson 'Passwords': 'DO NOT SHARE YOUR PASSWORD, EVER' is emphasised by capitals alone; use bold and say why it matters");
		assertThat(messages(STRICT, course(2, lesson("Passwords", "Ask HR about the GDPR FAQ. Run `DO NOT RUN THIS`.")))).isEmpty();
	}

	@Test
	void tablesHaveAHeaderRow() {
		assertThat(messages(STRICT, course(2, lesson("Table", "|   |   |\n|---|---|\n| a | b |\n\nText.")))).containsExactly(
				"Lesson 'Table': a table has no header row");
		assertThat(messages(STRICT, course(2, lesson("Table", "| Step | Who |\n|---|---|\n| a | b |")))).isEmpty();
	}

	@Test
	void aLessonWithoutATitleIsNamedByItsPlace() {
		assertThat(Templates.check(STRICT, course(2, lesson("Fine", "Fine."), lesson("", "![](x.png)"))))
			.singleElement()
			.satisfies(finding -> {
				assertThat(finding.message()).isEqualTo("Lesson 2: an image (x.png) has no alternative text");
				assertThat(finding.where()).isEqualTo(Finding.Place.LESSON);
				assertThat(finding.lesson()).isEqualTo(1);
			});
	}

	@Test
	void rulesTheTemplateLeavesOutAreNotChecked() {
		CourseToCheck messy = new CourseToCheck("Utilize", "", List.of(), List.of(lesson("Messy",
				"### DO NOT DO THIS\n\n![](x.png) [here](https://example.org)\n\n| | |\n|-|-|\n|a|b|\n\n" + words(700))), 0);
		assertThat(Templates.check(LAX, messy)).isEmpty();
		assertThat(Templates.check(STRICT, messy)).hasSize(11);
	}

	@Test
	void oddTextIsCheckedQuickly() {
		String odd = "[a".repeat(40_000) + "![" + "x".repeat(50_000) + "\n" + "#".repeat(10_000) + " A B C ".repeat(5_000);
		long start = System.nanoTime();
		Templates.check(STRICT, course(2, lesson("Odd", odd)));
		// a pattern that backtracks on this text takes tens of seconds; the bound leaves room for a loaded machine
		// (it took ~0.2 s here, and over 2 s while other builds shared both cores)
		assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(8_000);
	}

	static List<String> messages(CourseTemplate template, CourseToCheck course) {
		return Templates.check(template, course).stream().map(Finding::message).toList();
	}

	static CourseToCheck course(int questions, CourseToCheck.Lesson... lessons) {
		return new CourseToCheck("Incident reports", "How we report incidents.", List.of("State the deadline"),
				List.of(lessons), questions);
	}

	static CourseToCheck.Lesson lesson(String title, String markdown) {
		return new CourseToCheck.Lesson(title, markdown);
	}

	static String words(int count) {
		return "word ".repeat(count).strip() + ".";
	}
}
