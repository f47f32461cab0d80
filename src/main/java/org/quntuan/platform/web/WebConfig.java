package org.quntuan.platform.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleContextResolver;
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

	/**
	 * The filters before Spring MVC (security, idempotency keys, upload limits) speak the language the
	 * pages speak: the cookie's, else Chinese, not the container's default locale or Accept-Language.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> localeForFilters(LocaleResolver resolver) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				LocaleContextHolder.setLocaleContext(((LocaleContextResolver) resolver).resolveLocaleContext(request));
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		// right after Spring Boot's RequestContextFilter (which resets the holder after the request)
		registration.setOrder(OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 104);
		return registration;
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
