package io.stride.packages.questions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import io.stride.authoring.OutlineEditing;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Scoring;
import io.stride.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuestionBankFormatsTests {

	@Test
	void samplesAreQuestionsTheCourseRulesAccept() {
		SampleQuestions.all().forEach(q -> assertThat(OutlineEditing.problems(q)).as(q.prompt()).isEmpty());
	}

	@Test
	void giftRoundTripKeepsEveryQuestionAsItWas() {
		String gift = GiftWriter.write("Samples", SampleQuestions.entries()).text();
		List<BankItem> read = GiftReader.read(gift, 100);
		assertThat(read).allSatisfy(item -> assertThat(item.unsupported()).isNull());
		assertThat(read).extracting(BankItem::question).containsExactlyElementsOf(SampleQuestions.all());
		assertThat(read).extracting(BankItem::title).startsWith("Question 1: sample");
		assertThat(read).allSatisfy(item -> assertThat(item.notes()).isEmpty());
	}

	@Test
	void giftEscapesItsSpecialCharacters() {
		String gift = GiftWriter.write("Samples", SampleQuestions.entries().subList(0, 1)).text();
		assertThat(gift).contains("::Question 1\\: sample::Which sign means \\{equal\\} in a\\: b \\~ c \\= d \\# e?");
		assertThat(gift).contains("=The \\= sign").contains("~The \\~ tilde").contains("####Equals\\: \"\\=\".\\nSecond line");
	}

	@Test
	void giftWritesTheKindsInGiftsOwnSyntax() {
		String gift = GiftWriter.write("Samples", SampleQuestions.entries()).text();
		assertThat(gift).contains("Water boils at 100 °C at sea level. {T\n").contains("You may skip the safety check. {F}");
		assertThat(gift).contains("~%50%Red").contains("~%-50%Green").contains("~%33.33333%2").contains("~%-100%4");
		assertThat(gift).contains("// stride: {\"kind\":\"ORDERING\"}").contains("=Rinse -> 3").contains("=Wet hands -> 1");
		assertThat(gift).contains("=Hammer -> Nails").contains("= -> Screws");
		assertThat(gift).contains("{#3.50:0.10").contains("{#-12:0}");
		assertThat(gift).contains("// stride: {\"similarity\":0.85}").contains("=Jupiter\n\t=Jupiter (planet)");
	}

	@Test
	void aMatchingGiftCannotHoldIsLeftOutOfTheGiftFileAndNamed() {
		Question arrows = Question.matching(null, "Match the notation.", List.of("a -> b", "a => b"),
				List.of("maps to", "implies"), Scoring.PARTIAL, "");
		GiftWriter.Written written = GiftWriter.write("Samples", List.of(new BankEntry("Quiz question 1", arrows),
				new BankEntry("Quiz question 2", SampleQuestions.all().get(0))));
		assertThat(written.skipped()).containsExactly("Quiz question 1: an item contains \"->\", which GIFT reads as "
				+ "the arrow between an item and its match");
		assertThat(written.text()).contains("// not exported: Quiz question 1").doesNotContain("Match the notation");
		assertThat(GiftReader.read(written.text(), 100)).extracting(BankItem::question)
			.containsExactly(SampleQuestions.all().get(0));
	}

	@Test
	void moodleGiftWithFeedbackAndUnsupportedItemsIsReadAsFarAsStrideCan() {
		String gift = """
				// a bank from Moodle
				$CATEGORY: $course$/Safety

				::Exits::Where is the nearest exit? {
				  =Left of the door#Yes, left.
				  ~Behind the desk#No, that is a store room.
				  ####Exits are marked in green.
				}

				::Reflect:: Describe a near miss you saw. {}

				::Intro:: This section is about fire safety.

				::Units::How many metres in a km? {#1000}

				::Weighted::Which are safe? {~%50%Sand ~%50%CO2 ~%-100%Water}

				The capital of France is {=Paris =paris} and it is big.

				::Range::Pick a number between 1 and 5 {#1..5}
				""";
		List<BankItem> items = GiftReader.read(gift, 100);
		assertThat(items).hasSize(7);
		BankItem exits = items.get(0);
		assertThat(exits.question().kind()).isEqualTo(QuestionKind.SINGLE_CHOICE);
		assertThat(exits.question().options()).containsExactly("Left of the door", "Behind the desk");
		assertThat(exits.question().explanation()).isEqualTo(
				"Exits are marked in green.\n\nLeft of the door: Yes, left.\n\nBehind the desk: No, that is a store room.");
		assertThat(exits.notes()).containsExactly("Its answer feedback is kept in the explanation.");
		assertThat(items.get(1).unsupported()).contains("essay");
		assertThat(items.get(1).title()).isEqualTo("Reflect");
		assertThat(items.get(2).unsupported()).contains("description");
		assertThat(items.get(3).question().numeric().value()).isEqualByComparingTo("1000");
		assertThat(items.get(4).question().scoring()).isEqualTo(Scoring.ALL_OR_NOTHING);
		assertThat(items.get(4).question().correct()).containsExactly(0, 1);
		assertThat(items.get(5).question().prompt()).isEqualTo("The capital of France is _____ and it is big.");
		assertThat(items.get(5).question().accepted()).containsExactly("Paris", "paris");
		assertThat(items.get(6).question().numeric().value()).isEqualByComparingTo("3");
		assertThat(items.get(6).question().numeric().tolerance()).isEqualByComparingTo("2");
	}

	@Test
	void numericAnswerWithAHugeExponentIsRefusedAtOnce() {
		// found by fuzzing: the range's midpoint of 1e10000001 and 5 took a minute to write out
		assertThat(refusal(() -> GiftReader.read("::N::Pick one {#1e10000001..5}", 100)))
			.isEqualTo("Line 1: \"#1e10000001..5\" is not a number (write #3.5, #3.5:0.1 or #3..4).");
	}

	@Test
	void malformedGiftIsRefusedNamingTheLine() {
		String gift = """
				::One::Fine {=a ~b}

				::Two::Broken
				because the answers {=open ~never closed
				""";
		assertThat(refusal(() -> GiftReader.read(gift, 100)))
			.isEqualTo("Line 4: the answers opened with { are not closed with }.");
		assertThat(refusal(() -> GiftReader.read("::N::How many? {#twelve}", 100)))
			.startsWith("Line 1: \"#twelve\" is not a number");
		assertThat(refusal(() -> GiftReader.read("::T\\:: untitled {=a}", 100))).startsWith("Line 1: the title");
	}

	@Test
	void qti3RoundTripKeepsEveryQuestionAsItWas() {
		byte[] zip = QtiWriter.pack("stride-test", SampleQuestions.entries());
		List<BankItem> read = QtiReader.read("bank.zip", zip, 100);
		assertThat(read).allSatisfy(item -> assertThat(item.unsupported()).isNull());
		assertThat(read).extracting(BankItem::question).containsExactlyElementsOf(SampleQuestions.all());
		assertThat(read).extracting(BankItem::title).startsWith("Question 1: sample");
	}

	@Test
	void exportedQtiValidatesAgainstTheImsSchemas() throws Exception {
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		Schema items = factory.newSchema(getClass().getResource("/standards/qti/imsqti_asiv3p0p1_v1p0.xsd"));
		Schema manifest = factory.newSchema(getClass().getResource("/standards/qti/imsqtiv3p0_imscpv1p2_v1p0.xsd"));
		Map<String, byte[]> files = unzip(QtiWriter.pack("stride-test", SampleQuestions.entries()));
		assertThat(files).containsKey("imsmanifest.xml").hasSize(SampleQuestions.all().size() + 1);
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			Schema schema = file.getKey().equals("imsmanifest.xml") ? manifest : items;
			schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(file.getValue()), file.getKey()));
		}
		// the schemas do check: an item whose choice lost its identifier is refused
		String broken = new String(files.get("items/q1.xml"), StandardCharsets.UTF_8).replace("identifier=\"C1\"", "");
		assertThatThrownBy(() -> items.newValidator()
			.validate(new StreamSource(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)))))
			.isInstanceOf(org.xml.sax.SAXParseException.class)
			.hasMessageContaining("identifier");
	}

	@Test
	void qti21ItemsAreRead() {
		List<BankItem> choice = QtiReader.read("choice.xml", resource("qti21/choice.xml"), 100);
		assertThat(choice.get(0).question().kind()).isEqualTo(QuestionKind.SINGLE_CHOICE);
		assertThat(choice.get(0).title()).isEqualTo("Unattended bag");
		assertThat(choice.get(0).question().prompt()).isEqualTo("You find a bag left alone in the lobby.\n\nWhat do you do first?");
		assertThat(choice.get(0).question().options()).containsExactly("Open it", "Tell security", "Ignore it");
		assertThat(choice.get(0).question().correct()).containsExactly(1);
		assertThat(choice.get(0).question().explanation()).isEqualTo("Never touch it.\n\nTell security: Right: they know the procedure.");

		Question order = QtiReader.read("order.xml", resource("qti21/order.xml"), 100).get(0).question();
		assertThat(order.kind()).isEqualTo(QuestionKind.ORDERING);
		assertThat(order.options()).containsExactly("Call", "Push", "Check");
		assertThat(order.correct()).containsExactly(2, 0, 1);

		Question match = QtiReader.read("match.xml", resource("qti21/match.xml"), 100).get(0).question();
		assertThat(match.kind()).isEqualTo(QuestionKind.MATCHING);
		assertThat(match.scoring()).isEqualTo(Scoring.PARTIAL);
		assertThat(match.options()).containsExactly("Red", "Green");
		assertThat(match.matches()).containsExactly("Go", "Stop");
		assertThat(match.correct()).containsExactly(1, 0);

		Question numeric = QtiReader.read("numeric.xml", resource("qti21/numeric.xml"), 100).get(0).question();
		assertThat(numeric.kind()).isEqualTo(QuestionKind.NUMERIC);
		assertThat(numeric.numeric().value()).isEqualByComparingTo("9.81");
		assertThat(numeric.numeric().tolerance()).isEqualByComparingTo("0.05");

		Question text = QtiReader.read("text.xml", resource("qti21/text.xml"), 100).get(0).question();
		assertThat(text.kind()).isEqualTo(QuestionKind.SHORT_ANSWER);
		assertThat(text.accepted()).containsExactly("Oxygen", "O2");

		BankItem essay = QtiReader.read("essay.xml", resource("qti21/essay.xml"), 100).get(0);
		assertThat(essay.importable()).isFalse();
		assertThat(essay.unsupported()).contains("essay");
	}

	@Test
	void malformedQtiIsRefusedNamingTheElement() {
		String missingDeclaration = """
				<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="x" title="X" adaptive="false" timeDependent="false">
				  <itemBody><choiceInteraction responseIdentifier="ANSWER" maxChoices="1"><simpleChoice identifier="A">a</simpleChoice></choiceInteraction></itemBody>
				</assessmentItem>""";
		assertThat(refusal(() -> QtiReader.read("x.xml", missingDeclaration.getBytes(StandardCharsets.UTF_8), 100)))
			.isEqualTo("x.xml: <choiceInteraction> answers into \"ANSWER\", which no response declaration declares.");
		assertThat(refusal(() -> QtiReader.read("y.xml", "<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\"><itemBody>"
			.getBytes(StandardCharsets.UTF_8), 100))).startsWith("y.xml: line 1, column");
		assertThat(refusal(() -> QtiReader.read("z.xml", "<item xmlns=\"urn:other\"/>".getBytes(StandardCharsets.UTF_8), 100)))
			.contains("<item> in namespace \"urn:other\" is not a QTI 3.0 or 2.1 assessment item");
	}

	@Test
	void externalEntitiesAreNeverRead() throws IOException {
		java.nio.file.Path secret = java.nio.file.Files.createTempFile("secret", ".txt");
		java.nio.file.Files.writeString(secret, "TOP-SECRET");
		String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE assessmentItem [<!ENTITY leak SYSTEM \"" + secret.toUri()
				+ "\">]>\n<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\" identifier=\"x\" title=\"&leak;\"/>";
		assertThat(refusal(() -> QtiReader.read("xxe.xml", xxe.getBytes(StandardCharsets.UTF_8), 100)))
			.contains("a DOCTYPE is not allowed")
			.doesNotContain("TOP-SECRET");
	}

	@Test
	void unsafeZipsAreRefusedBeforeAnyItemIsRead() throws IOException {
		ByteArrayOutputStream traversal = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(traversal)) {
			zip.putNextEntry(new ZipEntry("../evil.xml"));
			zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		assertThat(refusal(() -> QtiReader.read("evil.zip", traversal.toByteArray(), 100)))
			.contains("climbs out of the package");
		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
			zip.putNextEntry(new ZipEntry("items/q1.xml"));
			zip.write(new byte[3 * 1024 * 1024]);
			zip.closeEntry();
		}
		assertThat(refusal(() -> QtiReader.read("bomb.zip", bomb.toByteArray(), 100)))
			.contains("bomb.zip").contains("zip bomb");
	}

	/** What a refused file is told at its field. */
	static String refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable reading) {
		Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(reading);
		assertThat(thrown).isInstanceOf(InvalidInputException.class);
		return ((InvalidInputException) thrown).fieldErrors().get("file");
	}

	static byte[] resource(String path) {
		try (var in = QuestionBankFormatsTests.class.getResourceAsStream("/packages/questions/" + path)) {
			return in.readAllBytes();
		}
		catch (IOException | NullPointerException e) {
			throw new IllegalStateException("missing test resource " + path, e);
		}
	}

	static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				files.put(entry.getName(), in.readAllBytes());
			}
		}
		return files;
	}
}
