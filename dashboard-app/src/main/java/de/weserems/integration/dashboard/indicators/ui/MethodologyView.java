package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import de.weserems.integration.dashboard.DashboardProperties;
import de.weserems.integration.dashboard.base.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/**
 * Methodik: every indicator's definition in plain language, the sources with their credits, and
 * the confidentiality rules with the thresholds this installation is configured with.
 */
@Route("methodik")
@PageTitle("Methodik – Integrationsmonitor Weser-Ems")
@RolesAllowed(Roles.VIEWER)
public class MethodologyView extends VerticalLayout {

    /** The figures explained, in the order the pages show them. */
    private static final List<String> DEFINED = List.of("enrolments", "completions", "passed", "failed", "dropouts",
            "passedB1OrHigher", "placements", "completionRate", "languageSuccessRate", "per10k",
            "placementWithin6Months", "medianDaysToPlacement", "medianWaitingDays", "pending", "noReports");

    public MethodologyView(DashboardProperties properties) {
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
        add(definitions);

        add(new H3(getTranslation("method.confidentiality")));
        Paragraph rules = new Paragraph(getTranslation("method.confidentiality.text",
                properties.confidentiality().minCount(), properties.confidentiality().minCases()));
        rules.setId("method-confidentiality");
        add(rules, new Paragraph(getTranslation("method.confidentiality.residual")));

        add(new H3(getTranslation("method.sources")));
        Span residents = new Span(getTranslation("method.source.residents"));
        residents.setId("source-residents");
        Span boundaries = new Span(getTranslation("method.source.boundaries", DistrictMap.CREDIT));
        boundaries.setId("source-boundaries");
        add(new Paragraph(residents), new Paragraph(boundaries));
    }
}
