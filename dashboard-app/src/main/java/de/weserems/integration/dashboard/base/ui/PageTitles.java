package de.weserems.integration.dashboard.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.PageTitle;

/**
 * A page's title in the language the user chose. A view's {@code @PageTitle} names a translation key
 * (usually its menu entry's, {@code nav.…}), not a text: Vaadin would show the annotation's value as it
 * is, so {@link MainLayout} answers the title for every view inside it. The login page (no layout) and
 * {@link NotFoundView} name their keys themselves.
 */
final class PageTitles {

    private PageTitles() {
    }

    /**
     * "‹view› – Integrationsmonitor Weser-Ems" in the UI's language for the view {@code shown}; the
     * application's name alone for a view without {@code @PageTitle} (Vaadin's page for an internal error).
     */
    static String of(Component shown, Component translator) {
        PageTitle key = shown == null ? null : annotation(shown.getClass());
        return key == null ? translator.getTranslation("app.title") : named(key.value(), translator);
    }

    /** "‹text of key› – Integrationsmonitor Weser-Ems" in the UI's language. */
    static String named(String key, Component translator) {
        return translator.getTranslation("app.pageTitle", translator.getTranslation(key));
    }

    /** The annotation of the view's class or of a class it extends (a container may hand out a subclass). */
    private static PageTitle annotation(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            PageTitle title = c.getAnnotation(PageTitle.class);
            if (title != null) {
                return title;
            }
        }
        return null;
    }
}
