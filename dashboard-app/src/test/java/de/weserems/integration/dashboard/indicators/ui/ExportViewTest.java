package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import de.weserems.integration.dashboard.base.export.Cell;
import de.weserems.integration.dashboard.base.export.ExportLinks;
import de.weserems.integration.dashboard.base.export.ShownTable;
import de.weserems.integration.dashboard.base.export.Xlsx;
import de.weserems.integration.dashboard.indicators.model.ChainCounters;
import de.weserems.integration.dashboard.indicators.model.MonthlyCounters;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.readmodel.TestReadModels;
import de.weserems.integration.dashboard.testing.ViewTestBase;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Outcome;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static de.weserems.integration.dashboard.testing.ShownExports.assertShownAsIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page with figures exports exactly what its tables show: the same headers, rows (in the order shown)
 * and cells, withheld figures as the page writes them, for the page's period and course type.
 */
class ExportViewTest extends ViewTestBase {

    @BeforeEach
    void figures() {
        enrol(District.EMSLAND, 25, TODAY, CourseType.INTEGRATION_COURSE);
        enrol(District.LEER, 12, TODAY.minusMonths(1), CourseType.JOB_LANGUAGE_COURSE);
        complete(District.EMSLAND, 4, TODAY, Outcome.PASSED);
        ChainCounters waiting = ChainCounters.ZERO;
        for (int i = 0; i < 12; i++) {
            waiting = waiting.plus(ChainCounters.ZERO.plusWaitingSince(1));
        }
        TestReadModels.put(model, "03454|2026-08", MonthlyCounters.ofChain(CourseType.INTEGRATION_COURSE, waiting));
    }

    @Test
    void the_overview_exports_its_district_table_as_shown_with_its_period_and_course_type() {
        OverviewView view = open(OverviewView.class, "from=2026-01&to=2026-11&kurs=INTEGRATION_COURSE");
        ShownTable table = exported(view);
        assertThat(table.title()).isEqualTo("Überblick");
        assertThat(table.context()).contains("Zeitraum: Januar 2026 bis November 2026",
                "Kursart: Integrationskurs");
        assertThat(table.sections()).hasSize(1);
        assertShownAsIn(table.sections().getFirst(), grid(view, "district-table"));
        assertThat(links(view).fileName(table, "csv")).isEqualTo("ueberblick-2026-01-2026-11.csv");
        // a district nobody reported for: the page's words, never a 0
        assertThat(row(table.sections().getFirst(), "03401").get(2).text()).isEqualTo("keine Meldungen");
    }

    @Test
    void a_sort_by_the_user_is_the_order_of_the_export() {
        OverviewView view = open(OverviewView.class, "");
        Grid<AreaFigures> grid = grid(view, "district-table");
        grid.sort(List.of(new com.vaadin.flow.component.grid.GridSortOrder<>(grid.getColumns().get(2),
                com.vaadin.flow.data.provider.SortDirection.DESCENDING)));
        ShownTable.Section section = exported(view).sections().getFirst();
        assertThat(section.rows().getFirst().get(0).text()).as("most enrolments first").isEqualTo("Emsland");
        assertShownAsIn(section, grid);
    }

    @Test
    void the_chain_page_exports_its_table_and_the_funding_flow_shown() {
        ChainView view = open(ChainView.class, "");
        ShownTable table = exported(view);
        assertThat(table.sections()).hasSize(2);
        assertShownAsIn(table.sections().get(0), grid(view, "chain-table"));
        assertShownAsIn(table.sections().get(1), grid(view, "funding-flow"));
        assertThat(table.sections().get(1).title()).isEqualTo("Finanzierung vorher → nachher: Weser-Ems");
        // withheld medians (no participant references) stay the page's "–" in the workbook too
        Sheet sheet = sheet(view, 0);
        int emsland = firstDataRow(table) + rowIndex(table.sections().get(0), "Emsland");
        assertThat(sheet.getRow(emsland).getCell(1).getStringCellValue()).isEqualTo("–");
    }

