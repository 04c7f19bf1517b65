package io.stride;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StrideApplication {

	public static void main(String[] args) {
		SpringApplication.run(StrideApplication.class, args);
	}
}
