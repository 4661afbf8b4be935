package de.weserems.integration.demo;

import java.net.URI;
import java.util.Locale;

/** The command line: {@code --name=value} or {@code --name value}, see {@link #USAGE}. */
final class Options {

    private static final String DEFAULT_URL = "http://localhost:8081/api/v1/events";
    private static final String DEFAULT_KEY = "local-demo-key";
    static final long DEFAULT_SEED = 20190101L;
    /** The contract allows up to 500 events per request; that is also the ingest default limit. */
    private static final int MAX_BATCH = 500;

    static final String USAGE = """
            Usage: java -jar local/demo-feeder/target/demo-feeder-0.1.0-SNAPSHOT-exec.jar [options]

            Pushes synthetic but plausible integration events (enrolments, completions, job placements
            of participants moving through chains of measures in the 17 districts of Weser-Ems) through
            the ingest API, as a data provider would. Runs until killed (SIGTERM or Ctrl-C).

            Options (--name=value or --name value):
              --url=URL             ingest endpoint (default %s)
                                    tip: append ?dryRun=true to validate without storing
              --key=KEY             provider API key (default %s)
              --backfill=BOOL       first post the history of the last --months months (default false;
                                    ./run-local passes true only when the event topic is empty)
              --months=N            length of the backfilled history in months (default 24)
              --trickle=BOOL        afterwards keep sending events dated today (default true)
              --rate=R              trickle rate in events per second, may be fractional (default 0.5)
              --seed=N              seed of the simulation (default %d); the same seed gives the same
                                    history and the same event ids, so a backfill sent twice counts once
              --batch=N             events per request, 1..%d (default %d)
              --stats               print monthly counts of the history that --backfill would send, then exit
              --help                this text
            """.formatted(DEFAULT_URL, DEFAULT_KEY, DEFAULT_SEED, MAX_BATCH, MAX_BATCH);

    String url = DEFAULT_URL;
    String key = DEFAULT_KEY;
    boolean backfill = false;
    boolean trickle = true;
    int months = 24;
    double rate = 0.5;
    long seed = DEFAULT_SEED;
    int batch = MAX_BATCH;
    boolean stats;
    boolean help;

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) { o.help = true; continue; }
            if (a.equals("--stats")) { o.stats = true; continue; }
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + a);
            String name, value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(2, eq);
                value = a.substring(eq + 1);
            } else {
                name = a.substring(2);
                if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value");
                value = args[++i];
            }
            try {
                switch (name) {
                    case "url" -> o.url = URI.create(value).toString();
                    case "key" -> o.key = value;
                    case "backfill" -> o.backfill = bool(name, value);
                    case "trickle" -> o.trickle = bool(name, value);
                    case "months" -> o.months = range(name, Integer.parseInt(value), 1, 120);
                    case "rate" -> {
                        o.rate = Double.parseDouble(value);
                        if (!(o.rate > 0 && o.rate <= 1000)) throw new IllegalArgumentException("--rate must be > 0 and <= 1000");
                    }
                    case "seed" -> o.seed = Long.parseLong(value);
                    case "batch" -> o.batch = range(name, Integer.parseInt(value), 1, MAX_BATCH);
                    default -> throw new IllegalArgumentException("unknown option --" + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + ": not a number: " + value);
            }
        }
        return o;
    }

    private static boolean bool(String name, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("--" + name + " must be true or false, not " + v);
        };
    }

    private static int range(String name, int v, int min, int max) {
        if (v < min || v > max) throw new IllegalArgumentException("--" + name + " must be " + min + ".." + max);
        return v;
    }
}
