package io.stride.packages.export;

import java.io.ByteArrayOutputStream;
import java.util.Collection;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The control file of each package: {@code imsmanifest.xml} for SCORM 1.2 and 2004 4th Edition, {@code cmi5.xml}
 * for cmi5. One course is one SCO (or AU) launching {@code index.html}: the page leads through the lessons and the
 * quiz itself, so the LMS's sequencing has nothing to choose between.
 */
final class Manifests {

	static final String LAUNCH = "index.html";

	private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

	private static final String CP12 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";

	private static final String ADLCP12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2";

	private static final String CP = "http://www.imsglobal.org/xsd/imscp_v1p1";

	private static final String ADLCP = "http://www.adlnet.org/xsd/adlcp_v1p3";

	private static final String ADLSEQ = "http://www.adlnet.org/xsd/adlseq_v1p3";

	private static final String ADLNAV = "http://www.adlnet.org/xsd/adlnav_v1p3";

	private static final String IMSSS = "http://www.imsglobal.org/xsd/imsss";

	static final String CMI5 = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

	private Manifests() {
	}

	/** Identifiers of the exported course: {@code key} is an XML name, the IRIs name the course and its AU. */
	record Ids(String key, String courseIri, String auIri) {
	}

	static byte[] scorm12(ExportedCourse course, Ids ids, Collection<String> files) {
		Document xml = document();
		Element manifest = xml.createElementNS(CP12, "manifest");
		xml.appendChild(manifest);
		manifest.setAttribute("xmlns:adlcp", ADLCP12);
		manifest.setAttribute("xmlns:xsi", XSI);
		manifest.setAttributeNS(XSI, "xsi:schemaLocation", CP12 + " imscp_rootv1p1p2.xsd " + ADLCP12 + " adlcp_rootv1p2.xsd");
		manifest.setAttribute("identifier", ids.key());
		manifest.setAttribute("version", "1");
		Element metadata = child(manifest, CP12, "metadata", null);
		child(metadata, CP12, "schema", "ADL SCORM");
		child(metadata, CP12, "schemaversion", "1.2");
		Element organizations = child(manifest, CP12, "organizations", null);
		organizations.setAttribute("default", ids.key() + "-org");
		Element organization = child(organizations, CP12, "organization", null);
		organization.setAttribute("identifier", ids.key() + "-org");
		child(organization, CP12, "title", course.title());
		Element item = child(organization, CP12, "item", null);
		item.setAttribute("identifier", ids.key() + "-item");
		item.setAttribute("identifierref", ids.key() + "-sco");
		item.setAttribute("isvisible", "true");
		child(item, CP12, "title", course.title());
		if (course.hasQuiz()) {
			// SCORM 1.2 scores are 0 to 100, like Stride's pass mark
			child(item, ADLCP12, "adlcp:masteryscore", String.valueOf(course.quiz().passMark()));
		}
		Element resources = child(manifest, CP12, "resources", null);
		Element resource = child(resources, CP12, "resource", null);
		resource.setAttribute("identifier", ids.key() + "-sco");
		resource.setAttribute("type", "webcontent");
		resource.setAttributeNS(ADLCP12, "adlcp:scormtype", "sco");
		resource.setAttribute("href", LAUNCH);
		files.forEach(f -> child(resource, CP12, "file", null).setAttribute("href", f));
		return write(xml);
	}

