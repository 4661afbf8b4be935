package de.weserems.integration.dashboard.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.component.DetachEvent;
import de.weserems.integration.dashboard.indicators.DataFlowStatus;
import de.weserems.integration.dashboard.indicators.IndicatorQueries;
import de.weserems.integration.dashboard.indicators.IndicatorReadModel;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.security.Roles;
import de.weserems.integration.dashboard.deliveries.DeliveriesView;
import de.weserems.integration.dashboard.indicators.ui.ChainView;
import de.weserems.integration.dashboard.indicators.ui.CompareView;
import de.weserems.integration.dashboard.indicators.ui.MethodologyView;
import de.weserems.integration.dashboard.indicators.ui.OverviewView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.server.VaadinSession;

import java.util.Locale;

/** The frame of every page: title, navigation, demo-data notice, language switch and logout. */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements LocaleChangeObserver {

    private final DataFlowStatus dataFlow;
    private final IndicatorReadModel readModel;
    private final Span delayed = new Span();
    private final Span loading = new Span();
    private IndicatorReadModel.Subscription delayedSubscription;
    private IndicatorReadModel.Subscription loadingSubscription;

    public MainLayout(AuthenticationContext authentication, DashboardProperties properties, DataFlowStatus dataFlow,
                      IndicatorReadModel readModel) {
        this.dataFlow = dataFlow;
        this.readModel = readModel;
        Span title = new Span(getTranslation("app.title"));
        title.addClassName("app-title");
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        if (properties.demoData()) {
            Span demo = new Span(getTranslation("app.demoData"));
            demo.setId("demo-data-notice");
            demo.addClassName("demo-notice");
            demo.getElement().setAttribute("role", "status");
            bar.add(demo);
        }
        delayed.setId("data-delayed");
        delayed.addClassName("delayed-notice");
        delayed.getElement().setAttribute("role", "alert");
        showDelay(dataFlow.delayedSince());
        bar.add(delayed);
        loading.setId("figures-loading");
        loading.addClassName("delayed-notice");
        loading.getElement().setAttribute("role", "status");
        loading.setVisible(!readModel.loaded());
        bar.add(loading);
        Span spacer = new Span();
        bar.add(spacer);
        bar.setFlexGrow(1, spacer);
        bar.add(languageSwitch());
        authentication.getPrincipalName().ifPresent(name -> {
            Button logout = new Button(getTranslation("app.logout", name), e -> authentication.logout());
            logout.setId("logout");
            bar.add(logout);
        });
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.overview"), OverviewView.class, VaadinIcon.MAP_MARKER.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.compare"), CompareView.class, VaadinIcon.SCALE.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.chain"), ChainView.class, VaadinIcon.CONNECT.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.methodology"), MethodologyView.class,
                VaadinIcon.INFO_CIRCLE_O.create()));
        if (authentication.hasRole(Roles.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.deliveries"), DeliveriesView.class,
                    VaadinIcon.TRUCK.create()));
        }
        addToDrawer(nav);
        setPrimarySection(Section.NAVBAR);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        delayedSubscription = dataFlow.subscribe(since -> ui.access(() -> showDelay(since)));
        showDelay(dataFlow.delayedSince());
        if (!readModel.loaded()) {
            loadingSubscription = readModel.subscribe(changed -> ui.access(this::showLoading));
        }
        showLoading();
    }

    /** The notices follow a change of the UI's locale (their text is set when they show). */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        showDelay(dataFlow.delayedSince());
        showLoading();
    }

    /** The "figures loading" notice until this instance has read all indicators once. */
    private void showLoading() {
        boolean loaded = readModel.loaded();
        loading.setText(getTranslation("app.figuresLoading"));
        loading.setVisible(!loaded);
        if (loaded && loadingSubscription != null) {
            loadingSubscription.cancel();
            loadingSubscription = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (delayedSubscription != null) {
            delayedSubscription.cancel();
            delayedSubscription = null;
        }
        if (loadingSubscription != null) {
            loadingSubscription.cancel();
            loadingSubscription = null;
        }
    }

    /** The "data delayed" notice while Kafka does not answer; the pages keep their last figures meanwhile. */
    private void showDelay(Instant since) {
        delayed.setVisible(since != null);
        if (since != null) {
            delayed.setText(getTranslation("app.dataDelayed", DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                    .withLocale(getLocale()).withZone(IndicatorQueries.REGION_ZONE).format(since)));
        }
    }

    /**
     * A button to the other language (German or English) for the rest of the session; the page
     * reloads so every text follows. It names the language it switches to, in that language.
     */
    private Button languageSwitch() {
        Locale other = Locale.ENGLISH.getLanguage().equals(getLocale().getLanguage()) ? Locale.GERMANY : Locale.UK;
        Button language = new Button(getTranslation("app.language." + other.getLanguage()), VaadinIcon.GLOBE.create(),
                e -> {
                    LocaleSetup.choose(VaadinSession.getCurrent(), other);
                    UI.getCurrent().getPage().reload();
                });
        language.setId("language");
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.getElement().setAttribute("lang", other.getLanguage());
        language.setAriaLabel(getTranslation("app.language.switch", getTranslation("app.language." + other.getLanguage())));
        return language;
    }
}
