package io.stride.drafting;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.stride.drafting.internal.ExtractedSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline engine's choice of questions on passages written for these tests: what a question may be built
 * from, what its wrong answers may be, how the draft is balanced, and what it reports as not tested.
 */
class QuestionSelectionTests {

	static final Pattern MARKUP = Pattern.compile("\\*\\*|\\{\\{|}}|\\{%|</?[a-zA-Z][^>]*>|\\[[^\\]]*]\\([^)]*\\)|\\||^#{1,6}\\s");

	static final Set<String> ROLES = Set.of("finance operations", "cost centre manager", "department head", "finance director",
			"internal audit", "travel desk");

	static final Pattern DURATION = Pattern.compile("(?i)\\d+\\s+(?:working\\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)");

	/** A policy in Markdown: roles, durations, a list lead-in, fragment list items, plurals of one another. */
	static final String POLICY = """
			# Travel Claims

			## Who does what

			Finance Operations checks the receipts and pays approved claims in the next monthly payroll run.
			Your Cost Centre Manager reviews each claim within 5 working days.
			The Department Head approves any premium economy flight before it is booked.
			The Finance Director approves premium economy flights when the Department Head is away.
			The Finance Director approves claims above EUR 1,000 as a second approver.
			Internal Audit reviews a sample of paid claims every quarter.
			The Travel Desk books all flights and hotels for trips longer than 3 days.

			## Deadlines

			Submit every claim within 30 days of the date the cost was incurred.
			Corporate card transactions must be reconciled within 10 working days of the statement date.
			Lost receipts must be reported within 7 days on the Missing Receipt Form.
			Claims submitted after 90 days are rejected unless the Finance Director grants an exception.
			Suspected fraud must be reported to Internal Audit within 24 hours.
			Hotel bookings must be cancelled at least 48 hours before arrival to avoid a fee.

			## Before you travel

			Before you travel, check the following:

			- hotel and accommodation
			- rail and air tickets
			- meals and client entertainment

			## Cards and claims

			The corporate card is for business costs only and must never be used for private purchases.
			A card that is lost or stolen must be blocked through the Travel Desk within 1 hour.
			One claim may hold several receipts, but each receipt belongs to one claim only.
			Claims for mileage are paid at EUR 0.30 per kilometre, up to a maximum of 400 km per trip.
			""";

	/** A plain text note with template tags, HTML and a table line that must never reach a question. */
	static final String MARKED_UP = """
			Expense notes for the sales team

			Use the {{ site.portal }} portal to file a claim within 5 days of your return from a trip.
			The <b>Travel Desk</b> books flights at least 14 days before departure for every trip abroad.
			| Claim type | Limit | Approver |
			Finance Operations pays approved claims within 10 days of approval by the Cost Centre Manager.
			The Cost Centre Manager reviews each claim within 3 days of its submission in the portal.
			Internal Audit checks a sample of paid claims every 30 days and reports to the Finance Director.
			The Finance Director approves every claim above EUR 1,000 within 2 days of the first approval.
			""";

	static CourseDraft policy;

	static ExtractedSource policySource;

	@BeforeAll
	static void draftThePolicy() throws Exception {
		SourceFile file = new SourceFile("travel-claims.md", POLICY.getBytes(StandardCharsets.UTF_8));
		policy = DraftingQualityTests.DRAFTING.draft(List.of(file), null);
		policySource = DraftingQualityTests.READER.read(file);
	}

	@Test
	void noStemOrAnswerIsMarkupAFragmentOrAListLeadIn() throws Exception {
		SourceFile file = new SourceFile("expense-notes.txt", MARKED_UP.getBytes(StandardCharsets.UTF_8));
		CourseDraft draft = DraftingQualityTests.DRAFTING.draft(List.of(file), null);
		for (CourseDraft d : List.of(draft, policy)) {
			assertThat(d.allQuestions()).isNotEmpty().allSatisfy(q -> {
				assertThat(MARKUP.matcher(q.prompt()).find()).as("markup in " + q.prompt()).isFalse();
				assertThat(q.options()).as(q.prompt()).noneMatch(o -> MARKUP.matcher(o).find());
				assertThat(q.citation().text().strip()).as("list lead-in cited by " + q.prompt()).doesNotEndWith(":");
				assertThat(q.prompt()).doesNotContain("the following");
			});
		}
		// the list items "hotel and accommodation" etc. have no verb: never a blank or a statement on their own
		assertThat(policy.allQuestions())
			.noneMatch(q -> q.citation().text().equals("hotel and accommodation") && !q.kind().equals("MULTIPLE_CHOICE"));
	}

