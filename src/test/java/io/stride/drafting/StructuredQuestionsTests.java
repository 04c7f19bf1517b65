package io.stride.drafting;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.stride.drafting.internal.Embedder;
import io.stride.drafting.internal.ExtractedSource;
import io.stride.drafting.internal.OfflineEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kind of a question follows the structure of its passage: small self-written passages, one per rule, and the
 * questions the offline engine makes of them (every candidate, before a draft picks the best).
 */
class StructuredQuestionsTests {

	static final OfflineEngine ENGINE = new OfflineEngine(new Embedder());

	@Test
	void aProcedureWrittenAsProseBecomesAnOrderingQuestionOfTheAuthorsOwnSteps() {
		List<DraftQuestion> questions = questions("""
				# Badges

				## Replacing a lost badge

				First, sign in to the security portal. Then open the Badges page. Next, choose the lost badge and mark it as lost. \
				Finally, request a replacement badge at the front desk.

				## Visitors

				Visitors wear a paper badge that the reception prints for them each morning.
				""");
		DraftQuestion ordering = only(questions, "ORDERING");
		assertThat(ordering.prompt()).isEqualTo("Put the steps for “Replacing a lost badge” in the right order.");
		assertThat(inOrder(ordering)).containsExactly("Sign in to the security portal", "Open the Badges page",
				"Choose the lost badge and mark it as lost", "Request a replacement badge at the front desk");
	}

	@Test
	void numberedStepsInsideAParagraphBecomeAnOrderingQuestion() {
		List<DraftQuestion> questions = questions("""
				# Parcels

				## Printing a label

				To print a shipping label: 1) open the Labels app, 2) choose the parcel size, and 3) press Print and stick the label on the box.

				## Collection

				The courier collects parcels from the loading bay every afternoon at four.
				""");
		assertThat(inOrder(only(questions, "ORDERING"))).containsExactly("Open the Labels app", "Choose the parcel size",
				"Press Print and stick the label on the box");
	}

	@Test
	void aListOfMembersOfACategoryBecomesAMultipleSelectWithNonMembersFromOtherLists() {
		List<DraftQuestion> questions = questions("""
				# Paying for things

				## Payment

				Approved payment methods include:

				- corporate card
				- bank transfer
				- purchase order

				Store vouchers are also approved payment methods for purchases under ten euros.

				## Travel

				You may travel by:

				- economy flight
				- standard rail ticket
				- store vouchers
				- shared airport taxi
				""");
		DraftQuestion question = questions.stream()
			.filter(q -> q.prompt().equals("Which of these are approved payment methods? Choose all that apply."))
			.findFirst()
			.orElseThrow();
		assertThat(question.kind()).isEqualTo("MULTIPLE_CHOICE");
		assertThat(picked(question)).containsExactlyInAnyOrder("corporate card", "bank transfer", "purchase order");
		assertThat(wrong(question)).hasSizeBetween(2, 3).allSatisfy(option -> assertThat(option)
			.isIn("economy flight", "standard rail ticket", "shared airport taxi"));
		// the text says store vouchers are approved too: never offered as a wrong answer
		assertThat(question.options()).doesNotContain("store vouchers");
		assertThat(question.citation().text()).startsWith("Approved payment methods include:");
	}

	@Test
	void whatAPolicyCoversIsAskedWithWhatTheTextSaysItDoesNotCoverAsWrongAnswers() {
		List<DraftQuestion> questions = questions("""
				# Expenses

				## Scope

				This policy applies to all staff. It covers:

				- hotel stays on business trips
				- rail tickets for business travel
				- conference fees

				It does not cover relocation costs, which have their own policy, or personal phone bills.

				## Claims

				Claims are paid with the monthly salary once the manager has approved them.
				""");
		DraftQuestion question = questions.stream()
			.filter(q -> q.prompt().equals("Which of these does this policy cover? Choose all that apply."))
			.findFirst()
			.orElseThrow();
		assertThat(picked(question)).containsExactlyInAnyOrder("hotel stays on business trips",
				"rail tickets for business travel", "conference fees");
		assertThat(wrong(question)).containsExactlyInAnyOrder("relocation costs", "personal phone bills");
	}

