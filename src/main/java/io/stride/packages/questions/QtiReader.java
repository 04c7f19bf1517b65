package io.stride.packages.questions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import io.stride.authoring.NumericAnswer;
import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Scoring;
import io.stride.packages.PackageRejected;
import io.stride.packages.internal.PackageArchive;
import io.stride.shared.InvalidInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads QTI 3.0 and QTI 2.1 assessment items: one item's XML, or a content package zip whose manifest lists them.
 * Both versions are read by one reader: QTI 3.0's {@code qti-choice-interaction} and {@code response-identifier} are
 * QTI 2.1's {@code choiceInteraction} and {@code responseIdentifier}. XML is parsed with DTDs refused and no external
 * entity, schema or include ever fetched. Items whose interaction Stride has no kind for are listed with the reason.
 */
final class QtiReader {

	static final String V3 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";

	static final String V21 = "http://www.imsglobal.org/xsd/imsqti_v2p1";

	private static final String V22 = "http://www.imsglobal.org/xsd/imsqti_v2p2";

	/** Question banks are small: these bound what an upload may unpack to, far below course packages. */
	static final PackageArchive.Limits LIMITS = new PackageArchive.Limits(1_000, 2L * 1024 * 1024, 20L * 1024 * 1024, 100);

	private static final Map<String, String> UNSUPPORTED = Map.ofEntries(Map.entry("extendedTextInteraction",
			"an essay (extended text, marked by hand) has no Stride kind"),
			Map.entry("hotspotInteraction", "a hotspot on an image has no Stride kind"),
			Map.entry("graphicOrderInteraction", "ordering on an image has no Stride kind"),
			Map.entry("graphicAssociateInteraction", "associating on an image has no Stride kind"),
			Map.entry("graphicGapMatchInteraction", "gap matching on an image has no Stride kind"),
			Map.entry("selectPointInteraction", "selecting a point on an image has no Stride kind"),
			Map.entry("positionObjectInteraction", "positioning an object has no Stride kind"),
			Map.entry("gapMatchInteraction", "filling gaps by dragging has no Stride kind"),
			Map.entry("inlineChoiceInteraction", "choices inside the text (inline choice) have no Stride kind"),
			Map.entry("hottextInteraction", "picking words in the text (hot text) has no Stride kind"),
			Map.entry("associateInteraction", "free association of pairs has no Stride kind"),
			Map.entry("sliderInteraction", "a slider has no Stride kind"),
			Map.entry("uploadInteraction", "a file upload has no Stride kind"),
			Map.entry("drawingInteraction", "a drawing has no Stride kind"),
			Map.entry("mediaInteraction", "a media interaction has no Stride kind"),
			Map.entry("customInteraction", "a custom interaction has no Stride kind"),
			Map.entry("portableCustomInteraction", "a portable custom interaction has no Stride kind"),
			Map.entry("endAttemptInteraction", "an end-attempt button has no Stride kind"));

	private static final Set<String> SUPPORTED = Set.of("choiceInteraction", "orderInteraction", "matchInteraction",
			"textEntryInteraction");

	private QtiReader() {
	}

