package de.weserems.integration.dashboard.base.ui;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import org.jsoup.nodes.Document;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * German first: every page starts in German, whatever the browser asks for, until the user picks
 * another language with the switch in {@link MainLayout}; that choice holds for the session.
 */
@Component
class LocaleSetup implements VaadinServiceInitListener {

    /** The session attribute holding the chosen language (Vaadin sets the session's own locale from the browser). */
    private static final String CHOSEN = LocaleSetup.class.getName() + ".chosen";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setLocale(Locale.GERMANY));
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(chosen(e.getUI().getSession())));
        event.addIndexHtmlRequestListener(LocaleSetup::declareLanguage);
    }

    /**
     * The page's {@code <html lang>} names the chosen language, so that a screen reader speaks the page
     * in it and a browser offers no translation of an English page as German (Vaadin writes the
     * language of the first bundle there, before any UI exists). The language switch reloads the page,
     * so the page asked for here is always in the language its UI will have. The first title, shown until
     * the view's own, is translated too.
     */
    static void declareLanguage(IndexHtmlResponse response) {
        Locale locale = chosen(VaadinSession.getCurrent());
        Document page = response.getDocument();
        page.getElementsByTag("html").attr("lang", locale.getLanguage());
        I18NProvider i18n = VaadinService.getCurrent().getInstantiator().getI18NProvider();
        if (i18n != null) {
            page.title(i18n.getTranslation("app.title", locale));
        }
    }

    /** The language chosen in {@code session}, German if none. */
    static Locale chosen(VaadinSession session) {
        Object chosen = session == null ? null : session.getAttribute(CHOSEN);
        return chosen instanceof Locale locale ? locale : Locale.GERMANY;
    }

    /** Keeps {@code locale} for every page {@code session} opens from now on. */
    static void choose(VaadinSession session, Locale locale) {
        session.setAttribute(CHOSEN, locale);
        session.setLocale(locale);
    }
}
