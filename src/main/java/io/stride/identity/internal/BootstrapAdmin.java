package io.stride.identity.internal;

import io.stride.identity.OrganizationAdministration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start, creates the first admin from {@code STRIDE_ADMIN_EMAIL} and {@code STRIDE_ADMIN_PASSWORD} when the
 * installation has no admin yet. Runs before the demo data, which still seeds a database holding only this admin.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final OrganizationAdministration administration;

	private final String email;

	private final String password;

	BootstrapAdmin(OrganizationAdministration administration, @Value("${stride.admin.email:}") String email,
			@Value("${stride.admin.password:}") String password) {
		this.administration = administration;
		this.email = email;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (email.isBlank() || password.isBlank()) {
			return;
		}
		if (administration.bootstrapAdmin("Administrator", email, password)) {
			log.info("Created the first admin from STRIDE_ADMIN_EMAIL");
		}
	}
}