	/** A zip (by its signature) as a content package, anything else as one item's XML. */
	static List<BankItem> read(String fileName, byte[] content, int maxItems) {
		if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
			return readPackage(fileName, content, maxItems);
		}
		Document document = parse(fileName == null ? "the file" : fileName, content);
		Element root = document.getDocumentElement();
		if ("manifest".equals(root.getLocalName())) {
			throw Refused.file("This is a package manifest alone; upload the whole package as a zip.");
		}
		return List.of(item(1, fileName, root));
	}

	private static List<BankItem> readPackage(String fileName, byte[] content, int maxItems) {
		PackageArchive archive;
		try {
			archive = PackageArchive.read(fileName, content, LIMITS);
		}
		catch (PackageRejected rejected) {
			throw Refused.file(rejected.getMessage());
		}
		List<String> hrefs = new ArrayList<>();
		byte[] manifestBytes = archive.file("imsmanifest.xml").orElse(null);
		if (manifestBytes != null) {
			Element manifest = parse("imsmanifest.xml", manifestBytes).getDocumentElement();
			for (Element resource : descendants(manifest, "resource")) {
				String type = resource.getAttribute("type");
				if (type.startsWith("imsqti_item_xmlv")) {
					String href = resource.getAttribute("href");
					if (href.isBlank() || !archive.contains(href)) {
						throw Refused.file("imsmanifest.xml: <resource identifier=\""
								+ resource.getAttribute("identifier") + "\"> names \"" + href
								+ "\", which is not in the package.");
					}
					hrefs.add(href);
				}
			}
		}
		else {
			archive.files().keySet().stream().filter(p -> p.toLowerCase(Locale.ROOT).endsWith(".xml")).forEach(hrefs::add);
		}
		if (hrefs.isEmpty()) {
			throw Refused.file("The package holds no QTI assessment items.");
		}
		if (hrefs.size() > maxItems) {
			throw Refused.file("The package holds more than " + maxItems + " items; split it.");
		}
		List<BankItem> items = new ArrayList<>();
		for (String href : hrefs) {
			Element root = parse(href, archive.file(href).orElseThrow()).getDocumentElement();
			if (manifestBytes == null && !"assessmentItem".equals(Names.of(root))) {
				continue;
			}
			items.add(item(items.size() + 1, href, root));
		}
		return items;
	}

	private static BankItem item(int number, String source, Element root) {
		String ns = root.getNamespaceURI();
		if (!V3.equals(ns) && !V21.equals(ns) && !V22.equals(ns)) {
			throw Refused.file(where(source) + "<" + root.getTagName() + "> in namespace \"" + ns
					+ "\" is not a QTI 3.0 or 2.1 assessment item.");
		}
		if (!"assessmentItem".equals(Names.of(root))) {
			throw Refused.file(where(source) + "<" + root.getTagName()
					+ "> is not an assessment item; upload an item or a content package.");
		}
		String title = Names.attr(root, "title");
		if (title.isBlank()) {
			title = Names.attr(root, "identifier");
		}
		if (title.isBlank()) {
			title = "Item " + number;
		}
		Element body = child(root, "itemBody");
		if (body == null) {
			return BankItem.unsupported(number, title, "it has no item body");
		}
		List<Element> interactions = new ArrayList<>();
		for (Element e : descendants(body, null)) {
			if (Names.of(e).endsWith("Interaction")) {
				interactions.add(e);
			}
		}
		if (interactions.isEmpty()) {
			return BankItem.unsupported(number, title, "it has no interaction (a text or passage, not a question)");
		}
		if (interactions.size() > 1) {
			return BankItem.unsupported(number, title, "it has " + interactions.size()
					+ " interactions; Stride questions have one");
		}
		Element interaction = interactions.get(0);
		String kind = Names.of(interaction);
		if (!SUPPORTED.contains(kind)) {
			return BankItem.unsupported(number, title, UNSUPPORTED.getOrDefault(kind, "<" + interaction.getTagName()
					+ "> has no Stride kind"));
		}
		String responseId = Names.attr(interaction, "responseIdentifier");
		Element declaration = null;
		for (Element d : children(root, "responseDeclaration")) {
			if (Names.attr(d, "identifier").equals(responseId)) {
				declaration = d;
			}
		}
		if (declaration == null) {
			throw Refused.file(where(source) + "<" + interaction.getTagName()
					+ "> answers into \"" + responseId + "\", which no response declaration declares.");
		}
		List<String> notes = new ArrayList<>();
		String prompt = prompt(body, interaction);
		List<String> feedback = new ArrayList<>();
		for (Element modal : children(root, "modalFeedback")) {
			String text = Text.of(modal);
			if (!text.isBlank()) {
				feedback.add(text);
			}
		}
		if (feedback.size() > 1) {
			notes.add("Its " + feedback.size() + " feedback texts are kept together in the explanation.");
		}
		Parts parts = new Parts(source, declaration);
		Question question = switch (kind) {
			case "choiceInteraction" -> choice(interaction, parts, prompt, notes);
			case "orderInteraction" -> ordering(interaction, parts, prompt, notes);
			case "matchInteraction" -> matching(interaction, parts, prompt, notes);
			default -> textEntry(root, interaction, parts, body, prompt, notes);
		};
		if (question == null) {
			return BankItem.unsupported(number, title, parts.problem);
		}
		String explanation = String.join("\n\n", feedback);
		if (!parts.optionFeedback.isEmpty()) {
			notes.add("Its answer feedback is kept in the explanation.");
			explanation = (explanation.isBlank() ? "" : explanation + "\n\n") + String.join("\n\n", parts.optionFeedback);
		}
		return BankItem.of(number, title, new Question(null, question.kind(), question.prompt(), question.options(),
				question.correct(), explanation, null, question.scoring(), question.accepted(), question.similarity(),
				question.numeric(), question.matches()), notes);
	}

	/** The response declaration's parts, and what was wrong when an item cannot be read. */
	private static final class Parts {

		final String source;

		final String cardinality;

		final List<String> correct = new ArrayList<>();

		final List<String[]> mapping = new ArrayList<>();

		final List<String> optionFeedback = new ArrayList<>();

		String problem;

		Parts(String source, Element declaration) {
			this.source = source;
			this.cardinality = Names.attr(declaration, "cardinality");
			Element correctResponse = child(declaration, "correctResponse");
			if (correctResponse != null) {
				for (Element value : children(correctResponse, "value")) {
					correct.add(value.getTextContent().strip());
				}
			}
			Element map = child(declaration, "mapping");
			if (map != null) {
				for (Element entry : children(map, "mapEntry")) {
					mapping.add(new String[] { Names.attr(entry, "mapKey"), Names.attr(entry, "mappedValue") });
				}
			}
		}

		/** The right keys: the correct response, else the keys the mapping rewards. */
		List<String> rightKeys() {
			if (!correct.isEmpty()) {
				return correct;
			}
			return mapping.stream().filter(e -> number(e[1]).signum() > 0).map(e -> e[0]).toList();
		}
	}

	private static Question choice(Element interaction, Parts parts, String prompt, List<String> notes) {
		List<Element> choices = children(interaction, "simpleChoice");
		List<String> ids = choices.stream().map(c -> Names.attr(c, "identifier")).toList();
		List<String> options = options(choices, parts);
		List<Integer> right = indexes(parts.rightKeys(), ids, parts, interaction);
		if (right == null) {
			return null;
		}
		if ("multiple".equals(parts.cardinality)) {
			return Question.multipleSelect(null, prompt, options, right,
					parts.mapping.isEmpty() ? Scoring.ALL_OR_NOTHING : Scoring.PARTIAL, "");
		}
		boolean trueFalse = Names.attr(interaction, "class").contains(QtiWriter.TRUE_FALSE_CLASS);
		return new Question(null, trueFalse ? QuestionKind.TRUE_FALSE : QuestionKind.SINGLE_CHOICE, prompt, options,
				right, "");
	}

	private static Question ordering(Element interaction, Parts parts, String prompt, List<String> notes) {
		List<Element> choices = children(interaction, "simpleChoice");
		List<String> ids = choices.stream().map(c -> Names.attr(c, "identifier")).toList();
		List<Integer> order = indexes(parts.correct, ids, parts, interaction);
		if (order == null) {
			return null;
		}
		return new Question(null, QuestionKind.ORDERING, prompt, options(choices, parts), order, "");
	}

	private static Question matching(Element interaction, Parts parts, String prompt, List<String> notes) {
		List<Element> sets = children(interaction, "simpleMatchSet");
		if (sets.size() != 2) {
			parts.problem = "its match interaction has " + sets.size() + " match sets instead of two";
			return null;
		}
		List<Element> left = children(sets.get(0), "simpleAssociableChoice");
		List<Element> right = children(sets.get(1), "simpleAssociableChoice");
		List<String> leftIds = left.stream().map(c -> Names.attr(c, "identifier")).toList();
		List<String> rightIds = right.stream().map(c -> Names.attr(c, "identifier")).toList();
		Integer[] pairs = new Integer[left.size()];
		for (String pair : parts.rightKeys()) {
			String[] ends = pair.trim().split("\\s+");
			if (ends.length != 2) {
				throw Refused.file(where(parts.source) + "<value>" + pair
						+ "</value> is not a pair of two identifiers.");
			}
			int l = leftIds.indexOf(ends[0]);
			int r = rightIds.indexOf(ends[1]);
			if (l < 0 || r < 0) {
				// a pair written target first is the same association
				l = leftIds.indexOf(ends[1]);
				r = rightIds.indexOf(ends[0]);
			}
			if (l < 0 || r < 0) {
				throw Refused.file(where(parts.source) + "the pair \"" + pair
						+ "\" names a choice that <" + interaction.getTagName() + "> does not have.");
			}
			pairs[l] = r;
		}
		for (int i = 0; i < pairs.length; i++) {
			if (pairs[i] == null) {
				parts.problem = "its item \"" + Text.of(left.get(i)) + "\" has no right match";
				return null;
			}
		}
		return new Question(null, QuestionKind.MATCHING, prompt, options(left, parts), List.of(pairs), "", null,
				parts.mapping.isEmpty() ? Scoring.ALL_OR_NOTHING : Scoring.PARTIAL, null, null, null,
				options(right, parts));
	}

	private static Question textEntry(Element root, Element interaction, Parts parts, Element body, String prompt,
			List<String> notes) {
		String baseType = "";
		for (Element d : children(root, "responseDeclaration")) {
			if (Names.attr(d, "identifier").equals(Names.attr(interaction, "responseIdentifier"))) {
				baseType = Names.attr(d, "baseType");
			}
		}
		if (baseType.equals("float") || baseType.equals("integer")) {
			if (parts.correct.isEmpty()) {
				parts.problem = "it gives no correct number";
				return null;
			}
			BigDecimal value;
			try {
				value = new BigDecimal(parts.correct.get(0));
			}
			catch (NumberFormatException notNumber) {
				throw Refused.file(where(parts.source) + "<value>" + parts.correct.get(0)
						+ "</value> is not a number.");
			}
			BigDecimal tolerance = BigDecimal.ZERO;
			for (Element equal : descendants(root, "equal")) {
				String mode = Names.attr(equal, "toleranceMode");
				String given = Names.attr(equal, "tolerance").strip();
				if (given.isEmpty()) {
					continue;
				}
				BigDecimal t = number(given.split("\\s+")[0]);
				if (mode.equals("absolute")) {
					tolerance = t.abs();
				}
				else if (mode.equals("relative")) {
					tolerance = value.abs().multiply(t.abs()).divide(BigDecimal.valueOf(100));
					notes.add("Its relative tolerance (" + given.split("\\s+")[0] + " %) is kept as an absolute one.");
				}
			}
			String unit = null;
			for (Element span : descendants(body, "span")) {
				if (Names.attr(span, "class").contains(QtiWriter.UNIT_CLASS)) {
					unit = Text.of(span);
				}
			}
			return new Question(null, QuestionKind.NUMERIC, prompt, null, null, "", null, null, null, null,
					new NumericAnswer(value, tolerance, unit), null);
		}
		Set<String> accepted = new LinkedHashSet<>(parts.correct);
		for (String[] entry : parts.mapping) {
			if (number(entry[1]).signum() > 0) {
				accepted.add(entry[0]);
			}
		}
		if (accepted.isEmpty()) {
			parts.problem = "it gives no accepted answer";
			return null;
		}
		Double similarity = null;
		for (String token : Names.attr(interaction, "class").split("\\s+")) {
			if (token.startsWith(QtiWriter.SIMILARITY_CLASS)) {
				try {
					similarity = Double.valueOf(token.substring(QtiWriter.SIMILARITY_CLASS.length()));
				}
				catch (NumberFormatException ignored) {
					// another tool's class that happens to start alike
				}
			}
		}
		return Question.shortAnswer(null, prompt, List.copyOf(accepted), similarity, "");
	}

	/** The choices' texts; their inline feedback goes to the explanation, naming the choice. */
	private static List<String> options(List<Element> choices, Parts parts) {
		List<String> options = new ArrayList<>();
		for (Element choice : choices) {
			String text = Text.of(choice);
			options.add(text);
			for (Element inline : descendants(choice, null)) {
				String name = Names.of(inline);
				if (name.equals("feedbackInline") || name.equals("feedbackBlock")) {
					String f = Text.of(inline);
					if (!f.isBlank()) {
						parts.optionFeedback.add(text + ": " + f);
					}
				}
			}
		}
		return options;
	}

	private static List<Integer> indexes(List<String> keys, List<String> ids, Parts parts, Element interaction) {
		if (keys.isEmpty()) {
			parts.problem = "it gives no correct response";
			return null;
		}
		List<Integer> indexes = new ArrayList<>();
		for (String key : keys) {
			int index = ids.indexOf(key);
			if (index < 0) {
				throw Refused.file(where(parts.source) + "the correct response \"" + key
						+ "\" is not a choice of <" + interaction.getTagName() + ">.");
			}
			indexes.add(index);
		}
		return indexes;
	}

	/** Text around the interaction and the interaction's own prompt, without feedback or the unit. */
	private static String prompt(Element body, Element interaction) {
		String outside = Text.of(body, interaction);
		Element prompt = child(interaction, "prompt");
		String inside = prompt == null ? "" : Text.of(prompt);
		if (outside.isBlank()) {
			return inside;
		}
		return inside.isBlank() ? outside : outside + "\n\n" + inside;
	}

	private static BigDecimal number(String text) {
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			return BigDecimal.ZERO;
		}
	}

	private static String where(String source) {
		return source == null || source.isBlank() ? "" : source + ": ";
	}

	// ---- XML ----

	static Document parse(String source, byte[] content) {
		try {
			DocumentBuilder builder = factory().newDocumentBuilder();
			builder.setErrorHandler(null);
			builder.setEntityResolver((publicId, systemId) -> {
				throw new SAXException("external entities are not read");
			});
			return builder.parse(new ByteArrayInputStream(content));
		}
		catch (SAXParseException e) {
			String message = e.getMessage() == null ? "not well-formed" : e.getMessage();
			if (message.contains("DOCTYPE")) {
				message = "a DOCTYPE is not allowed (Stride reads no DTDs or external entities)";
			}
			throw Refused.file(where(source) + "line " + e.getLineNumber() + ", column "
					+ e.getColumnNumber() + ": " + message);
		}
		catch (SAXException | IOException e) {
			throw Refused.file(where(source) + "not readable as XML: " + e.getMessage());
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException("the XML parser cannot be made safe", e);
		}
	}

	private static DocumentBuilderFactory factory() throws ParserConfigurationException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		return factory;
	}

	private static Element child(Element parent, String name) {
		List<Element> all = children(parent, name);
		return all.isEmpty() ? null : all.get(0);
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element e && (name == null || name.equals(Names.of(e)))) {
				found.add(e);
			}
		}
		return found;
	}

	/** Every element below {@code parent} in document order, of {@code name} (QTI's name, any version) or all. */
	private static List<Element> descendants(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		NodeList nodes = parent.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < nodes.getLength(); i++) {
			Element e = (Element) nodes.item(i);
			if (name == null || name.equals(Names.of(e))) {
				found.add(e);
			}
		}
		return found;
	}

	/** QTI 3.0 names read as QTI 2.1's: {@code qti-simple-choice} is {@code simpleChoice}. */
	static final class Names {

		private Names() {
		}

		static String of(Element e) {
			String local = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
			if (!local.startsWith("qti-")) {
				return local;
			}
			return camel(local.substring(4));
		}

		static String attr(Element e, String camelName) {
			if (e.hasAttribute(camelName)) {
				return e.getAttribute(camelName);
			}
			return e.getAttribute(kebab(camelName));
		}

		private static String camel(String kebab) {
			StringBuilder out = new StringBuilder();
			boolean upper = false;
			for (char c : kebab.toCharArray()) {
				if (c == '-') {
					upper = true;
				}
				else {
					out.append(upper ? Character.toUpperCase(c) : c);
					upper = false;
				}
			}
			return out.toString();
		}

		private static String kebab(String camel) {
			StringBuilder out = new StringBuilder();
			for (char c : camel.toCharArray()) {
				if (Character.isUpperCase(c)) {
					out.append('-').append(Character.toLowerCase(c));
				}
				else {
					out.append(c);
				}
			}
			return out.toString();
		}
	}

	/** The text people read: line breaks from {@code <br>}, paragraphs from block elements, source line breaks as spaces. */
	static final class Text {

		private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "blockquote", "pre", "h1", "h2",
				"h3", "h4", "h5", "h6", "table", "tr", "contentBody", "prompt");

		private Text() {
		}

		static String of(Element element) {
			return of(element, null);
		}

		/** The element's text without {@code skipped} and without feedback and unit spans. */
		static String of(Element element, Element skipped) {
			StringBuilder out = new StringBuilder();
			append(out, element, skipped);
			String text = out.toString();
			StringBuilder clean = new StringBuilder();
			for (String paragraph : text.split("\u0001")) {
				String lines = String.join("\n",
						paragraph.lines().map(String::strip).toList()).strip();
				if (!lines.isEmpty()) {
					clean.append(clean.isEmpty() ? "" : "\n\n").append(lines);
				}
			}
			return clean.toString();
		}

		private static void append(StringBuilder out, Node node, Element skipped) {
			NodeList nodes = node.getChildNodes();
			for (int i = 0; i < nodes.getLength(); i++) {
				Node n = nodes.item(i);
				if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
					// a line break or tab in the source is layout (indentation), never the author's text; spaces are kept
					out.append(n.getNodeValue().replaceAll("[ ]*[\\r\\n\\t][\\r\\n\\t ]*", " "));
				}
				else if (n instanceof Element e) {
					String name = Names.of(e);
					if (e == skipped || name.equals("feedbackInline") || name.equals("feedbackBlock")
							|| name.equals("modalFeedback")
							|| name.endsWith("Interaction") || Names.attr(e, "class").contains(QtiWriter.UNIT_CLASS)) {
						continue;
					}
					if (name.equals("br")) {
						out.append('\n');
					}
					else if (BLOCKS.contains(name)) {
						out.append('\u0001');
						append(out, e, skipped);
						out.append('\u0001');
					}
					else {
						append(out, e, skipped);
					}
				}
			}
		}
	}
}