	@Test
	void threeOrMoreDefinitionsBecomeOneMatchingQuestionInsteadOfSingleOnes() {
		List<DraftQuestion> questions = questions("""
				# Claims

				## Terms

				- **Per diem** means a fixed daily allowance for meals while travelling.
				- **Cost centre** means the budget a cost is charged to.
				- **Approver** means the person who signs off a claim; usually this is your line manager and never yourself.

				## Paying

				Approved claims are paid with the next salary, on the 25th of the month.
				""");
		DraftQuestion matching = only(questions, "MATCHING");
		assertThat(matching.prompt()).isEqualTo("Match these terms from “Terms” with their meanings.");
		assertThat(pairs(matching)).containsExactlyInAnyOrder(
				"Per diem = A fixed daily allowance for meals while travelling",
				"Cost centre = The budget a cost is charged to",
				"Approver = The person who signs off a claim; usually this is your line manager and never yourself");
		assertThat(matching.correct()).isNotEqualTo(List.of(0, 1, 2));
		assertThat(questions).noneMatch(q -> q.prompt().startsWith("What does “"));
	}

	@Test
	void aGlossaryTableBecomesAMatchingQuestion() {
		List<DraftQuestion> questions = questions("""
				# Support

				## Glossary

				| Term | Definition |
				|---|---|
				| SLA | The response time promised to a customer in the contract |
				| Escalation | Passing a case to someone with more authority |
				| Backlog | The open cases nobody has started on yet |

				## Working hours

				The support desk is staffed from eight in the morning until six in the evening on working days.
				""");
		DraftQuestion matching = only(questions, "MATCHING");
		assertThat(pairs(matching)).containsExactlyInAnyOrder(
				"SLA = The response time promised to a customer in the contract",
				"Escalation = Passing a case to someone with more authority",
				"Backlog = The open cases nobody has started on yet");
	}

	@Test
	void twoDefinitionsAreNoMatchingQuestion() {
		List<DraftQuestion> questions = questions("""
				# Claims

				## Terms

				- **Per diem** means a fixed daily allowance for meals while travelling.
				- **Cost centre** means the budget a cost is charged to.

				## Paying

				Approved claims are paid with the next salary, on the 25th of the month.
				""");
		assertThat(questions).noneMatch(q -> q.kind().equals("MATCHING"));
	}

	@Test
	void aRuleWithAConditionBecomesAScenarioWithOtherActionsOfTheDocumentAsWrongAnswers() {
		List<DraftQuestion> questions = questions("""
				# Security

				## Incidents

				If a customer reports a data leak, call the Security Desk within 1 hour.
				Log every call in the ticket system before the end of your shift.
				Lock your screen whenever you leave your desk.
				Refunds are paid within 5 days of the request.

				## Refunds

				When a refund is disputed, the Service Manager reviews the payment record.
				The Service Manager approves refunds above 100 euros.
				The Finance Director signs the monthly refund report.
				If it rains, you may not park on the grass.
				""");
		DraftQuestion scenario = questions.stream()
			.filter(q -> q.prompt().equals("What should you do if a customer reports a data leak?"))
			.findFirst()
			.orElseThrow();
		assertThat(scenario.kind()).isEqualTo("SINGLE_CHOICE");
		assertThat(picked(scenario)).containsExactly("Call the Security Desk within 1 hour");
		// the same action with the document's other deadline, and another of its actions
		assertThat(wrong(scenario)).contains("Call the Security Desk within 5 days")
			.anyMatch(o -> o.startsWith("Log every call") || o.startsWith("Lock your screen"));

		DraftQuestion someone = questions.stream()
			.filter(q -> q.prompt().equals("What does the Service Manager do when a refund is disputed?"))
			.findFirst()
			.orElseThrow();
		assertThat(picked(someone)).containsExactly("Reviews the payment record");
		assertThat(wrong(someone)).contains("Approves refunds above 100 euros");
		// a prohibition with a pronoun for its condition is left alone
		assertThat(questions).noneMatch(q -> q.prompt().contains("rains"));
	}

