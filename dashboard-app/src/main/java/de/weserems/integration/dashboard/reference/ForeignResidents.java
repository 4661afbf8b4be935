package de.weserems.integration.dashboard.reference;

import de.weserems.integration.events.District;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Residents of foreign nationality per district, the denominator of the figures per 10,000 foreign
 * residents. Nothing is built in: no public source at hand gives all 17 districts for one year with a
 * source to cite, and an estimate would pass for an official figure. An operator supplies them as a CSV
 * file ({@code dashboard.reference.foreign-residents-file}, docs/configuration.md); without one the
 * figures are off ({@link #NONE}). The file is read at start, like the population: a restart picks up
 * a new one, no rebuild and no reprocessing, and a wrong file stops the start with every problem named
 * by line and field, in German, for the operator who wrote it.
 *
 * <p>Format: header {@code ags;year;foreignResidents;source}, one row per district, all 17, every row
 * with the same year and source (figures of different years side by side would compare unlike things);
 * the source is the rest of the line and may contain {@code ;}. Empty lines and lines starting with
 * {@code #} are skipped.
 */
public final class ForeignResidents {

    /** The setting that names the file. */
    static final String SETTING = "dashboard.reference.foreign-residents-file";

    /** The header the file must start with. */
    public static final String HEADER = "ags;year;foreignResidents;source";

    /** No file configured: no figures per 10,000 foreign residents. */
    public static final ForeignResidents NONE = new ForeignResidents(Map.of(), null);

    /**
     * Where the figures come from, shown in the read API and on the method page.
     *
     * @param year   the year the figures are of (usually their reference date 31.12.)
     * @param source the publication, as the file names it (e.g. the table and its publisher)
     */
    public record Reference(int year, String source) {
    }

    private final Map<District, Integer> residents;
    private final Reference reference;

    private ForeignResidents(Map<District, Integer> residents, Reference reference) {
        this.residents = Map.copyOf(residents);
        this.reference = reference;
    }

    /** Figures given in code, all 17 districts (tests, or a caller that has them from elsewhere). */
    public static ForeignResidents of(Map<District, Integer> residents, Reference reference) {
        List<District> missing = Arrays.stream(District.values()).filter(d -> !residents.containsKey(d)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no foreign residents for " + missing);
        }
        return new ForeignResidents(residents, reference);
    }

    /** Reads an operator's file; every problem is named with its line and field. */
    public static ForeignResidents load(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new ReferenceFileInvalid(SETTING, intro(file) + "die Datei fehlt oder ist nicht lesbar.");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.getFirst().replace("\uFEFF", "").isBlank()) {
            throw new ReferenceFileInvalid(SETTING, intro(file) + "die Datei ist leer; erwartet: die Kopfzeile '"
                    + HEADER + "' und 17 Zeilen, eine je Kreis.");
        }
        String header = lines.getFirst().replace("\uFEFF", "").trim();
        if (!header.equalsIgnoreCase(HEADER)) {
            throw new ReferenceFileInvalid(SETTING, intro(file) + "Zeile 1: die Kopfzeile muss '" + HEADER
                    + "' lauten, nicht '" + header + "'.");
        }
        List<String> problems = new ArrayList<>();
        Map<District, Integer> map = new EnumMap<>(District.class);
        // a district whose row is there but wrong is named by that row's problem, not again as missing
        Set<District> seen = EnumSet.noneOf(District.class);
        Integer year = null;
        String source = null;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = "Zeile " + (i + 1) + ", Feld ";
            String[] cells = line.split(";", 4);
            if (cells.length < 4) {
                problems.add("Zeile " + (i + 1) + ": 4 Felder erwartet (" + HEADER + "), gefunden " + cells.length);
                continue;
            }
            Optional<District> district = District.byAgs(cells[0].trim());
            if (district.isEmpty()) {
                problems.add(at + "ags: '" + cells[0].trim() + "' ist kein Kreis in Weser-Ems");
            } else {
                seen.add(district.get());
            }
            Integer rowYear = number(cells[1]);
            if (rowYear == null || rowYear < 1950 || rowYear > 2100) {
                problems.add(at + "year: '" + cells[1].trim() + "' ist keine Jahreszahl");
            } else if (year == null) {
                year = rowYear;
            } else if (!year.equals(rowYear)) {
                problems.add(at + "year: " + rowYear + " weicht vom Jahr der ersten Zeile ab (" + year
                        + "); alle Kreise müssen aus demselben Jahr stammen");
            }
            String rowSource = unquote(cells[3].trim());
            if (rowSource.isEmpty()) {
                problems.add(at + "source: die Quelle fehlt");
            } else if (source == null) {
                source = rowSource;
            } else if (!source.equals(rowSource)) {
                problems.add(at + "source: '" + rowSource + "' weicht von der Quelle der ersten Zeile ab ('"
                        + source + "'); alle Kreise müssen aus derselben Quelle stammen");
            }
            Integer value = number(cells[2]);
            if (value == null || value <= 0) {
                problems.add(at + "foreignResidents: '" + cells[2].trim() + "' ist keine positive ganze Zahl");
            } else if (district.isPresent() && map.put(district.get(), value) != null) {
                problems.add(at + "ags: " + district.get().ags() + " steht doppelt in der Datei");
            }
        }
        Arrays.stream(District.values()).filter(d -> !seen.contains(d))
                .forEach(d -> problems.add("es fehlt die Zeile für " + d.ags() + " (" + d.displayName() + ")"));
        if (!problems.isEmpty()) {
            throw new ReferenceFileInvalid(SETTING, intro(file) + String.join("; ", problems) + ".");
        }
        return new ForeignResidents(map, new Reference(year, source));
    }

    private static String intro(Path file) {
        return "Die Datei der ausländischen Bevölkerung " + file
                + " (" + SETTING + ") ist nicht verwendbar: ";
    }

    /** A whole number, with German thousands separators allowed ({@code 18.105}); {@code null} if none. */
    private static Integer number(String cell) {
        try {
            return Integer.parseInt(unquote(cell.trim()).replace(".", "").replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
    }

    /** Whether figures were supplied: without them no figure per 10,000 foreign residents exists. */
    public boolean available() {
        return reference != null;
    }

    /** The district's residents of foreign nationality. */
    public int of(District district) {
        Integer n = residents.get(district);
        if (n == null) {
            throw new IllegalStateException("no foreign residents configured");
        }
        return n;
    }

    /** Those of the whole region: the sum of the 17 districts. */
    public int region() {
        return residents.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Year and source; {@code null} when {@link #available() off}. */
    public Reference reference() {
        return reference;
    }
}
