package support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The ingest API's event endpoint as one provider posts NDJSON to it, over an HTTP client of its own
 * (so that two of them do not share connections).
 */
public final class IngestApi {

    private final URI events;
    private final String apiKey;
    private final HttpClient client = Http.client();

    public IngestApi(URI events, String apiKey) {
        this.events = events;
        this.apiKey = apiKey;
    }

    /** The endpoint of {@code --url} with the key of {@code --key}. */
    public static IngestApi of(Options opt) {
        return new IngestApi(URI.create(opt.text("url")), opt.text("key"));
    }

    public HttpRequest post(byte[] ndjson, Duration timeout) {
        return HttpRequest.newBuilder(events).timeout(timeout)
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson))
                .build();
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public String toString() {
        return events.toString();
    }
}