	static byte[] scorm2004(ExportedCourse course, Ids ids, Collection<String> files) {
		Document xml = document();
		Element manifest = xml.createElementNS(CP, "manifest");
		xml.appendChild(manifest);
		manifest.setAttribute("xmlns:adlcp", ADLCP);
		manifest.setAttribute("xmlns:adlseq", ADLSEQ);
		manifest.setAttribute("xmlns:adlnav", ADLNAV);
		manifest.setAttribute("xmlns:imsss", IMSSS);
		manifest.setAttribute("xmlns:xsi", XSI);
		manifest.setAttributeNS(XSI, "xsi:schemaLocation",
				CP + " imscp_v1p1.xsd " + ADLCP + " adlcp_v1p3.xsd " + ADLSEQ + " adlseq_v1p3.xsd " + ADLNAV
						+ " adlnav_v1p3.xsd " + IMSSS + " imsss_v1p0.xsd");
		manifest.setAttribute("identifier", ids.key());
		manifest.setAttribute("version", "1");
		Element metadata = child(manifest, CP, "metadata", null);
		child(metadata, CP, "schema", "ADL SCORM");
		child(metadata, CP, "schemaversion", "2004 4th Edition");
		Element organizations = child(manifest, CP, "organizations", null);
		organizations.setAttribute("default", ids.key() + "-org");
		Element organization = child(organizations, CP, "organization", null);
		organization.setAttribute("identifier", ids.key() + "-org");
		// the course's objective is its own, not shared with other packages in the same LMS
		organization.setAttributeNS(ADLSEQ, "adlseq:objectivesGlobalToSystem", "false");
		child(organization, CP, "title", course.title());
		Element item = child(organization, CP, "item", null);
		item.setAttribute("identifier", ids.key() + "-item");
		item.setAttribute("identifierref", ids.key() + "-sco");
		child(item, CP, "title", course.title());
		Element sequencing = child(item, IMSSS, "imsss:sequencing", null);
		if (course.hasQuiz()) {
			// the LMS judges the score against the pass mark too (cmi.scaled_passing_score), as Stride does
			Element objectives = child(sequencing, IMSSS, "imsss:objectives", null);
			Element primary = child(objectives, IMSSS, "imsss:primaryObjective", null);
			primary.setAttribute("objectiveID", "pass-mark");
			primary.setAttribute("satisfiedByMeasure", "true");
			child(primary, IMSSS, "imsss:minNormalizedMeasure", course.quiz().masteryScore().toPlainString());
		}
		Element delivery = child(sequencing, IMSSS, "imsss:deliveryControls", null);
		delivery.setAttribute("completionSetByContent", "true");
		delivery.setAttribute("objectiveSetByContent", "true");
		// the page has its own previous and next between lessons; the LMS's would leave the course
		Element presentation = child(item, ADLNAV, "adlnav:presentation", null);
		Element navigation = child(presentation, ADLNAV, "adlnav:navigationInterface", null);
		child(navigation, ADLNAV, "adlnav:hideLMSUI", "previous");
		child(navigation, ADLNAV, "adlnav:hideLMSUI", "continue");
		Element rootSequencing = child(organization, IMSSS, "imsss:sequencing", null);
		Element control = child(rootSequencing, IMSSS, "imsss:controlMode", null);
		control.setAttribute("choice", "true");
		control.setAttribute("flow", "true");
		Element resources = child(manifest, CP, "resources", null);
		Element resource = child(resources, CP, "resource", null);
		resource.setAttribute("identifier", ids.key() + "-sco");
		resource.setAttribute("type", "webcontent");
		resource.setAttributeNS(ADLCP, "adlcp:scormType", "sco");
		resource.setAttribute("href", LAUNCH);
		files.forEach(f -> child(resource, CP, "file", null).setAttribute("href", f));
		return write(xml);
	}

	static byte[] cmi5(ExportedCourse course, Ids ids) {
		Document xml = document();
		Element root = xml.createElementNS(CMI5, "courseStructure");
		xml.appendChild(root);
		Element header = child(root, CMI5, "course", null);
		header.setAttribute("id", ids.courseIri());
		text(header, "title", course.title());
		text(header, "description", course.description());
		Element au = child(root, CMI5, "au", null);
		au.setAttribute("id", ids.auIri());
		if (course.hasQuiz()) {
			au.setAttribute("moveOn", "CompletedAndPassed");
			au.setAttribute("masteryScore", course.quiz().masteryScore().toPlainString());
		}
		else {
			au.setAttribute("moveOn", "Completed");
		}
		au.setAttribute("launchMethod", "AnyWindow");
		text(au, "title", course.title());
		text(au, "description", course.description());
		child(au, CMI5, "url", LAUNCH);
		return write(xml);
	}

	private static void text(Element parent, String name, String value) {
		Element element = child(parent, CMI5, name, null);
		Element langstring = child(element, CMI5, "langstring", value == null ? "" : value);
		langstring.setAttribute("lang", "en");
	}

	private static Element child(Element parent, String namespace, String name, String text) {
		Element element = parent.getOwnerDocument().createElementNS(namespace, name);
		if (text != null) {
			element.setTextContent(text);
		}
		parent.appendChild(element);
		return element;
	}

	private static Document document() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			return factory.newDocumentBuilder().newDocument();
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] write(Document xml) {
		try {
			var transformer = TransformerFactory.newInstance().newTransformer();
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			transformer.setOutputProperty(OutputKeys.INDENT, "yes");
			transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			transformer.transform(new DOMSource(xml), new StreamResult(out));
			return out.toByteArray();
		}
		catch (TransformerException e) {
			throw new IllegalStateException(e);
		}
	}
}
