package soakmonitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The CSV {@link Sampler} wrote, read back for the report: its columns by name as {@link Series} over
 * elapsed_s. Columns are found by name, not position, so that a CSV of an older sampler with fewer
 * columns still reports what it has.
 */
final class SoakCsv {

    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();
    private final int elapsed;

    SoakCsv(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.size() < 3) {
            throw new IllegalStateException("fewer than 2 samples in " + csv);
        }
        header = List.of(lines.getFirst().split(",", -1));
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        elapsed = header.indexOf("elapsed_s");
    }

    /** Seconds from the first sample to the last. */
    double duration() {
        return time(rows.getLast());
    }

    private double time(String[] row) {
        return Double.parseDouble(row[elapsed]);
    }

    boolean has(String column) {
        return header.contains(column);
    }

    /** The cell of the last row, as written. */
    String last(String column) {
        return rows.getLast()[header.indexOf(column)];
    }

    /** The column as it is; NaN for an empty cell, and everywhere when there is no such column. */
    Series column(String name, String label, String unit) {
        return series(name, label, unit, x -> x);
    }

    /** The column times {@code scale}, for judging it: a negative value (-1: not available) is NaN. */
    Series scaled(String name, String label, String unit, double scale) {
        return series(name, label, unit, x -> x < 0 ? Double.NaN : x * scale);
    }

    /** The mean of the column over the whole run. */
    double mean(String name) {
        return column(name, "", "").mean(0, duration());
    }

    private Series series(String name, String label, String unit, DoubleUnaryOperator value) {
        int col = header.indexOf(name);
        double[] t = new double[rows.size()];
        double[] v = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            t[i] = time(rows.get(i));
            String cell = col < 0 || col >= rows.get(i).length ? "" : rows.get(i)[col];
            v[i] = value.applyAsDouble(cell.isBlank() ? Double.NaN : Double.parseDouble(cell));
        }
        return new Series(label, unit, t, v);
    }
}
