package io.stride.drafting.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stride.drafting.Citation;
import io.stride.drafting.CourseDraft;
import io.stride.drafting.DraftLesson;
import io.stride.drafting.DraftQuestion;
import io.stride.support.ChatStub;
import io.stride.support.ChatStub.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks a model's answer passes, one rule at a time: ordering keys that follow the quote, true/false statements
 * held against their quote, wrong options the text does not state, stems that do not give the answer away, quotes
 * long enough to mean something, and a long module sent in parts.
 */
class ModelAnswerChecksTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SOURCE = """
			# Handling a refund request

			## Who approves a refund

			The account executive approves refunds up to EUR 500 within 30 days of purchase.
			Refunds above EUR 500 go to the sales manager for approval.
			The finance team pays approved refunds within 5 working days.

			## Steps for every refund

			1. Confirm receipt of the request on the same day.
			2. Check the purchase date and the amount against the invoice.
			3. Tell the customer the decision within 2 working days.
			4. Close the case.

			## Keeping records of refunds

			Every refund is recorded in the billing system by the account executive.
			Refund records are kept for 7 years so that the auditors can check them.
			""";

	private static final ExtractedSource SOURCE_TEXT = new SourceReader(20 << 20, 300, 600_000, 30).readText(SOURCE);

	private static final CourseDraft OFFLINE = new OfflineEngine(new Embedder()).draft(List.of(SOURCE_TEXT));

	private static Citation quote(String text) {
		int at = SOURCE_TEXT.text().indexOf(text);
		return new Citation(SOURCE_TEXT.name(), "text", at, at + text.length(), text);
	}

	@Test
	void anOrderingKeyMustFollowTheOrderOfItsQuote() {
		Citation steps = quote("Check the purchase date and the amount against the invoice.");
		List<String> options = List.of("the amount", "the purchase date", "the invoice");

		assertThat(ModelAnswers.answerInCitation("ORDERING", options, List.of(1, 0, 2), steps)).isTrue();
		assertThat(ModelAnswers.answerInCitation("ORDERING", options, List.of(0, 1, 2), steps)).isFalse();
		assertThat(ModelAnswers.answerInCitation("ORDERING", options, List.of(1, 2, 0), steps)).isFalse();
	}

	@Test
	void aTrueStatementMustStandInItsQuoteAndAFalseOneMustTwistIt() {
		Citation pays = quote("The finance team pays approved refunds within 5 working days.");

		assertThat(ModelAnswers.statementHolds("The finance team pays approved refunds within 5 working days", true, pays))
			.isTrue();
		assertThat(ModelAnswers.statementHolds("The finance team pays approved refunds within 10 working days.", true, pays))
			.isFalse();
		// keyed False: a twist of the quote is a fair statement; the quote itself, or a new claim, is not
		assertThat(ModelAnswers.statementHolds("The finance team pays approved refunds within 10 working days.", false, pays))
			.isTrue();
		assertThat(ModelAnswers.statementHolds("The finance team pays approved refunds within 5 working days.", false, pays))
			.isFalse();
		assertThat(ModelAnswers.statementHolds("Customers may ask for a voucher instead of cash.", false, pays)).isFalse();
	}

	@Test
	void aWrongOptionTheTextStatesOrThatIsAKeyInOtherWordsIsRefused() {
		String quote = "Refunds above EUR 500 go to the sales manager for approval.";
		String module = SOURCE_TEXT.text();

		assertThat(ModelAnswers.wrongOptionsAllowed(List.of("The sales manager", "The account executive", "The finance team"),
				List.of(0), quote, module)).isTrue();
		// the quote states it: it may well be right
		assertThat(ModelAnswers.wrongOptionsAllowed(List.of("The sales manager", "EUR 500"), List.of(0), quote, module))
			.isFalse();
		// a statement found elsewhere in the module
		assertThat(ModelAnswers.wrongOptionsAllowed(List.of("The sales manager", "kept for 7 years"), List.of(0), quote,
				module)).isFalse();
		// a plural of the key
		assertThat(ModelAnswers.wrongOptionsAllowed(List.of("The sales manager", "The sales managers"), List.of(0), quote,
				module)).isFalse();
	}

	@Test
	void aStemThatNamesTheKeyOrListsTheStepsGivesTheAnswerAway() {
		assertThat(ModelAnswers.givesAway("SINGLE_CHOICE", "Does the sales manager approve refunds above EUR 500?",
				List.of("The sales manager", "The finance team"), List.of(0))).isTrue();
		assertThat(ModelAnswers.givesAway("SINGLE_CHOICE", "Who approves refunds above EUR 500?",
				List.of("The sales manager", "The finance team"), List.of(0))).isFalse();
		List<String> steps = List.of("Confirm receipt", "Check the amount", "Tell the customer");
		assertThat(ModelAnswers.givesAway("ORDERING", "First confirm receipt, then check the amount: put the steps in order.",
				steps, List.of(0, 1, 2))).isTrue();
		assertThat(ModelAnswers.givesAway("ORDERING", "Put the refund steps in order.", steps, List.of(0, 1, 2))).isFalse();
	}

	@Test
	void aHybridDistractorIsCheckedAgainstTheWholeModuleAndTheKey() {
		ModuleSlice first = ModuleSlice.of(OFFLINE, List.of(SOURCE_TEXT)).get(0).orElseThrow();
		Citation passage = quote("Refunds above EUR 500 go to the sales manager for approval.");
		DraftQuestion original = new DraftQuestion("q1", "SINGLE_CHOICE", "Who approves a refund above EUR 500?",
				List.of("The sales manager", "The head of sales", "The customer"), List.of(0), "As the policy says.",
				passage);

		assertThat(QuestionRewriting.checked(original, rewrite("The regional director", "A team lead"), first.moduleText()))
			.isNotNull();
		assertThat(QuestionRewriting.checked(original, rewrite("The sales managers", "A team lead"), first.moduleText()))
			.isNull();
		assertThat(QuestionRewriting.checked(original,
				rewrite("The finance team pays approved refunds", "A team lead"), first.moduleText())).isNull();
	}

	private static JsonNode rewrite(String wrong, String otherWrong) {
		return JSON.valueToTree(Map.of("id", "q1", "prompt", "A customer asks for EUR 800 back. Who decides?", "options",
				List.of("The sales manager", wrong, otherWrong)));
	}

	@Test
	void aQuoteOfFewerThanFourWordsCountsOnlyAsAWholeBlock() {
		ModuleSlice steps = ModuleSlice.of(OFFLINE, List.of(SOURCE_TEXT)).get(1).orElseThrow();

		assertThat(steps.locate("the same day.")).isEmpty();
		assertThat(steps.locate("Confirm receipt of the request on the same day.")).isPresent();
		Optional<Citation> item = steps.locate("Close the case.");
		assertThat(item).hasValueSatisfying(c -> assertThat(SOURCE_TEXT.text().substring(c.start(), c.end()))
			.isEqualTo("Close the case."));
	}

	@Test
	void aModuleLongerThanTheLimitIsSentInPartsCutBetweenItsLessonsPassages() {
		ModuleSlice module = ModuleSlice.of(OFFLINE, List.of(SOURCE_TEXT)).get(1).orElseThrow();
		int limit = 70;
		assertThat(module.parts(module.characters())).containsExactly(module);
		List<ModuleSlice> parts = module.parts(limit);
		assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.characters()).isLessThanOrEqualTo(limit));
		for (int i = 1; i < parts.size(); i++) {
			assertThat(parts.get(i).start()).isGreaterThanOrEqualTo(parts.get(i - 1).end());
		}
		// every lesson's passage of the module is in one of its parts
		module.offline()
			.lessons()
			.stream()
			.flatMap(l -> l.citations().stream())
			.forEach(c -> assertThat(parts).anyMatch(p -> p.holds(c)));
	}

	@Test
	void eachPartOfALongModuleIsAskedForAndTheLessonsAreJoinedInOrder() {
		Pattern firstBlock = Pattern.compile("\\[@\\d+ \\w+\\] ([^\\n]+)");
		List<String> asked = Collections.synchronizedList(new ArrayList<>());
		try (ChatStub stub = new ChatStub()) {
			stub.answer(request -> {
				String user = request.user();
				asked.add(user.substring(0, user.indexOf(" of a course")));
				Matcher first = firstBlock.matcher(user);
				String quote = first.find() ? first.group(1).strip() : "none";
				return Reply.ok(JSON.writeValueAsString(Map.of("title", "Approvals", "takeaways", List.of(), "lessons",
						List.of(Map.of("title", "Part lesson", "markdown", quote, "sourceQuote", quote)), "questions", List.of(),
						"quizQuestions", List.of())));
			});
			LlmSettings settings = LlmSettings.of(true, stub.url(), "stub-model", "", 5);
			ModuleSlice module = ModuleSlice.of(OFFLINE, List.of(SOURCE_TEXT)).get(1).orElseThrow();
			List<ModuleSlice> parts = module.parts(70);
			LlmEngine.Attempts attempts = new LlmEngine.Attempts(Instant.now().plus(Duration.ofMinutes(1)), (step, stage) -> {
			});

			ModuleDrafting.Outcome outcome = new ModuleDrafting(new ChatCompletions(settings, JSON), 70).draft(module, attempts);

			assertThat(parts).hasSizeGreaterThan(1);
			assertThat(outcome.byModel()).isTrue();
			assertThat(asked).hasSize(parts.size()).allMatch(a -> a.startsWith("Module 2 of " + module.count() + " (part "));
			List<DraftLesson> lessons = outcome.module().lessons();
			assertThat(lessons).hasSize(parts.size());
			for (int i = 0; i < parts.size(); i++) {
				assertThat(parts.get(i).holds(lessons.get(i).citations().get(0))).isTrue();
			}
		}
	}
}
