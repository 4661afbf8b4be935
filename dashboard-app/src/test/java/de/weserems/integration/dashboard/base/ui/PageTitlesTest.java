package de.weserems.integration.dashboard.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import de.weserems.integration.dashboard.testing.ViewTestBase;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page's title follows the chosen language: each route's {@code @PageTitle} is a key of both
 * bundles with different German and English texts, and the title the browser gets after navigating
 * is that text in the UI's language; the page's {@code <html lang>} names the chosen language.
 */
class PageTitlesTest extends ViewTestBase {

    private static final Properties GERMAN = load("translations_de.properties");
    private static final Properties ENGLISH = load("translations_en.properties");

    /** Every class with {@code @Route} in the dashboard, found as Vaadin finds them, by scanning. */
    static List<Class<?>> routes() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        return scan.findCandidateComponents("de.weserems.integration.dashboard").stream()
                .<Class<?>>map(bean -> {
                    try {
                        return (Class<?>) Class.forName(bean.getBeanClassName());
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    @Test
    void every_route_names_a_key_whose_german_and_english_texts_differ() {
        List<Class<?>> routes = routes();
        assertThat(routes).as("routes found").hasSizeGreaterThanOrEqualTo(13);
        assertThat(routes).allSatisfy(route -> {
            String key = key(route);
            String german = GERMAN.getProperty(key);
            String english = ENGLISH.getProperty(key);
            assertThat(german).as("German text of %s's title key %s", route.getSimpleName(), key).isNotBlank();
            assertThat(english).as("English text of %s's title key %s", route.getSimpleName(), key)
                    .isNotBlank().isNotEqualTo(german);
        });
    }

    /** The views this harness can build with its services (all of them: in the browser, AccessibilityBrowserIT). */
    @Test
    void the_title_after_navigation_is_the_bundles_text_in_the_uis_language() {
        for (Locale locale : List.of(Locale.GERMANY, Locale.UK)) {
            UI.getCurrent().setLocale(locale);
            Properties bundle = locale == Locale.UK ? ENGLISH : GERMAN;
            for (String path : List.of("", "landkreis/03454", "vergleich", "foerderkette", "zugang", "methodik",
                    "login")) {
                UI.getCurrent().navigate(path);
                String key = key(getCurrentView().getClass());
                assertThat(UI.getCurrent().getInternals().getTitle()).as("title of /%s in %s", path, locale)
                        .isEqualTo(bundle.getProperty("app.pageTitle").replace("{0}", bundle.getProperty(key)));
            }
        }
    }

    @Test
    void an_unknown_address_gets_the_not_found_page_in_the_uis_language() {
        for (Locale locale : List.of(Locale.GERMANY, Locale.UK)) {
            UI.getCurrent().setLocale(locale);
            Properties bundle = locale == Locale.UK ? ENGLISH : GERMAN;
            UI.getCurrent().navigate("keine-solche-seite");
            assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
            assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo(bundle.getProperty("app.pageTitle")
                    .replace("{0}", bundle.getProperty("error.notFound.title")));
            assertThat($(Paragraph.class, (Component) getCurrentView()).single().getText())
                    .isEqualTo(bundle.getProperty("error.notFound.text"));
        }
        // a view that finds nothing to show (an unknown district) ends there too, in words, not the router's
        UI.getCurrent().navigate("landkreis/99999");
        assertThat($(Paragraph.class, (Component) getCurrentView()).single().getText())
                .isEqualTo(ENGLISH.getProperty("error.notFound.text"));
    }

    @Test
    void the_page_declares_the_chosen_language() {
        Document page = Jsoup.parse("<html lang=\"de\"><head><title>x</title></head><body></body></html>");
        LocaleSetup.declareLanguage(new IndexHtmlResponse(null, null, page));
        assertThat(page.getElementsByTag("html").attr("lang")).isEqualTo("de");
        assertThat(page.title()).isEqualTo(GERMAN.getProperty("app.title"));

        LocaleSetup.choose(VaadinSession.getCurrent(), Locale.UK);
        LocaleSetup.declareLanguage(new IndexHtmlResponse(null, null, page));
        assertThat(page.getElementsByTag("html").attr("lang")).isEqualTo("en");
        assertThat(page.title()).isEqualTo(ENGLISH.getProperty("app.title"));
    }

    /** The key of a route's title: its {@code @PageTitle}; the login page (no layout) names its own. */
    private static String key(Class<?> route) {
        if (route == LoginView.class) {
            return "login.title";
        }
        PageTitle title = route.getAnnotation(PageTitle.class);
        assertThat(title).as("@PageTitle of %s", route.getSimpleName()).isNotNull();
        return title.value();
    }

    private static Properties load(String name) {
        try (InputStream in = PageTitlesTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
