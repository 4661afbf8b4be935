package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import de.weserems.integration.dashboard.base.export.GridExport;
import de.weserems.integration.dashboard.base.export.ShownTable;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import de.weserems.integration.dashboard.indicators.model.Breakdown;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.ChainFigures;
import de.weserems.integration.dashboard.indicators.query.BreakdownFigures.TargetLevel;
import de.weserems.integration.dashboard.indicators.ui.DistrictView.FigureRow;
import de.weserems.integration.dashboard.indicators.ui.FigureFormat.Kind;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The district page's breakdowns of contract v2, each a small table of the district beside the region:
 * target level reached, integration-course exam levels, enrolments by course variant, funding, placements
 * by type, and by sex (only for a calendar quarter or year, as the read API publishes it; otherwise a hint
 * in its place). Every cell is a figure of {@link AreaFigures} as published, only written here (never recomputed
 * from other counts, which would undo the cell key method). "ohne Angabe" (events without the field,
 * every v1 event) is a row of its own, so that no bucket looks bigger or smaller than it is.
 */
class BreakdownSections extends VerticalLayout {

    /** A funding source's enrolments and completions, district beside region. */
    record FundingRow(String label, String enrolments, String regionEnrolments, String completions,
                      String regionCompletions) {
    }

    private static String placedRate(AreaFigures area, ChainFigures.Placed placed, FigureFormat format) {
        return format.figure(area, placed.rate(), FigureFormat.Kind.RATE);
    }

    /** The counts broken down by sex, as the read API names them ({@code enrolmentsBySex}, ...). */
    private static final List<String> SEX_COUNTS = List.of("enrolments", "completions", "passed", "placements");

    private final Component page;
    private final Grid<FigureRow> targetLevel;
    private final Grid<FigureRow> examLevels;
    private final Grid<FigureRow> courseVariants;
    private final Grid<FundingRow> funding = FigureGrid.compact("district-funding");
    private final Grid<FigureRow> placementTypes;
    private final Grid<FigureRow> bySex;
    private final Paragraph bySexOnlyQuartersAndYears = new Paragraph();
    /** The tables by their title's key, in the page's order: what the export writes. */
    private final Map<String, Grid<?>> sections = new LinkedHashMap<>();

    BreakdownSections(Component page) {
        this.page = page;
        targetLevel = FigureGrid.of(page, "district-target-level");
        examLevels = FigureGrid.of(page, "district-exam-levels");
        courseVariants = FigureGrid.of(page, "district-course-variants");
        placementTypes = FigureGrid.of(page, "district-placement-types");
        bySex = FigureGrid.of(page, "district-by-sex");
        GridExport.column(funding, FundingRow::label).setHeader(text("breakdown.funding.column.source")).setFlexGrow(3);
        GridExport.column(funding, FundingRow::enrolments).setHeader(text("indicator.enrolments"))
                .setTextAlign(ColumnTextAlign.END);
        GridExport.column(funding, FundingRow::regionEnrolments)
                .setHeader(page.getTranslation("district.column.regionOf", text("indicator.enrolments")))
                .setTextAlign(ColumnTextAlign.END);
        GridExport.column(funding, FundingRow::completions).setHeader(text("indicator.completions"))
                .setTextAlign(ColumnTextAlign.END);
        GridExport.column(funding, FundingRow::regionCompletions)
                .setHeader(page.getTranslation("district.column.regionOf", text("indicator.completions")))
                .setTextAlign(ColumnTextAlign.END);
        // spaced as the page's own tables are (the page is a VerticalLayout too), without a second padding
        setPadding(false);
        setWidthFull();
        section("targetLevel", targetLevel);
        section("examLevels", examLevels);
        section("courseVariants", courseVariants);
        section("funding", funding);
        section("placementTypes", placementTypes);
        section("bySex", bySex);
        bySexOnlyQuartersAndYears.setText(text("breakdown.bySex.onlyQuartersAndYears"));
        bySexOnlyQuartersAndYears.setId("district-by-sex-hint");
        bySexOnlyQuartersAndYears.addClassName("muted");
        add(bySexOnlyQuartersAndYears);
    }

    /**
     * Shows the breakdowns of district {@code d} beside the region {@code r}; {@code courseType} is the
     * filter's (null: all), which leaves only its own variants in the course-variant table. The table by sex
     * is shown when the figures carry it (a calendar quarter or year), the hint otherwise.
     */
    void show(AreaFigures d, AreaFigures r, CourseType courseType, FigureFormat format) {
        boolean sexShown = r.breakdowns().containsKey(Breakdown.ENROLMENTS_BY_SEX.key());
        bySex.setVisible(sexShown);
        bySexOnlyQuartersAndYears.setVisible(!sexShown);
        List<FigureRow> sexRows = new ArrayList<>();
        if (sexShown) {
            for (String count : SEX_COUNTS) {
                String breakdown = count + "BySex";
                for (FigureRow row : countRows(breakdown, "sex.", d, r, key -> true, format)) {
                    sexRows.add(new FigureRow(page.getTranslation("breakdown.bySex.row", text("indicator." + count),
                            row.label()), row.district(), row.region()));
                }
            }
            // the chain's rate by sex: placement within 6 months, as the read API publishes it
            d.chain().placementWithin6MonthsBySex().forEach((sex, placed) -> sexRows.add(new FigureRow(
                    page.getTranslation("breakdown.bySex.row", text("indicator.placementWithin6Months"),
                            text(sex.equals(Breakdown.NOT_STATED) ? "breakdown.notStated" : "sex." + sex)),
                    placedRate(d, placed, format),
                    placedRate(r, r.chain().placementWithin6MonthsBySex().get(sex), format))));
        }
        bySex.setItems(sexRows);
        targetLevel.setItems(targetLevelRows(d, r, format));
        examLevels.setItems(countRows("integrationCourseExamLevels", "examLevel.", d, r, key -> true, format));
        courseVariants.setItems(countRows("enrolmentsByCourseVariant", "courseVariant.", d, r,
                key -> courseType == null || key.equals(Breakdown.NOT_STATED)
                        || CourseVariant.valueOf(key).courseType() == courseType, format));
        placementTypes.setItems(countRows("placementsByType", "placementType.", d, r, key -> true, format));
        List<FundingRow> fundingRows = new ArrayList<>();
        for (String source : r.breakdowns().get("enrolmentsByFundingSource").keySet()) {
            fundingRows.add(new FundingRow(label("fundingSource.", source),
                    count(d, "enrolmentsByFundingSource", source, format),
                    count(r, "enrolmentsByFundingSource", source, format),
                    count(d, "completionsByFundingSource", source, format),
                    count(r, "completionsByFundingSource", source, format)));
        }
        funding.setItems(fundingRows);
    }

