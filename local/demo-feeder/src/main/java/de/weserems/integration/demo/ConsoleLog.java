package de.weserems.integration.demo;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The feeder's log: timestamped lines on standard output, which ./run-local writes to demo-feeder.log. */
final class ConsoleLog {

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static void log(String format, Object... args) {
        System.out.println(LocalDateTime.now().format(LOG_TIME) + " " + String.format(Locale.ROOT, format, args));
    }

    private ConsoleLog() {
    }
}
