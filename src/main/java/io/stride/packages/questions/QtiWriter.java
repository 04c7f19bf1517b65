package io.stride.packages.questions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.stride.authoring.Question;
import io.stride.authoring.QuestionKind;
import io.stride.authoring.Scoring;

/**
 * Questions as a QTI 3.0 content package: {@code imsmanifest.xml} and one {@code qti-assessment-item} per question
 * under {@code items/}. Choice kinds become a choice interaction, ordering an order interaction, matching a match
 * interaction with directed pairs, short answer and numeric a text-entry interaction (numeric with a float response
 * and an absolute tolerance). Partial credit is a mapping (each right part earns its share, each wrong pick costs one,
 * never below 0); all or nothing has none. The explanation is modal feedback shown after every answer. What QTI has
 * no attribute for is said with classes ({@code stride-true-false}, {@code stride-similarity-0.85}) and a
 * {@code stride-unit} span, which other players show or ignore.
 */
final class QtiWriter {

	static final String NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";

	static final String CP_NS = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";

	private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

	private static final String ITEM_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0p1_v1p0.xsd";

	private static final String CP_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd";

	static final String TRUE_FALSE_CLASS = "stride-true-false";

	static final String SIMILARITY_CLASS = "stride-similarity-";

	static final String UNIT_CLASS = "stride-unit";

	private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

	private QtiWriter() {
	}

