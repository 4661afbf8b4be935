package de.weserems.integration.dashboard.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
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
