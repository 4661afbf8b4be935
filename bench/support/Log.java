package support;

import java.util.Locale;

/** Progress lines of a bench program on stderr, tagged with its name (stdout is for its results). */
public final class Log {

    /** Set by {@link Options#parse}. */
    static volatile String program = "bench";

    private Log() {
    }

    public static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[" + program + "] " + format + "%n", args);
    }
}