	/** The zipped package. */
	static byte[] pack(String identifier, List<BankEntry> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < entries.size(); i++) {
				String id = "q" + (i + 1);
				ids.add(id);
				zip.putNextEntry(new ZipEntry("items/" + id + ".xml"));
				zip.write(item(id, entries.get(i)).getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
			zip.putNextEntry(new ZipEntry("imsmanifest.xml"));
			zip.write(manifest(identifier, ids).getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException e) {
			throw new IllegalStateException("writing to memory failed", e);
		}
		return bytes.toByteArray();
	}

	static String manifest(String identifier, List<String> items) {
		return xml(w -> {
			w.writeStartElement("manifest");
			w.writeDefaultNamespace(CP_NS);
			w.writeNamespace("xsi", XSI);
			w.writeAttribute("xsi", XSI, "schemaLocation", CP_NS + " " + CP_XSD);
			w.writeAttribute("identifier", identifier);
			newLine(w);
			w.writeStartElement("metadata");
			element(w, "schema", "QTI Package");
			element(w, "schemaversion", "3.0.0");
			w.writeEndElement();
			newLine(w);
			w.writeEmptyElement("organizations");
			newLine(w);
			w.writeStartElement("resources");
			for (String id : items) {
				w.writeCharacters("\n    ");
				w.writeStartElement("resource");
				w.writeAttribute("identifier", id);
				w.writeAttribute("type", "imsqti_item_xmlv3p0");
				w.writeAttribute("href", "items/" + id + ".xml");
				w.writeEmptyElement("file");
				w.writeAttribute("href", "items/" + id + ".xml");
				w.writeEndElement();
			}
			newLine(w);
			w.writeEndElement();
			w.writeCharacters("\n");
			w.writeEndElement();
		});
	}

	static String item(String identifier, BankEntry entry) {
		Question q = entry.question();
		return xml(w -> {
			w.writeStartElement("qti-assessment-item");
			w.writeDefaultNamespace(NS);
			w.writeNamespace("xsi", XSI);
			w.writeAttribute("xsi", XSI, "schemaLocation", NS + " " + ITEM_XSD);
			w.writeAttribute("identifier", identifier);
			w.writeAttribute("title", entry.title().replaceAll("\\s+", " ").strip());
			w.writeAttribute("adaptive", "false");
			w.writeAttribute("time-dependent", "false");
			w.writeAttribute("tool-name", "Stride");
			newLine(w);
			response(w, q);
			newLine(w);
			outcome(w, "SCORE", "float", "0");
			if (!q.explanation().isBlank()) {
				newLine(w);
				outcome(w, "FEEDBACK", "identifier", null);
			}
			newLine(w);
			w.writeStartElement("qti-item-body");
			body(w, q);
			w.writeEndElement();
			newLine(w);
			processing(w, q);
			if (!q.explanation().isBlank()) {
				newLine(w);
				w.writeStartElement("qti-modal-feedback");
				w.writeAttribute("outcome-identifier", "FEEDBACK");
				w.writeAttribute("identifier", "EXPLANATION");
				w.writeAttribute("show-hide", "show");
				w.writeStartElement("qti-content-body");
				paragraphs(w, q.explanation());
				w.writeEndElement();
				w.writeEndElement();
			}
			w.writeCharacters("\n");
			w.writeEndElement();
		});
	}

	/** A line break between a root's children, so that people can read the file; XML ignores it there. */
	private static void newLine(XMLStreamWriter w) throws XMLStreamException {
		w.writeCharacters("\n  ");
	}

	private static void response(XMLStreamWriter w, Question q) throws XMLStreamException {
		w.writeStartElement("qti-response-declaration");
		w.writeAttribute("identifier", "RESPONSE");
		switch (q.kind()) {
			case SINGLE_CHOICE, TRUE_FALSE -> {
				declared(w, "single", "identifier");
				correct(w, List.of(choice(q.correct().get(0))));
			}
			case MULTIPLE_CHOICE -> {
				declared(w, "multiple", "identifier");
				correct(w, q.correct().stream().map(QtiWriter::choice).toList());
				if (q.scoring() == Scoring.PARTIAL) {
					String share = share(q.correct().size());
					mapping(w, "0", "1");
					for (int i = 0; i < q.options().size(); i++) {
						mapEntry(w, choice(i), q.correct().contains(i) ? share : "-" + share, false);
					}
					w.writeEndElement();
				}
			}
			case ORDERING -> {
				declared(w, "ordered", "identifier");
				correct(w, q.correct().stream().map(QtiWriter::choice).toList());
			}
			case MATCHING -> {
				declared(w, "multiple", "directedPair");
				List<String> pairs = new ArrayList<>();
				for (int i = 0; i < q.options().size(); i++) {
					pairs.add(item(i) + " " + match(q.correct().get(i)));
				}
				correct(w, pairs);
				if (q.scoring() == Scoring.PARTIAL) {
					String share = share(pairs.size());
					mapping(w, "0", "1");
					for (String pair : pairs) {
						mapEntry(w, pair, share, false);
					}
					w.writeEndElement();
				}
			}
			case SHORT_ANSWER -> {
				declared(w, "single", "string");
				correct(w, List.of(q.accepted().get(0)));
				mapping(w, null, "1");
				for (String accepted : q.accepted()) {
					mapEntry(w, accepted, "1", true);
				}
				w.writeEndElement();
			}
			case NUMERIC -> {
				declared(w, "single", "float");
				correct(w, List.of(q.numeric().value().toPlainString()));
			}
		}
		w.writeEndElement();
	}

	private static void body(XMLStreamWriter w, Question q) throws XMLStreamException {
		switch (q.kind()) {
			case SINGLE_CHOICE, TRUE_FALSE, MULTIPLE_CHOICE -> {
				w.writeStartElement("qti-choice-interaction");
				if (q.kind() == QuestionKind.TRUE_FALSE) {
					w.writeAttribute("class", TRUE_FALSE_CLASS);
				}
				w.writeAttribute("response-identifier", "RESPONSE");
				w.writeAttribute("shuffle", "false");
				w.writeAttribute("max-choices", q.kind() == QuestionKind.MULTIPLE_CHOICE ? "0" : "1");
				prompt(w, q.prompt());
				for (int i = 0; i < q.options().size(); i++) {
					choice(w, "qti-simple-choice", choice(i), q.options().get(i), null);
				}
				w.writeEndElement();
			}
			case ORDERING -> {
				w.writeStartElement("qti-order-interaction");
				w.writeAttribute("response-identifier", "RESPONSE");
				w.writeAttribute("shuffle", "true");
				prompt(w, q.prompt());
				for (int i = 0; i < q.options().size(); i++) {
					choice(w, "qti-simple-choice", choice(i), q.options().get(i), null);
				}
				w.writeEndElement();
			}
			case MATCHING -> {
				w.writeStartElement("qti-match-interaction");
				w.writeAttribute("response-identifier", "RESPONSE");
				w.writeAttribute("shuffle", "false");
				w.writeAttribute("max-associations", String.valueOf(q.options().size()));
				prompt(w, q.prompt());
				w.writeStartElement("qti-simple-match-set");
				for (int i = 0; i < q.options().size(); i++) {
					choice(w, "qti-simple-associable-choice", item(i), q.options().get(i), "1");
				}
				w.writeEndElement();
				w.writeStartElement("qti-simple-match-set");
				for (int m = 0; m < q.matches().size(); m++) {
					choice(w, "qti-simple-associable-choice", match(m), q.matches().get(m), "1");
				}
				w.writeEndElement();
				w.writeEndElement();
			}
			case SHORT_ANSWER, NUMERIC -> {
				paragraphs(w, q.prompt());
				w.writeStartElement("p");
				w.writeEmptyElement("qti-text-entry-interaction");
				if (q.similarity() != null) {
					w.writeAttribute("class", SIMILARITY_CLASS + q.similarity());
				}
				w.writeAttribute("response-identifier", "RESPONSE");
				if (q.kind() == QuestionKind.NUMERIC && q.numeric().unit() != null) {
					w.writeCharacters(" ");
					w.writeStartElement("span");
					w.writeAttribute("class", UNIT_CLASS);
					w.writeCharacters(q.numeric().unit());
					w.writeEndElement();
				}
				w.writeEndElement();
			}
		}
	}

	/** Score 1 for the right answer (or the mapped share), and the explanation shown whatever was answered. */
	private static void processing(XMLStreamWriter w, Question q) throws XMLStreamException {
		w.writeStartElement("qti-response-processing");
		boolean mapped = q.kind() == QuestionKind.SHORT_ANSWER
				|| q.scoring() == Scoring.PARTIAL && (q.kind() == QuestionKind.MULTIPLE_CHOICE || q.kind() == QuestionKind.MATCHING);
		if (mapped) {
			w.writeStartElement("qti-set-outcome-value");
			w.writeAttribute("identifier", "SCORE");
			w.writeEmptyElement("qti-map-response");
			w.writeAttribute("identifier", "RESPONSE");
			w.writeEndElement();
		}
		else {
			w.writeStartElement("qti-response-condition");
			w.writeStartElement("qti-response-if");
			if (q.kind() == QuestionKind.NUMERIC) {
				w.writeStartElement("qti-equal");
				w.writeAttribute("tolerance-mode", "absolute");
				String tolerance = q.numeric().tolerance().toPlainString();
				w.writeAttribute("tolerance", tolerance + " " + tolerance);
			}
			else {
				w.writeStartElement("qti-match");
			}
			w.writeEmptyElement("qti-variable");
			w.writeAttribute("identifier", "RESPONSE");
			w.writeEmptyElement("qti-correct");
			w.writeAttribute("identifier", "RESPONSE");
			w.writeEndElement();
			w.writeStartElement("qti-set-outcome-value");
			w.writeAttribute("identifier", "SCORE");
			w.writeStartElement("qti-base-value");
			w.writeAttribute("base-type", "float");
			w.writeCharacters("1");
			w.writeEndElement();
			w.writeEndElement();
			w.writeEndElement();
			w.writeEndElement();
		}
		if (!q.explanation().isBlank()) {
			w.writeStartElement("qti-set-outcome-value");
			w.writeAttribute("identifier", "FEEDBACK");
			w.writeStartElement("qti-base-value");
			w.writeAttribute("base-type", "identifier");
			w.writeCharacters("EXPLANATION");
			w.writeEndElement();
			w.writeEndElement();
		}
		w.writeEndElement();
	}

	private static String share(int parts) {
		return BigDecimal.ONE.divide(BigDecimal.valueOf(parts), 6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	static String choice(int index) {
		return "C" + (index + 1);
	}

	static String item(int index) {
		return "I" + (index + 1);
	}

	static String match(int index) {
		return "M" + (index + 1);
	}

	private static void declared(XMLStreamWriter w, String cardinality, String baseType) throws XMLStreamException {
		w.writeAttribute("cardinality", cardinality);
		w.writeAttribute("base-type", baseType);
	}

	private static void correct(XMLStreamWriter w, List<String> values) throws XMLStreamException {
		w.writeStartElement("qti-correct-response");
		for (String value : values) {
			element(w, "qti-value", value);
		}
		w.writeEndElement();
	}

	private static void mapping(XMLStreamWriter w, String lower, String upper) throws XMLStreamException {
		w.writeStartElement("qti-mapping");
		w.writeAttribute("default-value", "0");
		if (lower != null) {
			w.writeAttribute("lower-bound", lower);
		}
		w.writeAttribute("upper-bound", upper);
	}

	private static void mapEntry(XMLStreamWriter w, String key, String value, boolean caseInsensitive)
			throws XMLStreamException {
		w.writeEmptyElement("qti-map-entry");
		w.writeAttribute("map-key", key);
		w.writeAttribute("mapped-value", value);
		if (caseInsensitive) {
			w.writeAttribute("case-sensitive", "false");
		}
	}

	private static void outcome(XMLStreamWriter w, String id, String baseType, String initial) throws XMLStreamException {
		w.writeStartElement("qti-outcome-declaration");
		w.writeAttribute("identifier", id);
		w.writeAttribute("cardinality", "single");
		w.writeAttribute("base-type", baseType);
		if (initial != null) {
			w.writeStartElement("qti-default-value");
			element(w, "qti-value", initial);
			w.writeEndElement();
		}
		w.writeEndElement();
	}

	private static void choice(XMLStreamWriter w, String element, String id, String text, String matchMax)
			throws XMLStreamException {
		w.writeStartElement(element);
		w.writeAttribute("identifier", id);
		if (matchMax != null) {
			w.writeAttribute("match-max", matchMax);
		}
		lines(w, text);
		w.writeEndElement();
	}

	private static void prompt(XMLStreamWriter w, String text) throws XMLStreamException {
		w.writeStartElement("qti-prompt");
		lines(w, text);
		w.writeEndElement();
	}

	/** Paragraphs at blank lines, line breaks within them. */
	private static void paragraphs(XMLStreamWriter w, String text) throws XMLStreamException {
		for (String paragraph : text.strip().split("\\n\\s*\\n")) {
			w.writeStartElement("p");
			lines(w, paragraph.strip());
			w.writeEndElement();
		}
	}

	private static void lines(XMLStreamWriter w, String text) throws XMLStreamException {
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				w.writeEmptyElement("br");
			}
			w.writeCharacters(lines[i]);
		}
	}

	private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
		w.writeStartElement(name);
		w.writeCharacters(text);
		w.writeEndElement();
	}

	private interface Body {

		void write(XMLStreamWriter w) throws XMLStreamException;
	}

	private static String xml(Body body) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
			w.writeStartDocument("UTF-8", "1.0");
			w.writeCharacters("\n");
			body.write(w);
			w.writeEndDocument();
			w.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("writing XML to memory failed", e);
		}
		return out.toString();
	}
}
