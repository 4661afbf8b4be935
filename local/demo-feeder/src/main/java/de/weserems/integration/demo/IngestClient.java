package de.weserems.integration.demo;

import de.weserems.integration.events.Submission;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.weserems.integration.demo.ConsoleLog.log;

/** HTTP: posts batches of events to ingest as a well-behaved provider. */
final class IngestClient {

    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

    private final String url;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // Atomic: the shutdown hook reads them from another thread.
    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private long rejectedRequests;
    private long lastRejectionLog = System.nanoTime() - 60_000_000_000L;

    IngestClient(String url, String key) {
        this.url = url;
        this.key = key;
    }

    /** The events ingest has accepted in this run. */
    long posted() {
        return posted.get();
    }

    /** The events given up on in this run because ingest rejected them. */
    long dropped() {
        return dropped.get();
    }

    /**
     * Posts one batch until it is stored. 202: done. 429/503 and connection errors: wait (Retry-After
     * if given) and resend the SAME request - same event ids, so a resend counts once. 413: split the
     * batch. Any other 4xx means this feeder is wrong: log it with the answer and go on.
     */
    void post(List<Submission> batch) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(Submission.toJsonArray(batch)))
                .build();
        int attempt = 0;
        int serverErrors = 0;
        long lastComplaint = 0;
        while (true) {
            attempt++;
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // Ingest not up yet, restarting, or gone for a moment: wait and send the same again.
                if (System.nanoTime() - lastComplaint > 30_000_000_000L) {
                    log("ingest not reachable (%s); retrying the same %d events", e, batch.size());
                    lastComplaint = System.nanoTime();
                }
                Thread.sleep(backoffMillis(attempt));
                continue;
            }
            int status = response.statusCode();
            if (status == 202 || status == 200) {
                Matcher m = ACCEPTED.matcher(response.body());
                long accepted = m.find() ? Long.parseLong(m.group(1)) : batch.size();
                if (accepted != batch.size()) {
                    log("WARN: sent %d events, ingest says accepted=%d (%s)", batch.size(), accepted, response.body());
                }
                posted.addAndGet(accepted);
                return;
            }
            if (status == 429 || status == 503) {
                long wait = retryAfterMillis(response).orElse(backoffMillis(attempt));
                if (System.nanoTime() - lastComplaint > 30_000_000_000L) {
                    log("ingest answered %d; resending the same %d events in %d ms", status, batch.size(), wait);
                    lastComplaint = System.nanoTime();
                }
                Thread.sleep(wait);
                continue;
            }
            if (status == 413 && batch.size() > 1) {
                log("ingest answered 413 for %d events; splitting the batch", batch.size());
                int half = batch.size() / 2;
                post(batch.subList(0, half));
                post(batch.subList(half, batch.size()));
                return;
            }
            if (status >= 500 && ++serverErrors <= 5) {
                log("ingest answered %d (%s); retrying the same %d events", status, abbreviate(response.body()), batch.size());
                Thread.sleep(backoffMillis(attempt));
                continue;
            }
            // A 4xx (or a persistent 5xx) is a bug in this feeder or the service: say so loudly, go on.
            // (A wrong key would reject every request: then say it in full only every 30 s.)
            dropped.addAndGet(batch.size());
            rejectedRequests++;
            if (System.nanoTime() - lastRejectionLog > 30_000_000_000L) {
                log("ERROR: ingest rejected %d events with %d (%d rejected requests in this run): %s",
                        batch.size(), status, rejectedRequests, response.body());
                log("ERROR: first event of that request: %s", batch.getFirst().toJson());
                lastRejectionLog = System.nanoTime();
            }
            return;
        }
    }

    private static long backoffMillis(int attempt) {
        return Math.min(15_000L, 500L << Math.min(attempt, 5));
    }

    private static OptionalLong retryAfterMillis(HttpResponse<?> response) {
        String v = response.headers().firstValue("Retry-After").orElse(null);
        if (v == null) return OptionalLong.empty();
        try {
            return OptionalLong.of(Math.clamp(Long.parseLong(v.trim()) * 1000, 100, 120_000));
        } catch (NumberFormatException e) {
            try { // or an HTTP date
                ZonedDateTime at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                long ms = Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis();
                return OptionalLong.of(Math.clamp(ms, 100, 120_000));
            } catch (DateTimeParseException e2) {
                return OptionalLong.empty();
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