    /**
     * By attempt, every row; by course variant, the variants with examined cases in the district or the
     * region (of 14, most are empty in a district) and always "ohne Angabe". The rows follow the
     * breakdowns, not the figures: without any report the figures have no target levels at all.
     */
    private List<FigureRow> targetLevelRows(AreaFigures d, AreaFigures r, FigureFormat format) {
        List<FigureRow> rows = new ArrayList<>();
        for (String attempt : publishedOrder(Breakdown.TARGET_LEVEL_EXAMINED_BY_ATTEMPT)) {
            String label = attempt.equals(Breakdown.NOT_STATED) ? text("breakdown.targetLevel.attemptNotStated")
                    : text("attempt." + attempt);
            rows.add(targetLevelRow(label, d, r, "byAttempt", attempt, format));
        }
        for (String variant : publishedOrder(Breakdown.TARGET_LEVEL_EXAMINED_BY_COURSE_VARIANT)) {
            boolean notStated = variant.equals(Breakdown.NOT_STATED);
            if (notStated || examined(d, variant) || examined(r, variant)) {
                rows.add(targetLevelRow(notStated ? text("breakdown.targetLevel.variantNotStated")
                        : text("courseVariant." + variant), d, r, "byCourseVariant", variant, format));
            }
        }
        return rows;
    }

    /** The buckets of {@code breakdown} as the read API lists them: "ohne Angabe" last. */
    private static List<String> publishedOrder(Breakdown breakdown) {
        List<String> buckets = new ArrayList<>(breakdown.buckets().subList(1, breakdown.buckets().size()));
        buckets.add(Breakdown.NOT_STATED);
        return buckets;
    }

    private static boolean examined(AreaFigures area, String variant) {
        TargetLevel level = area.targetLevelReached().get("byCourseVariant").get(variant);
        return level != null && level.examined() != null && level.examined() > 0;
    }

    private FigureRow targetLevelRow(String label, AreaFigures d, AreaFigures r, String group, String bucket,
                                     FigureFormat format) {
        return new FigureRow(label, targetLevel(d, d.targetLevelReached().get(group).get(bucket), format),
                targetLevel(r, r.targetLevelReached().get(group).get(bucket), format));
    }

    /** "67,3 % von 52": the published rate and the published number examined it is a rate of; "–" when withheld. */
    private String targetLevel(AreaFigures area, TargetLevel level, FigureFormat format) {
        String rate = format.figure(area, level == null ? null : level.rate(), Kind.RATE);
        if (level == null || level.rate() == null) {
            return rate;
        }
        return page.getTranslation("breakdown.targetLevel.cell", rate,
                format.number(BigDecimal.valueOf(level.examined()), Kind.COUNT));
    }

    /**
     * One row per bucket of {@code breakdown} that {@code shown} keeps, in the published order ("ohne Angabe"
     * last): the region's, which lists every bucket (a district without reports has them too, empty).
     */
    private List<FigureRow> countRows(String breakdown, String labels, AreaFigures d, AreaFigures r,
                                      Predicate<String> shown, FigureFormat format) {
        List<FigureRow> rows = new ArrayList<>();
        for (String bucket : r.breakdowns().get(breakdown).keySet()) {
            if (shown.test(bucket)) {
                rows.add(new FigureRow(label(labels, bucket), count(d, breakdown, bucket, format),
                        count(r, breakdown, bucket, format)));
            }
        }
        return rows;
    }

    private static String count(AreaFigures area, String breakdown, String bucket, FigureFormat format) {
        Long value = area.breakdowns().getOrDefault(breakdown, Map.of()).get(bucket);
        return format.figure(area, value == null ? null : BigDecimal.valueOf(value), Kind.COUNT);
    }

    private String label(String prefix, String bucket) {
        return bucket.equals(Breakdown.NOT_STATED) ? text("breakdown.notStated") : text(prefix + bucket);
    }

    /** A heading, the one line that says what the table counts, and the table. */
    private void section(String key, Grid<?> grid) {
        grid.getElement().setAttribute("aria-label", text("breakdown." + key + ".title"));
        Paragraph about = new Paragraph(text("breakdown." + key + ".about"));
        about.addClassNames("muted", "section-about");
        about.setId(grid.getId().orElseThrow() + "-about");
        add(new H3(text("breakdown." + key + ".title")), about, grid);
        sections.put("breakdown." + key + ".title", grid);
    }

    /** The tables as shown (the one by sex only when it is shown), each under its heading. */
    List<ShownTable.Section> shown() {
        return GridExport.shown(sections.entrySet().stream().map(e -> GridExport.titled(text(e.getKey()), e.getValue()))
                .toArray(GridExport.Titled[]::new));
    }

    private String text(String key) {
        return page.getTranslation(key);
    }
}
