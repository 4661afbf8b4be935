package de.weserems.integration.dashboard.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.live.DataFlowStatus;
import de.weserems.integration.dashboard.base.live.FiguresStatus;
import de.weserems.integration.dashboard.base.live.Subscription;
import de.weserems.integration.events.Region;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The frame of every page: title, navigation, demo-data notice, the "data delayed" and "figures
 * loading" notices, language switch and logout. The navigation lists the views that carry
 * {@code @Menu} and that the user may open, so this frame knows no feature: a view's {@code @Menu}
 * title is a translation key. It also gives every page in it its title in the chosen language
 * ({@link PageTitles}).
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements LocaleChangeObserver, HasDynamicTitle {

    private final DataFlowStatus dataFlow;
    private final FiguresStatus figures;
    private final Span delayed = new Span();
    private final Span loading = new Span();
    private Subscription delayedSubscription;
    private Subscription loadingSubscription;

    public MainLayout(AuthenticationContext authentication, DashboardProperties properties, DataFlowStatus dataFlow,
                      FiguresStatus figures) {
        this.dataFlow = dataFlow;
        this.figures = figures;
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
        loading.setVisible(!figures.loaded());
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
        addToDrawer(navigation());
        setPrimarySection(Section.NAVBAR);
    }

    /** One item per view with {@code @Menu} that this user may open, in the menu's order. */
    private SideNav navigation() {
        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    /**
     * Vaadin asks the route's chain, view first, for a dynamic title after showing the view, so the
     * frame answers for every view inside it (a view that answers itself still wins).
     */
    @Override
    public String getPageTitle() {
        return PageTitles.of(getContent(), this);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        delayedSubscription = dataFlow.subscribe(since -> ui.access(() -> showDelay(since)));
        showDelay(dataFlow.delayedSince());
        if (!figures.loaded()) {
            loadingSubscription = figures.subscribe(changed -> ui.access(this::showLoading));
        }
        showLoading();
    }

    /** The notices follow a change of the UI's locale (their text is set when they show). */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        showDelay(dataFlow.delayedSince());
        showLoading();
    }

    /** The "figures loading" notice until this instance serves complete figures. */
    private void showLoading() {
        boolean loaded = figures.loaded();
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
                    .withLocale(getLocale()).withZone(Region.ZONE).format(since)));
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
