package io.stride.packages.scorm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import io.stride.packages.PackageRejected;
import io.stride.packages.internal.PackageArchive;
import io.stride.shared.ControlCharacters;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What Stride reads of a SCORM package's {@code imsmanifest.xml} (SCORM 1.2 and 2004 3rd and 4th edition, Content
 * Aggregation Model): the version, the default organization's title and its launchable SCOs in order, each with its
 * launch address inside the package (resource {@code href}, {@code xml:base} and the item's {@code parameters}),
 * mastery score, passing score and completion threshold. Elements are matched by their local names, since packages
 * from the wild mix the namespace versions; the version comes from {@code schemaversion} or, failing that, from the
 * namespaces. A manifest that breaks the rules a player depends on is refused naming what is wrong.
 */
public record ScormManifest(ScormStandard standard, String title, List<Sco> scos, List<String> notes) {

	public static final String FILE = "imsmanifest.xml";

	/** The most SCOs a course can hold: one lesson each. */
	public static final int MAX_SCOS = 50;

	private static final String ADLCP_12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2";

	private static final String ADLCP_2004 = "http://www.adlnet.org/xsd/adlcp_v1p3";

	/** One launchable SCO: an item of the organization and the resource it launches. */
	public record Sco(String identifier, String title, String launch, String launchData, Double masteryScore,
			Double passingScore, Double completionThreshold) {

		/** The launch address without its query: the file in the package that is launched. */
		public String launchPath() {
			int query = launch.indexOf('?');
			return query < 0 ? launch : launch.substring(0, query);
		}
	}

	public static ScormManifest read(PackageArchive archive) {
		String name = archive.name();
		byte[] xml = archive.file(FILE).orElseThrow(() -> {
			String nested = archive.files().keySet().stream().filter(path -> path.endsWith("/" + FILE)).findFirst()
				.orElse(null);
			return new PackageRejected("\"" + name + "\" has no " + FILE + " at its root"
					+ (nested == null ? ", so it is no SCORM package."
							: " (it is at " + nested + "). Zip the package's contents, not the folder that holds them."));
		});
		Element manifest = parse(name, xml).getDocumentElement();
		if (!"manifest".equals(manifest.getLocalName())) {
			throw new PackageRejected("\"" + name + "\": " + FILE + " has <" + manifest.getNodeName()
					+ "> at its root, not <manifest>.");
		}
		ScormStandard standard = standard(name, manifest);
		Element organization = defaultOrganization(name, manifest);
		Map<String, Element> resources = new HashMap<>();
		String resourcesBase = "";
		Element resourcesElement = child(manifest, "resources");
		if (resourcesElement != null) {
			resourcesBase = base(resourcesElement);
			for (Element resource : children(resourcesElement, "resource")) {
				resources.put(resource.getAttribute("identifier"), resource);
			}
		}
		List<Sco> scos = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		collect(name, archive, standard, organization, resources, resourcesBase, scos, notes);
		if (scos.isEmpty()) {
			throw new PackageRejected("\"" + name + "\" has no SCO in its organization: no item launches a resource "
					+ "marked adlcp:scormType=\"sco\", so nothing in it can report progress.");
		}
		if (scos.size() > MAX_SCOS) {
			throw new PackageRejected("\"" + name + "\" has " + scos.size() + " SCOs; a course holds at most " + MAX_SCOS
					+ " lessons. Split the package.");
		}
		String title = text(child(organization, "title"));
		if (title.isBlank()) {
			title = scos.getFirst().title();
		}
		return new ScormManifest(standard, clip(title), List.copyOf(scos), List.copyOf(notes));
	}

	private static Document parse(String name, byte[] xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			// no DTDs, no external entities, no XInclude: a manifest reaches nothing outside itself
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
					? "declares a DOCTYPE, which SCORM manifests do not use and Stride does not read"
					: "is not well-formed XML (" + e.getMessage() + ")";
			throw new PackageRejected("\"" + name + "\": " + FILE + " " + reason + ".");
		}
		catch (IOException e) {
			throw new PackageRejected("\"" + name + "\": " + FILE + " could not be read.");
		}
	}

	private static ScormStandard standard(String name, Element manifest) {
		Element metadata = child(manifest, "metadata");
		String version = metadata == null ? "" : text(child(metadata, "schemaversion")).toLowerCase(Locale.ROOT);
		if (version.equals("1.2")) {
			return ScormStandard.SCORM_12;
		}
		if (version.contains("4th")) {
			return ScormStandard.SCORM_2004_4;
		}
		if (version.contains("2004") || version.equals("cam 1.3")) {
			return ScormStandard.SCORM_2004_3;
		}
		if (!version.isEmpty()) {
			throw new PackageRejected("\"" + name + "\": " + FILE + " names schemaversion \"" + version
					+ "\"; Stride plays SCORM 1.2 and SCORM 2004 (3rd and 4th edition).");
		}
		// no schemaversion: the namespaces say which run-time the content expects
		String declared = declaredNamespaces(manifest);
		if (declared.contains(ADLCP_12)) {
			return ScormStandard.SCORM_12;
		}
		if (declared.contains(ADLCP_2004)) {
			return ScormStandard.SCORM_2004_3;
		}
		throw new PackageRejected("\"" + name + "\": " + FILE + " names no schemaversion and no SCORM namespace, so "
				+ "it is not a SCORM 1.2 or 2004 package.");
	}

	private static String declaredNamespaces(Element element) {
		StringBuilder all = new StringBuilder();
		var attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			all.append(attributes.item(i).getNodeValue()).append(' ');
		}
		return all.toString();
	}

	private static Element defaultOrganization(String name, Element manifest) {
		Element organizations = child(manifest, "organizations");
		List<Element> all = organizations == null ? List.of() : children(organizations, "organization");
		if (all.isEmpty()) {
			throw new PackageRejected("\"" + name + "\": " + FILE + " has no <organization>, so there is nothing to "
					+ "launch.");
		}
		String wanted = organizations.getAttribute("default");
		if (wanted.isBlank()) {
			return all.getFirst();
		}
		return all.stream().filter(o -> wanted.equals(o.getAttribute("identifier"))).findFirst()
			.orElseThrow(() -> new PackageRejected("\"" + name + "\": " + FILE + " names \"" + wanted
					+ "\" as its default organization, which it does not have."));
	}

	private static void collect(String name, PackageArchive archive, ScormStandard standard, Element parent,
			Map<String, Element> resources, String resourcesBase, List<Sco> scos, List<String> notes) {
		for (Element item : children(parent, "item")) {
			String title = clip(text(child(item, "title")));
			String ref = item.getAttribute("identifierref");
			if (!ref.isBlank()) {
				Element resource = resources.get(ref);
				if (resource == null) {
					throw new PackageRejected("\"" + name + "\": item \"" + title + "\" (" + item.getAttribute("identifier")
							+ ") points at resource \"" + ref + "\", which " + FILE + " does not list.");
				}
				String type = attribute(resource, "scormtype", "scormType");
				if (!"sco".equalsIgnoreCase(type)) {
					notes.add("\"" + title + "\" is an asset (no SCORM run-time), so it is not a lesson.");
				}
				else {
					scos.add(sco(name, archive, standard, item, title, resource, resourcesBase));
				}
			}
			collect(name, archive, standard, item, resources, resourcesBase, scos, notes);
		}
	}

	private static Sco sco(String name, PackageArchive archive, ScormStandard standard, Element item, String title,
			Element resource, String resourcesBase) {
		String href = resource.getAttribute("href").strip();
		if (href.isEmpty()) {
			throw new PackageRejected("\"" + name + "\": resource \"" + resource.getAttribute("identifier")
					+ "\" is a SCO without an href to launch.");
		}
		if (href.contains("://") || href.startsWith("//")) {
			throw new PackageRejected("\"" + name + "\": resource \"" + resource.getAttribute("identifier")
					+ "\" launches " + href + ", outside the package. Stride plays only what the package holds.");
		}
		String launch = resourcesBase + base(resource) + href;
		String query = "";
		int q = launch.indexOf('?');
		if (q >= 0) {
			query = launch.substring(q + 1);
			launch = launch.substring(0, q);
		}
		int fragment = launch.indexOf('#');
		if (fragment >= 0) {
			launch = launch.substring(0, fragment);
		}
		String path;
		try {
			path = URLDecoder.decode(launch.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException badEscape) {
			// found by fuzzing: a % not followed by two hex digits
			throw new PackageRejected("\"" + name + "\": resource \"" + resource.getAttribute("identifier")
					+ "\" launches " + launch + ", which is not a valid address (a % must be followed by two hex digits).");
		}
		if (!archive.contains(path)) {
			throw new PackageRejected("\"" + name + "\": resource \"" + resource.getAttribute("identifier")
					+ "\" launches " + path + ", which is not in the package.");
		}
		String parameters = item.getAttribute("parameters").strip();
		while (parameters.startsWith("?") || parameters.startsWith("&")) {
			parameters = parameters.substring(1);
		}
		if (!parameters.isEmpty()) {
			query = query.isEmpty() ? parameters : query + "&" + parameters;
		}
		String launchData = text(child(item, standard == ScormStandard.SCORM_12 ? "datafromlms" : "dataFromLMS"));
		Double mastery = standard == ScormStandard.SCORM_12 ? number(name, title, "masteryscore",
				text(child(item, "masteryscore")), 0, 100) : null;
		Double passing = null;
		Double threshold = null;
		if (standard != ScormStandard.SCORM_12) {
			Element thresholdElement = child(item, "completionThreshold");
			if (thresholdElement != null) {
				// 4th edition: an attribute; 3rd edition: the element's text
				String value = thresholdElement.hasAttribute("minProgressMeasure")
						? thresholdElement.getAttribute("minProgressMeasure") : text(thresholdElement);
				threshold = number(name, title, "completionThreshold", value, 0, 1);
			}
			passing = passingScore(name, title, item);
		}
		return new Sco(item.getAttribute("identifier"), title.isBlank() ? path : title,
				query.isEmpty() ? path : path + "?" + query, launchData.isBlank() ? null : clip(launchData, 4000),
				mastery, passing, threshold);
	}

	/** imsss:sequencing/objectives/primaryObjective[@satisfiedByMeasure=true]/minNormalizedMeasure. */
	private static Double passingScore(String name, String title, Element item) {
		Element sequencing = child(item, "sequencing");
		Element objectives = sequencing == null ? null : child(sequencing, "objectives");
		Element primary = objectives == null ? null : child(objectives, "primaryObjective");
		if (primary == null || !"true".equals(primary.getAttribute("satisfiedByMeasure"))) {
			return null;
		}
		Element measure = child(primary, "minNormalizedMeasure");
		return measure == null ? 1.0 : number(name, title, "minNormalizedMeasure", text(measure), -1, 1);
	}

	private static Double number(String name, String title, String what, String value, double min, double max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			double number = Double.parseDouble(value.strip());
			if (number < min || number > max || Double.isNaN(number)) {
				throw new NumberFormatException();
			}
			return number;
		}
		catch (NumberFormatException e) {
			throw new PackageRejected("\"" + name + "\": item \"" + title + "\" has " + what + " \"" + value.strip()
					+ "\"; it must be a number from " + trim(min) + " to " + trim(max) + ".");
		}
	}

	private static String trim(double number) {
		return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
	}

	private static String base(Element element) {
		String base = element.getAttributeNS(XMLConstants.XML_NS_URI, "base").strip();
		if (base.isEmpty() || base.contains("://")) {
			return "";
		}
		return base.endsWith("/") ? base : base + "/";
	}

	private static String attribute(Element element, String... localNames) {
		var attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Node attribute = attributes.item(i);
			String local = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
			for (String wanted : localNames) {
				if (wanted.equals(local)) {
					return attribute.getNodeValue();
				}
			}
		}
		return "";
	}

	private static Element child(Element parent, String localName) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && localName.equalsIgnoreCase(element.getLocalName())) {
				return element;
			}
		}
		return null;
	}

	private static List<Element> children(Element parent, String localName) {
		List<Element> found = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && localName.equals(element.getLocalName())) {
				found.add(element);
			}
		}
		return found;
	}

	private static String text(Element element) {
		return element == null ? "" : element.getTextContent().strip().replaceAll("\\s+", " ");
	}

	private static String clip(String text) {
		return clip(text, 200);
	}

	private static String clip(String text, int length) {
		String clean = ControlCharacters.in(text) ? text.replaceAll("\\p{Cntrl}", " ") : text;
		return clean.length() <= length ? clean : clean.substring(0, length - 1) + "…";
	}
}
