package io.stride.drafting.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.stride.drafting.internal.DocumentLanguage.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentLanguageTests {

	@ParameterizedTest
	@CsvSource({ "faq-non-english.md, GERMAN", "languages/remboursement-frais.md, FRENCH",
			"languages/seguridad-almacen.md, SPANISH", "languages/wachtwoordbeleid.md, DUTCH",
			"expense-policy.md, ENGLISH", "onboarding-meeting.vtt, ENGLISH", "handbook-8000.md, ENGLISH" })
	void theDocumentsOfTheCorpusAreReadInTheirLanguage(String file, Language expected) throws IOException {
		DocumentLanguage.Detected detected = DocumentLanguage.of(corpus(file));

		assertThat(detected.supported()).isTrue();
		assertThat(detected.language()).isEqualTo(expected);
		assertThat(detected.tag()).isEqualTo(expected.tag());
	}

	@Test
	void aLanguageTheEngineDoesNotDraftInIsNamed() throws IOException {
		DocumentLanguage.Detected detected = DocumentLanguage.of(corpus("languages/sicurezza-laboratorio.md"));

		assertThat(detected.supported()).isFalse();
		assertThat(detected.tag()).isEqualTo("it");
		assertThat(detected.name()).isEqualTo("Italian");
	}

	@Test
	void aFewWordsAreTooFewToTellAndCountAsEnglish() {
		assertThat(DocumentLanguage.of("Informe al supervisor antes de empezar el turno.").language())
			.isEqualTo(Language.ENGLISH);
		assertThat(DocumentLanguage.of("   ").language()).isEqualTo(Language.ENGLISH);
	}

	private static String corpus(String name) throws IOException {
		return Files.readString(Path.of("src/test/resources/corpus", name));
	}
}
