package de.weserems.integration.ingest.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.util.List;
import java.util.Locale;

/**
 * The language of ingest's answers: German, the language of the region's providers, unless
 * {@code Accept-Language} prefers English. Any other language gets German too: the bundle has only these two.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfig {

    /** Named {@code localeResolver}, so that Spring MVC uses it instead of its own. */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.GERMAN, Locale.ENGLISH));
        resolver.setDefaultLocale(Locale.GERMAN);
        return resolver;
    }
}