	@Test
	void aDeadlineBecomesANumericQuestionAskedAsAQuestion() {
		List<DraftQuestion> questions = questions("""
				# Privacy

				## Breaches

				Suspected breaches must be reported to the Privacy Team within 2 hours.
				Keep signed consent forms for 7 years.
				Claims submitted after 90 days will be rejected by the finance team.

				## Training

				Every new colleague completes the privacy course within 14 days of their first day.
				""");
		DraftQuestion breach = numeric(questions, "Within how many hours must suspected breaches be reported to the Privacy Team?");
		assertThat(breach.numeric()).isEqualTo(new DraftQuestion.Numeric(new BigDecimal("2"), BigDecimal.ZERO, "hours"));
		assertThat(breach.options()).isEmpty();
		assertThat(numeric(questions, "For how many years must you keep signed consent forms?").numeric().value()).isEqualByComparingTo("7");
		assertThat(numeric(questions, "Within how many days of their first day does every new colleague complete the privacy course?")
			.numeric().unit()).isEqualTo("days");
		// the figure sits in the subject: no clean question, so none
		assertThat(questions).noneMatch(q -> q.kind().equals("NUMERIC") && q.prompt().contains("90"));
		assertThat(questions).filteredOn(q -> q.kind().equals("NUMERIC")).noneMatch(q -> q.prompt().contains("after"));
	}

	@Test
	void structuredQuestionsOutrankABlankOnTheSamePassageAndCarryTheirScore() {
		List<DraftQuestion> questions = questions("""
				# Privacy

				## Breaches

				Suspected breaches must be reported to the Privacy Team within 2 hours.
				Minor incidents must be logged by the Service Desk within 3 days.
				The Privacy Team reviews every report within 5 working days of receiving it.
				""");
		assertThat(questions).filteredOn(q -> q.kind().equals("NUMERIC")).isNotEmpty()
			.allSatisfy(q -> assertThat(q.score()).isBetween(0.0, 1.0));
		assertThat(questions).noneMatch(q -> q.prompt().contains("_____") && q.citation().text().startsWith("Suspected breaches"));
	}

	// helpers

	private static List<DraftQuestion> questions(String markdown) {
		SourceFile file = new SourceFile("passage.md", markdown.getBytes(StandardCharsets.UTF_8));
		ExtractedSource source = DraftingQualityTests.READER.read(file);
		List<DraftQuestion> questions = ENGINE.alternatives(source, null, 500);
		questions.forEach(q -> DraftingQualityTests.assertQuestion(q, source));
		return questions;
	}

	private static DraftQuestion only(List<DraftQuestion> questions, String kind) {
		List<DraftQuestion> ofKind = questions.stream().filter(q -> q.kind().equals(kind)).toList();
		assertThat(ofKind).as(kind + " in " + questions.stream().map(DraftQuestion::prompt).toList()).hasSize(1);
		return ofKind.get(0);
	}

	private static DraftQuestion numeric(List<DraftQuestion> questions, String prompt) {
		return questions.stream()
			.filter(q -> q.kind().equals("NUMERIC") && q.prompt().equals(prompt))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no “" + prompt + "” in "
					+ questions.stream().filter(q -> q.kind().equals("NUMERIC")).map(DraftQuestion::prompt).toList()));
	}

	private static List<String> inOrder(DraftQuestion ordering) {
		return ordering.correct().stream().map(ordering.options()::get).toList();
	}

	private static List<String> picked(DraftQuestion question) {
		return question.correct().stream().map(question.options()::get).toList();
	}

	private static List<String> wrong(DraftQuestion question) {
		List<String> wrong = new ArrayList<>();
		for (int i = 0; i < question.options().size(); i++) {
			if (!question.correct().contains(i)) {
				wrong.add(question.options().get(i));
			}
		}
		return wrong;
	}

	private static List<String> pairs(DraftQuestion matching) {
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < matching.options().size(); i++) {
			pairs.add(matching.options().get(i) + " = " + matching.matches().get(matching.correct().get(i)));
		}
		return pairs;
	}
}
