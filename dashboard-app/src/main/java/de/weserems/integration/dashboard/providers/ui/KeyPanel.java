package de.weserems.integration.dashboard.providers.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.providers.store.ProviderStore;
import de.weserems.integration.events.Region;
import de.weserems.integration.events.providers.ProviderEntry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The keys of one provider: when each was issued, until when it is valid, whether it is revoked, when it was last
 * used (from the audit the deliveries page reads); issue a key, rotate one with an overlap, revoke one at once.
 * A new key is shown here once and stored nowhere but as its hash.
 */
class KeyPanel extends VerticalLayout {

    private final ProviderStore store;
    private final ProviderActivity activity;
    private final Clock clock;
    private final Supplier<String> user;
    private final H3 title = new H3();
    private final DatePicker expires = new DatePicker();
    private final DatePicker overlapUntil = new DatePicker();
    private final TextField newKey = new TextField();
    private final Paragraph problems = new Paragraph();
    private final Grid<ProviderEntry.Key> grid = new Grid<>();
    private ProviderEntry provider;

    KeyPanel(ProviderStore store, ProviderActivity activity, Clock clock, Supplier<String> user) {
        this.store = store;
        this.activity = activity;
        this.clock = clock;
        this.user = user;
        setId("key-panel");
        setPadding(false);
        expires.setId("key-expires");
        expires.setLabel(getTranslation("providerAdmin.key.expires"));
        expires.setHelperText(getTranslation("providerAdmin.key.expires.help"));
        overlapUntil.setId("key-overlap-until");
        overlapUntil.setLabel(getTranslation("providerAdmin.key.overlap"));
        overlapUntil.setHelperText(getTranslation("providerAdmin.key.overlap.help"));
        overlapUntil.setValue(today().plusDays(14));
        Button issue = new Button(getTranslation("providerAdmin.key.issue"), e -> issue());
        issue.setId("key-issue");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newKey.setId("key-new");
        newKey.setReadOnly(true);
        newKey.setWidthFull();
        newKey.setHelperText(getTranslation("providerAdmin.key.new.help"));
        newKey.setVisible(false);
        problems.addClassName("error");
        problems.setVisible(false);

        grid.setId("key-table");
        grid.setAllRowsVisible(true);
        grid.addColumn(ProviderEntry.Key::keyId).setHeader(getTranslation("providerAdmin.key.id")).setAutoWidth(true);
        grid.addColumn(k -> time(k.created(), getLocale())).setHeader(getTranslation("providerAdmin.key.created"))
                .setAutoWidth(true);
        grid.addColumn(k -> k.expires() == null ? "–" : time(k.expires(), getLocale()))
                .setHeader(getTranslation("providerAdmin.key.expires")).setAutoWidth(true);
        grid.addColumn(this::status).setHeader(getTranslation("providerAdmin.key.status")).setAutoWidth(true);
        grid.addColumn(k -> activity.lastUseOfKey(provider.id(), k.keyId()).map(t -> time(t, getLocale()))
                .orElse(getTranslation("providerAdmin.key.unused"))).setHeader(getTranslation("providerAdmin.key.lastUse"))
                .setAutoWidth(true);
        grid.addComponentColumn(k -> {
            HorizontalLayout actions = new HorizontalLayout();
            if (k.validAt(clock.instant())) {
                Button rotate = new Button(getTranslation("providerAdmin.key.rotate"), e -> rotate(k));
                rotate.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                rotate.getElement().setAttribute("data-key", k.keyId());
                Button revoke = new Button(getTranslation("providerAdmin.key.revoke"), e -> revoke(k));
                revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                revoke.getElement().setAttribute("data-key", k.keyId());
                actions.add(rotate, revoke);
            }
            return actions;
        });
        HorizontalLayout form = new HorizontalLayout(expires, issue, overlapUntil);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(title, form, newKey, problems, grid);
        setVisible(false);
    }

    static String time(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale == null ? Locale.GERMANY : locale).withZone(Region.ZONE).format(at);
    }

    /** Shows the keys of {@code selected}; hides the panel for none. */
    void show(ProviderEntry selected) {
        boolean changed = provider == null || selected == null || !provider.id().equals(selected.id());
        provider = selected;
        setVisible(selected != null);
        if (selected == null) {
            return;
        }
        if (changed) {
            newKey.setVisible(false);
            problems.setVisible(false);
        }
        title.setText(getTranslation("providerAdmin.keys", selected.name()));
        grid.setItems(selected.keys().reversed());
    }

    private String status(ProviderEntry.Key key) {
        Instant now = clock.instant();
        if (key.revokedAt() != null && !now.isBefore(key.revokedAt())) {
            return getTranslation("providerAdmin.key.revoked", time(key.revokedAt(), getLocale()));
        }
        if (key.expires() != null && !now.isBefore(key.expires())) {
            return getTranslation("providerAdmin.key.expired");
        }
        return getTranslation("providerAdmin.key.valid");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Region.ZONE);
    }

    /** The end of a chosen day in the region's time: a key valid "until 31 March" works all of that day. */
    private static Instant endOf(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(Region.ZONE).toInstant();
    }

    private void issue() {
        if (expires.getValue() != null && !expires.getValue().isAfter(today().minusDays(1))) {
            fail("providerAdmin.key.past");
            return;
        }
        change(() -> store.issue(provider.id(), endOf(expires.getValue()), user.get()));
    }

    private void rotate(ProviderEntry.Key key) {
        if (overlapUntil.getValue() == null || overlapUntil.getValue().isBefore(today())) {
            fail("providerAdmin.key.past");
            return;
        }
        change(() -> store.rotate(provider.id(), key.keyId(), endOf(overlapUntil.getValue()), user.get()));
    }

    private void revoke(ProviderEntry.Key key) {
        change(() -> {
            store.revoke(provider.id(), key.keyId(), user.get());
            return null;
        });
    }

    /** Runs one change; a new key (if any) is shown once. */
    private void change(Supplier<ProviderStore.NewKey> action) {
        try {
            ProviderStore.NewKey issued = action.get();
            problems.setVisible(false);
            newKey.setVisible(issued != null);
            if (issued != null) {
                newKey.setValue(issued.key());
                newKey.setLabel(getTranslation("providerAdmin.key.new", issued.keyId()));
            }
            store.byId(provider.id()).ifPresent(this::show);
        } catch (ProviderStore.ProvidersUnavailable e) {
            fail("providerAdmin.unavailable");
        }
    }

    private void fail(String key) {
        problems.setText(getTranslation(key));
        problems.setVisible(true);
    }
}
