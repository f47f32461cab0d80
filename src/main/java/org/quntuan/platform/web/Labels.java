package org.quntuan.platform.web;

import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.Coded;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The label of an enum value in the page's language, for templates: {@code ${@labels.of(p.gender)}}.
 * The Chinese label is the default; other languages translate it with a key {@code label.<Chinese
 * label>} in their bundle, so that values of different enums with the same code (a role MEMBER, a
 * union status MEMBER) keep their own words.
 */
@Component("labels")
public class Labels {

	private final MessageSource messages;

	Labels(MessageSource messages) {
		this.messages = messages;
	}

	public String of(Object value) {
		String label;
		if (value instanceof CodeLabel cl) {
			label = cl.label();
		}
		else if (value instanceof Coded coded) {
			label = coded.label();
		}
		else {
			label = value == null ? "" : value.toString();
		}
		return label.isEmpty() ? label
				: messages.getMessage("label." + label, null, label, LocaleContextHolder.getLocale());
	}
}
