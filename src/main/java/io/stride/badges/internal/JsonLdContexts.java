package io.stride.badges.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

/**
 * The JSON-LD contexts a Stride credential names, bundled as resources and parsed once. Anything else is refused:
 * canonicalizing a credential never goes to the network (a verifier that fetched contexts could be made to wait, or
 * to read a context an attacker changed).
 */
public final class JsonLdContexts implements DocumentLoader {

	public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";

	public static final String OPEN_BADGES_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

	public static final JsonLdContexts BUNDLED = new JsonLdContexts(Map.of(CREDENTIALS_V2,
			"/badges/contexts/credentials-v2.json", OPEN_BADGES_V3, "/badges/contexts/ob-v3p0-context-3.0.3.json"));

	private final Map<String, JsonDocument> documents;

	private JsonLdContexts(Map<String, String> resources) {
		this.documents = resources.entrySet().stream().collect(Collectors.toUnmodifiableMap(
				Map.Entry::getKey, e -> read(e.getKey(), e.getValue())));
	}

	@Override
	public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
		JsonDocument document = documents.get(url.toString());
		if (document == null) {
			throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
					"Only the bundled contexts are loaded, not " + url);
		}
		return document;
	}

	private static JsonDocument read(String url, String resource) {
		try (InputStream in = JsonLdContexts.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing bundled context " + resource);
			}
			JsonDocument document = JsonDocument.of(in);
			document.setDocumentUrl(URI.create(url));
			return document;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (JsonLdError e) {
			throw new IllegalStateException("bundled context " + resource + " does not parse", e);
		}
	}
}
