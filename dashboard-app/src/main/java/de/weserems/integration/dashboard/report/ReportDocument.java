package de.weserems.integration.dashboard.report;

import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.Confidentiality;
import de.weserems.integration.dashboard.indicators.query.FundingGapFigures;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Region;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The monthly report as a PDF for a council committee: the month's key figures beside the region's, the twelve months
 * up to it as charts, the chain of measures, waiting and access, funding gaps, and the method note, in the order a
 * reader asks; every label and the method note from the pages' own texts ({@link ReportText}).
 */
final class ReportDocument {

    /** The series drawn as charts, as the district page shows them month by month. */
    private static final List<String> SERIES = List.of("enrolments", "completions", "placements");

    /** The terms the method note explains: those the report shows, worded as on the Methodik page. */
    static final List<String> EXPLAINED = List.of("enrolments", "completions", "passed", "dropouts",
            "passedB1OrHigher", "placements", "completionRate", "languageSuccessRate", "per10k",
            "placementWithin6Months", "medianDaysToPlacement", "medianWaitingDays", "pending", "waitingTime",
            "accessTime", "waitingNow", "noStartAfter2Years", "fundingGap", "noReports");

    private final ReportFigures figures;
    private final ReportText text;
    private final String smallCounts;
    private final PdfPages pages = new PdfPages();

    /**
     * @param smallCounts how small counts are shown, as the pages word it ({@code figures.smallCounts} with the
     *                    installation's smallest count shown as itself)
     */
    private ReportDocument(ReportFigures figures, ReportText text, String smallCounts) {
        this.figures = figures;
        this.text = text;
        this.smallCounts = smallCounts;
    }

    /** The PDF of {@code figures} in {@code text}'s language. */
    static byte[] render(ReportFigures figures, ReportText text, int minCount) {
        ReportDocument document = new ReportDocument(figures, text, text.get("figures.smallCounts", minCount));
        try {
            return document.write();
        } finally {
            document.pages.close();
        }
    }

    private byte[] write() {
        String name = figures.area().name();
        String title = text.get("report.title", name, text.month(figures.month()));
        pages.title(title, about());
        keyFigures();
        series();
        if (figures.isRegion()) {
            districts();
        }
        chain();
        waiting();
        funding();
        method();
        return pages.finish(text.get("app.title") + " · " + title,
                (page, of) -> text.get("report.page", page, of), title);
    }

    private String about() {
        String generated = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(text.locale()).format(figures.generatedAt().atZone(Region.ZONE));
        District d = figures.district();
        String area = d == null ? text.get("report.about.region", text.count((long) figures.area().population()))
                : text.get(d.city() ? "report.about.city" : "report.about.county", d.ags(),
                text.count((long) d.residents2018()));
        return area + " " + text.get("report.generated", generated);
    }

    private void keyFigures() {
        pages.heading(text.get("report.keyFigures", text.month(figures.month())));
        if (figures.provisional()) {
            pages.paragraph(text.get("figures.provisional", text.month(figures.provisionalFrom())), 8.5f,
                    PdfPages.MUTED);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String count : Confidentiality.COUNTS) {
            rows.add(row("indicator." + count, f -> value(f.count(count)), Kind.COUNT));
        }
        for (String count : SERIES) {
            rows.add(row("indicator.per10k." + count, f -> f.per10k().get(count), Kind.PER_10K));
        }
        // only where the operator supplied residents of foreign nationality
        if (figures.area().per10kForeign() != null) {
            for (String count : SERIES) {
                rows.add(row("indicator.per10kForeign." + count, f -> f.per10kForeign().get(count), Kind.PER_10K));
            }
        }
        for (String rate : List.of("completionRate", "languageSuccessRate", "placementWithin6Months")) {
            rows.add(row("indicator." + rate, f -> f.rates().get(rate), Kind.RATE));
        }
        figureTable(rows);
        pages.paragraph(text.get("figures.legend", figures.protection().maxDeviation(),
                figures.protection().minCases(), smallCounts), 8, PdfPages.MUTED);
    }

    private void series() {
        pages.heading(text.get("report.series", text.month(figures.series().getFirst().month()),
                text.month(figures.month())));
        pages.paragraph(text.get("report.series.about", text.get("report.series.noReports")), 8.5f, PdfPages.MUTED);
        for (String count : SERIES) {
            List<BarChart.Bar> bars = figures.series().stream().map(m -> new BarChart.Bar(text.shortMonth(m.month()),
                    m.figures().count(count), shown(m.figures(), m.figures().count(count)), m.provisional())).toList();
            BarChart.draw(pages, text, text.get("indicator." + count), bars, 118);
            pages.down(6);
        }
    }

    /** A bar's value as written above it: the count, or the short "no reports" mark. */
    private String shown(AreaFigures area, Long count) {
        return Boolean.FALSE.equals(area.reported()) ? text.get("report.series.noReports") : text.count(count);
    }

