package org.quntuan.platform;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

import org.springframework.context.MessageSourceResolvable;

/**
 * A text a user reads (an error, a flash message, an audit text, an Excel header): a key of the message
 * bundles and its arguments, put into words in the reader's language only when shown
 * ({@link Texts#localized}) or in Chinese when stored ({@link Texts#chinese}). The key lives in
 * {@code i18n/<module>.properties} (Chinese) and {@code i18n/<module>_en.properties} under the module's
 * name, e.g. {@code Text.of("member.flash.created", name)} with {@code member.flash.created=已登记人员：{0}}.
 * <p>
 * Arguments are turned into plain words at once: numbers without grouping (a year 2026 stays
 * {@code 2026}, an amount keeps its scale), an enum value becomes its label in the reader's language
 * ({@code label.<Chinese>} in English), a nested text is put into words in the same language. A
 * message with arguments is a {@link java.text.MessageFormat} pattern: an apostrophe is written twice.
 */
public final class Text implements MessageSourceResolvable, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String code;

	private final Object[] args;

	/** What shows when the code is no key: the Chinese label, the user's words, or the code itself. */
	private final String defaultMessage;

	private Text(String code, Object[] args, String defaultMessage) {
		this.code = code;
		this.args = args;
		this.defaultMessage = defaultMessage;
	}

	/** The text under {@code code} with these arguments; a code that is not a key shows as itself. */
	public static Text of(String code, Object... args) {
		Object[] plain = new Object[args == null ? 0 : args.length];
		for (int i = 0; i < plain.length; i++) {
			plain[i] = plain(args[i]);
		}
		return new Text(code, plain, null);
	}

	/** The label of an enum value, in the reader's language. */
	public static Text label(Coded value) {
		return label(value.label());
	}

	/** A Chinese label, in the reader's language ({@code label.<Chinese>} in other bundles). */
	public static Text label(String chinese) {
		return new Text("label." + chinese, new Object[0], chinese);
	}

	/** Words a user typed or a name from the database: shown as they are, in every language. */
	public static Text verbatim(String words) {
		return new Text(null, new Object[0], words == null ? "" : words);
	}

	private static Object plain(Object arg) {
		if (arg == null) {
			return "";
		}
		if (arg instanceof MessageSourceResolvable) {
			return arg;
		}
		if (arg instanceof Coded coded) {
			return label(coded);
		}
		if (arg instanceof CodeLabel cl) {
			return label(cl.label());
		}
		if (arg instanceof BigDecimal d) {
			return d.toPlainString();
		}
		return arg.toString();
	}

	public String code() {
		return code;
	}

	public Object[] args() {
		return args.clone();
	}

	@Override
	public String[] getCodes() {
		return code == null ? null : new String[] { code };
	}

	@Override
	public Object[] getArguments() {
		return args.clone();
	}

	/** A code that is not a key (a Chinese sentence not yet moved to a bundle) shows as itself. */
	@Override
	public String getDefaultMessage() {
		return defaultMessage != null ? defaultMessage : code;
	}

	/** The text in Chinese, for logs and tests. */
	@Override
	public String toString() {
		return Texts.chinese(this);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Text t && Objects.equals(code, t.code) && Arrays.equals(args, t.args)
				&& Objects.equals(defaultMessage, t.defaultMessage);
	}

	@Override
	public int hashCode() {
		return Objects.hash(code, Arrays.hashCode(args), defaultMessage);
	}
}
