package de.weserems.integration.dashboard.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * German first: every new session starts in German, whatever the browser asks for. A page takes the
 * session's locale, so the language switch in {@link MainLayout} holds for the rest of the session.
 */
@Component
class LocaleSetup implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setLocale(Locale.GERMANY));
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(
                e.getUI().getSession().getLocale() == null ? Locale.GERMANY : e.getUI().getSession().getLocale()));
    }
}
