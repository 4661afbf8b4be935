package de.weserems.integration.dashboard.reference;

import de.weserems.integration.events.District;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Residents per district, the denominator of every per-10,000 figure. Built in: Destatis' figures of
 * 31.12.2018 (docs/design.md, "The 17 districts"). An operator replaces them with a CSV file (e.g. the state statistics
 * office's newer census-based figures) named by {@code dashboard.reference.population-file}: a header
 * {@code ags;residents} (or {@code ,}), one row per district, all 17 of them; a restart picks it up.
 */
public final class Population {

    /**
     * Where the figures come from, shown on the method page.
     *
     * @param label  what they are, e.g. "Bevölkerung am 31.12.2018"
     * @param credit the credit the source asks for
     */
    public record Source(String label, String credit) {
    }

    public static final Source DESTATIS_2018 = new Source(
            "Bevölkerung am 31.12.2018 (Kreisfreie Städte und Landkreise)",
            "© Statistisches Bundesamt (Destatis), 2019");

    private final Map<District, Integer> residents;
    private final Source source;

    private Population(Map<District, Integer> residents, Source source) {
        this.residents = Map.copyOf(residents);
        this.source = source;
    }

    /** The built-in figures of 31.12.2018. */
    public static Population reference2018() {
        Map<District, Integer> map = new EnumMap<>(District.class);
        Arrays.stream(District.values()).forEach(d -> map.put(d, d.residents2018()));
        return new Population(map, DESTATIS_2018);
    }

    /** Reads an operator's file; every problem is named with its line. */
    public static Population load(Path file, Source source) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        Map<District, Integer> map = new EnumMap<>(District.class);
        if (lines.isEmpty()) {
            throw new IllegalStateException(file + " is empty; expected a header 'ags;residents' and 17 rows");
        }
        String header = lines.getFirst().replace("\uFEFF", "").trim();
        String delimiter = header.contains(";") ? ";" : ",";
        if (!header.equalsIgnoreCase("ags" + delimiter + "residents")) {
            throw new IllegalStateException(file + ": the header must be 'ags;residents' (or with ','), not '" + header + "'");
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(delimiter, -1);
            if (cells.length != 2) {
                problems.add("line " + (i + 1) + ": expected 2 cells, found " + cells.length);
                continue;
            }
            var district = District.byAgs(cells[0].trim());
            if (district.isEmpty()) {
                problems.add("line " + (i + 1) + ": " + cells[0].trim() + " is not a district of Weser-Ems");
                continue;
            }
            try {
                int value = Integer.parseInt(cells[1].trim().replace(".", "").replace("_", ""));
                if (value <= 0) {
                    problems.add("line " + (i + 1) + ": residents must be positive");
                } else if (map.put(district.get(), value) != null) {
                    problems.add("line " + (i + 1) + ": " + cells[0].trim() + " appears twice");
                }
            } catch (NumberFormatException e) {
                problems.add("line " + (i + 1) + ": '" + cells[1].trim() + "' is not a whole number");
            }
        }
        Arrays.stream(District.values()).filter(d -> !map.containsKey(d))
                .forEach(d -> problems.add("no row for " + d.ags() + " (" + d.displayName() + ")"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The population file " + file + " cannot be used: "
                    + String.join("; ", problems));
        }
        return new Population(map, source);
    }

    public int of(District district) {
        return residents.get(district);
    }

    /** Residents of the whole region: the sum of the 17 districts. */
    public int region() {
        return residents.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Source source() {
        return source;
    }
}
