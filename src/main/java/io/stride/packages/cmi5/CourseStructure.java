package io.stride.packages.cmi5;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import io.stride.packages.PackageRejected;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A cmi5 course structure ({@code cmi5.xml}, cmi5 §13), read safely (no DOCTYPE, no external entities or schemas),
 * validated against the specification's {@code CourseStructure.xsd} and then against the rules the schema cannot
 * say: ids are absolute IRIs and unique, a relative AU url names a file of the package and none carries the launch
 * parameters the LMS adds, mastery scores lie in 0–1. Blocks are flattened: their AUs in document order.
 */
record CourseStructure(String courseId, String title, String description, List<Au> aus) {

	static final String NAMESPACE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

	static final String FILE = "cmi5.xml";

	static final Set<String> MOVE_ON = Set.of("Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed",
			"NotApplicable");

	static final Set<String> LAUNCH_METHODS = Set.of("AnyWindow", "OwnWindow");

	/** What the LMS appends to the launch URL (cmi5 §8.1); an AU's url may not name them itself. */
	private static final Set<String> LAUNCH_PARAMETERS = Set.of("endpoint", "fetch", "actor", "activityId",
			"registration");

	private static volatile Schema schema;

	/** One assignable unit, as the LMS launches it. */
	record Au(String id, String title, String description, String url, boolean remote, String moveOn,
			Double masteryScore, String launchMethod, String launchParameters, String entitlementKey) {
	}

	/**
	 * Reads and checks the course structure.
	 * @param packageFile whether the package holds a file at this path; null for a bare cmi5.xml, whose AUs must
	 *                    then all be absolute URLs
	 */
	static CourseStructure read(String name, byte[] xml, Predicate<String> packageFile) {
		Document document = parse(name, xml);
		validate(name, xml);
		Element root = document.getDocumentElement();
		Element course = child(root, "course");
		String courseId = iri(name, course.getAttribute("id"), "the course's id", "§13.1.1");
		Set<String> ids = new HashSet<>();
		ids.add(courseId);
		List<Au> aus = new ArrayList<>();
		collect(name, root, packageFile, ids, aus);
		if (aus.isEmpty()) {
			throw new PackageRejected("\"" + name + "\": cmi5 §13.1: the course structure holds no AU to launch.");
		}
		return new CourseStructure(courseId, clip(text(child(course, "title")), 200),
				clip(text(child(course, "description")), 2000), List.copyOf(aus));
	}