    private void districts() {
        pages.heading(text.get("report.districts", text.month(figures.month())));
        List<List<String>> rows = new ArrayList<>();
        for (AreaFigures d : figures.districts()) {
            List<String> row = new ArrayList<>(List.of(d.name()));
            for (String count : SERIES) {
                row.add(cell(d, value(d.count(count)), Kind.COUNT));
            }
            row.add(cell(d, d.rates().get("placementWithin6Months"), Kind.RATE));
            row.add(cell(d, d.fundingGaps().gapRate(), Kind.RATE));
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of(text.get("overview.column.district")));
        SERIES.forEach(c -> header.add(text.get("indicator." + c)));
        header.add(text.get("indicator.placementWithin6Months"));
        header.add(text.get("indicator.fundingGapRate"));
        pages.table(List.of(new PdfPages.Column(3.2f, false), new PdfPages.Column(1.3f, true),
                new PdfPages.Column(1.3f, true), new PdfPages.Column(1.6f, true), new PdfPages.Column(1.5f, true),
                new PdfPages.Column(1.3f, true)), header, rows);
    }

    private void chain() {
        pages.heading(text.get("chain.title"));
        pages.paragraph(text.get("chain.intro") + " " + text.get("report.year.about", twelveMonths()), 9,
                PdfPages.TEXT);
        periodTable(List.of(
                new Figure("indicator.medianWaitingDays", f -> f.chain().medianWaitingDays(), Kind.DAYS),
                new Figure("indicator.medianDaysToPlacement", f -> f.chain().medianDaysToPlacement(), Kind.DAYS),
                new Figure("indicator.placementWithin6Months", f -> f.rates().get("placementWithin6Months"), Kind.RATE),
                new Figure("indicator.pending", f -> value(f.chain().pending()), Kind.COUNT)));
    }

    private void waiting() {
        pages.heading(text.get("access.title"));
        periodTable(List.of(
                new Figure("indicator.medianWaitingTime", f -> f.access().medianWaitingTime(), Kind.DAYS),
                new Figure("indicator.waitingTimeOver6Weeks", f -> f.access().waitingTimeOver6Weeks(), Kind.RATE),
                new Figure("indicator.medianAccessTime", f -> f.access().medianAccessTime(), Kind.DAYS),
                new Figure("indicator.accessTimeOver6Weeks", f -> f.access().accessTimeOver6Weeks(), Kind.RATE)));
        pages.subheading(text.get("indicator.waitingNow"));
        pages.paragraph(text.get("report.waitingNow.about"), 8.5f, PdfPages.MUTED);
        // who waits today, whatever the month and whether the district reported in it
        figureTable(List.of(
                live("indicator.waitingNow", f -> value(f.waitingNow().waiting()), Kind.COUNT),
                live("indicator.waitingNowOver6Weeks", f -> f.waitingNow().over6Weeks(), Kind.RATE),
                live("indicator.medianDaysWaited", f -> f.waitingNow().medianDaysWaited(), Kind.DAYS),
                live("indicator.noStartAfter2Years", f -> value(f.waitingNow().noStartAfter2Years()), Kind.COUNT)));
    }

