package de.weserems.integration.dashboard.providers.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.live.Subscription;
import de.weserems.integration.dashboard.base.security.Roles;
import de.weserems.integration.dashboard.base.ui.PushThrottle;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.providers.store.ProviderStore;
import de.weserems.integration.events.District;
import de.weserems.integration.events.providers.ProviderEntry;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Anbieter-Verwaltung (admins only): creates a provider with its districts, and for the one selected issues,
 * rotates and revokes keys ({@link KeyPanel}). Everything is written to the providers topic, which every ingest
 * instance reads within seconds: no restart, no YAML. Each change records the admin's login and the time.
 */
@Route("anbieter-verwaltung")
@PageTitle("nav.providerAdmin")
@Menu(title = "nav.providerAdmin", order = 6.5, icon = "vaadin:key")
@RolesAllowed(Roles.ADMIN)
public class ProviderAdminView extends VerticalLayout {

    private final ProviderStore store;
    private final DashboardProperties properties;
    private final TextField id = new TextField();
    private final TextField name = new TextField();
    private final MultiSelectComboBox<District> districts = new MultiSelectComboBox<>();
    private final Paragraph problems = new Paragraph();
    private final Grid<ProviderEntry> grid = new Grid<>();
    private final KeyPanel keys;
    private Subscription subscription;

    public ProviderAdminView(ProviderStore store, ProviderActivity activity, DashboardProperties properties,
                             Clock clock) {
        this.store = store;
        this.properties = properties;
        this.keys = new KeyPanel(store, activity, clock, ProviderAdminView::user);

        id.setId("provider-id");
        id.setLabel(getTranslation("providerAdmin.id"));
        id.setHelperText(getTranslation("providerAdmin.id.help"));
        name.setId("provider-name");
        name.setLabel(getTranslation("providerAdmin.name"));
        districts.setId("provider-districts");
        districts.setLabel(getTranslation("providerAdmin.districts"));
        districts.setItems(District.values());
        districts.setItemLabelGenerator(District::displayName);
        Button save = new Button(getTranslation("providerAdmin.save"), e -> save());
        save.setId("provider-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        problems.setId("provider-problems");
        problems.addClassName("error");
        problems.setVisible(false);
        HorizontalLayout form = new HorizontalLayout(id, name, districts, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.setId("provider-table");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ProviderEntry::name).setHeader(getTranslation("providerAdmin.name")).setAutoWidth(true);
        grid.addColumn(ProviderEntry::id).setHeader(getTranslation("providerAdmin.id")).setAutoWidth(true);
        grid.addColumn(ProviderAdminView::districtNames).setHeader(getTranslation("providerAdmin.districts"));
        grid.addColumn(p -> p.changedBy() + ", " + KeyPanel.time(p.changedAt(), getLocale()))
                .setHeader(getTranslation("providerAdmin.changed")).setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        add(new H2(getTranslation("providerAdmin.title")), new Paragraph(getTranslation("providerAdmin.intro")),
                form, problems, new H3(getTranslation("providerAdmin.list")), grid, keys);
        refresh();
    }

    private static String districtNames(ProviderEntry p) {
        return p.districts().stream().map(ags -> District.byAgs(ags).map(District::displayName).orElse(ags))
                .sorted().collect(Collectors.joining(", "));
    }

    private void select(ProviderEntry provider) {
        keys.show(provider);
        if (provider != null) {
            id.setValue(provider.id());
            name.setValue(provider.name());
            districts.setValue(provider.districts().stream().map(District::byAgs).flatMap(java.util.Optional::stream)
                    .collect(Collectors.toSet()));
        }
    }

    private void save() {
        String newId = id.getValue().strip();
        Set<District> chosen = districts.getValue();
        if (!newId.matches("[a-z0-9][a-z0-9-]{1,49}") || name.getValue().isBlank() || chosen.isEmpty()) {
            problems.setText(getTranslation("providerAdmin.invalid"));
            problems.setVisible(true);
            return;
        }
        try {
            store.save(newId, name.getValue().strip(),
                    chosen.stream().map(District::ags).collect(Collectors.toSet()), user());
            problems.setVisible(false);
            refresh();
            store.byId(newId).ifPresent(grid::select);
        } catch (ProviderStore.ProvidersUnavailable e) {
            problems.setText(getTranslation("providerAdmin.unavailable"));
            problems.setVisible(true);
        }
    }

    /** Who makes the change: the login name of the admin signed in. */
    private static String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "?" : authentication.getName();
    }

    private void refresh() {
        List<ProviderEntry> all = store.all();
        ProviderEntry selected = grid.asSingleSelect().getValue();
        grid.setItems(all);
        if (selected != null) {
            all.stream().filter(p -> p.id().equals(selected.id())).findFirst().ifPresent(p -> {
                grid.select(p);
                keys.show(p);
            });
        }
    }

    /** Changes by other admins (and this instance's tail) redraw the page, at most once per push interval. */
    @Override
    protected void onAttach(AttachEvent event) {
        PushThrottle throttle = new PushThrottle(event.getUI(), properties.pushInterval(), this::refresh);
        subscription = store.subscribe(changed -> throttle.request());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
    }
}