	@Test
	void wrongAnswersAreOfTheAnswersKindAndNeverAPluralOrNearDuplicate() {
		List<DraftQuestion> single = policy.allQuestions().stream().filter(q -> q.kind().equals("SINGLE_CHOICE")).toList();
		assertThat(single).isNotEmpty();
		boolean roleAsked = false;
		boolean durationAsked = false;
		for (DraftQuestion q : single) {
			String key = q.options().get(q.correct().get(0));
			if (ROLES.contains(key.toLowerCase(Locale.ROOT))) {
				roleAsked = true;
				assertThat(q.options()).as("a role for a role: " + q.prompt())
					.allSatisfy(o -> assertThat(ROLES).contains(o.toLowerCase(Locale.ROOT)));
			}
			if (DURATION.matcher(key).matches()) {
				durationAsked = true;
				assertThat(q.options()).as("a duration for a duration: " + q.prompt())
					.allSatisfy(o -> assertThat(o).matches(DURATION));
			}
			for (String a : q.options()) {
				for (String b : q.options()) {
					String x = a.toLowerCase(Locale.ROOT);
					String y = b.toLowerCase(Locale.ROOT);
					if (!x.equals(y)) {
						assertThat(x).as("near-duplicate options in " + q.prompt()).isNotEqualTo(y + "s").isNotEqualTo(y + "es");
						assertThat(x.contains(y) && y.length() > 3).as("'" + b + "' inside '" + a + "' in " + q.prompt()).isFalse();
					}
				}
			}
		}
		assertThat(roleAsked).as("a question whose answer is a role").isTrue();
		assertThat(durationAsked).as("a question whose answer is a duration").isTrue();
	}

	@Test
	void aWrongAnswerIsNeverSomethingTheDocumentSaysIsTrue() {
		for (DraftQuestion q : policy.allQuestions()) {
			if (q.kind().equals("SINGLE_CHOICE") && q.citation().text().contains("premium economy flight before")
					&& q.options().get(q.correct().get(0)).equals("Department Head")) {
				// the Finance Director approves these flights too, when the Department Head is away
				assertThat(q.options()).as(q.prompt()).doesNotContain("Finance Director");
			}
			if (q.kind().equals("TRUE_FALSE") && q.correct().equals(List.of(1))) {
				String statement = q.prompt().replaceFirst("^True or false: “", "").replaceFirst("”$", "");
				assertThat(POLICY).as("a false statement is not in the source: " + statement).doesNotContain(statement);
			}
		}
	}

	@Test
	void trueFalseAnswersAreBalancedAndNoAnswerIsTheKeyMoreThanTwice() {
		List<DraftQuestion> statements = policy.allQuestions().stream().filter(q -> q.kind().equals("TRUE_FALSE")).toList();
		assertThat(statements).hasSizeGreaterThanOrEqualTo(2);
		long keyedFalse = statements.stream().filter(q -> q.correct().equals(List.of(1))).count();
		assertThat(Math.abs(statements.size() - 2 * keyedFalse)).as("true vs false").isLessThanOrEqualTo(1);
		assertThat(statements.size()).as("true/false is not most of the draft").isLessThanOrEqualTo(policy.allQuestions().size() / 2);
		Map<String, Integer> keys = new HashMap<>();
		policy.allQuestions().stream()
			.filter(q -> q.kind().equals("SINGLE_CHOICE"))
			.forEach(q -> keys.merge(q.options().get(q.correct().get(0)).toLowerCase(Locale.ROOT), 1, Integer::sum));
		assertThat(keys).allSatisfy((key, count) -> assertThat(count).as(key).isLessThanOrEqualTo(2));
	}

	@Test
	void everyQuestionCarriesAScoreWithAReasonAndChecksKeepOnlyTheBest() {
		assertThat(policy.allQuestions()).allSatisfy(q -> {
			assertThat(q.score()).as(q.prompt()).isNotNull().isBetween(0.0, 1.0);
			assertThat(q.scoreReason()).as(q.prompt()).startsWith("Tests ");
		});
		for (DraftModule module : policy.modules()) {
			List<DraftQuestion> check = module.knowledgeCheck();
			assertThat(check).hasSizeLessThanOrEqualTo(3).allSatisfy(q -> assertThat(q.score()).isGreaterThanOrEqualTo(0.6));
			if (!check.isEmpty()) {
				assertThat(check.get(0).score()).as("the best first in " + module.title())
					.isEqualTo(check.stream().mapToDouble(DraftQuestion::score).max().orElseThrow());
			}
		}
		// the rule with a deadline is asked as a question, not as a blank
		assertThat(policy.allQuestions()).extracting(DraftQuestion::prompt)
			.anyMatch(p -> p.startsWith("Within how many") && p.endsWith("?") || p.startsWith("Who ") && p.endsWith("?"));
	}

	@Test
	void coverageListsTheImportantSentencesNoQuestionTests() {
		DraftModule deadlines = policy.modules().stream().filter(m -> m.title().equals("Deadlines")).findFirst().orElseThrow();
		// six rules with deadlines, at most three questions in the check: some rules stay untested and are listed
		List<DraftQuestion> all = policy.allQuestions();
		assertThat(policy.modules()).flatExtracting(DraftModule::untested).isNotEmpty();
		for (DraftModule module : policy.modules()) {
			for (Citation untested : module.untested()) {
				DraftingQualityTests.assertCitation(untested, policySource);
				assertThat(all).as("untested but asked: " + untested.text())
					.noneMatch(q -> q.citation().start() < untested.end() && q.citation().end() > untested.start());
			}
		}
		long deadlineQuestions = all.stream().filter(q -> q.citation().start() >= policySource.text().indexOf("Submit every claim")
				&& q.citation().end() <= policySource.text().indexOf("Before you travel")).count();
		assertThat(deadlines.untested().size() + deadlineQuestions).as("every deadline rule is asked or listed")
			.isGreaterThanOrEqualTo(6);
		assertThat(deadlines.untested()).allSatisfy(c -> assertThat(c.text()).containsPattern("must|within|unless|at least"));
	}
}
