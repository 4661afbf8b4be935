package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.security.Roles;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.indicators.model.ChainContribution;
import de.weserems.integration.dashboard.indicators.query.Confidentiality;
import de.weserems.integration.dashboard.indicators.query.IndicatorQueries;
import de.weserems.integration.dashboard.reference.ForeignResidents;
import de.weserems.integration.events.District;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Methodik: every indicator's definition in plain language, the confidentiality rules (the cell key
 * method) with the deviation and thresholds this installation is configured with, which providers
 * report for which district, and the sources with their credits.
 */
@Route("methodik")
@PageTitle("nav.methodology")
@Menu(title = "nav.methodology", order = 4, icon = "vaadin:info-circle-o")
@RolesAllowed(Roles.VIEWER)
public class MethodologyView extends VerticalLayout {

    /** The figures explained, in the order the pages show them. */
    private static final List<String> DEFINED = List.of("enrolments", "completions", "passed", "failed", "dropouts",
            "passedB1OrHigher", "placements", "completionRate", "languageSuccessRate", "per10k",
            "placementWithin6Months", "medianDaysToPlacement", "medianWaitingDays", "pending", "waitingTime", "accessTime",
            "waitingNow", "noStartAfter2Years", "fundingGap", "fundingFlow", "bySex", "noReports");

    public MethodologyView(DashboardProperties properties, ProviderActivity activity, IndicatorQueries queries) {
        addClassName("methodology");
        setWidthFull();
        setMaxWidth("60em");
        add(new H2(getTranslation("method.title")), new Paragraph(getTranslation("method.intro")));

        add(new H3(getTranslation("method.indicators")));
        Div definitions = new Div();
        definitions.setId("method-definitions");
        for (String key : DEFINED) {
            Div entry = new Div(AreaColumns.text(getTranslation("method.term." + key), "method-term"),
                    new Paragraph(getTranslation("method.def." + key)));
            entry.getElement().setAttribute("data-indicator", key);
            definitions.add(entry);
        }
        ForeignResidents foreign = queries.foreignResidents();
        if (foreign.available()) {
            Div entry = new Div(AreaColumns.text(getTranslation("method.term.per10kForeign"), "method-term"),
                    new Paragraph(getTranslation("method.def.per10kForeign")));
            entry.getElement().setAttribute("data-indicator", "per10kForeign");
            definitions.add(entry);
        }
        add(definitions);

        // published like every count: never withheld, a small number never shown as itself
        Paragraph placeholders = new Paragraph(getTranslation("method.chain.excluded",
                ChainContribution.MAX_EVENTS_PER_PARTICIPANT, queries.excludedFromChain()));
        placeholders.setId("method-chain-excluded");
        add(placeholders);

        add(new H3(getTranslation("method.confidentiality")));
        Confidentiality published = queries.confidentiality();
        Paragraph rules = new Paragraph(getTranslation("method.confidentiality.text", published.maxDeviation(),
                published.minCases(), getTranslation("figures.smallCounts", properties.confidentiality().minCount())));
        rules.setId("method-confidentiality");
        add(rules, new Paragraph(getTranslation("method.confidentiality.residual", published.maxDeviation())));

        add(new H3(getTranslation("method.providers")), new Paragraph(getTranslation("method.providers.text")));
        Map<District, List<ProviderActivity.Reporter>> reporters = activity.reporters();
        Locale locale = UI.getCurrent() == null || UI.getCurrent().getLocale() == null ? Locale.GERMANY
                : UI.getCurrent().getLocale();
        Grid<District> providers = new Grid<>();
        providers.setId("method-providers");
        providers.setAllRowsVisible(true);
        providers.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        providers.getElement().setAttribute("aria-label", getTranslation("method.providers"));
        providers.addColumn(District::displayName).setHeader(getTranslation("overview.column.district"));
        providers.addColumn(d -> ReportingProviders.text(this, reporters.getOrDefault(d, List.of()), locale))
                .setHeader(getTranslation("method.providers.column")).setFlexGrow(3);
        providers.setItems(District.values());
        add(providers);

        add(new H3(getTranslation("method.sources")));
        Span residents = new Span(getTranslation("method.source.residents"));
        residents.setId("source-residents");
        Span boundaries = new Span(getTranslation("method.source.boundaries", DistrictMap.CREDIT));
        boundaries.setId("source-boundaries");
        // the year as text: a number argument would be formatted "2.024"
        Span foreignResidents = new Span(foreign.available()
                ? getTranslation("method.source.foreignResidents", String.valueOf(foreign.reference().year()),
                foreign.reference().source())
                : getTranslation("method.source.foreignResidents.off"));
        foreignResidents.setId("source-foreign-residents");
        add(new Paragraph(residents), new Paragraph(foreignResidents), new Paragraph(boundaries));
    }
}
