package io.stride.packages.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import io.stride.authoring.Course;
import io.stride.authoring.CourseContent;
import io.stride.authoring.CourseId;
import io.stride.authoring.CourseStatus;
import io.stride.authoring.Lesson;
import io.stride.authoring.Quiz;
import io.stride.authoring.QuizSettings;
import io.stride.identity.PersonId;
import io.stride.support.EveryKind;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The packages' control files validate against the standards' own schemas (ADL's SCORM 1.2 and 2004 4th Edition
 * XSDs, the cmi5 CourseStructure.xsd, kept under src/test/resources/standards, read without the network), and a
 * SCORM package lists exactly the files it holds.
 */
class ExportedManifestsTests {

	private static final String IMAGE_ID = "0b6c5a7e-2f3d-4c1e-9a8b-1d2e3f4a5b6c";

	private static final Manifests.Ids IDS = new Manifests.Ids("stride-course-c1", "https://stride.example/courses/c1",
			"https://stride.example/courses/c1/au");

	private final PackageWriter writer = new PackageWriter(JsonMapper.builder().build());

	@Test
	void scorm12ManifestIsValidAndCarriesThePassMarkAsMasteryScore() throws Exception {
		Map<String, byte[]> zip = unzip(export(everyKind(), ExportFormat.SCORM12, true));
		byte[] manifest = zip.get("imsmanifest.xml");
		validate(manifest, schema("scorm12", "imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd"));
		Document xml = parse(manifest);
		assertThat(text(xml, "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "schemaversion")).isEqualTo("1.2");
		assertThat(text(xml, "http://www.adlnet.org/xsd/adlcp_rootv1p2", "masteryscore")).isEqualTo("50");
		Element resource = (Element) xml.getElementsByTagNameNS("*", "resource").item(0);
		assertThat(resource.getAttributeNS("http://www.adlnet.org/xsd/adlcp_rootv1p2", "scormtype")).isEqualTo("sco");
		assertThat(resource.getAttribute("href")).isEqualTo("index.html");
		listsExactlyTheFilesItHolds(xml, zip);
	}

	@Test
	void scorm2004ManifestIsValidAndThePassMarkIsTheObjectivesMinimumMeasure() throws Exception {
		Map<String, byte[]> zip = unzip(export(everyKind(), ExportFormat.SCORM2004, true));
		byte[] manifest = zip.get("imsmanifest.xml");
		validate(manifest, schema("scorm2004-4th", "imscp_v1p1.xsd", "adlcp_v1p3.xsd", "adlseq_v1p3.xsd",
				"adlnav_v1p3.xsd", "imsss_v1p0.xsd"));
		Document xml = parse(manifest);
		assertThat(text(xml, "http://www.imsglobal.org/xsd/imscp_v1p1", "schemaversion")).isEqualTo("2004 4th Edition");
		assertThat(text(xml, "http://www.imsglobal.org/xsd/imsss", "minNormalizedMeasure")).isEqualTo("0.5");
		Element resource = (Element) xml.getElementsByTagNameNS("*", "resource").item(0);
		assertThat(resource.getAttributeNS("http://www.adlnet.org/xsd/adlcp_v1p3", "scormType")).isEqualTo("sco");
		listsExactlyTheFilesItHolds(xml, zip);
	}

	@Test
	void cmi5CourseStructureIsValidWithOneAuThatMovesOnWhenCompletedAndPassed() throws Exception {
		Map<String, byte[]> zip = unzip(export(everyKind(), ExportFormat.CMI5, true));
		byte[] structure = zip.get("cmi5.xml");
		validate(structure, schema("cmi5", "CourseStructure.xsd"));
		Element au = (Element) parse(structure).getElementsByTagNameNS(Manifests.CMI5, "au").item(0);
		assertThat(au.getAttribute("moveOn")).isEqualTo("CompletedAndPassed");
		assertThat(au.getAttribute("masteryScore")).isEqualTo("0.5");
		assertThat(au.getAttribute("launchMethod")).isEqualTo("AnyWindow");
		assertThat(au.getAttribute("id")).isEqualTo(IDS.auIri());
		assertThat(au.getElementsByTagNameNS(Manifests.CMI5, "url").item(0).getTextContent()).isEqualTo("index.html");
		// the cmi5 client travels with the package, with its licence
		assertThat(zip).containsKeys("index.html", "lms.js", "player.js", "vendor/xapi-cmi5/Cmi5.umd.js",
				"vendor/xapi-cmi5/LICENSE.md");
	}

	@Test
	void aCourseWithoutAQuizIsDoneWhenCompletedAndHasNoMasteryScore() throws Exception {
		Course noQuiz = course(new CourseContent("Reading only", "Two lessons.",
				List.of(new Lesson(null, "One", "First."), new Lesson(null, "Two", "Second.")), new Quiz(80, List.of())));
		Map<String, byte[]> cmi5 = unzip(export(noQuiz, ExportFormat.CMI5, true));
		validate(cmi5.get("cmi5.xml"), schema("cmi5", "CourseStructure.xsd"));
		Element au = (Element) parse(cmi5.get("cmi5.xml")).getElementsByTagNameNS(Manifests.CMI5, "au").item(0);
		assertThat(au.getAttribute("moveOn")).isEqualTo("Completed");
		assertThat(au.hasAttribute("masteryScore")).isFalse();
		Map<String, byte[]> scorm12 = unzip(export(noQuiz, ExportFormat.SCORM12, true));
		validate(scorm12.get("imsmanifest.xml"), schema("scorm12", "imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd"));
		assertThat(new String(scorm12.get("imsmanifest.xml"), StandardCharsets.UTF_8)).doesNotContain("masteryscore");
		Map<String, byte[]> scorm2004 = unzip(export(noQuiz, ExportFormat.SCORM2004, true));
		validate(scorm2004.get("imsmanifest.xml"), schema("scorm2004-4th", "imscp_v1p1.xsd", "adlcp_v1p3.xsd",
				"adlseq_v1p3.xsd", "adlnav_v1p3.xsd", "imsss_v1p0.xsd"));
		assertThat(new String(scorm2004.get("imsmanifest.xml"), StandardCharsets.UTF_8)).doesNotContain("minNormalizedMeasure");
	}

	@Test
	void lessonImagesTravelInThePackageAndThePageShowsThemFromThere() throws Exception {
		Map<String, byte[]> zip = unzip(export(everyKind(), ExportFormat.SCORM12, true));
		assertThat(zip).containsKey("media/" + IMAGE_ID + ".png");
		assertThat(ImageIO.read(new ByteArrayInputStream(zip.get("media/" + IMAGE_ID + ".png"))).getWidth()).isEqualTo(64);
		String data = new String(zip.get("course.js"), StandardCharsets.UTF_8);
		assertThat(data).contains("src=\\\"media/" + IMAGE_ID + ".png\\\"", "alt=\\\"The incident form\\\"")
			.doesNotContain("/media/" + IMAGE_ID);
		// the lesson is Stride's sanitized rendering: no script an author typed survives
		assertThat(data).contains("<strong>data protection officer</strong>").doesNotContain("<script");
	}

	@Test
	void aVideoTravelsWithItsCaptionsAndItsLink() throws Exception {
		String video = "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
		Course course = course(new CourseContent("Watching", "A video.",
				List.of(new Lesson("l1", "Watch", "![Video: The walkthrough](/media/" + video + ")")), new Quiz(80, List.of())));
		byte[] mp4 = "not really an mp4".getBytes(StandardCharsets.UTF_8);
		byte[] vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n".getBytes(StandardCharsets.UTF_8);
		ExportedCourse content = ExportedCourse.of(course, true, (id, captions) -> Optional.of(captions
				? new ExportedCourse.MediaFile("text/vtt; charset=utf-8", vtt) : new ExportedCourse.MediaFile("video/mp4", mp4)));
		Map<String, byte[]> zip = unzip(writer.write(content, ExportFormat.SCORM2004, IDS));
		assertThat(zip.get("media/" + video + ".mp4")).isEqualTo(mp4);
		assertThat(zip.get("media/" + video + "-captions.vtt")).isEqualTo(vtt);
		String html = content.lessons().get(0).html();
		assertThat(html).contains("<video", "src=\"media/" + video + ".mp4\"", "src=\"media/" + video + "-captions.vtt\"",
				"href=\"media/" + video + ".mp4\"").doesNotContain("/media/");
		listsExactlyTheFilesItHolds(parse(zip.get("imsmanifest.xml")), zip, "media/" + video + ".mp4");
	}

	@Test
	void withoutTheQuizThePackageCarriesNoAnswers() throws Exception {
		Map<String, byte[]> zip = unzip(export(everyKind(), ExportFormat.SCORM2004, false));
		String data = new String(zip.get("course.js"), StandardCharsets.UTF_8);
		assertThat(data).contains("\"quiz\":null").doesNotContain("Crème brûlée", "Madrid");
		assertThat(new String(zip.get("imsmanifest.xml"), StandardCharsets.UTF_8)).doesNotContain("minNormalizedMeasure");
	}

	@Test
	void theSchemasRefuseAManifestThatBreaksThem() {
		// the check above would be worth nothing if the schemas took anything
		byte[] broken = ("<manifest xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\" identifier=\"m\">"
				+ "<organizations/></manifest>").getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> validate(broken, schema("scorm12", "imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd")))
			.isInstanceOf(SAXException.class)
			.hasMessageContaining("resources");
		byte[] badMoveOn = ("<courseStructure xmlns=\"" + Manifests.CMI5 + "\"><course id=\"urn:c\"><title><langstring>T"
				+ "</langstring></title><description><langstring>D</langstring></description></course>"
				+ "<au id=\"urn:a\" moveOn=\"Whenever\"><title><langstring>T</langstring></title><description><langstring>D"
				+ "</langstring></description><url>index.html</url></au></courseStructure>").getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> validate(badMoveOn, schema("cmi5", "CourseStructure.xsd")))
			.isInstanceOf(SAXException.class)
			.hasMessageContaining("Whenever");
	}

