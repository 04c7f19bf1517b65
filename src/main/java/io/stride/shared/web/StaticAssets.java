package io.stride.shared.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Serves the style sheets, scripts and web jars under their own paths only ({@code spring.web.resources.add-mappings}
 * is off). The default mapping of {@code /**} made every link a page renders a candidate static resource: each
 * {@code @{...}} link was looked up in four class-path folders, which took half the CPU of a page under load
 * (bench/load.sh). Our assets carry a hash of their content in the URL ({@code /css/stride-<hash>.css}) and the web
 * jars their version, so browsers may keep them for a year and fetch a new copy as soon as it changes. The icon
 * ({@code /favicon.svg}, which {@code /favicon.ico} redirects to) is linked from every page's head.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

	private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private static final CacheControl A_DAY = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : new String[] { "css", "js" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(A_YEAR)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(A_YEAR)
			.resourceChain(true);
		// the icon keeps its plain name: browsers ask for it by name, and its URL is not worth a hash
		registry.addResourceHandler("/favicon.svg")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(A_DAY);
	}

	/** Browsers ask for /favicon.ico whatever the page links; they are sent to the icon instead of a 404. */
	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/favicon.ico", "/favicon.svg").setStatusCode(HttpStatus.MOVED_PERMANENTLY);
	}

}
