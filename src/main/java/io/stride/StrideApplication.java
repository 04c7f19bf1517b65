package io.stride;

import io.stride.shared.copy.EmbeddedToPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class StrideApplication {

	public static void main(String[] args) {
		// README, Backup and restore: moving an embedded installation into PostgreSQL, without starting Stride
		if (EmbeddedToPostgres.requested(args)) {
			EmbeddedToPostgres.run(args);
			return;
		}
		SpringApplication.run(StrideApplication.class, args);
	}
}