	@Test
	void fileNamesComeFromTheTitle() {
		assertThat(CourseExport.fileName("Reporting a data breach: Crème!", ExportFormat.CMI5))
			.isEqualTo("reporting-a-data-breach-creme-cmi5.zip");
		assertThat(CourseExport.fileName("???", ExportFormat.SCORM12)).isEqualTo("course-scorm12.zip");
	}

	private static void listsExactlyTheFilesItHolds(Document manifest, Map<String, byte[]> zip) {
		listsExactlyTheFilesItHolds(manifest, zip, "media/" + IMAGE_ID + ".png");
	}

	private static void listsExactlyTheFilesItHolds(Document manifest, Map<String, byte[]> zip, String mediaFile) {
		NodeList files = manifest.getElementsByTagNameNS("*", "file");
		List<String> listed = new ArrayList<>();
		for (int i = 0; i < files.getLength(); i++) {
			listed.add(((Element) files.item(i)).getAttribute("href"));
		}
		List<String> held = zip.keySet().stream().filter(name -> !name.equals("imsmanifest.xml")).toList();
		assertThat(listed).containsExactlyInAnyOrderElementsOf(held)
			.contains("index.html", "player.js", "lms.js", "course.js", mediaFile);
	}

	private byte[] export(Course course, ExportFormat format, boolean withQuiz) throws IOException {
		byte[] png = png();
		ExportedCourse content = ExportedCourse.of(course, withQuiz,
				(id, captions) -> id.equals(IMAGE_ID) && !captions
						? Optional.of(new ExportedCourse.MediaFile("image/png", png)) : Optional.empty());
		return writer.write(content, format, IDS);
	}