    @Test
    void the_access_page_exports_who_waits_as_numbers_in_the_workbook() {
        AccessView view = open(AccessView.class, "");
        ShownTable table = exported(view);
        assertShownAsIn(table.sections().getFirst(), grid(view, "access-table"));
        int emsland = rowIndex(table.sections().getFirst(), "Emsland");
        Cell waiting = table.sections().getFirst().rows().get(emsland).get(1);
        assertThat(waiting.numeric()).isTrue();
        Sheet sheet = sheet(view, 0);
        var cell = sheet.getRow(firstDataRow(table) + emsland).getCell(1);
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).isEqualTo(waiting.number().doubleValue());
        assertThat(links(view).csv()).startsWith("\uFEFFZugang").contains("\r\nEmsland;" + waiting.text() + ";");
    }

    @Test
    void the_district_page_exports_each_of_its_tables_under_its_heading() {
        UI.getCurrent().navigate(DistrictView.class, DistrictView.parameters(District.EMSLAND),
                QueryParameters.fromString("from=2026-10&to=2026-11"));
        DistrictView view = (DistrictView) getCurrentView();
        ShownTable table = exported(view);
        assertThat(table.title()).isEqualTo("Emsland");
        assertThat(links(view).fileName(table, "xlsx")).isEqualTo("landkreis-03454-2026-10-2026-11.xlsx");
        List<String> titles = table.sections().stream().map(ShownTable.Section::title).toList();
        assertThat(titles).startsWith("Kennzahlen im Zeitraum", "Nach Kursart", "Zielniveau erreicht")
                .endsWith("Monat für Monat");
        List<String> ids = new ArrayList<>(List.of("district-figures", "district-courses", "district-target-level",
                "district-exam-levels", "district-course-variants", "district-funding", "district-placement-types"));
        ids.add("district-months");
        // the table by sex is hidden for a period that is no quarter, and so is not in the file
        assertThat(table.sections()).hasSize(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertShownAsIn(table.sections().get(i), grid(view, ids.get(i)));
        }
        assertThat(table.sections().getLast().rows().getFirst().getFirst().text()).isEqualTo("Okt. 2026 (vorläufig)");
    }

    @Test
    void an_english_page_exports_english_words_and_the_csv_still_has_german_excels_decimal_comma() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        OverviewView view = open(OverviewView.class, "");
        ShownTable.Section section = exported(view).sections().getFirst();
        assertShownAsIn(section, grid(view, "district-table"));
        Cell per10k = row(section, "03454").get(3);
        assertThat(per10k.text()).contains(".");
        assertThat(per10k.numeric()).isTrue();
        assertThat(links(view).csv()).contains(";" + per10k.text().replace('.', ',') + ";");
    }

    @Test
    void following_a_link_downloads_the_file_named_after_the_page_and_its_period() throws Exception {
        ChainView view = open(ChainView.class, "from=2026-01&to=2026-11");
        Anchor link = $(Anchor.class, links(view)).withId("foerderkette-csv").single();
        var resource = VaadinSession.getCurrent().getResourceRegistry()
                .getResource(StreamResourceRegistry.ElementStreamResource.class, URI.create(link.getHref()))
                .orElseThrow();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> headers = new HashMap<>();
        VaadinResponse response = (VaadinResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{VaadinResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getOutputStream" -> body;
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                    default -> nothing(method);
                });
        VaadinRequest request = (VaadinRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{VaadinRequest.class}, (proxy, method, args) -> nothing(method));
        resource.getElementRequestHandler().handleRequest(request, response, VaadinSession.getCurrent(),
                resource.getOwner());
        assertThat(headers.get("Content-Disposition")).contains("attachment").contains("foerderkette-2026-01-2026-11.csv");
        assertThat(headers.get("Content-Type")).startsWith("text/csv");
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo(links(view).csv());
    }

    /** What a stand-in for the servlet's request or response answers: nothing ({@code false}, 0 or null). */
    private static Object nothing(Method method) {
        Class<?> type = method.getReturnType();
        return type.isPrimitive() && type != void.class ? Array.get(Array.newInstance(type, 1), 0) : null;
    }

    @Test
    void the_links_say_csv_for_excel_and_xlsx() {
        ExportLinks links = links(open(ChainView.class, ""));
        List<String> texts = $(Anchor.class, links).all().stream().map(Anchor::getText).toList();
        assertThat(texts).containsExactly("CSV (Excel)", "Excel (.xlsx)");
        assertThat($(Anchor.class, links).all()).allSatisfy(a -> assertThat(a.getHref()).isNotBlank());
    }

    /** The workbook's first row of figures: title, context lines, a blank line and the header above it. */
    private static int firstDataRow(ShownTable table) {
        return 1 + table.context().size() + 1 + 1;
    }

    private ExportLinks links(Component view) {
        return $(ExportLinks.class, view).single();
    }

    private ShownTable exported(Component view) {
        return links(view).table();
    }

    private Sheet sheet(Component view, int index) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(Xlsx.write(exported(view)))).getSheetAt(index);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> Grid<T> grid(Component view, String id) {
        return $(Grid.class, view).withId(id).single();
    }

    private static List<Cell> row(ShownTable.Section section, String ags) {
        return section.rows().stream().filter(r -> r.size() > 1 && r.get(1).text().equals(ags)).findFirst()
                .orElseThrow(() -> new AssertionError(ags + " not exported"));
    }

    private static int rowIndex(ShownTable.Section section, String name) {
        for (int i = 0; i < section.rows().size(); i++) {
            if (section.rows().get(i).getFirst().text().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not exported");
    }
}
