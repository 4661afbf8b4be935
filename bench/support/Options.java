package support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --name=value} options of a bench program: its defaults, the required ones, {@code --help},
 * and the values by type.
 */
public final class Options {

    private final String program;
    private final String usage;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Options(String program, String usage) {
        this.program = program;
        this.usage = usage;
    }

    /**
     * Parses the arguments of the program {@code name} (also the tag of its log lines). {@code defaults}
     * are name, value pairs: only those names are accepted, and a null value makes the option required.
     * {@code --help} prints the usage and exits; a wrong argument prints it and exits with 2.
     */
    public static Options parse(String name, String usage, String[] args, String... defaults) {
        Log.program = name;
        Options options = new Options(name, usage);
        for (int i = 0; i < defaults.length; i += 2) {
            options.values.put(defaults[i], defaults[i + 1]);
        }
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(usage);
                System.exit(0);
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0 || !options.values.containsKey(arg.substring(2, eq))) {
                options.fail("not an option: " + arg);
            }
            options.values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        options.values.forEach((key, value) -> {
            if (value == null) {
                options.fail("--" + key + " is required");
            }
        });
        return options;
    }

    /** Prints the message and the usage, and exits with 2. */
    public static void fail(String program, String usage, String message) {
        System.err.println(program + ": " + message);
        System.err.print(usage);
        System.exit(2);
    }

    public void fail(String message) {
        fail(program, usage, message);
    }

    public String text(String name) {
        return values.get(name);
    }

    public boolean given(String name) {
        return !values.get(name).isBlank();
    }

    public int integer(String name) {
        return Integer.parseInt(values.get(name));
    }

    public long longValue(String name) {
        return Long.parseLong(values.get(name));
    }

    public double decimal(String name) {
        return Double.parseDouble(values.get(name));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(values.get(name));
    }

    /** The option as a path, or null when it is blank. */
    public Path path(String name) {
        return given(name) ? Path.of(values.get(name)) : null;
    }
}
