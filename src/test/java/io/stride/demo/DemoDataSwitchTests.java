package io.stride.demo;

import io.stride.identity.OrganizationAdministration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class DemoDataSwitchTests {

	private final OrganizationAdministration administration = mock(OrganizationAdministration.class);

	@Test
	void unsetSeedsOnlyAnEmptyEmbeddedDatabase() {
		when(administration.hasPeopleBesides("")).thenReturn(false);
		assertThat(demo("", "jdbc:h2:file:./data/stride").shouldSeed()).isTrue();
		assertThat(demo("", "jdbc:postgresql://db/stride").shouldSeed()).isFalse();
	}

	@Test
	void trueSeedsAnyEmptyDatabaseAndFalseNever() {
		when(administration.hasPeopleBesides("")).thenReturn(false);
		assertThat(demo("true", "jdbc:postgresql://db/stride").shouldSeed()).isTrue();
		assertThat(demo("false", "jdbc:h2:file:./data/stride").shouldSeed()).isFalse();
	}

	@Test
	void aDatabaseWithPeopleIsNeverSeeded() {
		when(administration.hasPeopleBesides("")).thenReturn(true);
		assertThat(demo("true", "jdbc:h2:mem:x").shouldSeed()).isFalse();
		assertThat(demo("", "jdbc:h2:mem:x").shouldSeed()).isFalse();
	}

	private DemoData demo(String setting, String url) {
		return new DemoData(administration, null, null, null, null, setting, url,
				mock(org.springframework.transaction.PlatformTransactionManager.class), "", null, null, null, null, null, null, null, null, null);
	}
}
