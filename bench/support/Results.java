package support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A bench program's figures as key=value lines, in the order they were put: what its script reads. */
public final class Results {

    private final Map<String, String> values = new LinkedHashMap<>();

    public Results put(String key, Object value) {
        values.put(key, String.valueOf(value));
        return this;
    }

    public Results put(String key, double value, int decimals) {
        return put(key, String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    /** Prints the figures and writes them to {@code file} too, unless it is null. */
    public void print(Path file) {
        System.out.print(text());
        if (file != null) {
            write(file);
        }
    }

    public void write(Path file) {
        try {
            Files.writeString(file, text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code file} at once, for a reader that polls it. */
    public void writeAtomically(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
