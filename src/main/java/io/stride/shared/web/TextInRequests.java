package io.stride.shared.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.stride.shared.ChecksControlCharacters;
import io.stride.shared.ControlCharacters;
import io.stride.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses control characters in request parameters (form fields, query strings, multipart text fields) and path
 * variables, naming them, before any handler uses them: PostgreSQL cannot store NUL and H2 stored it silently.
 * <p>
 * One check ahead of all handlers rather than one per form: forms bind in many ways (records, beans, single
 * parameters, raw parameter maps for quiz answers), and a check that each controller must remember is one that the
 * next form forgets. The price is that the refusal is a page of its own rather than the form shown again; handlers
 * that check their text themselves and keep the form say so with {@link ChecksControlCharacters}. API request bodies
 * are checked by {@link TextInRequestBodies}.
 */
@Configuration(proxyBeanMethods = false)
class TextInRequests implements WebMvcConfigurer, HandlerInterceptor {

	private static final int MAX_ERRORS = 20;

	private static final Map<List<String>, Pattern> PATTERNS = new ConcurrentHashMap<>();

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// the error page runs with the failed request's parameters; refusing them there would hide the first error
		registry.addInterceptor(this).excludePathPatterns("/error");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		// our controllers only: the error advice covers them (actuator endpoints are handlers too)
		if (!(handler instanceof HandlerMethod method)
				|| !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), Controller.class)) {
			return true;
		}
		ChecksControlCharacters own = method.getMethodAnnotation(ChecksControlCharacters.class);
		if (own == null) {
			own = method.getBeanType().getAnnotation(ChecksControlCharacters.class);
		}
		if (own != null && own.value().length == 0) {
			return true;
		}
		Predicate<String> checkedByTheHandler = own == null ? name -> false : checkedBy(own.value());
		Map<String, String> errors = new LinkedHashMap<>();
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
			variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value), errors));
		}
		request.getParameterMap().forEach((name, values) -> {
			if (checkedByTheHandler.test(name)) {
				return;
			}
			for (String value : values) {
				check(name, value, errors);
			}
		});
		if (!errors.isEmpty()) {
			throw new InvalidInputException(HttpMethod.GET.matches(request.getMethod())
					? "Nothing was looked up: a value contains a control character."
					: "Nothing was saved: a text contains a control character.", errors);
		}
		return true;
	}

	/** Names as patterns: {@code *} stands for an index. Annotations are few and requests many, so kept compiled. */
	private static Predicate<String> checkedBy(String[] names) {
		return PATTERNS.computeIfAbsent(List.of(names), given -> Pattern.compile(given.stream()
			.map(name -> Arrays.stream(name.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining("\\d+")))
			.collect(Collectors.joining("|")))).asMatchPredicate();
	}

	private static void check(String name, String value, Map<String, String> errors) {
		if (errors.size() < MAX_ERRORS && (ControlCharacters.in(name) || ControlCharacters.in(value))) {
			errors.putIfAbsent(ControlCharacters.strip(name), ControlCharacters.MESSAGE);
		}
	}
}
