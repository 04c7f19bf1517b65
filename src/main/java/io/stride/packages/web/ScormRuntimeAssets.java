package io.stride.packages.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Serves scorm-again's files, which the build copies from npm into {@code static/vendor/scorm-again} (ADR 0033), under
 * their own path like Stride's other assets: with a hash of their content in the URL, kept by browsers for a year.
 */
@Configuration(proxyBeanMethods = false)
class ScormRuntimeAssets implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/vendor/scorm-again/**")
			.addResourceLocations("classpath:/static/vendor/scorm-again/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}
}