	private static void collect(String name, Element parent, Predicate<String> packageFile, Set<String> ids,
			List<Au> aus) {
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (!(n instanceof Element e) || !NAMESPACE.equals(e.getNamespaceURI())) {
				continue;
			}
			if (e.getLocalName().equals("block")) {
				unique(name, ids, iri(name, e.getAttribute("id"), "a block's id", "§13.1.2"), "§13.1.2");
				collect(name, e, packageFile, ids, aus);
			}
			else if (e.getLocalName().equals("au")) {
				aus.add(au(name, e, packageFile, ids));
			}
		}
	}

	private static Au au(String name, Element au, Predicate<String> packageFile, Set<String> ids) {
		String id = iri(name, au.getAttribute("id"), "an AU's id", "§13.1.4");
		unique(name, ids, id, "§13.1.4");
		String title = clip(text(child(au, "title")), 200);
		String moveOn = au.hasAttribute("moveOn") ? au.getAttribute("moveOn").strip() : "NotApplicable";
		if (!MOVE_ON.contains(moveOn)) {
			throw refused(name, "§13.1.4", "the AU \u201c" + title + "\u201d has moveOn \u201c" + moveOn
					+ "\u201d; it must be one of " + String.join(", ", MOVE_ON.stream().sorted().toList()));
		}
		Double masteryScore = null;
		if (au.hasAttribute("masteryScore")) {
			try {
				masteryScore = Double.valueOf(au.getAttribute("masteryScore").strip());
			}
			catch (NumberFormatException e) {
				masteryScore = Double.NaN;
			}
			if (!(masteryScore >= 0 && masteryScore <= 1)) {
				throw refused(name, "§13.1.4", "the AU \u201c" + title + "\u201d has masteryScore \u201c"
						+ au.getAttribute("masteryScore") + "\u201d; it must be a decimal from 0 to 1");
			}
		}
		String launchMethod = au.hasAttribute("launchMethod") ? au.getAttribute("launchMethod").strip() : "AnyWindow";
		if (!LAUNCH_METHODS.contains(launchMethod)) {
			throw refused(name, "§13.1.4", "the AU \u201c" + title + "\u201d has launchMethod \u201c" + launchMethod
					+ "\u201d; it must be AnyWindow or OwnWindow");
		}
		String url = text(child(au, "url"));
		boolean remote = url(name, title, url, packageFile);
		Element parameters = child(au, "launchParameters");
		Element entitlement = child(au, "entitlementKey");
		return new Au(id, title.isBlank() ? id : title, clip(text(child(au, "description")), 2000), url, remote,
				moveOn, masteryScore, launchMethod, parameters == null ? null : clip(parameters.getTextContent(), 4000),
				entitlement == null ? null : clip(entitlement.getTextContent().strip(), 1000));
	}

	/** @return whether the url is absolute (a remote AU) */
	private static boolean url(String name, String title, String url, Predicate<String> packageFile) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException e) {
			throw refused(name, "§13.1.4", "the AU \u201c" + title + "\u201d has the url \u201c" + url
					+ "\u201d, which is not a URL (" + e.getReason() + ")");
		}
		if (url.length() > 2000) {
			throw refused(name, "§13.1.4", "the AU \u201c" + title + "\u201d has a url longer than 2,000 characters");
		}
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
				if (LAUNCH_PARAMETERS.contains(key)) {
					throw refused(name, "§13.1.4", "the AU \u201c" + title + "\u201d has the url \u201c" + url
							+ "\u201d, whose query names \u201c" + key + "\u201d, a parameter the LMS adds at launch");
				}
			}
		}
		if (uri.isAbsolute()) {
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("https") && !scheme.equals("http")) {
				throw refused(name, "§13.1.4", "the AU \u201c" + title + "\u201d has the url \u201c" + url
						+ "\u201d; an absolute url must be http or https");
			}
			return true;
		}
		String path = uri.getPath() == null ? "" : uri.getPath();
		if (packageFile == null) {
			throw refused(name, "§13.1.4", "the AU's url \u201c" + url + "\u201d is relative, but a cmi5.xml on its "
					+ "own has no files; upload the zip, or give the AU an absolute URL");
		}
		if (path.isEmpty() || path.startsWith("/") || uri.getRawAuthority() != null || !packageFile.test(path)) {
			throw refused(name, "§13.1.4", "the AU's url \u201c" + url + "\u201d names no file in the package");
		}
		return false;
	}

	private static String iri(String name, String value, String what, String section) {
		String id = value == null ? "" : value.strip();
		boolean absolute;
		try {
			absolute = !id.isEmpty() && new URI(id).isAbsolute();
		}
		catch (URISyntaxException e) {
			absolute = false;
		}
		if (!absolute) {
			throw refused(name, section, what + " \u201c" + id + "\u201d is not an absolute IRI");
		}
		if (id.length() > 1000) {
			throw refused(name, section, what + " is longer than 1,000 characters");
		}
		return id;
	}

	private static void unique(String name, Set<String> ids, String id, String section) {
		if (!ids.add(id)) {
			throw refused(name, section, "the id \u201c" + id + "\u201d is used twice; ids must be unique in the "
					+ "course structure");
		}
	}

	private static PackageRejected refused(String name, String section, String what) {
		return new PackageRejected("\"" + name + "\": cmi5 " + section + ": " + what + ".");
	}

	private static Document parse(String name, byte[] xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			// no DTDs, no external entities, no XInclude: the course structure reaches nothing outside itself
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException(e);
		}
		catch (SAXException e) {
			String reason = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
					? "declares a DOCTYPE, which course structures do not use and Stride does not read"
					: "is not well-formed XML (" + e.getMessage() + ")";
			throw new PackageRejected("\"" + name + "\": " + FILE + " " + reason + ".");
		}
		catch (IOException e) {
			throw new PackageRejected("\"" + name + "\": " + FILE + " could not be read.");
		}
	}

	/** Against the specification's schema; the parse before it has refused any DOCTYPE. */
	private static void validate(String name, byte[] xml) {
		try {
			Validator validator = schema().newValidator();
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
		}
		catch (SAXParseException e) {
			throw new PackageRejected("\"" + name + "\": cmi5 §13.2: " + FILE + " does not follow the course structure "
					+ "schema (line " + e.getLineNumber() + "): " + e.getMessage());
		}
		catch (SAXException | IOException e) {
			throw new PackageRejected("\"" + name + "\": cmi5 §13.2: " + FILE + " does not follow the course structure "
					+ "schema: " + e.getMessage());
		}
	}

	private static Schema schema() {
		Schema known = schema;
		if (known == null) {
			try {
				SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
				factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
				factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
				factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
				ClassPathResource xsd = new ClassPathResource("packages/cmi5/CourseStructure.xsd");
				try (var in = xsd.getInputStream()) {
					known = factory.newSchema(new StreamSource(in));
				}
			}
			catch (SAXException | IOException e) {
				throw new IllegalStateException("The cmi5 course structure schema could not be loaded", e);
			}
			schema = known;
		}
		return known;
	}

	private static Element child(Element parent, String name) {
		if (parent == null) {
			return null;
		}
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
				return e;
			}
		}
		return null;
	}

	/** A title or description: its first langstring (cmi5 gives every one in languages), else its text. */
	private static String text(Element element) {
		if (element == null) {
			return "";
		}
		Element first = child(element, "langstring");
		return (first == null ? element.getTextContent() : first.getTextContent()).strip().replaceAll("\\s+", " ");
	}

	private static String clip(String text, int max) {
		return text == null ? null : text.length() > max ? text.substring(0, max) : text;
	}
}
