package io.stride.identity;

import java.util.Map;
import java.util.Properties;

import io.stride.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Passwords are hashed with Argon2id at OWASP's recommended parameters (19 MiB, 2 iterations, parallelism 1); a hash
 * made with weaker ones (Spring's earlier 16 MiB default, bcrypt) is replaced at the person's next sign-in, without
 * it counting as a change of password (no session ends). The rest of the suite hashes with cheaper parameters (its
 * application.properties); this test runs with the production ones, which are application.yml's defaults.
 */
@SpringBootTest(properties = { "stride.passwords.argon2-memory-kib=19456", "stride.passwords.argon2-iterations=2" })
@AutoConfigureMockMvc
class PasswordHashingTests {

	private static final String OWASP = "$argon2id$v=19$m=19456,t=2,p=1$";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewPasswordIsHashedWithOwaspsParameters() {
		var org = fixtures.organization();
		assertThat(hash(org.learnerA())).startsWith("{argon2}" + OWASP);
	}

	@Test
	void weakerHashesAreMadeStrongerAtTheNextSignInAndNoSessionEnds() throws Exception {
		var org = fixtures.organization();
		Map<PersonId, String> weaker = Map.of(org.learnerA(),
				"{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(Fixtures.PASSWORD),
				org.learnerB(), "{bcrypt}" + new BCryptPasswordEncoder().encode(Fixtures.PASSWORD));
		weaker.forEach((id, hash) -> jdbc.sql("UPDATE people SET password_hash = ? WHERE id = ?").params(hash, id.value())
			.update());
		assertThat(hash(org.learnerA())).contains("$m=16384,t=2,p=1$");

		for (String handle : new String[] { "learner-a", "learner-b" }) {
			mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"" + org.email(handle) + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}"))
				.andExpect(status().isCreated());
		}

		assertThat(hash(org.learnerA())).startsWith("{argon2}" + OWASP);
		assertThat(hash(org.learnerB())).startsWith("{argon2}" + OWASP);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM people WHERE id IN (?, ?) AND credentials_changed_at IS NOT NULL")
			.params(org.learnerA().value(), org.learnerB().value())
			.query(Long.class)
			.single()).as("not a change of password: other sessions go on").isZero();
		mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + org.email("learner-a") + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void productionHashesWithOwaspsParametersByDefault() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		Properties production = yaml.getObject();
		assertThat(production.getProperty("stride.passwords.argon2-memory-kib")).isEqualTo("19456");
		assertThat(production.getProperty("stride.passwords.argon2-iterations")).isEqualTo("2");
	}

	private String hash(PersonId id) {
		return jdbc.sql("SELECT password_hash FROM people WHERE id = ?").param(id.value()).query(String.class).single();
	}
}
