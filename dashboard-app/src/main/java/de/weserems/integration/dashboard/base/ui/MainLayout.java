package de.weserems.integration.dashboard.base.ui;

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
import de.weserems.integration.dashboard.indicators.ui.OverviewView;

/** The frame of every page: title, navigation, demo-data notice and logout. */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication, DashboardProperties properties) {
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
        Span spacer = new Span();
        bar.add(spacer);
        bar.setFlexGrow(1, spacer);
        authentication.getPrincipalName().ifPresent(name -> {
            Button logout = new Button(getTranslation("app.logout", name), e -> authentication.logout());
            logout.setId("logout");
            bar.add(logout);
        });
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.overview"), OverviewView.class));
        addToDrawer(nav);
        setPrimarySection(Section.NAVBAR);
    }
}
