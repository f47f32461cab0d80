package org.quntuan.platform.web;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

import jakarta.validation.constraints.Size;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Checks every JSON request body as soon as it is read, before any controller sees it, so that no
 * endpoint can forget (a notice's audience with 70,000 ids was a 500 and 230 KB of SQL in the log):
 * <ul>
 * <li>every list, set, map or array holds at most the {@code @Size(max)} of its record component,
 * or {@value #DEFAULT_MAX_ITEMS} items when it has none;</li>
 * <li>every name and title ({@code name}, {@code title}, {@code label}, {@code …Name},
 * {@code …Title}) is one line of visible characters ({@link TextInput#nameProblemText});</li>
 * <li>no text holds a lone surrogate.</li>
 * </ul>
 * A refusal is a 400 naming the field by its path ({@code audience.orgIds}, {@code fields[2].label}).
 * The stored values are still normalised where they are stored ({@link TextInput}), for pages too.
 */
@ControllerAdvice
class RequestBodyChecks extends RequestBodyAdviceAdapter {

	static final int DEFAULT_MAX_ITEMS = 1000;

	/** Deeper than any request record: a guard against a body that nests itself. */
	private static final int MAX_DEPTH = 8;

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		check(body, "", Integer.MAX_VALUE, false, 0);
		return body;
	}

	private static void check(Object value, String path, int maxItems, boolean nameLike, int depth) {
		if (value == null || depth > MAX_DEPTH) {
			return;
		}
		if (value instanceof String s) {
			checkText(s, path, nameLike);
		}
		else if (value instanceof Collection<?> items) {
			count(path, items.size(), maxItems);
			int i = 0;
			for (Object item : items) {
				check(item, path + "[" + i++ + "]", DEFAULT_MAX_ITEMS, false, depth + 1);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			count(path, map.size(), maxItems);
			for (Map.Entry<?, ?> e : map.entrySet()) {
				check(e.getValue(), path + "." + e.getKey(), DEFAULT_MAX_ITEMS, false, depth + 1);
			}
		}
		else if (value.getClass().isArray()) {
			int length = Array.getLength(value);
			count(path, length, maxItems);
			if (!value.getClass().getComponentType().isPrimitive()) {
				for (int i = 0; i < length; i++) {
					check(Array.get(value, i), path + "[" + i + "]", DEFAULT_MAX_ITEMS, false, depth + 1);
				}
			}
		}
		else if (value instanceof Record record) {
			for (RecordComponent component : record.getClass().getRecordComponents()) {
				Size size = component.getAccessor().getAnnotation(Size.class);
				String name = component.getName();
				check(read(record, component), path.isEmpty() ? name : path + "." + name,
						size == null ? DEFAULT_MAX_ITEMS : size.max(), isNameLike(name), depth + 1);
			}
		}
	}

	private static void count(String path, int count, int maxItems) {
		if (count > maxItems) {
			throw new InvalidValueException(path, Text.of("platform.request.too-many-items", maxItems, count));
		}
	}

	private static void checkText(String s, String path, boolean nameLike) {
		if (nameLike) {
			Text problem = TextInput.nameProblemText(s);
			if (problem != null) {
				throw new InvalidValueException(path, problem);
			}
		}
		else {
			TextInput.text(path, s);
		}
	}

	static boolean isNameLike(String component) {
		return component.equals("name") || component.equals("title") || component.equals("label")
				|| component.endsWith("Name") || component.endsWith("Title");
	}

	private static Object read(Record record, RecordComponent component) {
		try {
			component.getAccessor().setAccessible(true);
			return component.getAccessor().invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException | RuntimeException ex) {
			// a record we cannot read is left to the controller: this check must never turn a good request into a 500
			return null;
		}
	}
}
