package io.stride.xapi.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules documents and definitions follow, without a server. */
class DocumentRulesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ObjectNode object(String json) {
		return (ObjectNode) JSON.readTree(json);
	}

	@Test
	void aNewerDefinitionAddsLanguagesAndExtensionsAndReplacesTheRest() {
		ObjectNode merged = ActivityDefinitions.merged(
				object("{\"name\":{\"en\":\"Meeting\",\"de\":\"Treffen\"},\"extensions\":{\"a\":1},"
						+ "\"choices\":[{\"id\":\"x\"}],\"type\":\"t1\"}"),
				object("{\"name\":{\"en\":\"Team meeting\",\"fr\":\"Réunion\"},\"extensions\":{\"b\":2},"
						+ "\"choices\":[{\"id\":\"y\"}]}"));
		assertThat(merged).isEqualTo(object("{\"name\":{\"en\":\"Team meeting\",\"de\":\"Treffen\",\"fr\":\"Réunion\"},"
				+ "\"extensions\":{\"a\":1,\"b\":2},\"choices\":[{\"id\":\"y\"}],\"type\":\"t1\"}"));
	}

	@Test
	void preconditionHeadersNameTagsQuotedWeakListedOrAll() {
		String etag = "a".repeat(40);
		assertThat(Documents.names("\"" + etag + "\"", etag)).isTrue();
		assertThat(Documents.names("W/\"" + etag + "\"", etag)).isTrue();
		assertThat(Documents.names("\"" + "b".repeat(40) + "\", \"" + etag + "\"", etag)).isTrue();
		assertThat(Documents.names("*", etag)).isTrue();
		assertThat(Documents.names("\"" + "b".repeat(40) + "\"", etag)).isFalse();
	}

	@Test
	void anAgentIsItsOneIdentifierWhateverElseItSays() {
		AgentParameter named = AgentParameter.parse("{\"objectType\":\"Agent\",\"name\":\"Leo\","
				+ "\"mbox_sha1sum\":\"" + "AB".repeat(20) + "\"}", JSON);
		AgentParameter bare = AgentParameter.parse("{\"mbox_sha1sum\":\"" + "ab".repeat(20) + "\"}", JSON);
		assertThat(named.identity()).isEqualTo(bare.identity());
		assertThat(DocumentPlace.agentProfile(named).documentKey("p"))
			.isEqualTo(DocumentPlace.agentProfile(bare).documentKey("p"));
		assertThat(DocumentPlace.agentProfile(named).documentKey("p"))
			.isNotEqualTo(DocumentPlace.agentProfile(named).documentKey("q"));
		assertThatThrownBy(() -> AgentParameter.parse("{\"mbox\":\"mailto:a@b.example\",\"age\":3}", JSON))
			.hasMessageContaining("'age'");
		assertThatThrownBy(() -> AgentParameter.parse("{\"account\":{\"homePage\":\"https://x.example\"}}", JSON))
			.hasMessageContaining("needs a name");
	}

	@Test
	void aStateOfOneRegistrationIsNotTheSameDocumentAsOneWithout() {
		AgentParameter leo = AgentParameter.parse("{\"mbox\":\"mailto:leo@acme.example\"}", JSON);
		String registration = "0f8c5d2e-6b1a-4c3e-9d7f-2a1b3c4d5e6f";
		DocumentPlace without = DocumentPlace.state("https://x.example/a", leo, null);
		DocumentPlace with = DocumentPlace.state("https://x.example/a", leo, registration);
		assertThat(with.documentKey("s")).isNotEqualTo(without.documentKey("s"));
		assertThat(with.scopeKey()).isEqualTo(without.scopeKey());
		assertThatThrownBy(() -> DocumentPlace.state("https://x.example/a", leo, "42")).hasMessageContaining("UUID");
		assertThatThrownBy(() -> DocumentPlace.activityProfile("no iri")).hasMessageContaining("must be an IRI");
	}
}
