package io.stride.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI strideOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Stride API")
				.version("v1")
				.description("Everything the Stride UI does. Authenticate with POST /api/v1/auth/token, then send "
						+ "'Authorization: Bearer <token>'. Errors are RFC 9457 problem details.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
	}
}