	/** Every question kind, and an image in the first lesson. */
	private static Course everyKind() {
		CourseContent content = EveryKind.course("Reporting an incident", QuizSettings.NONE);
		List<Lesson> lessons = new ArrayList<>(content.lessons());
		Lesson first = lessons.get(0);
		lessons.set(0, new Lesson("l1", first.title(), first.markdown() + "\n\n![The incident form](/media/" + IMAGE_ID
				+ ")\n\n<script>alert(1)</script>", first.sources(), first.module(), first.knowledgeChecks()));
		return course(content.with(lessons, content.quiz()));
	}

	private static Course course(CourseContent content) {
		return new Course(new CourseId("c1"), content.title(), content.description(), CourseStatus.DRAFT, 1, 1,
				new PersonId("p1"), content.lessons(), content.quiz(), Instant.now(), null, List.of(), null, null, null,
				null);
	}

	private static byte[] png() throws IOException {
		var image = new java.awt.image.BufferedImage(64, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				assertThat(entries).as("entries are unique").doesNotContainKey(entry.getName());
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	private static Document parse(byte[] xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
	}

	private static String text(Document xml, String namespace, String name) {
		return xml.getElementsByTagNameNS(namespace, name).item(0).getTextContent();
	}

	static void validate(byte[] xml, Schema schema) throws SAXException, IOException {
		schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
	}

	/**
	 * The schemas of one standard from their folder; every import and include (and the W3C's xml.xsd they name by
	 * its web address) is read from the folder, and the factory may open nothing but files.
	 */
	static Schema schema(String folder, String... roots) throws SAXException, IOException, URISyntaxException {
		URL base = ExportedManifestsTests.class.getResource("/standards/" + folder + "/");
		Path dir = Path.of(base.toURI());
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file");
		factory.setResourceResolver(new Local(dir, Path.of(ExportedManifestsTests.class.getResource("/standards/scorm2004-4th/xml.xsd").toURI())));
		Source[] sources = new Source[roots.length];
		for (int i = 0; i < roots.length; i++) {
			Path file = dir.resolve(roots[i]);
			sources[i] = new StreamSource(Files.newInputStream(file), file.toUri().toString());
		}
		return factory.newSchema(sources);
	}

	/**
	 * Web addresses of schemas and DTDs answered from the folder by their file name. The XML namespace (xml:lang) is
	 * always the W3C's xml.xsd: IMS's ims_xml.xsd for SCORM 1.2 binds the default namespace to it, which Namespaces
	 * in XML forbids and the JDK's parser refuses; both declare the same attributes.
	 */
	private record Local(Path dir, Path xmlNamespace) implements LSResourceResolver {

		@Override
		public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
			if (XMLConstants.XML_NS_URI.equals(namespace)) {
				return new FileInput(xmlNamespace, publicId, systemId, baseUri);
			}
			if (systemId == null || !systemId.startsWith("http")) {
				return null;
			}
			Path local = dir.resolve(systemId.substring(systemId.lastIndexOf('/') + 1));
			if (!Files.exists(local)) {
				throw new IllegalStateException("Schema not kept locally: " + systemId);
			}
			return new FileInput(local, publicId, systemId, baseUri);
		}
	}

	private record FileInput(Path file, String publicId, String systemId, String baseURI) implements LSInput {

		@Override
		public InputStream getByteStream() {
			try {
				return Files.newInputStream(file);
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}

		@Override
		public String getSystemId() {
			return file.toUri().toString();
		}

		@Override
		public String getPublicId() {
			return publicId;
		}

		@Override
		public String getBaseURI() {
			return baseURI;
		}

		@Override
		public java.io.Reader getCharacterStream() {
			return null;
		}

		@Override
		public void setCharacterStream(java.io.Reader characterStream) {
		}

		@Override
		public void setByteStream(InputStream byteStream) {
		}

		@Override
		public String getStringData() {
			return null;
		}

		@Override
		public void setStringData(String stringData) {
		}

		@Override
		public void setSystemId(String systemId) {
		}

		@Override
		public void setPublicId(String publicId) {
		}

		@Override
		public void setBaseURI(String baseURI) {
		}

		@Override
		public String getEncoding() {
			return null;
		}

		@Override
		public void setEncoding(String encoding) {
		}

		@Override
		public boolean getCertifiedText() {
			return false;
		}

		@Override
		public void setCertifiedText(boolean certifiedText) {
		}
	}
}
