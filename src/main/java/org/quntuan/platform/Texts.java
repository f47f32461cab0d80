package org.quntuan.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Puts a {@link Text} into words. The bundles are those of {@code spring.messages.basename} in
 * {@code application.properties}, read once: the same files the pages use, reachable also where no
 * Spring bean is (an exception's message, a static helper, a unit test).
 * <p>
 * {@link #localized} speaks the language of the request (pages, the API, Excel files a user
 * downloads); {@link #chinese} the language of the record (audit texts, stored notifications, logs).
 */
public final class Texts {

	/** The language of the record and of the default interface. */
	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final MessageSource CATALOG = catalog();

	private Texts() {
	}

	private static MessageSource catalog() {
		Properties application = new Properties();
		try (InputStream in = Texts.class.getResourceAsStream("/application.properties")) {
			if (in != null) {
				application.load(in);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(application.getProperty("spring.messages.basename", "messages").split("\\s*,\\s*"));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	/**
	 * The text in the language of the current request; Chinese outside a request (a job, a unit test),
	 * whatever the machine's default locale.
	 */
	public static String localized(MessageSourceResolvable text) {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		return in(text, context == null ? CHINESE : context.getLocale());
	}

	/** {@code Text.of(code, args)} in the language of the current request. */
	public static String localized(String code, Object... args) {
		return localized(Text.of(code, args));
	}

	/** The text in Chinese: what is stored (audit texts) and logged. */
	public static String chinese(MessageSourceResolvable text) {
		return in(text, CHINESE);
	}

	/** {@code Text.of(code, args)} in Chinese. */
	public static String chinese(String code, Object... args) {
		return chinese(Text.of(code, args));
	}

	/** The text in the given language. */
	public static String in(MessageSourceResolvable text, Locale locale) {
		return CATALOG.getMessage(text, locale == null ? CHINESE : locale);
	}

	/** The message of an exception a user reads, in the language of the current request. */
	public static String localized(Throwable ex) {
		return ex instanceof UserMessage m ? localized(m.text()) : ex.getMessage();
	}

	/** An exception whose message a user reads: it carries a {@link Text}. */
	public interface UserMessage {

		Text text();
	}
}
