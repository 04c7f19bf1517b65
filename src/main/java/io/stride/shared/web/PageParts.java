package io.stride.shared.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Runs every {@link PagePart} on the views it adds to: one interceptor for all of them, looking the rendered view up
 * in a map built once, so a page no part adds to costs one map lookup.
 */
@Configuration(proxyBeanMethods = false)
class PageParts implements WebMvcConfigurer {

	private final Map<String, List<PagePart>> byView = new HashMap<>();

	PageParts(List<PagePart> parts) {
		for (PagePart part : parts) {
			for (String view : part.views()) {
				byView.merge(view, List.of(part), (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
			}
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		if (byView.isEmpty()) {
			return;
		}
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView page) {
				if (page == null || page.getViewName() == null) {
					return;
				}
				List<PagePart> parts = byView.get(page.getViewName());
				if (parts != null) {
					for (PagePart part : parts) {
						part.fillIn(page.getViewName(), page.getModel());
					}
				}
			}
		});
	}

}
