package de.weserems.integration.dashboard.upload;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP server standing in for ingest's {@code POST /api/v1/events}: it answers with the responses a test
 * queues, in order, and keeps each request as it arrived (headers, query, body). Tests close it.
 */
public final class StubIngest implements AutoCloseable {

    /** One request as ingest would have seen it. */
    public record Request(String path, String query, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record Response(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final Deque<Response> responses = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public StubIngest() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            Response response;
            synchronized (responses) {
                response = responses.isEmpty() ? new Response(500, "text/plain", "no answer queued")
                        : responses.removeFirst();
            }
            byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues {@code {"accepted": n}} with 202. */
    public StubIngest accepts(int events) {
        return answer(202, "application/json", "{\"accepted\":" + events + "}");
    }

    /** Queues an RFC 9457 problem. */
    public StubIngest problem(int status, String json) {
        return answer(status, "application/problem+json", json);
    }

    private StubIngest answer(int status, String contentType, String body) {
        synchronized (responses) {
            responses.addLast(new Response(status, contentType, body));
        }
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
