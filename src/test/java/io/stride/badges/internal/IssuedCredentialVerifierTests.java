package io.stride.badges.internal;

import java.io.StringReader;
import java.util.List;

import io.stride.badges.BadgeDraft;
import io.stride.badges.BadgeIssuer;
import io.stride.badges.Badges;
import io.stride.badges.CriterionKind;
import io.stride.badges.IssuedBadge;
import io.stride.support.Fixtures;
import io.stride.support.Fixtures.Org;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A credential the running application issued, read from its public JSON URL, verifies with the independent Node
 * verifier (see {@link BadgeVerifierTests}); a tampered copy of it does not.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IssuedCredentialVerifierTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Badges badges;

	@Autowired
	BadgeIssuer issuer;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aCredentialTheApplicationIssuedVerifiesIndependentlyAndATamperedCopyDoesNot() throws Exception {
		Org org = fixtures.organization();
		var badge = badges.define(fixtures.admin(), new BadgeDraft("Cycle finisher " + org.suffix(), "Closed a learning cycle.",
				"Close a learning cycle with a validated goal.", CriterionKind.CYCLE_CLOSED_WITH_VALIDATED_GOALS, null, null,
				1, null, List.of()));
		IssuedBadge issued = new TransactionTemplate(transactions)
			.execute(s -> issuer.issue(badge.id(), org.learnerA()).orElseThrow());
		String json = mvc.perform(get("/badges/credentials/" + issued.id() + ".json"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonObject credential = Json.createReader(new StringReader(json)).readObject();

		List<String> verdicts = BadgeVerifierTests.verify(credential, BadgeVerifierTests.tamper(credential));

		assertThat(verdicts.get(0)).contains("\"verified\":true", "\"errors\":[]");
		assertThat(verdicts.get(1)).contains("\"verified\":false");
	}
}
