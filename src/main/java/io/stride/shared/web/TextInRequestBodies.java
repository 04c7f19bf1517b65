package io.stride.shared.web;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.stride.shared.ControlCharacters;
import io.stride.shared.InvalidInputException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses control characters anywhere in an API request body, naming the field ({@code lessons[0].title}), before
 * any of it is used: otherwise PostgreSQL refused NUL while saving and the caller got a misleading 409. Bodies are
 * records, lists and maps of them, so one walk covers every endpoint.
 */
@RestControllerAdvice(annotations = RestController.class)
class TextInRequestBodies extends RequestBodyAdviceAdapter {

	private static final int MAX_DEPTH = 16;

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		Map<String, String> errors = new LinkedHashMap<>();
		// a multipart text part is named by its part, a JSON body by its fields
		RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
		walk(body, part == null || part.name().isEmpty() ? "" : part.name(), errors, 0);
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Nothing was saved: a text contains a control character.", errors);
		}
		return body;
	}

	private static void walk(Object value, String path, Map<String, String> errors, int depth) {
		if (value == null || depth > MAX_DEPTH || errors.size() >= 20) {
			return;
		}
		if (value instanceof CharSequence text) {
			if (ControlCharacters.in(text)) {
				errors.putIfAbsent(path.isEmpty() ? "body" : path, ControlCharacters.MESSAGE);
			}
		}
		else if (value instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				walk(item, path + "[" + i++ + "]", errors, depth + 1);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String key = String.valueOf(entry.getKey());
				String at = path.isEmpty() ? key : path + "." + key;
				if (ControlCharacters.in(key)) {
					errors.putIfAbsent(at, ControlCharacters.MESSAGE);
				}
				walk(entry.getValue(), at, errors, depth + 1);
			}
		}
		else if (value instanceof Object[] items) {
			for (int i = 0; i < items.length; i++) {
				walk(items[i], path + "[" + i + "]", errors, depth + 1);
			}
		}
		else if (value.getClass().isRecord()) {
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				walk(read(component, value), path.isEmpty() ? component.getName() : path + "." + component.getName(),
						errors, depth + 1);
			}
		}
	}

	private static Object read(RecordComponent component, Object record) {
		try {
			var accessor = component.getAccessor();
			accessor.setAccessible(true);
			return accessor.invoke(record);
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			return null;
		}
	}
}
