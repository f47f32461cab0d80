package org.quntuan.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Simplified Chinese by default; {@code ?lang=en} switches to English and is remembered in a cookie. */
@Configuration
class WebConfig implements WebMvcConfigurer {

	/**
	 * The API speaks JSON only: no XML body is read or written, even when an XML library is on the
	 * class path (the S3 client's test server brings Jackson's XML module), so that a body of another
	 * type stays a 415 as the API promises ({@code BadInputMalformedRequestsTests}).
	 */
	private static boolean isXml(MediaType type) {
		return type.getSubtype().equals("xml") || type.getSubtype().endsWith("+xml");
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ServerHttpMessageConvertersCustomizer jsonOnly() {
		return builder -> builder.configureMessageConvertersList(converters -> converters
			.removeIf(c -> c.getSupportedMediaTypes().stream().anyMatch(WebConfig::isXml)));
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("QUNTUAN_LANG");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
