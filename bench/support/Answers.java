package support;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the ingest API answered to a load: the events of its 202 answers; every other status (and an
 * I/O error instead of an answer) counted, the first of them kept. Thread-safe.
 */
public final class Answers {

    private final LongAdder acceptedEvents = new LongAdder();
    private final Map<String, LongAdder> otherStatus = new ConcurrentHashMap<>();
    private final AtomicReference<String> first = new AtomicReference<>();

    /** Counts the answer to a request of {@code events} events, or the error that came instead; true for a 202. */
    public boolean count(HttpResponse<String> response, Throwable error, int events) {
        String status;
        if (error != null) {
            status = "io-error";
            first.compareAndSet(null, error.toString());
        } else if (response.statusCode() == 202) {
            acceptedEvents.add(events);
            return true;
        } else {
            status = Integer.toString(response.statusCode());
            String body = response.body();
            first.compareAndSet(null, status + " " + body.substring(0, Math.min(300, body.length())));
        }
        otherStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        return false;
    }

    public long acceptedEvents() {
        return acceptedEvents.sum();
    }

    public long nonAccepted() {
        return otherStatus.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** "none", or the count per status: "400:3 io-error:1". */
    public String byStatus() {
        if (otherStatus.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        new TreeMap<>(otherStatus).forEach((k, v) -> b.append(b.isEmpty() ? "" : " ").append(k).append(':').append(v.sum()));
        return b.toString();
    }

    /** The first answer other than 202 on one line, or null. */
    public String first() {
        String text = first.get();
        return text == null ? null : text.replace('\n', ' ');
    }

    /** Starts counting afresh (after a warm-up). */
    public void reset() {
        acceptedEvents.reset();
        otherStatus.clear();
        first.set(null);
    }
}
