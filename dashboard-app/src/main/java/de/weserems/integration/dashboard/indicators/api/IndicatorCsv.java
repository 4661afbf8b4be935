package de.weserems.integration.dashboard.indicators.api;

import de.weserems.integration.dashboard.base.export.Cell;
import de.weserems.integration.dashboard.base.export.Csv;
import de.weserems.integration.dashboard.base.export.ShownTable;
import de.weserems.integration.dashboard.indicators.query.AreaFigures;
import de.weserems.integration.dashboard.indicators.query.IndicatorReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figures as CSV (RFC 4180): one row per area, one column per figure, named by its path in the JSON
 * answer ({@code counts.enrolments}, {@code rates.completionRate}, ...), empty where withheld. The
 * columns are taken from the JSON form of {@link AreaFigures}, so every figure the JSON shows is in
 * the CSV too, under the same confidentiality, and a new figure needs no change here.
 *
 * <p>The read API uses {@link #API} ({@code ,} and a decimal point); {@link #GERMAN_EXCEL} ({@code ;}, a
 * decimal comma and a byte order mark) is the same table for German Excel. The pages' downloads do not use
 * this class: they write what the page shows ({@code base.export}).
 */
public final class IndicatorCsv {

    /** The read API's form: {@code ,}, decimal point, no BOM. */
    public static final IndicatorCsv API = new IndicatorCsv(Csv.API);
    /** For German Excel: {@code ;}, decimal comma, UTF-8 BOM. */
    public static final IndicatorCsv GERMAN_EXCEL = new IndicatorCsv(Csv.GERMAN_EXCEL);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> GROUPS = List.of("counts", "rates", "per10k", "per10kForeign", "breakdowns",
            "targetLevelReached", "chain", "access", "waitingNow", "fundingGaps");

    /** The quoting, separator, decimal mark and byte order mark, shared with the pages' exports. */
    private final Csv csv;

    private IndicatorCsv(Csv csv) {
        this.csv = csv;
    }

    /** The rows of {@code areas}, each with the extra leading columns of {@code leading} (e.g. the month). */
    public String write(List<Map<String, String>> leading, List<AreaFigures> areas) {
        ShownTable.Section section = section(leading, areas);
        return table(section.header(), section.rows().stream().map(row -> row.stream().map(Cell::text).toList())
                .toList());
    }

    /**
     * The same rows as a table of cells, a figure a number ({@link #API}'s decimal point read back), for the
     * read API's .xlsx: the same columns and cells as its CSV.
     */
    public ShownTable.Section section(List<Map<String, String>> leading, List<AreaFigures> areas) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            Map<String, String> row = new LinkedHashMap<>(leading.isEmpty() ? Map.of() : leading.get(i));
            row.putAll(flatten(areas.get(i)));
            rows.add(row);
        }
        List<String> header = new ArrayList<>();
        rows.forEach(r -> r.keySet().stream().filter(k -> !header.contains(k)).forEach(header::add));
        return new ShownTable.Section("", header, rows.stream().map(row -> header.stream()
                .map(h -> csv == Csv.API ? Cell.shown(row.getOrDefault(h, ""), Locale.ROOT)
                        : Cell.text(row.getOrDefault(h, ""))).toList()).toList());
    }

    /**
     * A table as it stands on a page: {@code header}, then {@code rows} of cells already written
     * as wanted (e.g. with a decimal comma), under the same quoting and byte order mark as the rest.
     */
    public String table(List<String> header, List<List<String>> rows) {
        return csv.table(header, rows);
    }

    /** The region first, then the districts, as the read API lists them. */
    public String write(IndicatorReport report) {
        return write(List.of(), areas(report));
    }

    /** The areas of {@code report} in the read API's order: the region first, then the districts. */
    public static List<AreaFigures> areas(IndicatorReport report) {
        List<AreaFigures> areas = new ArrayList<>();
        areas.add(report.region());
        areas.addAll(report.districts());
        return areas;
    }

    private Map<String, String> flatten(AreaFigures figures) {
        JsonNode node = JSON.valueToTree(figures);
        Map<String, String> row = new LinkedHashMap<>();
        row.put("district", node.path("district").asString(""));
        row.put("name", node.path("name").asString(""));
        row.put("population", node.path("population").asString(""));
        if (node.has("foreignResidents")) {
            row.put("foreignResidents", node.get("foreignResidents").asString());
        }
        row.put("reported", node.has("reported") ? node.get("reported").asString() : "");
        for (String group : GROUPS) {
            JsonNode values = node.get(group);
            if (values != null && values.isObject()) {
                flatten(group, values, row);
            }
        }
        return row;
    }

    /** Nested figures as one column each, named by their path ({@code breakdowns.placementsByType.EMPLOYMENT}). */
    private void flatten(String path, JsonNode values, Map<String, String> row) {
        for (String name : values.propertyNames()) {
            JsonNode value = values.get(name);
            if (value != null && value.isObject()) {
                flatten(path + "." + name, value, row);
            } else {
                row.put(path + "." + name, value(value));
            }
        }
    }

    private String value(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isNumber() ? csv.number(value.decimalValue()) : value.asString();
    }
}