    private void funding() {
        pages.heading(text.get("report.funding"));
        pages.paragraph(text.get("method.def.fundingGap"), 8.5f, PdfPages.MUTED);
        periodTable(List.of(
                new Figure("indicator.fundingGapRate", f -> f.fundingGaps().gapRate(), Kind.RATE),
                new Figure("report.funding.gaps", f -> value(f.fundingGaps().gaps()), Kind.COUNT),
                new Figure("report.funding.wentOn", f -> value(f.fundingGaps().wentOn()), Kind.COUNT),
                new Figure("indicator.fundingGapsOpen", f -> value(f.fundingGaps().open()), Kind.COUNT)));
        // by source over the twelve months: a single month's completions are mostly still open
        AreaFigures area = figures.areaYear();
        if (Boolean.FALSE.equals(area.reported())) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, FundingGapFigures.Gaps> e : area.fundingGaps().bySource().entrySet()) {
            FundingGapFigures.Gaps g = e.getValue();
            // a source without a published completion in the month says nothing: left out, as the note says
            if (zero(g.wentOn()) && zero(g.gaps()) && zero(g.open())) {
                continue;
            }
            rows.add(List.of(text.get(e.getKey().equals("NOT_STATED") ? "breakdown.notStated"
                            : "fundingSource." + e.getKey()), text.count(g.wentOn()), text.count(g.gaps()),
                    text.rate(g.gapRate()), text.count(g.open())));
        }
        pages.subheading(text.get("report.funding.bySource", area.name(), twelveMonths()));
        if (rows.isEmpty()) {
            pages.paragraph(text.get("report.funding.none"), 9, PdfPages.MUTED);
            return;
        }
        pages.table(List.of(new PdfPages.Column(3.4f, false), new PdfPages.Column(1.2f, true),
                new PdfPages.Column(1.2f, true), new PdfPages.Column(1.2f, true), new PdfPages.Column(1.2f, true)),
                List.of(text.get("chain.flow.before"), text.get("report.funding.wentOn"),
                        text.get("report.funding.gaps"), text.get("indicator.fundingGapRate"),
                        text.get("chain.flow.open")), rows);
        pages.paragraph(text.get("report.funding.bySource.about"), 8, PdfPages.MUTED);
    }

    private void method() {
        pages.heading(text.get("method.title"));
        pages.paragraph(text.get("method.intro"), 8.5f, PdfPages.TEXT);
        for (String term : EXPLAINED) {
            pages.definition(text.get("method.term." + term), text.get("method.def." + term), 8.5f);
        }
        pages.subheading(text.get("method.confidentiality"));
        pages.paragraph(text.get("method.confidentiality.text", figures.protection().maxDeviation(),
                figures.protection().minCases(), smallCounts), 8.5f, PdfPages.TEXT);
        pages.paragraph(text.get("method.confidentiality.residual", figures.protection().maxDeviation()), 8.5f,
                PdfPages.TEXT);
        pages.paragraph(text.get("method.source.residents"), 8, PdfPages.MUTED);
    }

    /** How a figure is written. */
    enum Kind {
        COUNT, PER_10K, RATE, DAYS
    }

    /** One figure of a table: its label's key, how to read it from an area's figures and how to write it. */
    private record Figure(String label, Function<AreaFigures, BigDecimal> value, Kind kind) {
    }

    /** "Dezember 2025 bis November 2026": the twelve months up to the report's month. */
    private String twelveMonths() {
        return text.get("report.year", text.month(figures.series().getFirst().month()), text.month(figures.month()));
    }

    /**
     * A table of figures in the month and over the twelve months up to it: the area's, and the region's beside a
     * district's.
     */
    private void periodTable(List<Figure> shown) {
        String month = text.shortMonth(figures.month());
        String year = text.get("report.column.year");
        List<String> header = new ArrayList<>(List.of(text.get("district.column.figure"),
                figures.area().name() + " " + month));
        if (!figures.isRegion()) {
            header.add(Region.NAME + " " + month);
        }
        header.add(figures.area().name() + " " + year);
        if (!figures.isRegion()) {
            header.add(Region.NAME + " " + year);
        }
        List<PdfPages.Column> columns = new ArrayList<>(List.of(new PdfPages.Column(3.6f, false)));
        for (int i = 1; i < header.size(); i++) {
            columns.add(new PdfPages.Column(1.1f, true));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Figure f : shown) {
            List<String> row = new ArrayList<>(List.of(text.get(f.label()),
                    cell(figures.area(), f.value().apply(figures.area()), f.kind())));
            if (!figures.isRegion()) {
                row.add(cell(figures.region(), f.value().apply(figures.region()), f.kind()));
            }
            row.add(cell(figures.areaYear(), f.value().apply(figures.areaYear()), f.kind()));
            if (!figures.isRegion()) {
                row.add(cell(figures.regionYear(), f.value().apply(figures.regionYear()), f.kind()));
            }
            rows.add(row);
        }
        pages.table(columns, header, rows);
    }

    /** A table of figures: the label, the area's figure, and the region's beside a district's. */
    private void figureTable(List<List<String>> rows) {
        List<String> header = new ArrayList<>(List.of(text.get("district.column.figure"), figures.area().name()));
        List<PdfPages.Column> columns = new ArrayList<>(List.of(new PdfPages.Column(3.6f, false),
                new PdfPages.Column(1.2f, true)));
        if (!figures.isRegion()) {
            header.add(Region.NAME);
            columns.add(new PdfPages.Column(1.2f, true));
        }
        pages.table(columns, header, rows);
    }

    private List<String> row(String label, Function<AreaFigures, BigDecimal> value, Kind kind) {
        List<String> row = new ArrayList<>(List.of(text.get(label),
                cell(figures.area(), value.apply(figures.area()), kind)));
        if (!figures.isRegion()) {
            row.add(cell(figures.region(), value.apply(figures.region()), kind));
        }
        return row;
    }

    /** A row of today's figures: shown whether or not the area reported in the month. */
    private List<String> live(String label, Function<AreaFigures, BigDecimal> value, Kind kind) {
        List<String> row = new ArrayList<>(List.of(text.get(label), number(value.apply(figures.area()), kind)));
        if (!figures.isRegion()) {
            row.add(number(value.apply(figures.region()), kind));
        }
        return row;
    }

    /** A figure of {@code area}: "keine Meldungen" when nobody reported for it in the month, "–" when withheld. */
    private String cell(AreaFigures area, BigDecimal value, Kind kind) {
        return Boolean.FALSE.equals(area.reported()) ? text.noReports() : number(value, kind);
    }

    private String number(BigDecimal value, Kind kind) {
        return switch (kind) {
            case COUNT -> text.count(value == null ? null : value.longValueExact());
            case PER_10K -> text.per10k(value);
            case RATE -> text.rate(value);
            case DAYS -> text.days(value);
        };
    }

    private static BigDecimal value(Long count) {
        return count == null ? null : BigDecimal.valueOf(count);
    }

    private static boolean zero(Long count) {
        return count == null || count == 0;
    }
}
